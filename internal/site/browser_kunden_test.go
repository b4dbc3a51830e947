package site

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/customerdates"
	"github.com/anlass/anlass/internal/kundenkalender"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/testutil"
)

// TestBrowserKundenkalender loads customer files into the page: the
// WebAssembly program gives the same .ics and CSV, byte for byte, as
// `anlass kunden` computes for the same file and options; a broken file
// lists its problems by line and goes on with the valid rows on request;
// and from the moment a file is chosen the page makes no request at all.
func TestBrowserKundenkalender(t *testing.T) {
	b := openSite(t, "../..", fixtureToday, 3*time.Minute)
	download := b.downloader()
	var mu sync.Mutex
	var requests []string
	if err := chromedp.Listen(b.ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && strings.HasPrefix(e.Request.URL, "http") {
			mu.Lock()
			requests = append(requests, e.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	requestsSince := func(n int) []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), requests[n:]...)
	}
	requestCount := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(requests)
	}

	// What `anlass kunden` computes for the same file and options.
	cli := func(file string, skip bool) (ics, csv []byte, events int, blocked bool) {
		t.Helper()
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		o := kundenkalender.Options{From: civil.Of(2027, 1, 1), To: civil.Of(2027, 12, 31), LeadDays: 14, SkipInvalid: skip,
			UIDDomain: b.in.Project.Config.UIDDomain, BaseURL: b.in.Project.Config.BaseURL, Stamp: civil.Of(2027, 1, 1).Time()}
		first, last := customerdates.Options{From: o.From, To: o.To, LeadDays: o.LeadDays}.HolidayYears()
		book, err := regiondays.ForRange(b.in.Project.Engine, nil, civil.Of(first, 1, 1), civil.Of(last, 12, 31))
		if err != nil {
			t.Fatal(err)
		}
		o.Holidays = kundenkalender.NewHolidays(first, last, book.HolidayDays(civil.Of(first, 1, 1), civil.Of(last, 12, 31)))
		r, err := kundenkalender.Run(filepath.Base(file), data, o)
		if err != nil {
			t.Fatalf("anlass kunden %s: %v", file, err)
		}
		if r.Blocked {
			return nil, nil, 0, true
		}
		if ics, err = kundenkalender.ICS(r.Events, o); err != nil {
			t.Fatal(err)
		}
		if csv, err = kundenkalender.CSV(r.Events); err != nil {
			t.Fatal(err)
		}
		return ics, csv, len(r.Events), false
	}

	b.run("open", chromedp.Navigate(b.base+"kundenkalender/?heute=2027-01-01&von=2027-01-01&bis=2027-12-31"),
		chromedp.Poll[chromedp.Void](`/^Bereit/.test(document.getElementById("kunden-status").textContent)`, chromedp.WithPollingTimeout(60*time.Second)))
	// The browser asks for the favicon on its own, a moment after the page
	// has loaded; wait for it, so that every request of the page is counted
	// before the file is chosen.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if slices.ContainsFunc(requestsSince(0), func(u string) bool { return strings.Contains(u, "favicon") }) {
			break
		}
	}
	opened := requestCount()

	// The example file: the same bytes as the CLI's.
	example, err := filepath.Abs("../../examples/kunden-beispiel.csv")
	if err != nil {
		t.Fatal(err)
	}
	b.run("example", chromedp.SetUploadFiles(chromedp.CSS("#kunden-datei"), []string{example}),
		chromedp.WaitVisible(chromedp.CSS("#kunden-ergebnis")))
	summary := value(b, "example", chromedp.Text(chromedp.CSS("#kunden-zusammenfassung")))
	rows := evaluate[int](b, "example", `document.querySelectorAll("#kunden-monate tbody tr").length`)
	if dir := os.Getenv("ANLASS_SCREENSHOTS"); dir != "" {
		shot := value(b, "screenshot", chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(dir, "kundenkalender.png"), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantICS, wantCSV, n, _ := cli(example, false)
	if rows != n || !strings.HasPrefix(summary, "10 Kunden aus kunden-beispiel.csv (CSV, UTF-8 mit BOM, Trennzeichen ;): ") {
		t.Errorf("page: %d rows (CLI %d events), summary %q", rows, n, summary)
	}
	if got := download("ics", "#kunden-ics"); !bytes.Equal(got, wantICS) {
		t.Errorf("the page's .ics differs from anlass kunden's (%d vs %d bytes)", len(got), len(wantICS))
	} else {
		checkICS(t, got, n)
	}
	if got := download("csv", "#kunden-csv"); !bytes.Equal(got, wantCSV) {
		t.Errorf("the page's CSV differs from anlass kunden's:\n%s\n---\n%s", got, wantCSV)
	}

	// A file with bad rows: every problem with its line; then the valid rows.
	broken := filepath.Join(t.TempDir(), "teils-kaputt.csv")
	testutil.WriteFile(t, broken, "Name;Firma;Geburtstag;Kunde seit\nDora Gut;Gut KG;01.03.1990;15.05.2012\n"+
		"Carla Fehler;Fehler GmbH;31.02.1980;\nEmil Doppelt;Doppelt AG;Ostern;\nFritz Froh;Froh OHG;--06-30;01.02.2020\n")
	b.run("broken", chromedp.SetUploadFiles(chromedp.CSS("#kunden-datei"), []string{broken}), chromedp.WaitVisible(chromedp.CSS("#kunden-weiter")))
	lines := evaluate[[]string](b, "broken", `Array.from(document.querySelectorAll("#kunden-probleme-liste li.error")).map(li => li.textContent)`)
	hiddenResult := evaluate[bool](b, "broken", `document.getElementById("kunden-ergebnis").hidden`)
	if len(lines) != 2 || !hiddenResult {
		t.Errorf("broken file: %d errors listed, result hidden %v", len(lines), hiddenResult)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "teils-kaputt.csv:3: ") && !strings.HasPrefix(l, "teils-kaputt.csv:4: ") {
			t.Errorf("a problem without file and line: %q", l)
		}
	}
	b.run("go on", chromedp.Click(chromedp.CSS("#kunden-weiter")), chromedp.WaitVisible(chromedp.CSS("#kunden-ergebnis")))
	wantICS, _, _, _ = cli(broken, true)
	if got := download("ics of the valid rows", "#kunden-ics"); !bytes.Equal(got, wantICS) {
		t.Errorf("the valid rows' .ics differs from anlass kunden --skip-invalid's")
	}

	// The loader's whole fixture suite (every input format) through both.
	// Chrome stops automatic downloads after a few, so the page's file is
	// taken where it hands it to the browser (URL.createObjectURL), and the
	// download link is not followed.
	evaluate[chromedp.Void](b, "hook", `(() => { const orig = URL.createObjectURL;
	  URL.createObjectURL = function (blob) { window.lastBlob = blob; return orig.call(URL, blob); };
	  const click = HTMLAnchorElement.prototype.click;
	  HTMLAnchorElement.prototype.click = function () { if (!this.download) click.call(this); }; })()`)
	fixtures, _ := filepath.Glob("../customer/testdata/*.*")
	if len(fixtures) < 10 {
		t.Fatalf("only %d customer fixtures", len(fixtures))
	}
	for _, f := range fixtures {
		abs, err := filepath.Abs(f)
		if err != nil {
			t.Fatal(err)
		}
		evaluate[chromedp.Void](b, f, `document.getElementById("kunden-status").textContent = ""; document.getElementById("kunden-datei").value = ""`)
		b.run(f, chromedp.SetUploadFiles(chromedp.CSS("#kunden-datei"), []string{abs}),
			chromedp.Poll[chromedp.Void](`document.getElementById("kunden-status").textContent !== ""`, chromedp.WithPollingTimeout(20*time.Second)))
		blocked := evaluate[bool](b, f, `document.getElementById("kunden-ergebnis").hidden`)
		canGoOn := evaluate[bool](b, f, `!document.getElementById("kunden-weiter").hidden`)
		if canGoOn {
			b.run(f+": go on", chromedp.Click(chromedp.CSS("#kunden-weiter")), chromedp.WaitVisible(chromedp.CSS("#kunden-ergebnis")))
		}
		want, _, _, cliBlocked := cli(abs, canGoOn)
		if blocked && !canGoOn {
			if !cliBlocked {
				t.Errorf("%s: the page has nothing to offer, anlass kunden computes events", f)
			}
			continue
		}
		evaluate[chromedp.Void](b, f, `window.lastBlob = null`)
		b.run(f+": ics", chromedp.Click(chromedp.CSS("#kunden-ics")))
		got := evaluate[string](b, f, `window.lastBlob.text()`, chromedp.EvalAwaitPromise)
		if got != string(want) {
			t.Errorf("%s: the page's .ics differs from anlass kunden's", f)
		}
	}

	if after := requestsSince(opened); len(after) > 0 {
		t.Errorf("requests after a file was chosen: %v", after)
	}
	if opened == 0 {
		t.Error("no requests recorded at all: the listener does not work")
	}
}

