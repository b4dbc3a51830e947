package site

import (
	"cmp"
	"slices"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/occasion"
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
	Past    regionYear // this year's days before today, one click away
	Sub     Subscription
	Sources []regionSource
	// Soon are the catalogue's occasions of the next eight weeks that apply
	// in the region; Own those that apply only in some regions, this one
	// among them (the Berchtoldstag for a Swiss canton).
	Soon, Own []card
	Finder    string // the Finder for this region
}

// regionYear is one year of a region page.
type regionYear struct {
	Year     int
	Holidays []regiondays.Holiday
	Bridges  []regiondays.Bridge
	School   []regiondays.SchoolStart
}

// empty reports whether the year has no day at all.
func (y regionYear) Empty() bool { return len(y.Holidays)+len(y.Bridges)+len(y.School) == 0 }

// split divides a year's days into those before day and those from day on.
func (y regionYear) split(day civil.Date) (past, rest regionYear) {
	past.Year, rest.Year = y.Year, y.Year
	for _, h := range y.Holidays {
		if h.End < day {
			past.Holidays = append(past.Holidays, h)
		} else {
			rest.Holidays = append(rest.Holidays, h)
		}
	}
	for _, b := range y.Bridges {
		if b.Date < day {
			past.Bridges = append(past.Bridges, b)
		} else {
			rest.Bridges = append(rest.Bridges, b)
		}
	}
	for _, sc := range y.School {
		if sc.Period.End < day {
			past.School = append(past.School, sc)
		} else {
			rest.School = append(rest.School, sc)
		}
	}
	return past, rest
}

type regionSource struct{ URL, Title string }

// regionPages adds /regionen/ and a page per state and canton. A project
// without public holidays has none.
func (s *site) regionPages(page func(*Page, func(*Page) error)) {
	book := s.regionBook()
	if book == nil {
		return
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
			ry := regionYear{Year: y, Holidays: r.HolidaysIn(y), Bridges: r.BridgesIn(y), School: r.SchoolStartsIn(y)}
			if y == today.Year() {
				d.Past, ry = ry.split(today)
			}
			d.Years = append(d.Years, ry)
		}
		for _, oc := range s.w.Upcoming(upcomingDays, func(o *occasion.Occasion) bool { return o.AppliesIn(r.Region) }) {
			d.Soon = append(d.Soon, card{Oc: oc, V: s.index.byID[oc.Occasion.ID]})
		}
		for _, v := range s.index.occs {
			if len(v.O.Regions) > 0 && v.O.AppliesIn(r.Region) {
				if next := v.NextOcc(); next != nil {
					d.Own = append(d.Own, card{Oc: *next, V: v})
				}
			}
		}
		slices.SortFunc(d.Own, func(a, b card) int { return cmp.Compare(a.Oc.Start, b.Oc.Start) })
		what := "Feiertage und " + d.Words
		if r.School != nil {
			what = "Feiertage, " + d.Words + " und Ferienbeginn"
			for _, src := range r.School.Sources {
				d.Sources = append(d.Sources, regionSource{URL: src.URL, Title: src.Title})
			}
		}
		d.Finder = rel(siteurl.Region(r.Code), siteurl.Finder()) + "?region=" + r.Code
		d.Sub = subscription(r.Name+": "+what, s.cfg.Abs(siteurl.FeedRegion(r.Code)), r.Slug())
		page(&Page{Path: siteurl.Region(r.Code), Kind: "region", Title: what + " " + regiondays.In(r.Region), Section: "regionen",
			Description: "Gesetzliche " + what + " " + regiondays.In(r.Region) + ": alle Termine für dieses und nächstes Jahr, mit Kalender zum Abonnieren.",
			D:           d}, nil)
	}
}

// RegionPage is the href of a region's page.
func (p *Page) RegionPage(code string) string { return p.Rel(siteurl.Region(code)) }
