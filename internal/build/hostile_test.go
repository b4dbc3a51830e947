package build

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/testutil"
	"github.com/anlass/anlass/internal/yamlfile"
)

// hostileDir holds one small project per kind of broken or hostile input.
const hostileDir = "../../testdata/hostile"

// A hostileCase is a project from hostileDir, optionally completed by setup
// with what cannot be committed (huge files, symlinks, special files, names
// a checkout may normalise). The build must end in the listed diagnostics —
// each "path:line:col: message", matched as a substring — or, with no
// diagnostics listed, succeed and pass check. `anlass check` (project.Check)
// must report the same.
type hostileCase struct {
	name  string
	setup func(t *testing.T, root, outside string)
	want  []string
	check func(t *testing.T, public string)
}

var hostileCases = []hostileCase{
	{name: "yaml-syntax", want: []string{
		"occasions/quirky/kaputt.yaml:5:7: a [ … ] list is not closed: add the ] or put the text in quotes",
		"occasions/quirky/einrueckung.yaml:4:2: this line is indented differently from the lines around it: is it indented like the keys above it?",
		"occasions/quirky/steuerzeichen.yaml:3:15: control characters are not allowed: remove the invisible character here",
		"content/kaputt.md:2:8: the quote that starts here is not closed: end the value with the same quote mark, or write it without quotes",
	}},
	{name: "tabs", want: []string{
		"occasions/quirky/tabs.yaml:3:1: tab character in indentation: YAML indents with spaces only",
		"content/tabs.md:6:1: tab character in indentation: YAML indents with spaces only",
	}},
	{name: "wrong-types", want: []string{
		`occasions/quirky/typen.yaml:2:7: "name" must be a mapping (key: value lines), found a list`,
		`occasions/quirky/typen.yaml:5:8: "since" must be a whole number, found "zweitausend"`,
		`occasions/quirky/typen.yaml:6:8: "every" must be a whole number, found "2.5"`,
		`occasions/quirky/typen.yaml:7:10: "summary" must be text, found a mapping`,
		`occasions/quirky/typen.yaml:8:8: "ideas" must be a list (- item, or [a, b]), found "viele"`,
		`occasions/quirky/typen.yaml:9:12: "lead_time" must be text, found a list`,
		`occasions/quirky/typen.yaml:10:10: "sources" must be a list (- item, or [a, b]), found "https://example.org"`,
		`occasions/quirky/typen.yaml:11:7: "tags" must be a list (- item, or [a, b]), found "einzeln"`,
		`content/typen.md:2:8: "title" must be text, found a list`,
		`content/typen.md:4:7: date: "14.03.2026" is not a date of the form YYYY-MM-DD`,
		`content/typen.md:5:12: "occasions" must be a list (- item, or [a, b]), found "pi-tag"`,
		`content/typen.md:6:8: "draft" must be true or false, found "vielleicht"`,
		// A long value is cut in the message (a whole file read as one
		// value must not end up in a public CI log).
		`content/lang.md:5:12: "occasions" must be a list (- item, or [a, b]), found "` + strings.Repeat("geheim ", 8) + `gehe…"`,
	}},
	{name: "duplicate-keys", want: []string{
		`occasions/quirky/doppelt.yaml:14:1: duplicate key "name" (first at line 2)`,
		`occasions/quirky/doppelt-innen.yaml:4:3: duplicate key "de" (first at line 3)`,
		`content/doppelt.md:4:1: duplicate key "title" (first at line 2)`,
	}},
	{name: "billion-laughs", want: []string{
		"occasions/quirky/lol.yaml:3:7: anchors and aliases (&, *) are not allowed here: write each value out",
		"content/lol.md:2:8: anchors and aliases (&, *) are not allowed here: write each value out",
	}},
	{name: "huge-file", setup: func(t *testing.T, root, _ string) {
		// 50 MiB each, made here rather than committed: a line of YAML,
		// then a sparse tail, so that the test writes next to nothing.
		for _, f := range []string{"occasions/quirky/riesig.yaml", "holidays/de/riesig.yaml", "content/riesig.md", "anlass.yaml"} {
			writeFiles(t, root, map[string]string{f: "---\nid: riesig\n"})
			if err := os.Truncate(filepath.Join(root, f), 50<<20); err != nil {
				t.Fatal(err)
			}
		}
	}, want: []string{
		"occasions/quirky/riesig.yaml: file is 52428800 bytes; the limit is 1048576 bytes",
		"holidays/de/riesig.yaml: file is 52428800 bytes; the limit is 1048576 bytes",
		"content/riesig.md: file is 52428800 bytes; the limit is 1048576 bytes",
		"anlass.yaml: file is 52428800 bytes; the limit is 1048576 bytes",
	}},
	{name: "deep-nesting", setup: func(t *testing.T, root, _ string) {
		// Nesting just under the size limit: the parser must neither
		// overflow nor take long.
		n := yamlfile.MaxSize/2 - 100
		writeFiles(t, root, map[string]string{
			"occasions/quirky/tief.yaml": "id: tief\nname: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n",
			"content/tief.md":            "---\ntitle: " + strings.Repeat("{a: ", n/4) + "\n---\n",
		})
	}, want: []string{
		"occasions/quirky/tief.yaml:2:1: YAML syntax error: exceeded max depth of 10000",
		"content/tief.md:2:1: YAML syntax error: exceeded max depth of 10000",
	}},
	{name: "non-utf8", want: []string{
		"occasions/quirky/latin1.yaml:3:9: file is not valid UTF-8: save it as UTF-8",
		"content/latin1-titel.md:2:10: file is not valid UTF-8: save it as UTF-8",
		"content/latin1-text.md:9:9: file is not valid UTF-8: save it as UTF-8",
	}},
	{name: "bad-ids", setup: func(t *testing.T, root, _ string) {
		// Non-ASCII file names are made here: checkouts on some systems
		// normalise them (NFD), which would change the messages.
		base, err := os.ReadFile(filepath.Join(root, "occasions/quirky/pi-tag.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, root, map[string]string{
			"occasions/quirky/grüße.yaml": strings.Replace(string(base), "id: pi-tag", "id: grüße", 1),
			"content/über-uns.md":         "---\ntitle: Über uns\nsummary: Ein Dateiname mit Umlaut.\ndate: 2026-01-01\n---\n\nText\n",
		})
	}, want: []string{
		`occasions/quirky/pfad.yaml:1:5: id "../../../../tmp/pfad" is not a slug`,
		`occasions/quirky/grüße.yaml:1:5: id "grüße" is not a slug`,
		`holidays/de/ausbruch.yaml:1:5: id "../ausbruch" is not a slug`,
		`content/über-uns.md: file name "über-uns.md" is not a slug`,
		`content/verweise.md:5:14: occasions: unknown occasion "../../etc/passwd"`,
		`content/verweise.md:6:8: tag "../x" is not a slug`,
		`content/verweise.md:6:16: tag "ß" is not a slug`,
	}},
	{name: "symlinks", setup: func(t *testing.T, root, outside string) {
		writeFiles(t, outside, map[string]string{
			"geheim.yaml":          occasionFile("geheim", "quirky", "Geheim", "05-05"),
			"geheim.md":            articleFile("Geheim", "pi-tag"),
			"ordner/geheim-2.yaml": occasionFile("geheim-2", "quirky", "Geheim 2", "05-06"),
			"ordner/geheim-2.md":   articleFile("Geheim 2", "pi-tag"),
		})
		for link, target := range map[string]string{
			"occasions/quirky/geheim.yaml": filepath.Join(outside, "geheim.yaml"),
			"occasions/quirky/ordner":      filepath.Join(outside, "ordner"),
			"holidays":                     filepath.Join(outside, "ordner"),
			"content/geheim.md":            filepath.Join(outside, "geheim.md"),
			"content/ordner":               filepath.Join(outside, "ordner"),
			"content/passwd.md":            "/etc/passwd",
		} {
			if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
				t.Fatal(err)
			}
		}
	}, want: []string{
		"occasions/quirky/geheim.yaml: symbolic link: anlass reads only regular files inside the project",
		"occasions/quirky/ordner: symbolic link: anlass reads only regular files inside the project",
		"holidays: symbolic link: anlass reads only regular files inside the project",
		"content/geheim.md: symbolic link: anlass reads only regular files inside the project",
		"content/ordner: symbolic link: anlass reads only regular files inside the project",
		"content/passwd.md: symbolic link: anlass reads only regular files inside the project",
	}},
	{name: "front-matter", want: []string{
		"content/ohne.md:1:1: missing front matter",
		"content/leer.md:1:1: missing front matter",
		"content/offen.md:1:1: front matter is not closed: add a line --- after it",
		"content/leerer-vorspann.md:2:1: front matter is empty",
		"content/liste.md:2:1: expected a mapping of keys (id: …, name: …) at the top level, found a list",
		`content/zwei-dokumente.md:2:1: missing required key "summary" in front matter`,
	}},
	{name: "duplicate-slugs", want: []string{
		`content/b/gleich.md:1:1: duplicate slug "gleich": content/a/gleich.md has the same file name`,
	}},
	{name: "html", check: checkHTMLCase},
	{name: "reference-fanout", setup: func(t *testing.T, root, _ string) {
		// Each occasion refers to the next one twice (a span from it to two
		// days after it): evaluated without remembering results, the first
		// would take 2^40 evaluations.
		const n = 40
		files := map[string]string{}
		for i := range n {
			date := fmt.Sprintf(`"@kette-%02d..@kette-%02d +2"`, i+1, i+1)
			if i == n-1 {
				date = "06-01"
			}
			id := fmt.Sprintf("kette-%02d", i)
			files["occasions/quirky/"+id+".yaml"] = occasionFile(id, "quirky", "Kette "+id, date)
		}
		writeFiles(t, root, files)
	}, check: func(t *testing.T, public string) {
		if !exists(filepath.Join(public, "feeds/anlaesse/kette-00.ics")) {
			t.Error("no feed for kette-00")
		}
	}},
}

