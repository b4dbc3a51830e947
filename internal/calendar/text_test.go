package calendar_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	goical "github.com/emersion/go-ical"

	"github.com/anlass/anlass/internal/calendar"
	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/ical"
)

// roundTrip writes one event with the given texts and checks what comes
// back from an independent parser (go-ical): the texts as cleaned (control
// characters dropped, tabs as spaces, CR and LF both a line break), and a
// file the linter accepts.
func roundTrip(t *testing.T, b calendar.Builder, summary, description, category string, importFile bool) {
	t.Helper()
	c := calendar.Calendar{Path: "/feeds/f.ics", Name: summary, Description: description, Import: importFile, Events: []calendar.Event{{
		UID: "f-2026@example.org", Start: civil.Of(2026, 12, 31), End: civil.Of(2027, 1, 6),
		Summary: summary, Description: description, URL: "https://example.org/anlaesse/f/", Categories: []string{category, "Feiertag"},
	}}}
	data := b.Bytes(c)
	lint := calendar.Lint
	if importFile {
		lint = calendar.LintImport
	}
	for _, prob := range lint(data) {
		t.Errorf("lint: %s", prob)
	}
	cal, err := goical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("go-ical: %v\n%s", err, data)
	}
	ev := cal.Events()
	if len(ev) != 1 {
		t.Fatalf("%d events", len(ev))
	}
	want := func(s string) string { return ical.Clean(strings.ReplaceAll(s, "\r\n", "\n")) }
	if got, _ := ev[0].Props.Text(goical.PropSummary); got != want(summary) {
		t.Errorf("SUMMARY %q, want %q", got, want(summary))
	}
	if got, _ := ev[0].Props.Text(goical.PropDescription); got != want(description) {
		t.Errorf("DESCRIPTION %q, want %q", got, want(description))
	}
	if cats := ev[0].Props.Values(goical.PropCategories); len(cats) != 2 {
		t.Errorf("%d CATEGORIES lines, want one per category", len(cats))
	}
}

var testBuilder = calendar.NewBuilder(config.Config{BaseURL: "https://example.org/sub/", UIDDomain: "example.org"}, time.Date(2026, 11, 22, 8, 30, 5, 0, time.UTC))

// Text built to hit the folding and escaping rules: multi-byte characters,
// spaces and "<", ">" at and around octet 75 and 74, characters the TEXT
// escaping and the cleaning change, long words without any space.
func TestEdgeText(t *testing.T) {
	var texts []string
	for _, unit := range []string{"a", "ä", "€", "😀", " ", "<", ">", "<a>", ",", ";", "\\", "\n", "\r\n", "\t", "\x00", "\u0085", "\u2028", "ab ", "a, b; c\\d\n"} {
		for n := 60; n <= 160; n++ {
			texts = append(texts, strings.Repeat("x", n%13)+strings.Repeat(unit, n/len(unit)+1)+strings.Repeat("y", n%7))
		}
	}
	texts = append(texts, strings.Repeat("Ein Wort ", 40), strings.Repeat("Überraschung für Kunden – ", 12), strings.Repeat("z", 300))
	for i, s := range texts {
		b := calendar.Builder{Config: testBuilder.Config, Stamp: testBuilder.Stamp} // no cache: every text under the same UID
		roundTrip(t, b, s, s+"\n\n"+s, s, i%2 == 0)
	}
}

// FuzzRoundTrip writes arbitrary valid UTF-8 text (the loaders reject
// anything else) and reads it back with go-ical.
func FuzzRoundTrip(f *testing.F) {
	f.Add("Pi-Tag", "Am 14. März; mit Kuchen, Knobeleien \\ und <b>Zahlen</b>.\nZweite Zeile", "Feiertag", false)
	f.Add(strings.Repeat("ä", 40), strings.Repeat("Tag der Überraschung ", 9), "Brückentag (im weiteren Sinn)", true)
	f.Add("x\r\ny", "\u2028\u0085\x7f\t", "a,b", false)
	f.Fuzz(func(t *testing.T, summary, description, category string, importFile bool) {
		if !utf8.ValidString(summary) || !utf8.ValidString(description) || !utf8.ValidString(category) ||
			strings.TrimSpace(ical.Clean(summary)) == "" || strings.TrimSpace(ical.Clean(category)) == "" {
			t.Skip() // the loaders require names and categories
		}
		b := calendar.Builder{Config: testBuilder.Config, Stamp: testBuilder.Stamp}
		roundTrip(t, b, summary, description, category, importFile)
	})
}

// One UID, one meaning: a builder refuses a second, different event under a
// UID it has written, and writes the same event again unchanged.
func TestOneUIDOneMeaning(t *testing.T) {
	b := calendar.NewBuilder(testBuilder.Config, testBuilder.Stamp)
	ev := calendar.Event{UID: "x-2026@example.org", Start: civil.Of(2026, 3, 14), End: civil.Of(2026, 3, 14), Summary: "X", Description: "d", Categories: []string{"Kuriose Tage"}}
	first := b.Bytes(calendar.Calendar{Path: "/feeds/a.ics", Events: []calendar.Event{ev}})
	second := b.Bytes(calendar.Calendar{Path: "/feeds/b.ics", Events: []calendar.Event{ev}})
	if !bytes.Contains(second, first[bytes.Index(first, []byte("BEGIN:VEVENT")):bytes.Index(first, []byte("END:VCALENDAR"))]) {
		t.Fatal("the same event was written differently")
	}
	other := ev
	other.Description = "anders"
	err := b.Write(&bytes.Buffer{}, calendar.Calendar{Path: "/feeds/c.ics", Events: []calendar.Event{other}})
	if err == nil || !strings.Contains(err.Error(), "UID x-2026@example.org has two different events") {
		t.Fatalf("err = %v", err)
	}
}
