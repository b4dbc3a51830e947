package site

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strconv"
	"time"

	"github.com/anlass/anlass/internal/calendar"
	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/markdown"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
)

// outputs lists every file of the site in a fixed order.
func (s *site) outputs() []output {
	ix := s.index
	var outs []output
	page := func(p *Page, build func(*Page) error) {
		p.s = s
		if p.Kind == "" {
			panic("page without kind: " + p.Path)
		}
		outs = append(outs, output{path: p.Path, page: true, render: func() ([]byte, error) {
			// Each render fills a copy: what it makes (an article's HTML, a
			// list's rows) is garbage once the page is written instead of
			// staying with the site for the rest of the build, and serve
			// may render one page twice at once.
			q := *p
			if err := q.prepare(); err != nil {
				return nil, err
			}
			if build != nil {
				if err := build(&q); err != nil {
					return nil, err
				}
			}
			return s.execute(q.Kind, &q)
		}})
	}

	page(&Page{Path: siteurl.Home(), Kind: "home", Title: s.cfg.Title, Description: s.cfg.Description, Section: "home",
		D: homeData{Upcoming: ix.upcoming, Months: s.byMonth(ix.upcoming), Until: s.w.Today.AddDays(upcomingDays), Articles: ix.arts[:min(3, len(ix.arts))], All: ix.all, Occasions: len(ix.occs), ArticleCount: len(ix.arts)}}, nil)
	page(&Page{Path: siteurl.Occasions(), Kind: "occasions", Title: "Alle Anlässe von A bis Z", Section: "anlaesse",
		Description: strconv.Itoa(len(ix.occs)) + " Anlässe für Kundenbindung von A bis Z: kuriose Aktionstage, Jahreszeiten, Klassiker und alte Bräuche – jeweils mit Ideen und den nächsten Terminen.",
		D:           azGroups(ix.occs)}, nil)
	for _, v := range ix.occs {
		page(s.occasionPage(v))
	}
	for i, c := range ix.cats {
		others := make([]*catView, 0, 3)
		for j, o := range ix.cats {
			if j != i {
				others = append(others, o)
			}
		}
		page(&Page{Path: siteurl.Category(string(c.Cat)), Kind: "category", Title: c.Cat.Label(), Section: "anlaesse",
			Description: c.Cat.Blurb(), D: catData{C: c, Others: others}}, nil)
	}
	page(&Page{Path: siteurl.Articles(), Kind: "articles", Title: "Ideen und Anleitungen", Section: "ideen",
		Description: "Artikel zu Kundenbindung mit Anlass: Strategien, Checklisten und Beispiele für Geschenke und Grüße abseits von Weihnachten.",
		D:           ix.arts}, nil)
	for _, a := range ix.arts {
		page(s.articlePage(a))
	}
	page(&Page{Path: siteurl.Tags(), Kind: "tags", Title: "Themen", Section: "themen",
		Description: "Alle Themen, nach denen Anlässe und Ideen verschlagwortet sind – von Branchen bis Budget.",
		D:           ix.tags}, nil)
	for _, t := range ix.tags {
		if !t.HasPage() {
			continue
		}
		page(&Page{Path: siteurl.Tag(t.Name), Kind: "tag", Title: "Thema: " + t.Label, Section: "themen",
			Description: "Anlässe und Ideen zum Thema „" + t.Label + "“, nach dem nächsten Termin – auch als Kalender zum Abonnieren.", D: t}, nil)
	}
	if len(ix.groups) > 0 {
		page(&Page{Path: siteurl.Groups(), Kind: "groups", Title: "Anlässe nach Zielgruppe", Section: "themen",
			Description: "Für welche Branchen und Rollen es Ideen gibt: von IT und Handwerk bis Empfang und Einkauf – je als Liste und als Kalender.",
			D:           ix.groups}, nil)
		for _, g := range ix.groups {
			page(&Page{Path: siteurl.Group(g.Slug), Kind: "group", Title: "Ideen für " + g.Label, Section: "themen",
				Description: "Anlässe mit Ideen für " + g.Label + ", nach dem nächsten Termin – auch als Kalender zum Abonnieren.", D: g}, nil)
		}
	}
	for i, y := range ix.years {
		pd := plannerData{Year: y, Years: ix.years}
		if i > 0 {
			pd.Prev = ix.years[i-1]
		}
		if i+1 < len(ix.years) {
			pd.Next = ix.years[i+1]
		}
		page(&Page{Path: siteurl.Planner(y), Kind: "planner", Title: "Jahresplaner " + strconv.Itoa(y), Section: "planer",
			Description: "Alle Anlässe " + strconv.Itoa(y) + " auf einen Blick: zwölf Monate auf einer Seite, druckbar auf A4 quer.",
			D:           pd}, func(p *Page) error { p.D = s.planner(p.D.(plannerData)); return nil })
	}
	page(&Page{Path: siteurl.Subscribe(), Kind: "subscribe", Title: "Kalender abonnieren", Section: "abonnieren",
		Description: "So abonnieren Sie die Anlässe in Google Kalender, Outlook.com, Microsoft 365, Apple Kalender und Thunderbird – mit ehrlichen Angaben zur Aktualisierung.",
		D:           subscribeData{All: ix.all, Prep: ix.prep, Cats: ix.cats}}, nil)
	s.regionPages(page)
	page(&Page{Path: siteurl.Finder(), Kind: "finder", Title: "Anlass-Finder", Section: "finder",
		Description: "Finden Sie die Anlässe, die zu Ihren Kunden passen: nach Zeitraum, Region, Budget, Zielgruppe und Vorlauf – merken, als Kalender oder Tabelle mitnehmen."},
		func(p *Page) error { p.D = s.finderPageData(p); return nil })
	page(&Page{Path: siteurl.Merkliste(), Kind: "merkliste", Title: "Merkliste", Section: "merkliste",
		Description: "Ihre gemerkten Anlässe mit Terminen, Vorbereitungstagen und Ideen – als Kalenderdatei, Tabelle oder zum Ausdrucken. Gespeichert nur in Ihrem Browser."},
		func(p *Page) error { p.D = s.finderPageData(p); return nil })
	page(&Page{Path: siteurl.Kundenkalender(), Kind: "kundenkalender", Title: "Kundenkalender", Section: "kundenkalender",
		Description: "Geburtstage, halbe Geburtstage, Kundenjubiläen und ein Geschenk ohne Grund für Ihre eigenen Kunden – als Kalenderdatei, berechnet in Ihrem Browser, ohne dass die Kundenliste ihn verlässt."},
		func(p *Page) error { p.D = s.kundenPageData(p); return nil })
	page(&Page{Path: siteurl.Search(), Kind: "search", Title: "Suche", Section: "suche",
		Description: "Durchsuchen Sie alle Anlässe und Ideen nach Name, Thema oder Stichwort."}, nil)
	page(&Page{Path: siteurl.Data(), Kind: "data", Title: "Daten und Formate", Section: "",
		Description: "Alle Anlässe als JSON, CSV für Tabellenkalkulationen, Atom-Feed und iCalendar – offen und ohne Anmeldung.",
		D:           ix.years}, nil)
	for _, pg := range s.pages() {
		page(&Page{Path: siteurl.Page(pg.Slug), Kind: "page", Title: pg.Title, Description: pg.Description}, func(p *Page) error {
			body, err := markdown.Render(pg.Body, p.Rel)
			if err != nil {
				return fmt.Errorf("%s: %w", pg.Path, err)
			}
			p.D = pageData{Page: pg, Body: body.HTML}
			return nil
		})
	}
	page(&Page{Path: "/404.html", Kind: "404", Title: "Seite nicht gefunden", NoIndex: true, Absolute: true,
		Description: "Diese Seite gibt es nicht (mehr)."}, nil)

	for _, a := range s.tpl.assets {
		outs = append(outs, output{path: assetDir + a.name, render: func() ([]byte, error) { return a.data, nil }})
	}
	outs = append(outs, s.finderOutputs()...)
	outs = append(outs, s.kundenOutputs()...)
	outs = append(outs, s.dataOutputs(outs)...)
	return outs
}