func TestHostileInput(t *testing.T) {
	cases, err := os.ReadDir(hostileDir)
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, c := range hostileCases {
		covered[c.name] = true
	}
	for _, d := range cases {
		if !covered[d.Name()] && !strings.HasPrefix(d.Name(), "special-") {
			t.Errorf("%s/%s has no case in hostileCases", hostileDir, d.Name())
		}
	}
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) { runHostile(t, c) })
	}
}

// runHostile builds one case in a fresh folder beside a folder "outside" and
// checks the result, and that nothing but public/ changed around the project.
func runHostile(t *testing.T, c hostileCase) {
	tmp := t.TempDir()
	root, outside := filepath.Join(tmp, "project"), filepath.Join(tmp, "outside")
	testutil.CopyDir(t, filepath.Join(hostileDir, c.name), root)
	writeFiles(t, outside, map[string]string{"keep.txt": "outside the project"})
	if c.setup != nil {
		c.setup(t, root, outside)
	}
	before := snapshot(t, tmp)
	public := filepath.Join(root, "public")

	start := time.Now()
	_, l, err := Build(Options{Source: root, Now: testNow})
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the build took %v", took)
	}
	var got []string
	for _, d := range l {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	if len(c.want) == 0 {
		if err != nil {
			t.Fatalf("build failed: %v\n%s", err, all)
		}
		if l.HasErrors() {
			t.Fatalf("diagnostics:\n%s", all)
		}
		c.check(t, public)
	} else {
		if err == nil {
			t.Fatalf("the build succeeded; want errors:\n%s", strings.Join(c.want, "\n"))
		}
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("no diagnostic %q in\n%s", w, all)
			}
		}
		if exists(public) {
			t.Error("a failed build wrote public/")
		}
	}

	// anlass check reads the same project and must agree, and finish too.
	start = time.Now()
	_, cl := project.Check(root, civil.Of(2026, 11, 22))
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the check took %v", took)
	}
	var checked []string
	for _, d := range cl {
		checked = append(checked, d.String())
	}
	if len(c.want) == 0 && cl.HasErrors() {
		t.Errorf("the check found errors:\n%s", strings.Join(checked, "\n"))
	}
	for _, w := range c.want {
		if !strings.Contains(strings.Join(checked, "\n"), w) {
			t.Errorf("the check lacks %q", w)
		}
	}

	assertSameTree(t, "the folder around the project (all but public/)", before, snapshot(t, tmp, "project/public"))
	assertNoStaging(t, root)
}

