package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/testutil"
)

var (
	scriptTag  = regexp.MustCompile(`(?i)<script\b[^>]*>`)
	eventAttr  = regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`)
	badURL     = regexp.MustCompile(`(?i)\s(href|src|action|formaction|poster)\s*=\s*["']?\s*(javascript|vbscript|data):`)
	icsDataURL = "data:text/calendar;charset=utf-8,"
	// ownScript is a script of the site's own assets.
	ownScript = regexp.MustCompile(`^<script src="(\.\./)*(/|/anlass/)?assets/(site|merken|finder|merkliste|kundenkalender|wasm_exec)\.js\?v=[0-9a-f]+" defer>$`)
	jsonLD    = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
)

// assertNoScript fails when an HTML page contains script that the site did
// not put there itself.
func assertNoScript(t *testing.T, name string, page []byte) {
	t.Helper()
	for _, tag := range scriptTag.FindAll(page, -1) {
		s := string(tag)
		if s != `<script type="application/ld+json">` && !strings.HasPrefix(s, `<script src="`) {
			t.Errorf("%s: unexpected %s", name, s)
		}
		if strings.HasPrefix(s, `<script src="`) && !ownScript.MatchString(s) {
			t.Errorf("%s: script from elsewhere: %s", name, s)
		}
	}
	if got := len(scriptTag.FindAll(page, -1)); got != bytes.Count(page, []byte("</script>")) {
		t.Errorf("%s: %d script tags but %d closing tags: text escaped a script element", name, got, bytes.Count(page, []byte("</script>")))
	}
	if m := eventAttr.Find(page); m != nil {
		t.Errorf("%s: event handler attribute in %s", name, m)
	}
	for _, loc := range badURL.FindAllIndex(page, -1) {
		// The one data: URL anlass writes itself: the one-event calendar behind
		// "In Kalender eintragen" (a download, never a document).
		if bytes.HasPrefix(page[loc[1]-len("data:"):], []byte(icsDataURL)) {
			continue
		}
		t.Errorf("%s: script URL in %s", name, page[loc[0]:loc[1]])
	}
	low := bytes.ToLower(page)
	for _, bad := range []string{"<iframe", "<img src=x", "<b>klammer", "<em>in gold", "<div onclick"} {
		if bytes.Contains(low, []byte(bad)) {
			i := bytes.Index(low, []byte(bad))
			t.Errorf("%s: contains %q: …%s…", name, bad, page[max(0, i-60):min(len(page), i+60)])
		}
	}
}

// TestXSS renders occasions and articles whose text contains HTML, script,
// event handlers and javascript:/data: links (see testdata/fixture): all of
// it must come out escaped or neutralised, on every page.
func TestXSS(t *testing.T) {
	in := fixture(t)
	// Fields the loader does not restrict, set to hostile values.
	o := in.Project.Catalog.Get("tag-der-klammer")
	o.Name.En = `</span><script>alert("en")</script>`
	o.Origin = `<img src=x onerror=alert(1)>`
	o.Ideas[0].Budget = &occasion.Budget{Note: `"><script>alert(3)</script>`}
	o.Sources = append(o.Sources, occasion.Source{URL: "javascript:alert(1)", Title: "böse"})
	o.Tags = append(o.Tags, `x"><script>`)
	dir, _ := renderTo(t, in)
	files := readTree(t, dir)
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			assertNoScript(t, name, data)
		}
	}
	page := string(files["anlaesse/tag-der-klammer/index.html"])
	for _, want := range []string{
		`<h1>Tag der &lt;b&gt;Klammer&lt;/b&gt; &amp; „Zitate“ &lt;script&gt;alert(1)&lt;/script&gt;</h1>`,
		`<a href="../../anlaesse/pi-tag/">Pi-Tag</a>`, // the safe link in the same summary survives
		`href="#ZgotmplZ"`, // html/template's answer to the javascript: source
	} {
		if !strings.Contains(page, want) {
			t.Errorf("tag-der-klammer page lacks %s", want)
		}
	}
	// JSON-LD stays one script element with valid JSON.
	m := jsonLD.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no JSON-LD on the occasion page")
	}
	var ev map[string]any
	if err := json.Unmarshal([]byte(m[1]), &ev); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, m[1])
	}
	if !strings.Contains(ev["name"].(string), "<script>") {
		t.Errorf("JSON-LD name should carry the text (escaped as JSON): %v", ev["name"])
	}
	// The Atom feed carries article HTML as escaped text; unescaped it is still script-free.
	var feed struct {
		Entries []struct {
			Content string `xml:"content"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(files["ideen/atom.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	for _, e := range feed.Entries {
		assertNoScript(t, "atom entry", []byte(e.Content))
	}
}

// TestDeterministic renders the same input twice, with different numbers of
// workers, and compares every byte.
func TestDeterministic(t *testing.T) {
	a, _ := renderTo(t, fixture(t))
	prev := runtime.GOMAXPROCS(1)
	b, _ := renderTo(t, fixture(t))
	runtime.GOMAXPROCS(prev)
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}

// TestSubscribeLinks checks the calendar links of an occasion against the
// feeds guide: webcal for Apple, Google's cid with the webcal URL, Outlook's
// addfromweb with the https URL and the name.
func TestSubscribeLinks(t *testing.T) {
	dir, _ := renderTo(t, fixture(t))
	page := string(readTree(t, dir)["anlaesse/pi-tag/index.html"])
	href := func(class string) *url.URL {
		t.Helper()
		m := regexp.MustCompile(`class="btn ` + class + `" href="([^"]+)"`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no %s link", class)
		}
		u, err := url.Parse(html.UnescapeString(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	const feed = "https://example.org/feeds/anlaesse/pi-tag.ics"
	const webcal = "webcal://example.org/feeds/anlaesse/pi-tag.ics"
	if got := href("sub-webcal").String(); got != webcal {
		t.Errorf("webcal = %s", got)
	}
	g := href("sub-google")
	if g.Host != "calendar.google.com" || g.Path != "/calendar/r" || g.Query().Get("cid") != webcal {
		t.Errorf("google = %s", g)
	}
	for class, host := range map[string]string{"sub-outlook": "outlook.live.com", "sub-office": "outlook.office.com"} {
		u := href(class)
		if u.Host != host || u.Path != "/calendar/0/addfromweb" || u.Query().Get("url") != feed || u.Query().Get("name") != "Pi-Tag" {
			t.Errorf("%s = %s", class, u)
		}
	}
	if !strings.Contains(page, `value="`+feed+`"`) {
		t.Error("the plain https URL is not shown")
	}
	// "In Kalender eintragen": the occurrence's single-event file, a real
	// file (data: URLs fail in several mobile browsers), for download.
	if !strings.Contains(page, `<a class="ics" href="../../feeds/termine/pi-tag-2026.ics" download type="text/calendar">`) {
		t.Fatal("no link to the single-event file of the 2026 date")
	}
	if !strings.Contains(page, "Vorbereitung ab <strong>28. Februar 2026</strong>") {
		t.Error("lead time: 14 March minus 2 weeks should be 28 February")
	}
}

func TestDataFiles(t *testing.T) {
	in := fixture(t)
	dir, _ := renderTo(t, in)
	files := readTree(t, dir)

	raw := files["daten/2026.csv"]
	if !bytes.HasPrefix(raw, []byte("\ufeff")) {
		t.Error("CSV lacks the UTF-8 byte order mark")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "Beginn" || rows[0][3] != "Anlass" {
		t.Errorf("CSV header = %v", rows[0])
	}
	// Dates as German Excel reads them: TT.MM.JJJJ.
	if len(rows) < 2 || !regexp.MustCompile(`^\d\d\.\d\d\.2026$`).MatchString(rows[1][0]) {
		t.Errorf("CSV first row = %v", rows[1:2])
	}
	if n := len(in.Window.InYear(2026)); len(rows) != n+1 {
		t.Errorf("CSV has %d rows, want %d occurrences + header", len(rows), n)
	}
	if !bytes.Contains(raw, []byte("\r\n")) {
		t.Error("CSV lines should end in CRLF")
	}

	var all struct {
		Occasions []struct {
			ID    string                   `json:"id"`
			Dates []struct{ Start string } `json:"dates"`
		} `json:"occasions"`
	}
	if err := json.Unmarshal(files["daten/anlaesse.json"], &all); err != nil {
		t.Fatal(err)
	}
	if len(all.Occasions) != len(in.Project.Catalog.Occasions) {
		t.Errorf("anlaesse.json has %d occasions", len(all.Occasions))
	}
	for _, y := range in.Window.Years() {
		if _, ok := files["daten/"+strconv.Itoa(y)+".json"]; !ok {
			t.Errorf("no JSON for %d", y)
		}
	}

	// The search: every document of every chunk points to a page, and
	// every occasion and article is there (drafts are not).
	var manifest struct {
		Docs   int   `json:"docs"`
		Chunks []int `json:"chunks"`
	}
	if err := json.Unmarshal(files["suche/index.json"], &manifest); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	var titles []string
	for n := range manifest.Chunks {
		var chunk [][]any
		if err := json.Unmarshal(files["suche/d/"+strconv.Itoa(n)+".json"], &chunk); err != nil {
			t.Fatalf("suche/d/%d.json: %v", n, err)
		}
		for _, d := range chunk {
			kind, title, u := d[0].(string), d[1].(string), d[2].(string)
			kinds[kind]++
			titles = append(titles, title)
			if title == "" || u == "" || strings.HasPrefix(u, "/") {
				t.Errorf("search document %v: needs a title and a root-relative URL", d[:3])
			}
			if _, ok := files[u+"index.html"]; !ok {
				t.Errorf("search document %s points nowhere", u)
			}
		}
	}
	if len(titles) != manifest.Docs {
		t.Errorf("the search's chunks hold %d documents, its manifest says %d", len(titles), manifest.Docs)
	}
	if kinds["Anlass"] != len(in.Project.Catalog.Occasions) || kinds["Idee"] != len(in.Articles) {
		t.Errorf("search index has %d occasions and %d articles, want %d and %d", kinds["Anlass"], kinds["Idee"], len(in.Project.Catalog.Occasions), len(in.Articles))
	}
	if slices.Contains(titles, "Ein Entwurf") {
		t.Error("a draft is in the search index")
	}

	if !bytes.Contains(files["robots.txt"], []byte("Sitemap: https://example.org/sitemap.xml")) {
		t.Error("robots.txt does not point to the sitemap")
	}
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	for _, u := range sm.URLs {
		if !strings.HasPrefix(u.Loc, "https://example.org/") {
			t.Errorf("sitemap URL %s is not absolute", u.Loc)
		}
		if _, ok := files[strings.TrimPrefix(u.Loc, "https://example.org/")+"index.html"]; !ok {
			t.Errorf("sitemap lists %s, which was not rendered", u.Loc)
		}
	}
}

// TestPageBasics checks what every page must carry: language, title,
// description, canonical, Open Graph, landmarks and the skip link.
func TestPageBasics(t *testing.T) {
	dir, _ := renderTo(t, fixture(t))
	for name, data := range readTree(t, dir) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(data)
		must := []string{`<html lang="de">`, "<title>", `<meta name="description" content="`, `<a class="skip-link" href="#inhalt">`,
			`<header class="site-header">`, `<nav class="main-nav" aria-label="Hauptnavigation">`, `<main id="inhalt"`, `<footer class="site-footer">`}
		if name != "404.html" {
			must = append(must, `<link rel="canonical" href="https://example.org/`, `<meta property="og:title"`, `<meta property="og:url"`)
		}
		for _, m := range must {
			if !strings.Contains(page, m) {
				t.Errorf("%s lacks %s", name, m)
			}
		}
		if strings.Contains(page, `content=""`) {
			t.Errorf("%s has an empty meta content", name)
		}
		if c := strings.Count(page, "<h1"); c != 1 {
			t.Errorf("%s has %d h1 elements", name, c)
		}
	}
}

// A project without a templates/ folder (like the fixture) renders with the
// copy built into anlass.
func TestBuiltinTemplates(t *testing.T) {
	in := fixture(t)
	in.Templates = nil
	dir, st := renderTo(t, in)
	if st.Pages == 0 {
		t.Fatal("no pages")
	}
	if _, ok := readTree(t, dir)["assets/style.css"]; !ok {
		t.Error("no stylesheet from the built-in templates")
	}
}

// A tag gets a page when at least two entries have it. A tag with a single
// entry is plain text on that entry, and the Themen overview links the
// entry itself; no page links to a tag page that does not exist.
// Topics: German labels, a page and a feed from two occasions on, the
// occasions by next date.
func TestTopicPages(t *testing.T) {
	dir, _ := renderTo(t, fixture(t))
	files := readTree(t, dir)
	if _, ok := files["themen/it/index.html"]; !ok {
		t.Error("no page for the topic it (three occasions)")
	}
	if _, ok := files["themen/mathematik/index.html"]; ok {
		t.Error("a page for the topic mathematik, which only the Pi-Tag has")
	}
	if _, ok := files["themen/strategie/index.html"]; ok {
		t.Error("a page for the topic strategie, which only articles have")
	}
	pi := string(files["anlaesse/pi-tag/index.html"])
	if !strings.Contains(pi, `<li>Mathematik</li>`) || !strings.Contains(pi, `<li><a href="../../themen/it/">IT</a></li>`) {
		t.Errorf("Pi-Tag page: want Mathematik as text and IT as a link:\n%s", pi[max(0, strings.Index(pi, "tag-list")-20):][:300])
	}
	overview := string(files["themen/index.html"])
	for _, want := range []string{
		`<a href="../anlaesse/pi-tag/" title="Pi-Tag">Mathematik <span class="count">1</span></a>`,
		`<a href="../themen/it/">IT <span class="count">`,
	} {
		if !strings.Contains(overview, want) {
			t.Errorf("Themen overview lacks %s", want)
		}
	}
	it := string(files["themen/it/index.html"])
	if !strings.Contains(it, "<h1><span class=\"fine-label\">Thema</span> IT</h1>") || !strings.Contains(it, "webcal://example.org/feeds/themen/it.ics") {
		t.Error("the topic page lacks its label or its feed")
	}
	// By next date (the fixture's today is 1 March 2026): the Pi-Tag on
	// 14 March before Cyber Monday in November.
	if strings.Index(it, "anlaesse/pi-tag/") > strings.Index(it, "anlaesse/cyber-monday/") {
		t.Error("the topic page does not list its occasions by next date")
	}
	for name, data := range files {
		if strings.Contains(string(data), "themen/mathematik/") {
			t.Errorf("%s links the topic page themen/mathematik/, which does not exist", name)
		}
	}
}

// A template error names the file a contributor must open, and whether it
// is the project's own or anlass's built-in copy.
func TestTemplateErrorsNameTheFile(t *testing.T) {
	for _, tc := range []struct {
		file, text, want string
	}{
		{"occasion.html", "{{define \"main\"}}\n<p>{{.Nope}}</p>\n{{end}}\n", "templates/occasion.html:2:"},
		{"tag.html", "{{define \"main\"}}\n{{if}}\n{{end}}\n", "templates/tag.html:2:"},
	} {
		root := testutil.Project(t, "-- templates/"+tc.file+" --\n"+tc.text)
		in := fixture(t)
		in.Templates = overlay{project: os.DirFS(filepath.Join(root, "templates")), builtin: templatesFS()}
		files, err := Files(in)
		if err == nil {
			for _, f := range files {
				if _, err = f.Render(); err != nil {
					break
				}
			}
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one naming %s", tc.file, err, tc.want)
		}
	}
	// Without a project copy the message names the built-in file.
	if got := origin(overlay{builtin: templatesFS()}, "occasion.html"); got != "built-in occasion.html" {
		t.Errorf("origin = %q", got)
	}
}

// The brand accent is checked against the page backgrounds the stylesheet
// really has.
func TestBackgroundsMatchTheStylesheet(t *testing.T) {
	css, err := fs.ReadFile(templatesFS(), "static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	bgs := regexp.MustCompile(`--bg: (#[0-9a-f]{6});`).FindAllStringSubmatch(string(css), -1)
	if len(bgs) < 2 || bgs[0][1] != config.PageBackground || bgs[1][1] != config.PageBackgroundDark {
		t.Fatalf("style.css backgrounds %v, config has %s and %s", bgs, config.PageBackground, config.PageBackgroundDark)
	}
}

// The home page keeps its promise: every occasion of the next eight weeks,
// by month, and a card says when an occasion is limited to a region.
func TestHomeShowsTheWholeEightWeeks(t *testing.T) {
	today := civil.Of(2026, 12, 5)
	in := loadInput(t, "../..", today, "")
	dir, _ := renderTo(t, in)
	home := string(readTree(t, dir)["index.html"])
	upcoming := in.Window.Upcoming(56, nil)
	if len(upcoming) < 35 {
		t.Fatalf("only %d occasions in the eight weeks from %s", len(upcoming), today)
	}
	for _, oc := range upcoming {
		if !strings.Contains(home, `href="anlaesse/`+oc.Occasion.ID+`/"`) {
			t.Errorf("the home page does not link %s (%s)", oc.Occasion.ID, oc.Start)
		}
	}
	for _, want := range []string{`<h3 class="month-label">Dezember 2026</h3>`, `<h3 class="month-label">Januar 2027</h3>`,
		`<span class="where">nur in der Schweiz</span>`, strconv.Itoa(len(upcoming)) + " Anlässe bis zum 30. Januar 2027"} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page lacks %s", want)
		}
	}
}
