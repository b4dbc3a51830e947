package site

import (
	"encoding/json"
	"strings"

	"github.com/anlass/anlass/internal/calendar"
	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/siteurl"
)

// The Anlass-Finder (/finder/) and the Merkliste (/merkliste/) run in the
// browser on data the build writes: finder/daten.json holds every occasion
// with its ideas and every date of the build's window (with the day to
// start preparing and the row of daten/<year>.csv that describes it), and
// finder/regionen/<code>.json a region's holidays, Brückentage and
// Ferienbeginn, fetched when a region is chosen. The rules the script
// applies are those of `anlass list` (internal/agenda); the browser test
// compares the two.

// finderData is finder/daten.json.
type finderData struct {
	From  string `json:"von"`   // the first day the data covers
	To    string `json:"bis"`   // the last day
	Stand string `json:"stand"` // the build's today
	// Years are the years of daten/<year>.csv: the Merkliste's CSV takes
	// its rows from there.
	Years       []int          `json:"jahre"`
	Categories  []finderTerm   `json:"kategorien"`
	Zielgruppen []finderGroup  `json:"zielgruppen"` // those some idea names, in the vocabulary's order
	Regions     []finderRegion `json:"regionen"`
	Occasions   []finderOcc    `json:"anlaesse"`
}

type finderTerm struct {
	Slug  string `json:"slug"`
	Label string `json:"label"`
}

type finderGroup struct {
	Slug  string `json:"slug"`
	Label string `json:"label"`
	Art   string `json:"art"` // branche | rolle
}

type finderRegion struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Country string `json:"land"`
	In      string `json:"in"`          // "in Bayern", "im Kanton Zürich"
	Bridge  string `json:"brueckentag"` // what the region calls a Brückentag (Fenstertag in Austria)
	File    string `json:"datei"`       // relative to the site root
	Page    string `json:"seite"`       // the region's page, relative to the site root
}

type finderOcc struct {
	ID      string       `json:"id"`
	Name    string       `json:"name"`
	Cat     string       `json:"kat"`
	URL     string       `json:"url"` // relative to the site root
	Regions []string     `json:"regionen,omitempty"`
	Lead    string       `json:"vorlauf"` // "3 Wochen"
	Ideas   []finderIdea `json:"ideen"`
	// Dates: [start, end, prepare from, year, row]: the occurrence's days
	// (inclusive), the day its lead time starts, its year (the single-event
	// files feeds/termine/<id>-<year>.ics) and its row in
	// daten/<start year>.csv (1 is the first row after the header; 0: none).
	Dates [][5]any `json:"termine"`
}

type finderIdea struct {
	Kind        string   `json:"art"` // gift | contact
	Title       string   `json:"titel"`
	Budget      string   `json:"budget,omitempty"` // as shown: "15–25 € pro Team"
	Min         *int     `json:"min,omitempty"`    // euros; absent when the budget has no figures
	Max         *int     `json:"max,omitempty"`
	Zielgruppen []string `json:"zg,omitempty"`
	Remote      bool     `json:"remote,omitempty"`
}

// finderRegionData is finder/regionen/<code>.json.
type finderRegionData struct {
	Code    string        `json:"code"`
	Name    string        `json:"name"`
	Page    string        `json:"seite"`
	Entries []finderEntry `json:"eintraege"`
}

