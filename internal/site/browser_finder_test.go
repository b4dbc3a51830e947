package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/anlass/anlass/internal/agenda"
	"github.com/anlass/anlass/internal/calendar"
	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/testutil"
)

// finderRow is a result row as the page shows it: its data-occasion and
// data-start, and the holidays that share it (data-holiday).
type finderRow struct {
	ID, Start string
	Holidays  []string
}

// waitFinder waits until the Finder has rendered from its data (its status
// no longer says it is loading).
const waitFinder = `new Promise((ok, fail) => {
  const t0 = Date.now();
  (function poll() {
    const s = document.getElementById("finder-status").textContent;
    if (!document.getElementById("finder-panel").hidden && !/geladen …/.test(s)) return ok(s);
    if (Date.now() - t0 > 20000) return fail(new Error("finder still loading: " + s));
    setTimeout(poll, 20);
  })();
})`

const readRows = `(() => { let b; while ((b = document.querySelector("button.finder-more"))) b.click(); })() || Array.from(document.querySelectorAll("#finder-ergebnisse > li")).map(li => ({
  ID: li.getAttribute("data-occasion"), Start: li.getAttribute("data-start"),
  Holidays: Array.from(li.querySelectorAll("[data-holiday]")).map(h => h.getAttribute("data-holiday"))}))`