type pageData struct {
	Page *content.Page
	Body template.HTML
}

type homeData struct {
	Upcoming     []card
	Months       []monthCards // Upcoming by month
	Until        civil.Date   // the last day Upcoming reaches
	Articles     []*artView
	All          Subscription
	Occasions    int
	ArticleCount int
}

// monthCards are the cards of one month: "Januar 2027".
type monthCards struct {
	Label string
	Cards []card
}

// byMonth groups cards by the month they fall in from today on (an
// occurrence that began earlier and still runs counts in this month).
func (s *site) byMonth(cards []card) []monthCards {
	var out []monthCards
	for _, c := range cards {
		d := max(c.Oc.Start, s.w.Today)
		label := german.Month(d.Month()) + " " + strconv.Itoa(d.Year())
		if len(out) == 0 || out[len(out)-1].Label != label {
			out = append(out, monthCards{Label: label})
		}
		out[len(out)-1].Cards = append(out[len(out)-1].Cards, c)
	}
	return out
}

type catData struct {
	C      *catView
	Others []*catView
}

type azGroup struct {
	Letter string
	Anchor string
	Items  []*occView
}

func azGroups(occs []*occView) []azGroup {
	sorted := append([]*occView(nil), occs...)
	sortByName(sorted)
	var gs []azGroup
	for _, v := range sorted {
		l := letterOf(v.sortKey)
		if len(gs) == 0 || gs[len(gs)-1].Letter != l {
			anchor := "buchstabe-" + l
			if l == "0–9" {
				anchor = "ziffern"
			} else if l == "#" {
				anchor = "andere"
			}
			gs = append(gs, azGroup{Letter: l, Anchor: anchor})
		}
		gs[len(gs)-1].Items = append(gs[len(gs)-1].Items, v)
	}
	return gs
}