var (
	tagRE        = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>` + "`" + `]+))?)*)\s*/?>`)
	attrRE       = regexp.MustCompile(`([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'<>` + "`" + `]+))?`)
	scriptRE     = regexp.MustCompile(`(?is)<script\b[^>]*>(.*?)</script>`)
	jsonScriptRE = regexp.MustCompile(`(?i)^<script\s[^>]*type\s*=\s*["']?application/(ld\+)?json\b`)
	schemeRE     = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.-]*):`)
)

// urlAttrs are the attributes a browser loads or follows as a URL.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true,
	"srcset": true, "data": true, "xlink:href": true, "background": true, "cite": true, "ping": true}

// checkHTMLCase asserts that HTML and control characters in names, summaries
// and articles end up as text: in the feeds as escaped iCalendar text, in the
// pages (once internal/site renders them) escaped or dropped.
func checkHTMLCase(t *testing.T, public string) {
	feed, err := os.ReadFile(filepath.Join(public, "feeds/anlaesse/xss.ics"))
	if err != nil {
		t.Fatal(err)
	}
	unfolded := strings.ReplaceAll(string(feed), "\r\n ", "")
	if !strings.Contains(unfolded, `SUMMARY:<script>alert('anlass-xss')</script> & <b>Fett</b> "Tag"`) {
		t.Errorf("the occasion name is not kept as text in SUMMARY:\n%s", unfolded)
	}
	// A CR LF in a name must not start a new content line.
	inj, err := os.ReadFile(filepath.Join(public, "feeds/anlaesse/zeilenumbruch.ics"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.ReplaceAll(string(inj), "\r\n ", ""), "\r\n")
	count := map[string]int{}
	for _, ln := range lines {
		count[ln]++
		if strings.HasPrefix(ln, "SUMMARY:Eingeschleust") {
			t.Errorf("the name broke out into its own line: %q", ln)
		}
	}
	if count["BEGIN:VEVENT"] != 2 || count["END:VEVENT"] != 2 {
		t.Errorf("zeilenumbruch.ics has %d BEGIN:VEVENT and %d END:VEVENT lines, want 2 each (two years)", count["BEGIN:VEVENT"], count["END:VEVENT"])
	}
	if !strings.Contains(string(inj), `SUMMARY:Zeile\nBEGIN:VEVENT\nSUMMARY:Eingeschleust\nEND:VEVENT`) {
		t.Errorf("the name is not one escaped SUMMARY value:\n%s", inj)
	}

	if !siteBuilt(public) {
		t.Log("public/index.html does not exist yet (internal/site not wired into the build): HTML assertions skipped")
		return
	}
	pages := []string{"index.html", "anlaesse/xss/index.html", "ideen/xss/index.html"}
	for _, p := range pages {
		data, err := os.ReadFile(filepath.Join(public, p))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		checkSafeHTML(t, p, string(data))
	}
	page, _ := os.ReadFile(filepath.Join(public, "anlaesse/xss/index.html"))
	if !strings.Contains(string(page), "&lt;script&gt;alert(") {
		t.Error("anlaesse/xss/: the occasion name is not shown as escaped text")
	}
}

// checkSafeHTML fails on every problem unsafeHTML finds in page.
func checkSafeHTML(t *testing.T, name, page string) {
	t.Helper()
	for _, p := range unsafeHTML(page) {
		t.Errorf("%s: %s", name, p)
	}
}

// unsafeHTML lists anything in page that could run script: a script element
// carrying the content's payload, event-handler attributes, iframes, and URL
// attributes whose scheme is not http(s), mailto, tel or webcal. Attribute
// values are entity-decoded and stripped of whitespace and control
// characters first, as a browser does.
func unsafeHTML(page string) []string {
	var out []string
	if strings.Contains(page, "<script>alert('anlass-xss')") {
		out = append(out, "the content's script element is in the page")
	}
	for _, m := range scriptRE.FindAllStringSubmatch(page, -1) {
		if jsonScriptRE.MatchString(m[0]) {
			// Data, not code (JSON-LD); it may hold the name, but no "<"
			// that could close the element early.
			if strings.Contains(m[1], "<") {
				out = append(out, fmt.Sprintf("a JSON script element with an unescaped <: %.120s", m[0]))
			}
			continue
		}
		if strings.Contains(m[1], "anlass-xss") {
			out = append(out, fmt.Sprintf("a script element carries the content's payload: %.80s", m[0]))
		}
	}
	for _, tag := range tagRE.FindAllStringSubmatch(page, -1) {
		if el := strings.ToLower(tag[1]); el == "iframe" || el == "object" || el == "embed" {
			out = append(out, fmt.Sprintf("a %s element: %.80s", el, tag[0]))
		}
		for _, a := range attrRE.FindAllStringSubmatch(tag[2], -1) {
			attr := strings.ToLower(a[1])
			if strings.HasPrefix(attr, "on") {
				out = append(out, fmt.Sprintf("an event-handler attribute: %.80s", tag[0]))
			}
			if !urlAttrs[attr] {
				continue
			}
			v := html.UnescapeString(strings.Trim(a[2], `"'`))
			v = strings.Map(func(r rune) rune {
				if r <= ' ' {
					return -1
				}
				return r
			}, v)
			if m := schemeRE.FindStringSubmatch(v); m != nil {
				switch strings.ToLower(m[1]) {
				case "http", "https", "mailto", "tel", "webcal":
				case "data":
					// anlass's own one-event calendar downloads ("In Kalender eintragen");
					// any other data: URL, e.g. from content, is a finding.
					if !strings.HasPrefix(v, "data:text/calendar;charset=utf-8,BEGIN:VCALENDAR") || !strings.HasPrefix(tag[0], `<a class="ics"`) {
						out = append(out, fmt.Sprintf("%s with the scheme %q: %.80s", attr, m[1], tag[0]))
					}
				default:
					out = append(out, fmt.Sprintf("%s with the scheme %q: %.80s", attr, m[1], tag[0]))
				}
			}
		}
	}
	return out
}

