package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"time"

	"github.com/anlass/anlass/internal/calendar"
	"github.com/anlass/anlass/internal/excelcsv"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/markdown"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
)

// dataOutputs are the machine-readable files: search index, sitemap,
// robots.txt, Atom, JSON and CSV.
func (s *site) dataOutputs(pages []output) []output {
	var outs []output
	add := func(p string, f func() ([]byte, error)) { outs = append(outs, output{path: p, render: f}) }
	outs = append(outs, s.searchOutputs(pages)...)
	add("/sitemap.xml", func() ([]byte, error) { return s.sitemap(pages) })
	add("/robots.txt", func() ([]byte, error) {
		return []byte("User-agent: *\nAllow: /\n\nSitemap: " + s.cfg.Abs("/sitemap.xml") + "\n"), nil
	})
	add(siteurl.AtomFeed(), s.atom)
	add(siteurl.OccasionsJSON(), s.occasionsJSON)
	for _, y := range s.index.years {
		add(siteurl.YearJSON(y), func() ([]byte, error) { return s.yearJSON(y) })
		add(siteurl.YearCSV(y), func() ([]byte, error) { return s.yearCSV(y) })
	}
	return outs
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *site) sitemap(pages []output) ([]byte, error) {
	lastmod := map[string]string{}
	for _, a := range s.index.arts {
		lastmod[siteurl.Article(a.A.Slug)] = a.A.Date.String()
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range pages {
		if !p.page || p.path == "/404.html" {
			continue
		}
		b.WriteString("<url><loc>")
		_ = xml.EscapeText(&b, []byte(s.cfg.Abs(p.path))) // a bytes.Buffer does not fail
		b.WriteString("</loc>")
		if d := lastmod[p.path]; d != "" {
			b.WriteString("<lastmod>" + d + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes(), nil
}

// atom is the feed of articles, newest first, with absolute links inside.
// AtomEntries is how many of the newest articles the Atom feed carries.
const AtomEntries = 50

func (s *site) atom() ([]byte, error) {
	type link struct {
		Rel  string `xml:"rel,attr,omitempty"`
		Type string `xml:"type,attr,omitempty"`
		Href string `xml:"href,attr"`
	}
	type text struct {
		Type string `xml:"type,attr,omitempty"`
		Body string `xml:",chardata"`
	}
	type entry struct {
		Title     string `xml:"title"`
		ID        string `xml:"id"`
		Link      link   `xml:"link"`
		Published string `xml:"published"`
		Updated   string `xml:"updated"`
		Summary   text   `xml:"summary"`
		Content   text   `xml:"content"`
		Cats      []struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	}
	type feed struct {
		XMLName  xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Lang     string   `xml:"xml:lang,attr"`
		Title    string   `xml:"title"`
		Subtitle string   `xml:"subtitle"`
		ID       string   `xml:"id"`
		Links    []link   `xml:"link"`
		Updated  string   `xml:"updated"`
		Author   struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Entries []entry `xml:"entry"`
	}
	stamp := func(t time.Time) string { return t.UTC().Format(time.RFC3339) }
	f := feed{
		Lang:     "de",
		Title:    s.cfg.Title + ": Ideen",
		Subtitle: s.cfg.Description,
		ID:       s.cfg.Abs(siteurl.AtomFeed()),
		Links: []link{
			{Rel: "self", Type: "application/atom+xml", Href: s.cfg.Abs(siteurl.AtomFeed())},
			{Rel: "alternate", Type: "text/html", Href: s.cfg.Abs(siteurl.Articles())},
		},
	}
	f.Author.Name = s.cfg.Title
	updated := s.in.Clock.Stamp
	if len(s.index.arts) > 0 {
		updated = s.index.arts[0].A.Date.Time()
	}
	f.Updated = stamp(updated)
	abs := func(p string) string { return s.cfg.Abs(p) }
	arts := s.index.arts
	if len(arts) > AtomEntries { // newest first: a feed reader needs the recent ones
		arts = arts[:AtomEntries]
	}
	for _, a := range arts {
		body, err := markdown.Render(a.A.Body, abs)
		if err != nil {
			return nil, err
		}
		e := entry{
			Title: a.A.Title, ID: s.cfg.Abs(siteurl.Article(a.A.Slug)),
			Link:      link{Rel: "alternate", Type: "text/html", Href: s.cfg.Abs(siteurl.Article(a.A.Slug))},
			Published: stamp(a.A.Date.Time()), Updated: stamp(a.A.Date.Time()),
			Summary: text{Type: "text", Body: a.A.Summary},
			Content: text{Type: "html", Body: string(body.HTML)},
		}
		for _, t := range a.A.Tags {
			e.Cats = append(e.Cats, struct {
				Term string `xml:"term,attr"`
			}{t})
		}
		f.Entries = append(f.Entries, e)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// occasionJSON describes an occasion in anlaesse.json.
type occasionJSON struct {
	ID            string       `json:"id"`
	Name          string       `json:"name"`
	NameEn        string       `json:"name_en,omitempty"`
	Category      string       `json:"category"`
	CategoryLabel string       `json:"category_label"`
	URL           string       `json:"url"`
	Feed          string       `json:"feed"`
	Summary       string       `json:"summary"`
	Origin        string       `json:"origin,omitempty"`
	Since         int          `json:"since,omitempty"`
	Regions       []string     `json:"regions"`
	Tags          []string     `json:"tags"`
	LeadDays      int          `json:"lead_days"`
	Ideas         []ideaJSON   `json:"ideas"`
	Sources       []sourceJSON `json:"sources"`
	Dates         []dateJSON   `json:"dates"` // every occurrence in the window
}

type ideaJSON struct {
	Kind        string   `json:"kind"`
	Title       string   `json:"title"`
	Text        string   `json:"text"`
	Audience    string   `json:"audience,omitempty"`
	Budget      string   `json:"budget,omitempty"`     // as the site shows it: "15–25 € pro Team"
	BudgetMin   *int     `json:"budget_min,omitempty"` // EUR per recipient; absent when the idea has no figures
	BudgetMax   *int     `json:"budget_max,omitempty"`
	Zielgruppen []string `json:"zielgruppen"` // slugs of data/zielgruppen.yaml
	Remote      *bool    `json:"remote,omitempty"`
}

// ideaOf is an idea as the data files carry it.
func ideaOf(i occasion.Idea) ideaJSON {
	j := ideaJSON{Kind: i.Kind, Title: i.Title, Text: i.Text, Audience: i.Audience, Budget: i.Budget.String(),
		Zielgruppen: nonNil(i.Zielgruppen), Remote: i.Remote}
	if b := i.Budget; b != nil && b.HasFigures {
		j.BudgetMin, j.BudgetMax = &b.Min, &b.Max
	}
	return j
}

type sourceJSON struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

type dateJSON struct {
	Year  int    `json:"year"`
	Start string `json:"start"`
	End   string `json:"end"`
}

func (s *site) occasionsJSON() ([]byte, error) {
	out := struct {
		Generated string         `json:"generated"`
		From      string         `json:"from"`
		To        string         `json:"to"`
		Occasions []occasionJSON `json:"occasions"`
	}{Generated: s.in.Clock.Stamp.UTC().Format(time.RFC3339), From: s.w.From.String(), To: s.w.To.String()}
	out.Occasions = make([]occasionJSON, 0, len(s.index.occs))
	for _, v := range s.index.occs {
		o := v.O
		j := occasionJSON{
			ID: o.ID, Name: o.Name.De, NameEn: o.Name.En, Category: string(o.Category), CategoryLabel: o.Category.Label(),
			URL: s.cfg.Abs(siteurl.Occasion(o.ID)), Feed: s.cfg.Abs(siteurl.FeedOccasion(o.ID)),
			Summary: v.Plain, Origin: o.Origin, Since: o.Since, Regions: []string{}, Tags: nonNil(o.Tags), LeadDays: o.LeadDays,
			Ideas: []ideaJSON{}, Sources: []sourceJSON{}, Dates: []dateJSON{},
		}
		for _, r := range o.Regions {
			j.Regions = append(j.Regions, r.Code)
		}
		for _, i := range o.Ideas {
			j.Ideas = append(j.Ideas, ideaOf(i))
		}
		for _, src := range o.Sources {
			j.Sources = append(j.Sources, sourceJSON{src.URL, src.Title})
		}
		for _, oc := range s.w.Of(o.ID) {
			j.Dates = append(j.Dates, dateJSON{oc.Year, oc.Start.String(), oc.End.String()})
		}
		out.Occasions = append(out.Occasions, j)
	}
	// Compact: with thousands of occasions the indented form is several
	// times larger and slower to write.
	b, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// yearItem is one occurrence in <year>.json.
type yearItem struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Category string `json:"category"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Prepare  string `json:"prepare_from"`
	URL      string `json:"url"`
	Feed     string `json:"feed"`
}

func (s *site) yearItems(y int) []yearItem {
	occ := s.w.InYear(y)
	items := make([]yearItem, 0, len(occ))
	for _, oc := range occ {
		items = append(items, yearItem{
			ID: oc.Occasion.ID, Name: oc.Occasion.Name.De, Category: string(oc.Occasion.Category),
			Start: oc.Start.String(), End: oc.End.String(), Prepare: calendar.PrepDay(oc).String(),
			URL: s.cfg.Abs(siteurl.Occasion(oc.Occasion.ID)), Feed: s.cfg.Abs(siteurl.FeedOccasion(oc.Occasion.ID)),
		})
	}
	return items
}

func (s *site) yearJSON(y int) ([]byte, error) {
	return marshal(struct {
		Year        int        `json:"year"`
		Occurrences []yearItem `json:"occurrences"`
	}{y, s.yearItems(y)})
}

// yearCSV is for spreadsheets: as German Excel opens it (internal/excelcsv).
func (s *site) yearCSV(y int) ([]byte, error) {
	var b bytes.Buffer
	w := excelcsv.New(&b)
	w.Row(YearCSVHeader...)
	for _, oc := range s.w.InYear(y) {
		w.Row(s.yearCSVRow(oc)...)
	}
	err := w.Close() // flushes into b
	return b.Bytes(), err
}

// YearCSVHeader are the columns of daten/<year>.csv.
var YearCSVHeader = []string{"Beginn", "Ende", "Wochentag", "Anlass", "Kategorie", "Vorbereitung ab", "Vorlauf", "Idee", "Link", "Kalender-Abo"}

// yearCSVRow is an occurrence's row of daten/<year>.csv.
func (s *site) yearCSVRow(oc schedule.Occurrence) []string {
	o := oc.Occasion
	idea := ""
	if len(o.Ideas) > 0 {
		idea = o.Ideas[0].Title
	}
	return []string{
		excelcsv.Date(oc.Start), excelcsv.Date(oc.End), german.Weekday(oc.Start), o.Name.De, o.Category.Label(),
		excelcsv.Date(calendar.PrepDay(oc)), german.Days(o.LeadDays), idea,
		s.cfg.Abs(siteurl.Occasion(o.ID)), s.cfg.Abs(siteurl.FeedOccasion(o.ID)),
	}
}
