package site

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/calendar"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/siteurl"
)

var (
	tagRE  = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	idRE   = regexp.MustCompile(`\sid="([^"]+)"`)
	cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)`)
	attrIn = regexp.MustCompile(`\s(href|src|action|data-index|data-root)="([^"]*)"`)
)

// feedFiles are the files internal/calendar writes next to the site: the links
// to them are checked against this list instead of the output.
func feedFiles(in Input) map[string]bool {
	cb := calendar.Builder{Config: in.Project.Config}
	m := map[string]bool{}
	var book *regiondays.Book
	if len(in.Project.Catalog.Holidays) > 0 {
		book = regiondays.ForWindow(in.Project.Engine, in.Window, in.Project.School)
	}
	for _, f := range append(cb.Feeds(in.Project.Catalog, in.Window, book, in.Project.Vocab), cb.Termine(in.Window)...) {
		m[f.Path] = true
	}
	return m
}

type linkProblem struct{ page, link, why string }

// checkLinks walks every HTML page of a rendered site and reports each
// internal href/src/action that does not resolve to a rendered file (or a
// feed), each fragment without a matching id, each link that escapes the
// base path, and each resource loaded from another host.
func checkLinks(in Input, files map[string][]byte) []linkProblem {
	base, _ := url.Parse(in.Project.Config.BaseURL)
	feeds := feedFiles(in)
	ids := map[string]map[string]bool{}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			set := map[string]bool{}
			for _, m := range idRE.FindAllSubmatch(data, -1) {
				set[string(m[1])] = true
			}
			ids[name] = set
		}
	}
	var probs []linkProblem
	var names []string
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		data := files[name]
		switch {
		case strings.HasSuffix(name, ".css"):
			for _, m := range cssURL.FindAllSubmatch(data, -1) {
				if u := string(m[1]); !strings.HasPrefix(u, "data:") {
					probs = append(probs, linkProblem{name, u, "stylesheet loads a file; keep it self-contained"})
				}
			}
			continue
		case !strings.HasSuffix(name, ".html"):
			continue
		}
		// The page's own URL. The host serves 404.html at any missing path,
		// so its links are checked from a deep, made-up one.
		pagePath := "/" + strings.TrimSuffix(name, "index.html")
		if name == "404.html" {
			pagePath = "/gibt/es/nicht/"
		}
		pageURL := base.ResolveReference(&url.URL{Path: strings.TrimPrefix(pagePath, "/")})
		for _, tag := range tagRE.FindAll(data, -1) {
			for _, m := range attrIn.FindAllSubmatch(tag, -1) {
				tagName := strings.ToLower(strings.TrimPrefix(strings.Fields(string(tag))[0], "<"))
				attr, raw := string(m[1]), htmlUnescape(string(m[2]))
				if strings.HasPrefix(raw, "#") {
					if !ids[name][raw[1:]] {
						probs = append(probs, linkProblem{name, raw, "no element with this id on the page"})
					}
					continue
				}
				if tagName == "link" && strings.Contains(string(tag), `rel="canonical"`) {
					if raw != in.Project.Config.Abs(pagePath) {
						probs = append(probs, linkProblem{name, raw, "canonical is not the page's absolute URL"})
					}
					continue
				}
				if p := checkOne(in, base, pageURL, tagName, attr, raw, files, ids, feeds); p != "" {
					probs = append(probs, linkProblem{name, raw, p})
				}
			}
		}
	}
	return probs
}

func checkOne(in Input, base, pageURL *url.URL, tag, attr, raw string, files map[string][]byte, ids map[string]map[string]bool, feeds map[string]bool) string {
	if raw == "" {
		return "empty link"
	}
	if strings.Contains(raw, "ZgotmplZ") {
		return "html/template rejected an unsafe URL"
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "unparsable: " + err.Error()
	}
	resource := tag != "a" && tag != "form"
	switch u.Scheme {
	case "":
	case "http", "https":
		if u.Host == base.Host {
			return "absolute link to the own site; use a relative one"
		}
		if resource || tag == "link" {
			return "loads a resource from another host (" + u.Host + ")"
		}
		return ""
	case "mailto", "tel":
		return ""
	case "data":
		// Only the one-event calendars of "In Kalender eintragen", as downloads.
		if tag == "a" && strings.HasPrefix(raw, icsDataURL) {
			return ""
		}
		return "unexpected data: URL"
	case "webcal":
		if tag != "a" {
			return "webcal outside a link"
		}
		p := strings.TrimPrefix(u.Path, strings.TrimSuffix(base.Path, "/"))
		if u.Host != base.Host || !feeds[p] {
			return "webcal link to an unknown feed"
		}
		return ""
	default:
		return "unexpected scheme " + u.Scheme
	}
	abs := pageURL.ResolveReference(u)
	if !strings.HasPrefix(abs.Path, base.Path) {
		return "leaves the base path " + base.Path + " (resolves to " + abs.Path + ")"
	}
	sitePath := "/" + strings.TrimPrefix(abs.Path, base.Path)
	if feeds[sitePath] {
		return ""
	}
	file := siteurl.File(sitePath)
	if _, ok := files[file]; !ok {
		if strings.HasSuffix(sitePath, ".ics") {
			return "feed that internal/feed does not write"
		}
		return "no such file " + file
	}
	if u.Fragment != "" && strings.HasSuffix(file, ".html") && !ids[file][u.Fragment] {
		return "no element with id " + u.Fragment + " in " + file
	}
	return ""
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&#34;", `"`, "&lt;", "<", "&gt;", ">").Replace(s)
}

