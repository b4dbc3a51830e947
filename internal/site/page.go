package site

import (
	"html/template"
	"net/url"
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

	s *site
}

// Rel is the href of a site path from this page.
func (p *Page) Rel(sitePath string) string {
	if p.Absolute {
		return p.s.cfg.BasePath() + sitePath[1:]
	}
	return rel(p.Path, sitePath)
}

// Site is the configuration (title, description, base URL).
func (p *Page) Site() config.Config { return p.s.cfg }

// FullTitle is the document title: "Pi-Tag – anlass"; the home page has the site title only.
func (p *Page) FullTitle() string {
	if p.Path == "/" || p.Title == "" {
		return p.s.cfg.Title
	}
	return p.Title + " – " + p.s.cfg.Title
}

// Canonical is the page's absolute URL.
func (p *Page) Canonical() string { return p.s.cfg.Abs(p.Path) }

// Today is the build's today.
func (p *Page) Today() civil.Date { return p.s.w.Today }

// Year is the current year of the build.
func (p *Page) Year() int { return p.s.w.Today.Year() }

// Is reports whether the page belongs to the navigation section name.
func (p *Page) Is(section string) bool { return p.Section == section }

// Current reports whether the page is the one at sitePath.
func (p *Page) Current(sitePath string) bool { return p.Path == sitePath }

// Link helpers: hrefs relative to this page.

func (p *Page) Asset(name string) string       { return p.Rel(p.s.tpl.asset(name)) }
func (p *Page) Home() string                   { return p.Rel(paths.Home()) }
func (p *Page) OccasionsIndex() string         { return p.Rel(paths.Occasions()) }
func (p *Page) Occ(id string) string           { return p.Rel(paths.Occasion(id)) }
func (p *Page) ArticlesIndex() string          { return p.Rel(paths.Articles()) }
func (p *Page) Art(slug string) string         { return p.Rel(paths.Article(slug)) }
func (p *Page) Cat(c occasion.Category) string { return p.Rel(paths.Category(string(c))) }
func (p *Page) TagsIndex() string              { return p.Rel(paths.Tags()) }
func (p *Page) Planner(year int) string        { return p.Rel(paths.Planner(year)) }
func (p *Page) SubscribePage() string          { return p.Rel(paths.Subscribe()) }
func (p *Page) SearchPage() string             { return p.Rel(paths.Search()) }
func (p *Page) SearchIndex() string            { return p.Rel(paths.SearchIndex()) }
func (p *Page) DataPage() string               { return p.Rel(paths.Data()) }
func (p *Page) Atom() string                   { return p.Rel(paths.AtomFeed()) }
func (p *Page) OccasionsJSON() string          { return p.Rel(paths.OccasionsJSON()) }
func (p *Page) YearJSON(y int) string          { return p.Rel(paths.YearJSON(y)) }
func (p *Page) YearCSV(y int) string           { return p.Rel(paths.YearCSV(y)) }
func (p *Page) Sitemap() string                { return p.Rel("/sitemap.xml") }

// Tag is the href of the tag's page, or "" when the tag has none (it has a
// single entry; see minTagEntries).
func (p *Page) Tag(t string) string {
	if tv := p.s.index.byTag[t]; tv == nil || !tv.HasPage() {
		return ""
	}
	return p.Rel(paths.Tag(t))
}

// Event is a data: URL holding a one-event calendar for the occurrence of id
// in year: the link downloads it as a .ics file without the site publishing a
// file per occurrence. Empty when the window has no such occurrence.
func (p *Page) Event(id string, year int) template.URL {
	for _, oc := range p.s.w.Of(id) {
		if oc.Year == year {
			data := p.s.feeds.SingleEvent(oc)
			return template.URL("data:text/calendar;charset=utf-8," + url.PathEscape(string(data)))
		}
	}
	return ""
}

// PlannerYear is the year the navigation's planner link opens: this year.
func (p *Page) PlannerYear() int {
	y := p.s.w.Today.Year()
	ys := p.s.index.years
	if len(ys) > 0 && (y < ys[0] || y > ys[len(ys)-1]) {
		return ys[0]
	}
	return y
}

// When says how far an occurrence is from today: "in 12 Tagen".
func (p *Page) When(oc schedule.Occurrence) string { return relDays(p.s.w.Today, oc) }

// Categories are the four categories with their occasions.
func (p *Page) Categories() []*catView { return p.s.index.cats }

// Window is the build's date range, for "2025–2030".
func (p *Page) Window() string {
	return strconv.Itoa(p.s.w.From.Year()) + "–" + strconv.Itoa(p.s.w.To.Year())
}

// HasRegions reports whether the site has region pages (a project with
// public holidays; see regions.go).
func (p *Page) HasRegions() bool { return len(p.s.in.Project.Catalog.Holidays) > 0 }