// The Kundenbindungsrate calculator on its article: the article's example
// by default, the rate as one types, and a sentence instead of NaN for
// input that cannot be right.
func TestBrowserRetentionWidget(t *testing.T) {
	b := openSite(t, "../..", fixtureToday, time.Minute)
	set := func(s, n, e string) string {
		return evaluate[string](b, "set "+s+" "+n+" "+e, `(() => { const f = document.querySelector(".crr-form");
		  f.elements.s.value = `+strconv.Quote(s)+`; f.elements.n.value = `+strconv.Quote(n)+`; f.elements.e.value = `+strconv.Quote(e)+`;
		  f.dispatchEvent(new Event("input")); return document.querySelector(".crr output").textContent; })()`)
	}
	b.run("article", chromedp.Navigate(b.base+"ideen/kundenbindungsrate-messen/"), chromedp.WaitVisible(chromedp.CSS(".crr")))
	first := value(b, "article", chromedp.Text(chromedp.CSS(".crr output")))
	for _, tc := range []struct{ s, n, e, want string }{
		{"200", "30", "205", "Kundenbindungsrate: 87,5 % – von 200 Kunden sind 175 geblieben, 25 abgewandert (12,5 %)."},
		{"3", "0", "2", "Kundenbindungsrate: 66,7 %"},
		{"0", "0", "5", "S ist 0"},
		{"100", "40", "30", "N ist größer als E"},
		{"100", "0", "120", "E − N ist größer als S"},
		{"-5", "0", "2", "Bitte ganze Zahlen ab 0 eintragen (S)."},
		{"100", "", "90", "Bitte ganze Zahlen ab 0 eintragen (N)."},
	} {
		if got := set(tc.s, tc.n, tc.e); !strings.HasPrefix(got, tc.want) || strings.Contains(got, "NaN") {
			t.Errorf("S=%s N=%s E=%s: %q, want %q", tc.s, tc.n, tc.e, got, tc.want)
		}
	}
	if !strings.HasPrefix(first, "Kundenbindungsrate: 87,5 %") {
		t.Errorf("default: %q", first)
	}
}