func reportLinks(t *testing.T, probs []linkProblem) {
	t.Helper()
	for i, p := range probs {
		if i == 30 {
			t.Errorf("… and %d more", len(probs)-i)
			break
		}
		t.Errorf("%s: %q: %s", p.page, p.link, p.why)
	}
}

func TestLinksFixture(t *testing.T) {
	in := fixture(t)
	dir, _ := renderTo(t, in)
	reportLinks(t, checkLinks(in, readTree(t, dir)))
}

// TestLinksSubPath renders under a GitHub Pages project path: relative links
// must still resolve, and the 404 page's links must stay below /anlass/.
func TestLinksSubPath(t *testing.T) {
	in := loadInput(t, "testdata/fixture", fixtureToday, "https://user.github.io/anlass/")
	dir, _ := renderTo(t, in)
	files := readTree(t, dir)
	reportLinks(t, checkLinks(in, files))
	nf := string(files["404.html"])
	if !strings.Contains(nf, `href="/anlass/assets/style.css`) || !strings.Contains(nf, `href="/anlass/anlaesse/"`) {
		t.Errorf("404.html must link from the base path /anlass/")
	}
	pi := string(files["anlaesse/pi-tag/index.html"])
	for _, want := range []string{
		`<link rel="canonical" href="https://user.github.io/anlass/anlaesse/pi-tag/">`,
		`href="webcal://user.github.io/anlass/feeds/anlaesse/pi-tag.ics"`,
		`href="../../ideen/antizyklisch/"`,
	} {
		if !strings.Contains(pi, want) {
			t.Errorf("pi-tag page lacks %s", want)
		}
	}
	if sm := string(files["sitemap.xml"]); !strings.Contains(sm, "<loc>https://user.github.io/anlass/anlaesse/pi-tag/</loc>") {
		t.Errorf("sitemap lacks absolute sub-path URLs")
	}
}

// pendingPages are pages that content already links to but that another
// issue delivers: links to them are logged, not failed. Remove an entry when
// its page exists.
var pendingPages = map[string]string{}

// TestLinksRepo renders the repository's real content and checks every link.
func TestLinksRepo(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the whole catalogue")
	}
	in := loadInput(t, "../..", fixtureToday, "https://user.github.io/anlass/")
	dir, st := renderTo(t, in)
	if st.Pages < len(in.Project.Catalog.Occasions) {
		t.Errorf("only %d pages for %d occasions", st.Pages, len(in.Project.Catalog.Occasions))
	}
	files := readTree(t, dir)
	var probs []linkProblem
	for _, p := range checkLinks(in, files) {
		pending := ""
		for page, why := range pendingPages {
			if _, exists := files[siteurl.File(page)]; !exists && strings.HasSuffix(p.why, "no such file "+siteurl.File(page)) {
				pending = why
			}
		}
		if pending != "" {
			t.Logf("%s: %q: page not rendered yet, expected from %s", p.page, p.link, pending)
			continue
		}
		probs = append(probs, p)
	}
	reportLinks(t, probs)
}

func TestRel(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"/", "/", "./"},
		{"/", "/anlaesse/x/", "anlaesse/x/"},
		{"/", "/#demnaechst", "./#demnaechst"},
		{"/anlaesse/x/", "/ideen/y/", "../../ideen/y/"},
		{"/anlaesse/x/", "/", "../../"},
		{"/anlaesse/", "/assets/style.css?v=1", "../assets/style.css?v=1"},
		{"/404.html", "/anlaesse/", "anlaesse/"},
		{"/suche/index.json", "/", "../"},
		{"/a/", "https://example.org/", "https://example.org/"},
	} {
		if got := rel(c.from, c.to); got != c.want {
			t.Errorf("rel(%q, %q) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}