// The HTML check itself finds what it looks for, and passes what is harmless.
func TestUnsafeHTML(t *testing.T) {
	for _, bad := range []string{
		`<p><script>alert('anlass-xss')</script></p>`,
		`<SCRIPT type="text/javascript">alert('anlass-xss')</SCRIPT>`,
		`<script type="application/ld+json">{"name":"</script><script>alert('anlass-xss')</script>"}</script>`,
		`<iframe src="https://evil.example/"></iframe>`,
		`<img src=x onerror="alert(1)">`,
		`<div class="a" OnClick='x()'>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href=" JaVaScRiPt:alert(1)">x</a>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		"<a href=\"java\tscript:alert(1)\">x</a>",
		`<a href=data:text/html;base64,PHNjcmlwdD4=>x</a>`,
		`<img src="data:image/svg+xml;base64,PHN2Zz4=">`,
		`<form action="vbscript:x"></form>`,
	} {
		if len(unsafeHTML(bad)) == 0 {
			t.Errorf("not caught: %s", bad)
		}
	}
	for _, good := range []string{
		`<p>&lt;script&gt;alert(&#39;anlass-xss&#39;)&lt;/script&gt;</p>`,
		`<meta name="description" content="mit &lt;img src=x onerror=alert(1)&gt;.">`,
		`<script type="application/ld+json">{"name":"\u003cscript\u003ealert('anlass-xss')\u003c/script\u003e"}</script>`,
		`<script src="/suche/suche.js" defer></script>`,
		`<a href="../../anlaesse/x/" title="javascript:alert(1)">x</a>`,
		`<a href="https://example.org/?a=%3cscript%3e">x</a> <a href="webcal://example.org/feeds/all.ics">y</a>`,
		`<li>javascript:alert('anlass-xss')</li>`,
	} {
		if p := unsafeHTML(good); len(p) > 0 {
			t.Errorf("harmless HTML flagged: %s: %v", good, p)
		}
	}
}