// TestBrowserFinder opens the Finder of the real site with filters in the
// query string and compares its rows with `anlass list` (internal/agenda)
// for the same window and filters: the same occurrences and region days,
// in the same order, each holiday that is an occasion in that occasion's
// row. It then measures filtering at 4× CPU throttling, checks the back
// button and the page without JavaScript.
func TestBrowserFinder(t *testing.T) {
	b := openSite(t, "../..", fixtureToday, 4*time.Minute)
	p := b.in.Project
	euros := func(n int) *int { return &n }
	region := func(code string) *regioncode.Region { r, _ := regioncode.Lookup(code); return &r }
	day := func(s string) civil.Date { d, _ := civil.Parse(s); return d }
	for _, tc := range []struct {
		query string
		q     agenda.Query
	}{
		// The example: Bayern, budget 20 €, the first quarter of 2027.
		{"von=2027-01-01&bis=2027-03-31&region=DE-BY&budget=20",
			agenda.Query{From: day("2027-01-01"), To: day("2027-03-31"), Region: region("DE-BY"), Ideas: agenda.IdeaFilter{Budget: euros(20)}}},
		{"von=2027-04-01&bis=2027-06-30&kategorie=quirky&kategorie=seasonal&zielgruppe=it&zielgruppe=handwerk&art=kontakt",
			agenda.Query{From: day("2027-04-01"), To: day("2027-06-30"), Categories: []occasion.Category{occasion.Quirky, occasion.Seasonal},
				Ideas: agenda.IdeaFilter{Zielgruppen: []string{"it", "handwerk"}, Kind: "contact"}}},
		{"von=2027-02-01&bis=2027-05-31&region=CH-ZH&remote=1&vorlauf=1&heute=2027-02-01",
			agenda.Query{From: day("2027-02-01"), To: day("2027-05-31"), Region: region("CH-ZH"), PrepareFrom: day("2027-02-01"),
				Ideas: agenda.IdeaFilter{Remote: true}}},
		{"von=2026-12-20&bis=2027-01-10&region=AT&kategorie=mainstream",
			agenda.Query{From: day("2026-12-20"), To: day("2027-01-10"), Region: region("AT"), Categories: []occasion.Category{occasion.Mainstream}}},
		{"von=2027-09-01&bis=2027-10-31&region=DE&budget=5&art=geschenk",
			agenda.Query{From: day("2027-09-01"), To: day("2027-10-31"), Region: region("DE"), Ideas: agenda.IdeaFilter{Budget: euros(5), Kind: "gift"}}},
		// A long window: more rows than one page; the test shows them all.
		{"von=2027-01-01&bis=2027-12-31&region=DE-NW",
			agenda.Query{From: day("2027-01-01"), To: day("2027-12-31"), Region: region("DE-NW")}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			b.run("finder", chromedp.Navigate(b.base+"finder/?"+tc.query))
			status := evaluate[string](b, "finder", waitFinder, chromedp.EvalAwaitPromise)
			got := evaluate[[]finderRow](b, "finder", readRows)
			l, err := agenda.Make(p, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var want []finderRow
			for _, it := range l.Items {
				r := finderRow{ID: it.ID, Start: it.Start.String(), Holidays: []string{}}
				for _, h := range it.Holidays {
					r.Holidays = append(r.Holidays, h.ID)
				}
				want = append(want, r)
			}
			if len(want) < 3 {
				t.Fatalf("the query lists only %d rows: choose one that tests something", len(want))
			}
			if !slices.EqualFunc(got, want, func(a, b finderRow) bool {
				return a.ID == b.ID && a.Start == b.Start && slices.Equal(a.Holidays, b.Holidays)
			}) {
				t.Errorf("the Finder shows %d rows, anlass list %d:\n got %v\nwant %v", len(got), len(want), got, want)
			}
			if strings.Contains(status, "Nicht verstanden") {
				t.Errorf("status: %s", status)
			}
		})
	}

	// One day, one row: Neujahr in Bayern is the occasion's row with the
	// holiday in it, and has a Merkliste toggle.
	b.run("merged row", chromedp.Navigate(b.base+"finder/?von=2027-01-01&bis=2027-01-01&region=DE-BY"))
	evaluate[string](b, "merged row", waitFinder, chromedp.EvalAwaitPromise)
	merged := evaluate[[]string](b, "merged row", `Array.from(document.querySelectorAll("#finder-ergebnisse li[data-occasion=neujahr] [data-holiday], #finder-ergebnisse li[data-occasion=neujahr] [data-merken]")).map(e => e.getAttribute("data-holiday") || "merken:" + e.getAttribute("data-merken"))`)
	if !slices.Equal(merged, []string{"de-neujahr", "merken:neujahr"}) {
		t.Errorf("Neujahr in Bayern: %v", merged)
	}

	// A region's bridge days carry the region's own word for them.
	for _, c := range []struct{ region, word string }{{"DE-BY", "Brückentag"}, {"AT-9", "Fenstertag"}} {
		b.run("bridge word", chromedp.Navigate(b.base+"finder/?von=2027-01-01&bis=2027-12-31&region="+c.region))
		evaluate[string](b, "bridge word", waitFinder, chromedp.EvalAwaitPromise)
		words := evaluate[[]string](b, "bridge word", `Array.from(document.querySelectorAll("#finder-ergebnisse li.day-brueckentag .pill-day")).map(e => e.textContent)`)
		if len(words) == 0 || slices.IndexFunc(words, func(w string) bool { return w != c.word }) >= 0 {
			t.Errorf("%s: bridge days labelled %v, want %s", c.region, words, c.word)
		}
	}

	// Filters change the results at once and the address; back restores.
	b.run("filter and back", chromedp.Navigate(b.base+"finder/?von=2027-03-01&bis=2027-04-30"))
	evaluate[string](b, "filter", waitFinder, chromedp.EvalAwaitPromise)
	before := evaluate[[]finderRow](b, "filter", readRows)
	b.run("filter", chromedp.Click(chromedp.CSS(`input[name=kategorie][value=mystic]`)))
	after := evaluate[[]finderRow](b, "filter", readRows)
	addr := evaluate[string](b, "filter", `location.search`)
	b.run("back", chromedp.NavigateBack())
	evaluate[string](b, "back", waitFinder, chromedp.EvalAwaitPromise)
	back := evaluate[[]finderRow](b, "back", readRows)
	if addr != "?von=2027-03-01&bis=2027-04-30&kategorie=mystic" || len(after) == 0 || len(after) >= len(before) {
		t.Errorf("after choosing mystic: address %q, %d of %d rows", addr, len(after), len(before))
	}
	if len(back) != len(before) {
		t.Errorf("back: %d rows, before %d", len(back), len(before))
	}

	// Speed on a mid-range phone: 4× CPU throttling, one filter change
	// (the script filters and renders synchronously on change), over the
	// default eight weeks and over the whole data (the first page of rows).
	measure := `(() => { const out = []; for (const v of ["quirky", "quirky", "mystic", "mystic", "seasonal", "seasonal"]) {
	  const t0 = performance.now(); document.querySelector("input[name=kategorie][value=" + v + "]").click(); out.push(Math.round(performance.now() - t0)); }
	  return out; })()`
	b.run("throttled", command(emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}), chromedp.Navigate(b.base+"finder/"))
	evaluate[string](b, "throttled", waitFinder, chromedp.EvalAwaitPromise)
	weeks := evaluate[[]float64](b, "throttled", measure)
	b.run("throttled", chromedp.Navigate(b.base+"finder/?von="+b.in.Window.From.String()+"&bis="+b.in.Window.To.String()))
	evaluate[string](b, "throttled", waitFinder, chromedp.EvalAwaitPromise)
	whole := evaluate[[]float64](b, "throttled", measure)
	b.run("throttled", command(emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 1}))
	var size int
	if st, err := os.Stat(filepath.Join(b.dir, "finder", "daten.json")); err == nil {
		size = int(st.Size())
	}
	median := func(v []float64) float64 { v = slices.Clone(v); slices.Sort(v); return v[len(v)/2] }
	t.Logf("Finder at 4× CPU throttling, one filter change (median, max of 6): eight weeks %.0f, %.0f ms %v; whole window %s … %s %.0f, %.0f ms %v; finder/daten.json %d bytes",
		median(weeks), slices.Max(weeks), weeks, b.in.Window.From, b.in.Window.To, median(whole), slices.Max(whole), whole, size)

	// Without JavaScript: the coming eight weeks of the build, as rows.
	b.run("no script", command(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}), chromedp.Navigate(b.base+"finder/"),
		chromedp.WaitVisible(chromedp.CSS("#finder-ergebnisse")))
	plain := evaluate[[]finderRow](b, "no script", readRows)
	b.run("no script", command(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}))
	if len(plain) == 0 || plain[0].Start < fixtureToday.AddDays(-40).String() {
		t.Errorf("without JavaScript: %d rows, first %v", len(plain), plain)
	}
}

