package site

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/snowballstem"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/anlass/anlass/internal/markdown"
	"github.com/anlass/anlass/internal/search"
)

// searchResult is a result as the search page shows it.
type searchResult struct {
	Path string `json:"path"` // relative to the site root: "anlaesse/pi-tag/"
	Kind string `json:"kind"`
	Meta string `json:"meta"`
	Text string `json:"text"`
	Mark string `json:"mark"` // the highlighted words, space-separated
}

// searchPage runs query q on the search page (as ?q=, which is also where
// the header's search box leads) and returns the status line and every
// result, loading further pages of results until all are shown.
func (b *browserSite) searchPage(q string) (string, []searchResult) {
	b.t.Helper()
	b.run("search "+q,
		chromedp.Navigate(b.base+"suche/?q="+url.QueryEscape(q)),
		chromedp.Poll[chromedp.Void](`performance.getEntriesByName("suche").length > 0`, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Poll[chromedp.Void](`(() => { const b = document.querySelector("#suche-ergebnisse li.more button"); if (!b) return true; b.click(); return false; })()`,
			chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
	status := value(b, "search "+q, chromedp.Text(chromedp.CSS("#suche-status")))
	raw := evaluate[string](b, "search "+q, `JSON.stringify(Array.from(document.querySelectorAll("#suche-ergebnisse li.result")).map(li => ({
			path: li.querySelector("h2 a").getAttribute("href").replace(/^(\.\.\/)+/, ""),
			kind: li.querySelector(".pill").textContent,
			meta: li.querySelector(".row-meta").textContent,
			text: li.querySelector("p:last-child").textContent,
			mark: Array.from(li.querySelectorAll("mark")).map(m => m.textContent).join(" "),
		})))`)
	var rs []searchResult
	if err := json.Unmarshal([]byte(raw), &rs); err != nil {
		b.t.Fatalf("search %q: %v", q, err)
	}
	return status, rs
}

// TestBrowserSearch runs everyday queries against the repo's catalogue in a
// real browser: each finds the pages a visitor expects among the first
// results, and none of the pages an accidental match would bring.
func TestBrowserSearch(t *testing.T) {
	b := openSite(t, "../..", fixtureToday, 4*time.Minute)
	for _, c := range []struct {
		q     string
		top   int      // want are among the first top results
		want  []string // paths
		never []string // paths that must not be among the results
		max   int      // at most this many results (0: any)
	}{
		// A word finds its plural and compounds ending in it, never a word
		// that merely contains it ("Jahrhundert", "Hunderten").
		{q: "Hund", top: 5, want: []string{"anlaesse/nimm-deinen-hund-mit-zur-arbeit-tag/", "anlaesse/welthundetag/", "ideen/nimm-deinen-hund-mit-zur-arbeit-tag/"},
			never: []string{"anlaesse/nikolaus/", "anlaesse/tag-der-arbeit/", "anlaesse/social-media-day/"}},
		{q: "Hunde", top: 5, want: []string{"anlaesse/welthundetag/", "anlaesse/nimm-deinen-hund-mit-zur-arbeit-tag/"},
			never: []string{"anlaesse/nikolaus/", "anlaesse/tag-der-arbeit/", "anlaesse/social-media-day/"}},
		{q: "Bürohund", top: 3, want: []string{"anlaesse/nimm-deinen-hund-mit-zur-arbeit-tag/"}},
		{q: "buerohund", top: 3, want: []string{"anlaesse/nimm-deinen-hund-mit-zur-arbeit-tag/"}},
		// Umlauts and ß, typed either way.
		// The twelve single Raunächte share the name; the article follows them.
		{q: "Raunächte", top: 3, want: []string{"anlaesse/raunaechte/"}},
		{q: "Raunaechte", top: 3, want: []string{"anlaesse/raunaechte/"}},
		{q: "Raunaechte", top: 16, want: []string{"ideen/raunaechte-gruesse/"}},
		{q: "Brückentag", top: 3, want: []string{"regionen/", "ideen/brueckentage-nutzen/"}},
		{q: "Brueckentage", top: 3, want: []string{"regionen/", "ideen/brueckentage-nutzen/"}},
		{q: "Strassenkarneval", top: 1, want: []string{"anlaesse/strassenkarneval/"}},
		{q: "Sesamstrasse", top: 1, want: []string{"anlaesse/tag-des-quietscheentchens/"}},
		{q: "Strasse", top: 10, want: []string{"anlaesse/tag-der-nachbarn/", "anlaesse/strassenkarneval/"}},
		// A word only in the ideas' texts.
		{q: "Kaffee", top: 3, want: []string{"anlaesse/tag-des-kaffees/"}},
		// Region pages by name and code; Ferien.
		{q: "Bayern", top: 1, want: []string{"regionen/de-by/"}},
		{q: "DE-BY", top: 1, want: []string{"regionen/de-by/"}},
		{q: "Zürich", top: 1, want: []string{"regionen/ch-zh/"}},
		{q: "Ferien", top: 8, want: []string{"regionen/", "ideen/ferienbeginn-planen/"}},
		// Stemming: a noun finds its verb, a plural its singular.
		{q: "Entschuldigung", top: 3, want: []string{"ideen/entschuldigen-beim-kunden/"}},
		{q: "Geburtstage", top: 5, want: []string{"ideen/halber-geburtstag/"}},
		// Two words: both must match.
		{q: "halber Geburtstag", top: 1, want: []string{"ideen/halber-geburtstag/"}},
		{q: "Tag der Arbeit", top: 1, want: []string{"anlaesse/tag-der-arbeit/"}},
		{q: "Brückentage Bayern", top: 1, want: []string{"regionen/de-by/"}, max: 5},
		// "IT" is a target group: its page and the occasions for IT teams,
		// not every word with "it" in it.
		{q: "IT", top: 3, want: []string{"zielgruppen/it/"}, never: []string{"anlaesse/nikolaus/"}, max: 60},
		// A typo in a long word.
		{q: "Valentinstga", top: 3, want: []string{"anlaesse/valentinstag/"}},
		{q: "Weihnachtn", top: 3, want: []string{"anlaesse/weihnachten/"}},
		// The fixed pages.
		{q: "abonnieren", top: 1, want: []string{"abonnieren/"}},
		{q: "Jahresplaner", top: 1, want: []string{"planer/2026/"}},
		{q: "Finder", top: 1, want: []string{"finder/"}},
		{q: "Merkliste", top: 1, want: []string{"merkliste/"}},
	} {
		status, rs := b.searchPage(c.q)
		var paths []string
		for _, r := range rs {
			paths = append(paths, r.Path)
		}
		t.Logf("%-18q %s first: %s", c.q, status, strings.Join(paths[:min(6, len(paths))], " "))
		for _, w := range c.want {
			if i := slices.Index(paths, w); i < 0 || i >= c.top {
				t.Errorf("%q: %s is at %d, want among the first %d; first results: %v", c.q, w, i+1, c.top, paths[:min(8, len(paths))])
			}
		}
		for _, n := range c.never {
			if slices.Contains(paths, n) {
				t.Errorf("%q: %s must not be found", c.q, n)
			}
		}
		if c.max > 0 && len(rs) > c.max {
			t.Errorf("%q: %d results, want at most %d", c.q, len(rs), c.max)
		}
		if len(rs) > 0 && !strings.Contains(status, "Treffer") {
			t.Errorf("%q: status %q does not count the results", c.q, status)
		}
	}
}

// TestBrowserSearchTerms is an oracle test of the query side: the page's
// script (search.js, with the vendored Snowball stemmer) must turn every
// word of the site into the term the build (internal/search, Go) indexed
// it under. A mismatch would make a word unfindable as typed.
func TestBrowserSearchTerms(t *testing.T) {
	b := openSite(t, "../..", fixtureToday, 2*time.Minute)
	seen := map[string]bool{}
	var words []string
	add := func(texts ...string) {
		for _, text := range texts {
			for _, w := range search.Words(text) {
				if !seen[w] {
					seen[w] = true
					words = append(words, w)
				}
			}
		}
	}
	for _, o := range b.in.Project.Catalog.Occasions {
		add(o.Name.De, o.Name.En, o.SummaryText, o.Origin)
		for _, i := range o.Ideas {
			add(i.Title, i.Text, i.Audience)
		}
	}
	for _, a := range b.in.Articles {
		add(a.Title, a.Summary, markdown.Plain(a.Body))
	}
	// Spellings people type, beside those of the text.
	add("Raunaechte Strasse STRASSE Grüße Gruesse Quelle Fußball Fussball Café Crème naïve IT 2026")
	env := snowballstem.NewEnv("")
	want := make([]string, len(words))
	for i, w := range words {
		want[i] = search.Stem(env, search.Normalize(w))
	}
	list, _ := json.Marshal(words)
	b.run("stem in the browser", chromedp.Navigate(b.base))
	got := evaluate[[]string](b, "stem in the browser",
		`import(new URL("assets/search.js", document.baseURI).href).then(m => `+string(list)+`.map(w => m.stem(m.normalize(w))))`, chromedp.EvalAwaitPromise)
	if len(got) != len(words) {
		t.Fatalf("the browser stemmed %d words, want %d", len(got), len(words))
	}
	bad := 0
	for i := range words {
		if got[i] != want[i] {
			if bad++; bad <= 20 {
				t.Errorf("%q: browser %q, build %q", words[i], got[i], want[i])
			}
		}
	}
	t.Logf("%d words, %d differ", len(words), bad)
}

// BenchmarkBrowserSearch measures what a visitor waits for: from the query
// to the results on the screen (the User Timing measure "suche" of
// search.js), in Chromium with the CPU slowed down 4×, for everyday
// queries. Cold is a fresh page with the HTTP cache off: the manifest, the
// shards of the words and the chunks of the shown results are loaded (from
// a local server: the time is the page's own work, the network is not in
// it). Warm is the same query again on that page. kB-gzip/query is what a
// cold query loads (manifest, shards, chunks), as gzip would send it. ANLASS_SEARCH_SITE=<dir> measures a site
// built beforehand instead of the repo's, e.g. the bench's 10,000
// occasions (see BENCHMARKS.md).
//
//	ANLASS_BROWSER=1 go test ./internal/site -run '^$' -bench BrowserSearch -benchtime 1x
func BenchmarkBrowserSearch(b *testing.B) {
	var bs *browserSite
	if dir := os.Getenv("ANLASS_SEARCH_SITE"); dir != "" {
		bs = openBuilt(b, dir, nil, 20*time.Minute)
	} else {
		bs = openSite(b, "../..", fixtureToday, 20*time.Minute)
	}
	bs.run("throttle", command(network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}),
		command(emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}))
	queries := []string{"Hund", "Kaffee", "halber Geburtstag", "Valentinstga", "IT", "Tag der Arbeit", "Bayern", "Weihnachten"}
	var cold, warm, loaded []float64
	for b.Loop() {
		for _, q := range queries {
			what := "search " + q
			bs.run(what, chromedp.Navigate(bs.base+"suche/?q="+url.QueryEscape(q)),
				chromedp.Poll[chromedp.Void](`performance.getEntriesByName("suche").length > 0`, chromedp.WithPollingTimeout(2*time.Minute)))
			first := evaluate[float64](bs, what, `performance.getEntriesByName("suche")[0].duration`)
			files := evaluate[[]string](bs, what, `performance.getEntriesByType("resource").filter(r => r.name.includes("/suche/")).map(r => new URL(r.name).pathname)`)
			status := value(bs, what, chromedp.Text(chromedp.CSS("#suche-status")))
			evaluate[chromedp.Void](bs, what, `document.getElementById("q").value += " "; document.getElementById("suche").requestSubmit()`)
			bs.run(what, chromedp.Poll[chromedp.Void](`performance.getEntriesByName("suche").length > 1`, chromedp.WithPollingTimeout(2*time.Minute)))
			again := evaluate[float64](bs, what, `performance.getEntriesByName("suche")[1].duration`)
			kb := gzipKB(b, bs.dir, bs.base, files)
			b.Logf("%-18q cold %6.1f ms, warm %6.1f ms, %5.1f kB (gzip) loaded; %s", q, first, again, kb, status)
			cold, warm, loaded = append(cold, first), append(warm, again), append(loaded, kb)
		}
	}
	b.ReportMetric(median(cold), "ms-cold/query")
	b.ReportMetric(median(warm), "ms-warm/query")
	b.ReportMetric(median(loaded), "kB-gzip/query")
}

// gzipKB is how many kilobytes the files at the URL paths take gzipped
// (-9), as a server that compresses would send them; the search page's
// HTML is not counted.
func gzipKB(tb testing.TB, dir, base string, paths []string) float64 {
	root := strings.TrimPrefix(base, strings.TrimSuffix(base, "/anlass/")) // "/anlass/"
	var buf bytes.Buffer
	for _, p := range paths {
		rel := strings.TrimPrefix(p, root)
		if strings.HasSuffix(rel, "/") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			tb.Fatal(err)
		}
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if _, err := zw.Write(data); err != nil {
			tb.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	return float64(buf.Len()) / 1024
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
