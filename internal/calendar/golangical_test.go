package calendar_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/anlass/anlass/internal/calendar"
	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/testutil"
)

// viaGolangICal serialises c with github.com/arran4/golang-ical v0.3.6, the
// way anlass did before it had its own serialiser: the reference that
// calendar.Builder.Bytes must match byte for byte. The workarounds for the
// library's gaps (docs/feeds.md) are here too: CRLF requested, control
// characters stripped (with calendar.Clean), PRODID/VERSION replaced, one
// AddCategory per category.
func viaGolangICal(t testing.TB, b calendar.Builder, c calendar.Calendar) []byte {
	t.Helper()
	cal := ics.NewCalendarFor("anlass")
	cal.CalendarProperties = nil
	cal.SetVersion("2.0")
	cal.SetProductId(calendar.ProdID)
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName(calendar.Clean(c.Name))
	cal.SetXWRCalName(calendar.Clean(c.Name))
	cal.SetDescription(calendar.Clean(c.Description))
	cal.SetXWRCalDesc(calendar.Clean(c.Description))
	cal.SetUrl(b.Config.Abs(c.Path))
	cal.SetRefreshInterval("P1D")
	cal.SetXPublishedTTL("P1D")
	for _, e := range c.Events {
		ev := cal.AddEvent(e.UID)
		ev.SetDtStampTime(b.Stamp.UTC())
		ev.SetAllDayStartAt(e.Start.Time())
		ev.SetAllDayEndAt(e.End.AddDays(1).Time())
		ev.SetSummary(calendar.Clean(e.Summary))
		ev.SetDescription(calendar.Clean(e.Description))
		ev.SetURL(e.URL)
		for _, cat := range e.Categories {
			ev.AddCategory(calendar.Clean(cat))
		}
		ev.SetTimeTransparency(ics.TransparencyTransparent)
		ev.SetClass(ics.ClassificationPublic)
	}
	var buf bytes.Buffer
	if err := cal.SerializeTo(&buf, ics.WithNewLineWindows); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// firstDiff describes where two serialisations part.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-120)
	return "anlass:\n" + string(got[from:min(len(got), i+120)]) + "\n\ngolang-ical:\n" + string(want[from:min(len(want), i+120)])
}

// Every feed a build of the real content publishes (all, categories, one per
// occasion, the regions) and every one-event calendar is byte for byte what
// golang-ical writes.
func TestSameBytesAsGolangICal(t *testing.T) {
	p, clock, w := testutil.Window(t, "../..", "2026-11-22")
	fb := calendar.Builder{Config: p.Config, Stamp: clock.Stamp}
	cals := fb.Calendars(p.Catalog, w)
	_, _, regionCals := regionFeeds(t, "2026-11-22")
	cals = append(cals, regionCals...)
	events := 0
	for _, c := range cals {
		if got, want := fb.Bytes(c), viaGolangICal(t, fb, c); !bytes.Equal(got, want) {
			t.Fatalf("%s differs from golang-ical's serialisation:\n%s", c.Path, firstDiff(got, want))
		}
		events += len(c.Events)
	}
	for _, oc := range w.All {
		c := calendar.Calendar{Path: "/feeds/x.ics", Name: oc.Occasion.Name.De, Events: []calendar.Event{fb.EventOf(oc)}}
		if got, want := fb.Bytes(c), viaGolangICal(t, fb, c); !bytes.Equal(got, want) {
			t.Fatalf("one-event calendar %s %d:\n%s", oc.Occasion.ID, oc.Year, firstDiff(got, want))
		}
	}
	if len(cals) < 250 || events < 8000 {
		t.Errorf("compared only %d feeds with %d events", len(cals), events)
	}
}

// Text built to hit the folding rules: multi-byte characters, spaces and
// "<", ">" at and around octet 75 and 74, characters the TEXT escaping and
// the cleaning change, long words without any space.
func TestSameBytesAsGolangICalOnEdgeText(t *testing.T) {
	var texts []string
	for _, unit := range []string{"a", "ä", "€", "😀", " ", "<", ">", "<a>", ",", ";", "\\", "\n", "\r\n", "\t", "\x00", "\u0085", "\u2028", "ab ", "a, b; c\\d\n"} {
		for n := 60; n <= 160; n++ {
			texts = append(texts, strings.Repeat("x", n%13)+strings.Repeat(unit, n/len(unit)+1)+strings.Repeat("y", n%7))
		}
	}
	texts = append(texts, "", strings.Repeat("Ein Wort ", 40), strings.Repeat("Überraschung für Kunden – ", 12), strings.Repeat("z", 300))
	b := calendar.Builder{Config: config.Config{BaseURL: "https://example.org/sub/", UIDDomain: "example.org"}, Stamp: time.Date(2026, 11, 22, 8, 30, 5, 0, time.UTC)}
	for i, s := range texts {
		c := calendar.Calendar{Path: "/feeds/t.ics", Name: s, Description: s, Events: []calendar.Event{{
			UID: "t-2026@example.org", Start: civil.Of(2026, 12, 31), End: civil.Of(2027, 1, 6),
			Summary: s, Description: s + "\n\n" + s, URL: "https://example.org/" + strings.Repeat("p/", i%50),
			Categories: []string{s, "Feiertag"},
		}}}
		if got, want := b.Bytes(c), viaGolangICal(t, b, c); !bytes.Equal(got, want) {
			t.Fatalf("text %q:\n%s", s, firstDiff(got, want))
		}
	}
}

// FuzzSameBytesAsGolangICal compares the two serialisations on arbitrary
// valid UTF-8 text (the loader rejects anything else).
func FuzzSameBytesAsGolangICal(f *testing.F) {
	f.Add("Pi-Tag", "Am 14. März; mit Kuchen, Knobeleien \\ und <b>Zahlen</b>.\nZweite Zeile", "Feiertag")
	f.Add(strings.Repeat("ä", 40), strings.Repeat("Tag der Überraschung ", 9), "Brückentag (im weiteren Sinn)")
	f.Add("x\r\ny", "\u2028\u0085\x7f\t", "a,b")
	b := calendar.Builder{Config: config.Config{BaseURL: "https://example.org/", UIDDomain: "example.org"}, Stamp: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	f.Fuzz(func(t *testing.T, summary, description, category string) {
		if !utf8Valid(summary, description, category) {
			t.Skip()
		}
		c := calendar.Calendar{Path: "/feeds/f.ics", Name: summary, Description: description, Events: []calendar.Event{{
			UID: "f-2026@example.org", Start: civil.Of(2026, 3, 14), End: civil.Of(2026, 3, 14),
			Summary: summary, Description: description, URL: "https://example.org/anlaesse/f/", Categories: []string{category},
		}}}
		if got, want := b.Bytes(c), viaGolangICal(t, b, c); !bytes.Equal(got, want) {
			t.Fatalf("%s", firstDiff(got, want))
		}
	})
}

func utf8Valid(ss ...string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}

// BenchmarkSerializeGolangICal is BenchmarkSerialize done by golang-ical:
// the cost the own serialiser saves.
func BenchmarkSerializeGolangICal(b *testing.B) {
	fb, cals := realFeeds(b)
	for b.Loop() {
		for _, c := range cals {
			_ = viaGolangICal(b, fb, c)
		}
	}
	b.ReportMetric(float64(len(cals)), "files/op")
}
