package calendar

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// load builds the feeds of a project as a build would, with a fixed clock.
func load(t testing.TB, root string, today string) (Builder, *project.Project, *schedule.Window) {
	t.Helper()
	p, clock, w := testutil.Window(t, root, today)
	return NewBuilder(p.Config, clock.Stamp), p, w
}

func TestGolden(t *testing.T) {
	b, p, w := load(t, "testdata/site", "2026-06-01")
	for _, c := range b.Calendars(p.Catalog, w) {
		if !strings.HasPrefix(c.Path, "/feeds/") {
			t.Fatalf("feed path %s", c.Path)
		}
		got := b.Bytes(c)
		golden := filepath.Join("testdata", "golden", strings.TrimPrefix(c.Path, "/feeds/"))
		if *update {
			testutil.WriteFile(t, golden, string(got))
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/calendar -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run go test ./internal/calendar -update and review the diff)\n--- got ---\n%s", c.Path, golden, got)
		}
	}
}

// Every feed of the real catalogue, and of the fixture, passes the linter.
func TestLintEveryFeed(t *testing.T) {
	for _, root := range []string{"testdata/site", "../.."} {
		b, p, w := load(t, root, "2026-11-22")
		cals := b.Calendars(p.Catalog, w)
		termine := b.Termine(w) // the single-event files behind "In Kalender eintragen"
		if len(termine) == 0 {
			t.Fatalf("%s: no single-event files", root)
		}
		for _, f := range termine {
			data, err := b.Render(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, prob := range lintImport(data) {
				t.Errorf("%s %s: %s", root, f.Path, prob)
			}
		}
		if len(cals) < 5 {
			t.Fatalf("%s: only %d calendars", root, len(cals))
		}
		for _, c := range cals {
			data := b.Bytes(c)
			for _, prob := range lint(data) {
				t.Errorf("%s %s: %s", root, c.Path, prob)
			}
		}
	}
}

// The linter itself catches what it is meant to catch.
func TestLintCatchesProblems(t *testing.T) {
	b, p, w := load(t, "testdata/site", "2026-06-01")
	good := b.Bytes(b.Calendars(p.Catalog, w)[0])
	if probs := lint(good); len(probs) > 0 {
		t.Fatalf("good feed: %v", probs)
	}
	for name, mutate := range map[string]func(string) string{
		"LF endings": func(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") },
		"date-time start": func(s string) string {
			return strings.Replace(s, "DTSTART;VALUE=DATE:20270314", "DTSTART:20270314T000000Z", 1)
		},
		"no DTEND": func(s string) string { return strings.Replace(s, "DTEND;VALUE=DATE:20270315\r\n", "", 1) },
		"long line": func(s string) string {
			return strings.Replace(s, "SUMMARY:Pi-Tag", "SUMMARY:"+strings.Repeat("x", 80), 1)
		},
		"alarm": func(s string) string {
			return strings.Replace(s, "END:VEVENT", "BEGIN:VALARM\r\nEND:VALARM\r\nEND:VEVENT", 1)
		},
		"duplicate UID": func(s string) string { return strings.ReplaceAll(s, "UID:raunaechte-2026", "UID:pi-tag-2027") },
		"split UTF-8": func(s string) string {
			return strings.Replace(s, "Frühlingsanfang\r\n", "Fr\xc3\r\n \xbchlingsanfang\r\n", 1)
		},
		"control char": func(s string) string { return strings.Replace(s, "SUMMARY:Pi-Tag", "SUMMARY:Pi\x07Tag", 1) },
		"METHOD": func(s string) string {
			return strings.Replace(s, "CALSCALE:GREGORIAN\r\n", "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n", 1)
		},
		"ORGANIZER": func(s string) string {
			return strings.Replace(s, "CLASS:PUBLIC\r\n", "CLASS:PUBLIC\r\nORGANIZER:mailto:a@example.org\r\n", 1)
		},
		"no X-WR-CALNAME": func(s string) string {
			i := strings.Index(s, "X-WR-CALNAME:")
			return s[:i] + s[i+strings.Index(s[i:], "\r\n")+2:]
		},
		"end before start": func(s string) string {
			return strings.Replace(s, "DTEND;VALUE=DATE:20270315", "DTEND;VALUE=DATE:20270314", 1)
		},
	} {
		bad := mutate(string(good))
		if bad == string(good) {
			t.Fatalf("%s: mutation did not apply", name)
		}
		if probs := lint([]byte(bad)); len(probs) == 0 {
			t.Errorf("%s: linter found nothing", name)
		}
	}
}

// A file for import keeps no subscription property, and the linter notices
// one.
func TestLintImportCatchesSubscriptionProperties(t *testing.T) {
	b, _, w := load(t, "testdata/site", "2026-06-01")
	good, err := b.Render(b.Termine(w)[0])
	if err != nil {
		t.Fatal(err)
	}
	if probs := lintImport(good); len(probs) > 0 {
		t.Fatalf("good file: %v", probs)
	}
	if probs := lint(good); len(probs) == 0 {
		t.Fatal("a file for import passes as a subscription feed")
	}
	for _, prop := range subscriptionOnly {
		bad := strings.Replace(string(good), "CALSCALE:GREGORIAN\r\n", "CALSCALE:GREGORIAN\r\n"+prop+":x\r\n", 1)
		if probs := lintImport([]byte(bad)); len(probs) == 0 {
			t.Errorf("%s: linter found nothing", prop)
		}
	}
}

// Round trip through an independent parser: every event's dates, summary
// and UID equal what the engine computed.
func TestRoundTripThroughGoIcal(t *testing.T) {
	b, p, w := load(t, "../..", "2026-11-22")
	for _, c := range b.Calendars(p.Catalog, w)[:5] { // all + the four categories
		data := b.Bytes(c)
		cal, err := goical.NewDecoder(bytes.NewReader(data)).Decode()
		if err != nil {
			t.Fatalf("%s: go-ical: %v", c.Path, err)
		}
		events := cal.Events()
		var want []schedule.Occurrence
		start := FeedStart(w.Today, p.Config.MonthsBefore)
		for _, oc := range w.All {
			cat := strings.TrimSuffix(strings.TrimPrefix(c.Path, "/feeds/"), ".ics")
			if oc.End >= start && (cat == "all" || string(oc.Occasion.Category) == cat) {
				want = append(want, oc)
			}
		}
		if len(events) != len(want) || len(want) == 0 {
			t.Fatalf("%s: %d events, engine has %d occurrences", c.Path, len(events), len(want))
		}
		for i, ev := range events {
			oc := want[i]
			start, err := ev.DateTimeStart(time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			end, err := ev.DateTimeEnd(time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			summary, _ := ev.Props.Text(goical.PropSummary)
			uid, _ := ev.Props.Text(goical.PropUID)
			if civil.FromTime(start) != oc.Start || civil.FromTime(end) != oc.End.AddDays(1) ||
				summary != oc.Occasion.Name.De || uid != UID(oc.Occasion.ID, oc.Year, b.Config.UIDDomain) {
				t.Fatalf("%s event %d: %s %s..%s %q, engine: %s %s..%s(+1) %q", c.Path, i, uid, start.Format(time.DateOnly),
					end.Format(time.DateOnly), summary, oc.Occasion.ID, oc.Start, oc.End, oc.Occasion.Name.De)
			}
			if v := ev.Props.Get(goical.PropDateTimeStart).ValueType(); v != goical.ValueDate {
				t.Fatalf("%s: DTSTART value type %v", uid, v)
			}
		}
	}
}

// Adding an unrelated occasion changes no existing UID nor event.
func TestUIDsStableWhenOccasionsAreAdded(t *testing.T) {
	b, p, w := load(t, "testdata/site", "2026-06-01")
	before := eventsByUID(t, b, b.Calendars(p.Catalog, w)[0])

	dir := t.TempDir()
	testutil.CopyDir(t, "testdata/site", dir)
	extra := `id: aaa-erster
name: {de: "Ein Anlass, der vorne einsortiert wird"}
category: quirky
date: 01-02
summary: Ein zusätzlicher Anlass, der alphabetisch und zeitlich vor allen anderen steht. Er darf nichts verschieben.
ideas:
  - {kind: gift, title: Karte, text: Eine Karte.}
  - {kind: contact, title: Anruf, text: Ein Anruf.}
lead_time: 1w
sources: [{url: "https://example.org/", title: Beispiel}]
`
	testutil.WriteFile(t, filepath.Join(dir, "occasions/quirky/aaa-erster.yaml"), extra)
	b2, p2, w2 := load(t, dir, "2026-06-01")
	after := eventsByUID(t, b2, b2.Calendars(p2.Catalog, w2)[0])
	if len(after) <= len(before) {
		t.Fatalf("expected more events after adding an occasion: %d → %d", len(before), len(after))
	}
	for uid, ev := range before {
		if after[uid] != ev {
			t.Errorf("event %s changed after adding an unrelated occasion:\n%s\n---\n%s", uid, ev, after[uid])
		}
	}
}

// eventsByUID splits a serialised calendar into its VEVENT blocks.
func eventsByUID(t *testing.T, b Builder, c Calendar) map[string]string {
	data := b.Bytes(c)
	out := map[string]string{}
	for _, block := range strings.Split(string(data), "BEGIN:VEVENT\r\n")[1:] {
		block = block[:strings.Index(block, "END:VEVENT")]
		uid := strings.SplitN(strings.TrimPrefix(block, "UID:"), "\r\n", 2)[0]
		out[uid] = block
	}
	return out
}

var _ = occasion.Catalogue

// DESCRIPTION is short plain text, the same in every feed: one idea, the
// day preparing starts, the link. The summary's Markdown and raw HTML do not
// reach calendar clients, some of which render HTML there.
func TestDescription(t *testing.T) {
	src := `id: x
name: {de: X}
category: quirky
date: 06-14
summary: "Ein **fetter** [Link](https://example.org/) und <b>rohes</b> HTML <script>alert(1)</script> sowie ` + "`Code`" + `. Zweiter Satz."
ideas:
  - {kind: gift, title: Karte, text: Eine Karte.}
  - {kind: contact, title: Anruf, text: Ein Anruf.}
lead_time: 1w
sources: [{url: "https://example.org/", title: Beispiel}]
`
	var l diag.List
	o := occasion.Parse("occasions/quirky/x.yaml", []byte(src), occasion.Catalogue, &l)
	if l.HasErrors() {
		t.Fatal(l.Err())
	}
	b, _, _ := load(t, "testdata/site", "2026-06-01")
	ev := b.EventOf(schedule.Occurrence{Occasion: o, Year: 2026, Start: civil.Of(2026, 6, 14), End: civil.Of(2026, 6, 14)})
	if want := "Idee: Karte\n\nVorbereitung: 1 Woche vorher, also ab 07.06.2026.\n\nMehr Ideen: " + b.Config.Abs("/anlaesse/x/"); ev.Description != want {
		t.Errorf("description %q, want %q", ev.Description, want)
	}
	if strings.ContainsAny(ev.Description, "<>*`") {
		t.Errorf("markup left in the description: %q", ev.Description)
	}
}

// The preparation feeds: for every occurrence whose lead time starts on or
// after the feed start, one event on that day, in the order of those days,
// with a UID of its own; the category feeds hold just their category.
func TestPrepFeeds(t *testing.T) {
	b, p, w := load(t, "../..", "2026-11-22")
	start := FeedStart(w.Today, p.Config.MonthsBefore)
	for _, f := range b.Feeds(p.Catalog, w, nil, nil) {
		if !strings.HasPrefix(f.Path, "/feeds/vorlauf/") {
			continue
		}
		cat := occasion.Category(strings.TrimSuffix(strings.TrimPrefix(f.Path, "/feeds/vorlauf/"), ".ics"))
		var want []string
		for _, oc := range w.All {
			if PrepDay(oc) >= start && (cat == "all" || oc.Occasion.Category == cat) {
				want = append(want, PrepDay(oc).String()+" "+PrepUID(oc.Occasion.ID, oc.Year, b.Config.UIDDomain))
			}
		}
		slices.Sort(want)
		c := f.Make()
		var got []string
		for _, ev := range c.Events {
			if ev.Start != ev.End || !strings.HasPrefix(ev.Summary, "Vorbereiten: ") || ev.Categories[0] != "Vorbereitung" {
				t.Errorf("%s: event %+v", f.Path, ev)
			}
			got = append(got, ev.Start.String()+" "+ev.UID)
		}
		sorted := slices.Clone(got)
		slices.Sort(sorted)
		if !slices.Equal(sorted, want) || len(want) < 50 {
			t.Errorf("%s: %d events, want %d", f.Path, len(got), len(want))
		}
		for _, prob := range lint(b.Bytes(c)) {
			t.Errorf("%s: %s", f.Path, prob)
		}
	}
}