// finderEntry is a region's day as `anlass list --region` lists it.
type finderEntry struct {
	Kind     string `json:"art"` // holiday | brueckentag | ferienbeginn
	ID       string `json:"id"`
	Name     string `json:"name"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Year     int    `json:"jahr"`
	Occasion string `json:"anlass,omitempty"`    // holidays: the catalogue occasion it is (one row)
	Partial  string `json:"teilweise,omitempty"` // holidays in part of the region
	DayOff   bool   `json:"frei,omitempty"`      // holidays: a general day off
}

// finderOutputs are the Finder's data files.
func (s *site) finderOutputs() []output {
	outs := []output{{path: siteurl.FinderData(), render: s.finderJSON}}
	if book := s.regionBook(); book != nil {
		for _, r := range book.All() {
			outs = append(outs, output{path: siteurl.FinderRegion(r.Code), render: func() ([]byte, error) { return s.finderRegionJSON(r) }})
		}
	}
	return outs
}

// regionBook is the build's book of region days; nil for a project
// without public holidays.
func (s *site) regionBook() *regiondays.Book {
	p := s.in.Project
	if len(p.Catalog.Holidays) == 0 {
		return nil
	}
	if s.in.Regions != nil {
		return s.in.Regions
	}
	s.bookOnce.Do(func() { s.book = regiondays.ForWindow(p.Engine, s.w, p.School) })
	return s.book
}

func (s *site) finderJSON() ([]byte, error) {
	d := finderData{From: s.w.From.String(), To: s.w.To.String(), Stand: s.w.Today.String(), Years: s.index.years,
		Categories: []finderTerm{}, Zielgruppen: []finderGroup{}, Regions: []finderRegion{}, Occasions: make([]finderOcc, 0, len(s.index.occs))}
	for _, c := range occasion.Categories {
		d.Categories = append(d.Categories, finderTerm{string(c), c.Label()})
	}
	for _, g := range s.index.groups {
		d.Zielgruppen = append(d.Zielgruppen, finderGroup{g.Slug, g.Label, string(g.Art)})
	}
	if book := s.regionBook(); book != nil {
		for _, r := range book.All() {
			d.Regions = append(d.Regions, finderRegion{Code: r.Code, Name: r.Name, Country: r.Country, In: regiondays.In(r.Region),
				Bridge: regiondays.BridgeWord(r.Region), File: siteurl.FinderRegion(r.Code)[1:], Page: siteurl.Region(r.Code)[1:]})
		}
	}
	rows := s.csvRows()
	for _, v := range s.index.occs {
		o := v.O
		fo := finderOcc{ID: o.ID, Name: o.Name.De, Cat: string(o.Category), URL: siteurl.Occasion(o.ID)[1:],
			Lead: german.Days(o.LeadDays), Ideas: make([]finderIdea, 0, len(o.Ideas)), Dates: [][5]any{}}
		for _, r := range o.Regions {
			fo.Regions = append(fo.Regions, r.Code)
		}
		for _, i := range o.Ideas {
			fi := finderIdea{Kind: i.Kind, Title: i.Title, Budget: i.Budget.String(), Zielgruppen: i.Zielgruppen, Remote: i.Remote != nil && *i.Remote}
			if b := i.Budget; b != nil && b.HasFigures {
				fi.Min, fi.Max = &b.Min, &b.Max
			}
			fo.Ideas = append(fo.Ideas, fi)
		}
		for _, oc := range s.w.Of(o.ID) {
			fo.Dates = append(fo.Dates, [5]any{oc.Start.String(), oc.End.String(), calendar.PrepDay(oc).String(), oc.Year, rows[rowKey{o.ID, oc.Year}]})
		}
		d.Occasions = append(d.Occasions, fo)
	}
	return compactJSON(d)
}

// rowKey identifies an occurrence.
type rowKey struct {
	id   string
	year int
}

// csvRows numbers each occurrence's row in daten/<start year>.csv, as
// yearCSV writes them: 1 is the first row after the header.
func (s *site) csvRows() map[rowKey]int {
	rows := map[rowKey]int{}
	for _, y := range s.index.years {
		for i, oc := range s.w.InYear(y) {
			rows[rowKey{oc.Occasion.ID, oc.Year}] = i + 1
		}
	}
	return rows
}

func (s *site) finderRegionJSON(r *regiondays.Region) ([]byte, error) {
	d := finderRegionData{Code: r.Code, Name: r.Name, Page: siteurl.Region(r.Code)[1:], Entries: []finderEntry{}}
	for _, e := range r.Entries() {
		if e.End < s.w.From || e.Start > s.w.To {
			continue
		}
		fe := finderEntry{Kind: string(e.Kind), ID: e.ID, Name: e.Summary, Start: e.Start.String(), End: e.End.String(), Year: e.Year}
		if h := e.Holiday; h != nil {
			fe.Occasion, fe.Partial, fe.DayOff = h.Occasion.SameAs, h.Partial, h.DayOff()
		}
		d.Entries = append(d.Entries, fe)
	}
	return compactJSON(d)
}

// compactJSON marshals without indentation and without escaping <, > and &
// (the files are read by scripts, never put into HTML).
func compactJSON(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

// finderPageData is what the Finder's and the Merkliste's pages show.
type finderPageData struct {
	// Rows are the coming eight weeks, for visitors without JavaScript
	// (the script replaces them with the filtered results).
	Rows        []card
	Until       civil.Date
	Groups      []*groupView
	Regions     []regionChoice
	TermineDir  string // feeds/termine/, relative to the page
	BudgetSteps []int
}

// regionChoice is a country and its states or cantons, for the region
// menu.
type regionChoice struct {
	Country regioncode.Region
	Subs    []*regiondays.Region
}

func (s *site) finderPageData(p *Page) finderPageData {
	d := finderPageData{Until: s.w.Today.AddDays(upcomingDays - 1), Groups: s.index.groups,
		TermineDir: p.Rel("/feeds/termine/"), BudgetSteps: []int{0, 5, 10, 20, 30, 50, 100}}
	d.Rows = s.index.upcoming
	if book := s.regionBook(); book != nil {
		for _, code := range []string{"DE", "AT", "CH"} {
			cr, _ := regioncode.Lookup(code)
			rc := regionChoice{Country: cr}
			for _, r := range book.Subdivisions() {
				if r.Country == code {
					rc.Subs = append(rc.Subs, r)
				}
			}
			d.Regions = append(d.Regions, rc)
		}
	}
	return d
}
