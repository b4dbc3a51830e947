package calendar_test

import (
	"testing"

	"github.com/anlass/anlass/internal/calendar"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/testutil"
)

// realWindow loads the real content and computes its default feed window.
func realWindow(b *testing.B) (calendar.Builder, *project.Project, *schedule.Window) {
	b.Helper()
	p, clock, w := testutil.Window(b, "../..", "2026-11-22")
	return calendar.Builder{Config: p.Config, Stamp: clock.Stamp}, p, w
}

// realFeeds returns every calendar a build of the real content writes (all,
// categories, one per occasion; not the region feeds).
func realFeeds(b *testing.B) (calendar.Builder, []calendar.Calendar) {
	fb, p, w := realWindow(b)
	return fb, fb.Calendars(p.Catalog, w)
}

// BenchmarkEvents turns the window's occurrences into the events of every
// calendar (texts, URLs, descriptions).
//
//	go test ./internal/calendar -run '^$' -bench . -benchmem
func BenchmarkEvents(b *testing.B) {
	fb, p, w := realWindow(b)
	for b.Loop() {
		_ = fb.Calendars(p.Catalog, w)
	}
}

// BenchmarkSerialize writes every catalogue feed into memory with
// golang-ical: "cached" as a build does (each event serialised once and its
// bytes reused by every feed that carries it), "uncached" serialising every
// event in every feed.
func BenchmarkSerialize(b *testing.B) {
	fb, cals := realFeeds(b)
	for _, bc := range []struct {
		name string
		mk   func() calendar.Builder
	}{
		{"cached", func() calendar.Builder { return calendar.NewBuilder(fb.Config, fb.Stamp) }},
		{"uncached", func() calendar.Builder { return fb }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var bytes int
			for b.Loop() {
				cb := bc.mk() // a new build: nothing cached yet
				bytes = 0
				for _, c := range cals {
					bytes += len(cb.Bytes(c))
				}
			}
			b.ReportMetric(float64(len(cals)), "files/op")
			b.ReportMetric(float64(bytes), "bytes/op")
		})
	}
}