// parseICS parses a calendar with golang-ical and counts its events, each
// with a UID and an all-day start.
func parseICS(data []byte, n int) error {
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		return err
	}
	evs := cal.Events()
	if len(evs) != n {
		return fmt.Errorf("%d events, want %d", len(evs), n)
	}
	for _, ev := range evs {
		if ev.Id() == "" {
			return fmt.Errorf("an event without UID")
		}
		if p := ev.GetProperty(ics.ComponentPropertyDtStart); p == nil || len(p.ICalParameters["VALUE"]) == 0 || p.ICalParameters["VALUE"][0] != "DATE" {
			return fmt.Errorf("%s: not an all-day event", ev.Id())
		}
	}
	return nil
}

// TestBrowserMerkliste marks five one-day occasions of 2027 on their pages
// and in the Finder, opens the Merkliste for 2027 and exports it: the
// calendar file has the ten events (each date and its preparation day),
// parsed by ical.js when ANLASS_ICALJS names its folder and always by
// golang-ical, with the build's UIDs; the table has their five rows exactly
// as daten/2027.csv has them. A share link offers the list to another
// browser and never replaces a list silently.
func TestBrowserMerkliste(t *testing.T) {
	b := openSite(t, "../..", fixtureToday, 3*time.Minute)
	// The single-event files the calendar file is made of; the build
	// writes them next to the site (internal/build).
	cb := calendar.NewBuilder(b.in.Project.Config, b.in.Clock.Stamp)
	for _, f := range cb.Termine(b.in.Window) {
		data, err := cb.Render(f)
		if err != nil {
			t.Fatal(err)
		}
		testutil.WriteFile(t, filepath.Join(b.dir, filepath.FromSlash(f.Path)), string(data))
	}
	download := b.downloader()

	// Five one-day occasions whose dates and preparation days lie in 2027.
	picked := []string{"pi-tag", "tag-des-laechelns", "weltspartag", "tag-der-handschrift", "fruehlingsanfang"}
	occs := map[string]int{}
	for _, id := range picked {
		var n int
		for _, oc := range b.in.Window.Of(id) {
			if oc.Start.Year() == 2027 {
				if oc.Days() != 1 || oc.PrepareFrom().Year() != 2027 {
					t.Fatalf("%s 2027 is not a one-day occasion prepared in 2027", id)
				}
				n++
			}
		}
		occs[id] = n
	}
	toggle := func(id string) string { return `[data-merken="` + id + `"]` }
	b.run("mark on occasion pages",
		chromedp.Navigate(b.base+"anlaesse/"+picked[0]+"/"),
		chromedp.WaitVisible(chromedp.CSS(toggle(picked[0]))),
		chromedp.Click(chromedp.CSS(toggle(picked[0]))),
		chromedp.WaitVisible(chromedp.CSS(toggle(picked[0])+`[aria-pressed=true]`)))
	pressed := value(b, "mark", chromedp.AttributeValue(chromedp.CSS(toggle(picked[0])), "aria-pressed")).Value
	b.run("mark on occasion pages",
		chromedp.Navigate(b.base+"anlaesse/"+picked[1]+"/"),
		chromedp.WaitVisible(chromedp.CSS(toggle(picked[1]))),
		chromedp.Click(chromedp.CSS(toggle(picked[1]))),
		chromedp.WaitVisible(chromedp.CSS(toggle(picked[1])+`[aria-pressed=true]`)))
	count := value(b, "count", chromedp.Text(chromedp.CSS(`[data-merkliste-count]`)))
	if pressed != "true" || count != "2" {
		t.Errorf("after marking: aria-pressed %q, header count %q", pressed, count)
	}
	// The others in the Finder, by the toggle in their rows.
	for _, id := range picked[2:] {
		var d string
		for _, oc := range b.in.Window.Of(id) {
			if oc.Start.Year() == 2027 {
				d = oc.Start.String()
			}
		}
		b.run("mark in the finder", chromedp.Navigate(b.base+"finder/?von="+d+"&bis="+d))
		evaluate[string](b, "mark in the finder", waitFinder, chromedp.EvalAwaitPromise)
		b.run("mark in the finder", chromedp.Click(chromedp.CSS(`#finder-ergebnisse li[data-occasion="`+id+`"] [data-merken]`)))
	}

	b.run("merkliste", chromedp.Navigate(b.base+"merkliste/?von=2027-01-01&bis=2027-12-31"),
		chromedp.WaitVisible(chromedp.CSS("#merkliste-eintraege > li")))
	rows := evaluate[[]finderRow](b, "merkliste", `Array.from(document.querySelectorAll("#merkliste-eintraege > li")).map(li => ({ID: li.getAttribute("data-occasion"), Start: li.getAttribute("data-start"), Holidays: []}))`)
	var wantRows []finderRow
	for _, id := range picked {
		for _, oc := range b.in.Window.Of(id) {
			if oc.Start.Year() == 2027 {
				wantRows = append(wantRows, finderRow{ID: id, Start: oc.Start.String(), Holidays: []string{}})
			}
		}
	}
	slices.SortFunc(wantRows, func(a, b finderRow) int { return strings.Compare(a.Start+a.ID, b.Start+b.ID) })
	if fmt.Sprint(rows) != fmt.Sprint(wantRows) {
		t.Errorf("Merkliste rows\n got %v\nwant %v", rows, wantRows)
	}

	// The calendar file: ten events, the build's own VEVENTs.
	ics := download("ics", "#merkliste-ics")
	events := bytes.Count(ics, []byte("BEGIN:VEVENT\r\n"))
	if events != 10 || !bytes.HasPrefix(ics, []byte("BEGIN:VCALENDAR\r\n")) || !bytes.HasSuffix(ics, []byte("END:VCALENDAR\r\n")) {
		t.Errorf("merkliste.ics: %d events\n%s", events, ics)
	}
	for _, id := range picked {
		for _, oc := range b.in.Window.Of(id) {
			if oc.Start.Year() != 2027 {
				continue
			}
			for _, f := range []string{"feeds/termine/" + id + "-2027.ics", "feeds/termine/" + id + "-2027-vorbereiten.ics"} {
				single, err := os.ReadFile(filepath.Join(b.dir, filepath.FromSlash(f)))
				if err != nil {
					t.Fatal(err)
				}
				ev := single[bytes.Index(single, []byte("BEGIN:VEVENT")):bytes.Index(single, []byte("END:VCALENDAR"))]
				if !bytes.Contains(ics, ev) {
					t.Errorf("merkliste.ics lacks the VEVENT of %s", f)
				}
			}
		}
	}
	checkICS(t, ics, 10)

	// The table: BOM, CRLF, the header and rows of daten/2027.csv.
	csv := download("csv", "#merkliste-csv")
	year, err := os.ReadFile(filepath.Join(b.dir, "daten", "2027.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(csv), "\r\n"), "\r\n")
	yearLines := strings.Split(string(year), "\r\n")
	if !bytes.HasPrefix(csv, []byte("\ufeff")) || lines[0] != yearLines[0] || len(lines) != 6 || bytes.Contains(bytes.ReplaceAll(csv, []byte("\r\n"), nil), []byte("\n")) {
		t.Errorf("merkliste.csv:\n%s", csv)
	}
	for _, l := range lines[1:] {
		if !slices.Contains(yearLines, l) {
			t.Errorf("merkliste.csv row not in daten/2027.csv: %s", l)
		}
	}
	if !strings.Contains(string(csv), "Tag des Lächelns") {
		t.Errorf("umlauts lost: %s", csv)
	}

	// Share: the link carries the list; opened where another list is kept,
	// it asks first, then adds.
	b.run("share", chromedp.Click(chromedp.CSS("#merkliste-teilen")))
	link := value(b, "share", chromedp.Value(chromedp.CSS("#merkliste-link")))
	u, err := url.Parse(link)
	if err != nil || u.Query().Get("liste") == "" || len(strings.Split(u.Query().Get("liste"), ",")) != 5 {
		t.Fatalf("share link %q", link)
	}
	evaluate[string](b, "open shared", `(() => { const k = "anlass-merkliste:" + new URL(document.querySelector("a.brand").href).pathname; localStorage.setItem(k, JSON.stringify(["halloween"])); return k; })()`)
	b.run("open shared", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("#merkliste-geteilt button")))
	offered := value(b, "open shared", chromedp.Text(chromedp.CSS("#merkliste-geteilt")))
	kept := evaluate[string](b, "open shared", `Array.from(document.querySelectorAll("#merkliste-eintraege > li")).map(li => li.getAttribute("data-occasion")).join(",")`)
	b.run("open shared", chromedp.Click(chromedp.CSS(`#merkliste-geteilt button.btn-primary`)))
	after := evaluate[[]string](b, "open shared", `JSON.parse(localStorage.getItem("anlass-merkliste:" + new URL(document.querySelector("a.brand").href).pathname))`)
	if !strings.Contains(offered, "5 Anlässen") || !strings.Contains(kept, "halloween") || strings.Contains(kept, "pi-tag") {
		t.Errorf("shared link: offered %q, list before the choice %q", offered, kept)
	}
	if len(after) != 6 || after[0] != "halloween" {
		t.Errorf("after adding the shared list: %v", after)
	}
}

// checkICS parses a calendar with golang-ical and, with ANLASS_ICALJS
// (the folder of the ical.js package), with Mozilla's ical.js: no errors and
// n events.
func checkICS(t *testing.T, ics []byte, n int) {
	t.Helper()
	if err := parseICS(ics, n); err != nil {
		t.Errorf("golang-ical: %v", err)
	}
	dir := os.Getenv("ANLASS_ICALJS")
	if dir == "" {
		t.Log("ANLASS_ICALJS not set: ical.js check skipped")
		return
	}
	f := filepath.Join(t.TempDir(), "merkliste.ics")
	if err := os.WriteFile(f, ics, 0o644); err != nil {
		t.Fatal(err)
	}
	script := `const m = require(process.argv[1]); const ICAL = m.default || m; const fs = require("fs");
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(process.argv[2], "utf8")));
const evs = comp.getAllSubcomponents("vevent").map(v => new ICAL.Event(v));
const bad = evs.filter(e => !e.uid || !e.startDate || !e.startDate.isDate || !e.summary);
console.log(JSON.stringify({events: evs.length, bad: bad.length}));`
	out, err := exec.Command("node", "-e", script, dir, f).CombinedOutput()
	if err != nil {
		t.Fatalf("ical.js: %v\n%s", err, out)
	}
	var res struct{ Events, Bad int }
	if err := json.Unmarshal(out, &res); err != nil || res.Events != n || res.Bad != 0 {
		t.Errorf("ical.js: %s (want %d events, none bad)", out, n)
	}
}

// downloader makes the browser save downloads into a folder of the test and
// returns a function that clicks the element sel and returns the file it
// downloads.
func (b *browserSite) downloader() func(what, sel string) []byte {
	t := b.t
	dir := t.TempDir()
	done := make(chan string, 8)
	if err := chromedp.Listen(b.ctx, func(ev any) {
		if e, ok := ev.(*browser.EventDownloadProgress); ok && e.State == browser.DownloadProgressStateCompleted {
			done <- e.GUID
		}
	}); err != nil {
		t.Fatal(err)
	}
	events := true
	b.run("downloads", command(browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &events}))
	return func(what, sel string) []byte {
		t.Helper()
		b.run(what, chromedp.Click(chromedp.CSS(sel)))
		select {
		case guid := <-done:
			data, err := os.ReadFile(filepath.Join(dir, guid))
			if err != nil {
				t.Fatal(err)
			}
			return data
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: no download", what)
		}
		return nil
	}
}