type occData struct {
	V          *occView
	Summary    template.HTML
	Dates      []schedule.Occurrence
	Prepare    civil.Date
	PrepareNow bool // the preparation date has passed: start now
	Gifts      []occasion.Idea
	Contacts   []occasion.Idea
	Sub        Subscription
}

func (s *site) occasionPage(v *occView) (*Page, func(*Page) error) {
	o := v.O
	desc := truncate(v.Plain, 155)
	p := &Page{Path: siteurl.Occasion(o.ID), Kind: "occasion", Title: o.Name.De, Section: "anlaesse", Description: desc}
	return p, func(p *Page) error {
		sum, err := markdown.Render([]byte(o.Summary), p.Rel)
		if err != nil {
			return err
		}
		d := occData{
			V:        v,
			Summary:  sum.HTML,
			Dates:    v.Next,
			Gifts:    o.IdeasOfKind("gift"),
			Contacts: o.IdeasOfKind("contact"),
			Sub:      subscription(o.Name.De, s.cfg.Abs(siteurl.FeedOccasion(o.ID)), o.ID),
		}
		if n := v.NextOcc(); n != nil {
			d.Prepare = calendar.PrepDay(*n)
			d.PrepareNow = d.Prepare < s.w.Today
			p.JSONLD = eventJSONLD(s, v, *n)
		}
		p.D = d
		return nil
	}
}

