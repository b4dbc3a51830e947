package schedule_test

import (
	"testing"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
)

func loadCatalogue(b *testing.B) *occasion.Catalog {
	b.Helper()
	cat, l := occasion.Load("../..")
	if l.HasErrors() {
		b.Fatal(l.Err())
	}
	return cat
}

// BenchmarkComputeWindow evaluates every rule of the real catalogue
// (occasions and holidays) over the default six-year feed window, as a build
// does once: a fresh engine each time, so nothing is remembered between runs.
//
//	go test ./internal/schedule -run '^$' -bench . -benchmem
func BenchmarkComputeWindow(b *testing.B) {
	cat := loadCatalogue(b)
	today := civil.Of(2026, 11, 22)
	from, to := schedule.FeedWindow(today, 1, 4)
	n := 0
	for b.Loop() {
		w, err := schedule.Compute(schedule.New(cat), from, to, today)
		if err != nil {
			b.Fatal(err)
		}
		n = len(w.All) + len(w.Holidays)
	}
	b.ReportMetric(float64(n), "occurrences/op")
}

// BenchmarkValidate evaluates every rule in every supported year (1583 …
// 2999), as `anlass check` and every build do.
func BenchmarkValidate(b *testing.B) {
	cat := loadCatalogue(b)
	for b.Loop() {
		if l := schedule.Validate(schedule.New(cat)); l.HasErrors() {
			b.Fatal(l.Err())
		}
	}
	b.ReportMetric(float64(len(cat.All())*(occasion.MaxYear-occasion.MinYear+1)), "evaluations/op")
}
