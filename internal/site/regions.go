package site

import (
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/siteurl"
)

// Region pages: /regionen/ to pick a state or canton, and one page per
// state and canton with its public holidays, Brückentage (Fenstertage) and
// Ferienbeginn of this year and the next, and its feed. The days come from
// regiondays.Book, computed once from the window's holiday occurrences.

// regionYears is how many years a region page shows: this one and the next.
const regionYears = 2

type regionsData struct {
	Countries []regionCountry
	Year      int
}

// regionCountry is one country's states or cantons on /regionen/.
type regionCountry struct {
	Code    string // DE, AT, CH
	Name    string // Deutschland
	Of      string // "Bundesländer", "Kantone"
	Word    string // Brückentag or Fenstertag
	Regions []regionLink
}

type regionLink struct {
	R    *regiondays.Region
	Next *regiondays.Bridge // the next Brückentag from today, nil when none in the window
}

type regionData struct {
	R       *regiondays.Region
	Country string // "Deutschland"
	Word    string // Brückentag or Fenstertag
	Words   string // plural
	Years   []regionYear
	Sub     Subscription
	Sources []regionSource
}

// regionYear is one year of a region page.
type regionYear struct {
	Year     int
	Holidays []regiondays.Holiday
	Bridges  []regiondays.Bridge
	School   []regiondays.SchoolStart
}

type regionSource struct{ URL, Title string }

// regionPages adds /regionen/ and a page per state and canton. A project
// without public holidays has none.
func (s *site) regionPages(page func(*Page, func(*Page) error)) {
	p := s.in.Project
	if len(p.Catalog.Holidays) == 0 {
		return
	}
	book := s.in.Regions
	if book == nil {
		book = regiondays.ForWindow(p.Engine, s.w, p.School)
	}
	today := s.w.Today
	var countries []regionCountry
	for _, c := range []struct{ code, of string }{{"DE", "Bundesländer"}, {"AT", "Bundesländer"}, {"CH", "Kantone"}} {
		cr, _ := regioncode.Lookup(c.code)
		rc := regionCountry{Code: c.code, Name: cr.Name, Of: c.of, Word: regiondays.BridgeWord(cr)}
		for _, r := range book.Subdivisions() {
			if r.Country != c.code {
				continue
			}
			link := regionLink{R: r}
			for i, b := range r.Bridges {
				if b.Date >= today {
					link.Next = &r.Bridges[i]
					break
				}
			}
			rc.Regions = append(rc.Regions, link)
		}
		countries = append(countries, rc)
	}
	page(&Page{Path: siteurl.Regions(), Kind: "regions", Title: "Feiertage, Brückentage und Ferien nach Region", Section: "regionen",
		Description: "Gesetzliche Feiertage, Brückentage und Ferienbeginn für jedes deutsche Bundesland, jedes österreichische Bundesland und jeden Schweizer Kanton – als Übersicht und als Kalender zum Abonnieren.",
		D:           regionsData{Countries: countries, Year: today.Year()}}, nil)

	for _, r := range book.Subdivisions() {
		country, _ := regioncode.Lookup(r.Country)
		d := regionData{R: r, Country: country.Name, Word: regiondays.BridgeWord(r.Region), Words: regiondays.BridgeWordPlural(r.Region)}
		for y := today.Year(); y < today.Year()+regionYears; y++ {
			if y < s.w.From.Year() || y > s.w.To.Year() {
				continue
			}
			d.Years = append(d.Years, regionYear{Year: y, Holidays: r.HolidaysIn(y), Bridges: r.BridgesIn(y), School: r.SchoolStartsIn(y)})
		}
		what := "Feiertage und " + d.Words
		if r.School != nil {
			what = "Feiertage, " + d.Words + " und Ferienbeginn"
			for _, src := range r.School.Sources {
				d.Sources = append(d.Sources, regionSource{URL: src.URL, Title: src.Title})
			}
		}
		d.Sub = subscription(r.Name+": "+what, s.cfg.Abs(siteurl.FeedRegion(r.Code)), r.Slug())
		page(&Page{Path: siteurl.Region(r.Code), Kind: "region", Title: what + " " + regiondays.In(r.Region), Section: "regionen",
			Description: "Gesetzliche " + what + " " + regiondays.In(r.Region) + ": alle Termine für dieses und nächstes Jahr, mit Kalender zum Abonnieren.",
			D:           d}, nil)
	}
}

// RegionPage is the href of a region's page.
func (p *Page) RegionPage(code string) string { return p.Rel(siteurl.Region(code)) }