// eventJSONLD is schema.org Event data for the next occurrence. json.Marshal
// escapes <, > and &, so the text cannot close the script element.
func eventJSONLD(s *site, v *occView, oc schedule.Occurrence) template.JS {
	type place struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	ev := struct {
		Context     string  `json:"@context"`
		Type        string  `json:"@type"`
		Name        string  `json:"name"`
		Description string  `json:"description"`
		StartDate   string  `json:"startDate"`
		EndDate     string  `json:"endDate"`
		URL         string  `json:"url"`
		Status      string  `json:"eventStatus"`
		Location    []place `json:"location,omitempty"`
		InLanguage  string  `json:"inLanguage"`
	}{
		Context: "https://schema.org", Type: "Event",
		Name: v.O.Name.De, Description: v.Plain,
		StartDate: oc.Start.String(), EndDate: oc.End.String(),
		URL:        s.cfg.Abs(siteurl.Occasion(v.O.ID)),
		Status:     "https://schema.org/EventScheduled",
		InLanguage: "de",
	}
	for _, r := range v.Regions {
		ev.Location = append(ev.Location, place{Type: "Place", Name: r})
	}
	b, _ := json.Marshal(ev)
	return template.JS(b)
}

type artData struct {
	V    *artView
	Body template.HTML
	TOC  []markdown.Heading
}

func (s *site) articlePage(a *artView) (*Page, func(*Page) error) {
	p := &Page{Path: siteurl.Article(a.A.Slug), Kind: "article", Title: a.A.Title, Section: "ideen", OGType: "article",
		Description: truncate(a.A.Summary, 200)}
	return p, func(p *Page) error {
		body, err := markdown.Render(a.A.Body, p.Rel)
		if err != nil {
			return err
		}
		d := artData{V: a, Body: body.HTML}
		for _, h := range body.Headings {
			if h.Level == 2 {
				d.TOC = append(d.TOC, h)
			}
		}
		if len(d.TOC) < 3 {
			d.TOC = nil
		}
		p.D = d
		return nil
	}
}

type plannerData struct {
	Year       int
	Years      []int
	Prev, Next int // 0: none in the window
	Months     []plannerMonth
	Count      int
	PrintFont  template.CSS // font size for the one-page print
}

type plannerMonth struct {
	Month  time.Month
	Anchor string
	Items  []card
}

// planner fills the twelve months, and chooses the print font size so that
// the year fits one A4 landscape page with every name whole.
func (s *site) planner(d plannerData) plannerData {
	d.Months = make([]plannerMonth, 12)
	for i := range d.Months {
		m := time.Month(i + 1)
		d.Months[i] = plannerMonth{Month: m, Anchor: "monat-" + strconv.Itoa(i+1)}
	}
	longest := 0
	for _, oc := range s.w.InYear(d.Year) {
		_, m, _ := oc.Start.YMD()
		pm := &d.Months[m-1]
		pm.Items = append(pm.Items, card{Oc: oc, V: s.index.byID[oc.Occasion.ID]})
		longest = max(longest, len(pm.Items))
		d.Count++
	}
	size := printFontSize(d.Months)
	d.PrintFont = template.CSS(strconv.FormatFloat(size, 'f', 2, 64) + "pt")
	return d
}

// printFontSize is the largest type (at most 8 pt) at which every month of
// the printed planner fits its box with whole names: two rows of six
// months on A4 landscape, each box about 42 mm wide and 75 mm high for its
// list. A name too long for one line wraps to the next (the lines are
// estimated at an average character width of 0.6 em, as wide as the widest
// common sans-serif, DejaVu Sans); the date column takes 2.1 em.
func printFontSize(months []plannerMonth) float64 {
	const (
		listPt  = 212.0        // ≈ 75 mm of list height, in points
		widthPt = 41.8 * 2.835 // the box's inner width, in points
	)
	fits := func(size float64) bool {
		for _, m := range months {
			lines := 0
			for _, it := range m.Items {
				perLine := max(1, int((widthPt-2.4*size)/(0.6*size)))
				lines += (len([]rune(it.V.O.Name.De)) + perLine - 1) / perLine
			}
			if float64(lines)*size*1.3 > listPt {
				return false
			}
		}
		return true
	}
	size := 8.0
	for size > 3.5 && !fits(size) {
		size -= 0.1
	}
	return max(size, 3.5)
}

type subscribeData struct {
	All, Prep Subscription
	Cats      []*catView
}
