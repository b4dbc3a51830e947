package site

import (
	"html/template"
	"strconv"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
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

	// Filled by prepare before the page is rendered. Links and Common are
	// shared with other pages (and with the header and footer, see
	// chrome.go).
	*Links
	*Common
	FullTitle string // the document title: "Pi-Tag – anlass"; the home page has the site title only
	Canonical string // the page's absolute URL
	// Header and Footer are the page's "header" and "footer" templates,
	// rendered (and shared with similar pages) by site.chrome.
	Header, Footer template.HTML

	s *site
}

// Common is what every page of a build shows alike.
type Common struct {
	Site        *config.Config // title, description, base URL
	Today       civil.Date     // the build's today
	Year        int            // the current year of the build
	PlannerYear int            // the year the navigation's planner link opens
	Window      string         // the build's date range, "2025–2030"
	HasRegions  bool           // the site has region pages (a project with public holidays)
	HasGroups   bool           // the site has target group pages (ideas name target groups)
	Categories  []*catView     // the four categories with their occasions
	// LegalPages are the standalone pages (Impressum, Datenschutz) every
	// footer links to.
	LegalPages []legalLink
	// ProposeURL is the form for proposing an occasion (the repository's
	// issue form); empty without repo_url.
	ProposeURL string
	// BrandCSS sets the accent colours of brand.accent; empty without one.
	BrandCSS template.CSS
}

// legalLink is a standalone page in the footer.
type legalLink struct{ Title, Path string }

// newCommon gathers the Common of s.
func newCommon(s *site) *Common {
	c := &Common{
		Site: &s.cfg, Today: s.w.Today, Year: s.w.Today.Year(), PlannerYear: s.plannerYear(),
		Window:     strconv.Itoa(s.w.From.Year()) + "–" + strconv.Itoa(s.w.To.Year()),
		HasRegions: len(s.in.Project.Catalog.Holidays) > 0, Categories: s.index.cats, HasGroups: len(s.index.groups) > 0,
	}
	for _, pg := range s.pages() {
		c.LegalPages = append(c.LegalPages, legalLink{Title: pg.Title, Path: siteurl.Page(pg.Slug)})
	}
	if s.cfg.RepoURL != "" {
		c.ProposeURL = s.cfg.RepoURL + "/issues/new?template=" + ProposalForm
	}
	if b := s.cfg.Brand; b.Accent != "" {
		c.BrandCSS = template.CSS(":root{--accent:" + b.Accent + ";--accent-ink:" + config.InkOn(b.Accent) + "}" +
			"@media (prefers-color-scheme: dark){:root{--accent:" + b.AccentDark + ";--accent-ink:" + config.InkOn(b.AccentDark) + "}}")
	}
	return c
}

// Links are the hrefs of the site's fixed pages, relative to a page. Pages
// in folders of the same depth share one Links.
type Links struct {
	Home, OccasionsIndex, ArticlesIndex, TagsIndex, RegionsIndex string
	SubscribePage, SearchPage, SearchIndex, DataPage, Sitemap    string
	Atom, OccasionsJSON                                          string
	FinderPage, MerklistePage, FinderData, KundenPage            string
	// Logo is the brand's logo (brand.logo), CustomCSS the project's
	// templates/static/custom.css; empty when there is none.
	Logo, CustomCSS string
}

// prepare fills the page's fields from the site.
func (p *Page) prepare() error {
	s := p.s
	p.Links = s.linksOf(p)
	p.Common = s.common
	p.FullTitle = s.cfg.Title
	if p.Path != "/" && p.Title != "" {
		p.FullTitle = p.Title + " – " + s.cfg.Title
	}
	p.Canonical = s.cfg.Abs(p.Path)
	var err error
	if p.Header, err = s.chrome("header", p); err != nil {
		return err
	}
	p.Footer, err = s.chrome("footer", p)
	return err
}

