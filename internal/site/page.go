package site

import (
	"html/template"
	"strconv"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/paths"
	"github.com/anlass/anlass/internal/schedule"
)

// Page is what every template receives. Its methods give hrefs relative to
// the page, so the site works at a domain root and under a sub-path.
type Page struct {
	Path        string // site path of the page, "/anlaesse/pi-tag/"
	Kind        string // template name
	Title       string // the page's own title (h1, og:title)
	Description string
	OGType      string // website | article
	Section     string // the main navigation entry it belongs to
	NoIndex     bool
	JSONLD      template.JS
	// Absolute makes links start at the base path ("/anlass/…"): for the
	// 404 page, which the host serves at any URL.
	Absolute bool
	D        any // the page's own data

	// Filled by prepare before the page is rendered: plain fields rather
	// than methods, because html/template looks a method up by reflection
	// on every use (a third of the rendering time when they were methods).
	*Links
	Site        *config.Config // title, description, base URL
	FullTitle   string         // the document title: "Pi-Tag – anlass"; the home page has the site title only
	Canonical   string         // the page's absolute URL
	Today       civil.Date     // the build's today
	Year        int            // the current year of the build
	PlannerYear int            // the year the navigation's planner link opens
	Window      string         // the build's date range, "2025–2030"
	HasRegions  bool           // the site has region pages (a project with public holidays)
	Categories  []*catView     // the four categories with their occasions
	// Header and Footer are the page's "header" and "footer" templates,
	// rendered (and shared with similar pages) by site.chrome.
	Header, Footer template.HTML

	s *site
}

// Links are the hrefs of the site's fixed pages, relative to a page. Pages
// in folders of the same depth share one Links.
type Links struct {
	Home, OccasionsIndex, ArticlesIndex, TagsIndex, RegionsIndex string
	SubscribePage, SearchPage, SearchIndex, DataPage, Sitemap    string
	Atom, OccasionsJSON                                          string
}

// prepare fills the page's fields from the site.
func (p *Page) prepare() error {
	s := p.s
	p.Links = s.links(p)
	p.Site = &s.cfg
	p.FullTitle = s.cfg.Title
	if p.Path != "/" && p.Title != "" {
		p.FullTitle = p.Title + " – " + s.cfg.Title
	}
	p.Canonical = s.cfg.Abs(p.Path)
	p.Today = s.w.Today
	p.Year = s.w.Today.Year()
	p.PlannerYear = s.plannerYear()
	p.Window = strconv.Itoa(s.w.From.Year()) + "–" + strconv.Itoa(s.w.To.Year())
	p.HasRegions = len(s.in.Project.Catalog.Holidays) > 0
	p.Categories = s.index.cats
	var err error
	if p.Header, err = s.chrome("header", p); err != nil {
		return err
	}
	p.Footer, err = s.chrome("footer", p)
	return err
}

// links returns the Links for p, made once per folder depth.
func (s *site) links(p *Page) *Links {
	key := "abs"
	if !p.Absolute {
		key = rel(p.Path, "/")
	}
	s.linksMu.Lock()
	defer s.linksMu.Unlock()
	if l := s.linksBy[key]; l != nil {
		return l
	}
	l := &Links{
		Home: p.Rel(paths.Home()), OccasionsIndex: p.Rel(paths.Occasions()), ArticlesIndex: p.Rel(paths.Articles()),
		TagsIndex: p.Rel(paths.Tags()), RegionsIndex: p.Rel(paths.Regions()), SubscribePage: p.Rel(paths.Subscribe()),
		SearchPage: p.Rel(paths.Search()), SearchIndex: p.Rel(paths.SearchIndex()), DataPage: p.Rel(paths.Data()),
		Sitemap: p.Rel("/sitemap.xml"), Atom: p.Rel(paths.AtomFeed()), OccasionsJSON: p.Rel(paths.OccasionsJSON()),
	}
	if s.linksBy == nil {
		s.linksBy = map[string]*Links{}
	}
	s.linksBy[key] = l
	return l
}

// Rel is the href of a site path from this page.
func (p *Page) Rel(sitePath string) string {
	if p.Absolute {
		return p.s.cfg.BasePath() + sitePath[1:]
	}
	return rel(p.Path, sitePath)
}

// Is reports whether the page belongs to the navigation section name.
func (p *Page) Is(section string) bool { return p.Section == section }

// Current reports whether the page is the one at sitePath.
func (p *Page) Current(sitePath string) bool { return p.Path == sitePath }

// Link helpers: hrefs relative to this page.

func (p *Page) Asset(name string) string       { return p.Rel(p.s.tpl.asset(name)) }
func (p *Page) Occ(id string) string           { return p.Rel(paths.Occasion(id)) }
func (p *Page) Art(slug string) string         { return p.Rel(paths.Article(slug)) }
func (p *Page) Cat(c occasion.Category) string { return p.Rel(paths.Category(string(c))) }
func (p *Page) Planner(year int) string        { return p.Rel(paths.Planner(year)) }
func (p *Page) YearJSON(y int) string          { return p.Rel(paths.YearJSON(y)) }
func (p *Page) YearCSV(y int) string           { return p.Rel(paths.YearCSV(y)) }

// Tag is the href of the tag's page, or "" when the tag has none (it has a
// single entry; see minTagEntries).
func (p *Page) Tag(t string) string {
	if tv := p.s.index.byTag[t]; tv == nil || !tv.HasPage() {
		return ""
	}
	return p.Rel(paths.Tag(t))
}

// EventHref is the href attribute of the "In Kalender eintragen" link for
// the occurrence of id in year: a data: URL holding a one-event calendar, so
// the link downloads it as a .ics file without the site publishing a file
// per occurrence. Empty when the window has no such occurrence.
//
// It is the whole attribute, escaped here rather than by html/template:
// the URL is percent-encoded calendar text of about 2 kB, and encoding it
// with url.PathEscape and letting the template engine normalise and escape
// it again took 40 % of the time of rendering an occasion page.
func (p *Page) EventHref(id string, year int) template.HTMLAttr {
	for _, oc := range p.s.w.Of(id) {
		if oc.Year == year {
			return template.HTMLAttr(dataHref("text/calendar;charset=utf-8", p.s.feeds.SingleEvent(oc)))
		}
	}
	return ""
}

// dataHref returns href="data:<mediaType>,<data>" with data percent-encoded
// as url.PathEscape does and then escaped for a double-quoted attribute as
// html/template does: one pass instead of three (TestDataHref compares).
func dataHref(mediaType string, data []byte) string {
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(`href="data:,"`)+len(mediaType)+3*len(data))
	b = append(b, `href="data:`...)
	b = append(b, mediaType...)
	b = append(b, ',')
	for _, c := range data {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '_', c == '.', c == '~', c == '$', c == ':', c == '=', c == '@':
			b = append(b, c)
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '+':
			b = append(b, "&#43;"...)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(append(b, '"'))
}

// plannerYear is the year the navigation's planner link opens: this year.
func (s *site) plannerYear() int {
	y := s.w.Today.Year()
	ys := s.index.years
	if len(ys) > 0 && (y < ys[0] || y > ys[len(ys)-1]) {
		return ys[0]
	}
	return y
}

// When says how far an occurrence is from today: "in 12 Tagen".
func (p *Page) When(oc schedule.Occurrence) string { return relDays(p.s.w.Today, oc) }