// linksOf returns the Links for p, made once per folder depth.
func (s *site) linksOf(p *Page) *Links {
	key := "abs"
	if !p.Absolute {
		key = rel(p.Path, "/")
	}
	l, _ := s.links.get(key, func() (*Links, error) {
		return &Links{
			Home: p.Rel(siteurl.Home()), OccasionsIndex: p.Rel(siteurl.Occasions()), ArticlesIndex: p.Rel(siteurl.Articles()),
			TagsIndex: p.Rel(siteurl.Tags()), RegionsIndex: p.Rel(siteurl.Regions()), SubscribePage: p.Rel(siteurl.Subscribe()),
			SearchPage: p.Rel(siteurl.Search()), SearchIndex: p.Rel(siteurl.SearchIndex()), DataPage: p.Rel(siteurl.Data()),
			Sitemap: p.Rel("/sitemap.xml"), Atom: p.Rel(siteurl.AtomFeed()), OccasionsJSON: p.Rel(siteurl.OccasionsJSON()),
			FinderPage: p.Rel(siteurl.Finder()), MerklistePage: p.Rel(siteurl.Merkliste()), FinderData: p.Rel(siteurl.FinderData()), KundenPage: p.Rel(siteurl.Kundenkalender()),
			Logo: p.optionalAsset(s.tpl.logo), CustomCSS: p.optionalAsset(s.tpl.customCSS),
		}, nil
	})
	return l
}

// ProposalForm is the issue form of the repository that proposes an occasion
// (.github/ISSUE_TEMPLATE/anlass-vorschlagen.yml).
const ProposalForm = "anlass-vorschlagen.yml"

// EditURL is the address that opens the file rel (a path in the project,
// occasions/quirky/pi-tag.yaml) in the repository's editor; empty without
// repo_url.
func (p *Page) EditURL(rel string) string {
	if p.s.cfg.RepoURL == "" || rel == "" {
		return ""
	}
	return p.s.cfg.RepoURL + "/edit/" + p.s.cfg.RepoBranch + "/" + rel
}

// optionalAsset is the href of an asset when name is not empty.
func (p *Page) optionalAsset(name string) string {
	if name == "" {
		return ""
	}
	return p.Asset(name)
}

// Rel is the href of a site path from this page.
func (p *Page) Rel(sitePath string) string {
	if p.Absolute {
		return p.s.cfg.BasePath() + sitePath[1:]
	}
	return rel(p.Path, sitePath)
}

// Link helpers: hrefs relative to this page.

func (p *Page) Asset(name string) string       { return p.Rel(p.s.tpl.asset(name)) }
func (p *Page) Occ(id string) string           { return p.Rel(siteurl.Occasion(id)) }
func (p *Page) Art(slug string) string         { return p.Rel(siteurl.Article(slug)) }
func (p *Page) Cat(c occasion.Category) string { return p.Rel(siteurl.Category(string(c))) }
func (p *Page) Planner(year int) string        { return p.Rel(siteurl.Planner(year)) }
func (p *Page) YearJSON(y int) string          { return p.Rel(siteurl.YearJSON(y)) }
func (p *Page) YearCSV(y int) string           { return p.Rel(siteurl.YearCSV(y)) }

// Tag is the href of the topic's page, or "" when it has none (see
// tagView.HasPage).
// TagLabel is the German label of a topic: "Rückblick" for rueckblick.
func (p *Page) TagLabel(t string) string { return p.s.in.Project.Vocab.Label(t) }

// Group is the href of a target group's page, "" when it has none.
func (p *Page) Group(slug string) string {
	if p.s.index.byGroup[slug] == nil {
		return ""
	}
	return p.Rel(siteurl.Group(slug))
}

// GroupLabel is the German label of a target group: "IT und Software".
func (p *Page) GroupLabel(slug string) string { return p.s.in.Project.Vocab.Label(slug) }

func (p *Page) Tag(t string) string {
	if tv := p.s.index.byTag[t]; tv == nil || !tv.HasPage() {
		return ""
	}
	return p.Rel(siteurl.Tag(t))
}

// Termin is the href of the single-event file of the occurrence of id in
// year, behind "In Kalender eintragen" (calendar.Builder.Termine writes one
// for every occurrence of the window that has not ended before today).
func (p *Page) Termin(id string, year int) string { return p.Rel(siteurl.Termin(id, year)) }

// plannerYear is the year the navigation's planner link opens: this year,
// and from 1 December on the next one (December is when next year is
// planned; this year is one click away in the planner's year control).
func (s *site) plannerYear() int {
	y := s.w.Today.Year()
	if s.w.Today.Month() == time.December {
		y++
	}
	ys := s.index.years
	if len(ys) > 0 && (y < ys[0] || y > ys[len(ys)-1]) {
		return ys[0]
	}
	return y
}

// When says how far an occurrence is from today: "in 12 Tagen".
func (p *Page) When(oc schedule.Occurrence) string {
	return german.Until(p.s.w.Today, oc.Start, oc.End)
}
