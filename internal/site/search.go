package site

import (
	"path"
	"strconv"

	"github.com/anlass/anlass/internal/markdown"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/search"
	"github.com/anlass/anlass/internal/siteurl"
)

// searchOutputs are the files of the search below /suche/ (index.json and
// its shards): every occasion, article, region page and fixed page, as
// internal/search indexes them. pages are the site's outputs: only pages
// that exist are listed. The files are made when the first is rendered, in
// parallel with the pages.
func (s *site) searchOutputs(pages []output) []output {
	have := map[string]bool{}
	for _, p := range pages {
		if p.page {
			have[p.path] = true
		}
	}
	voc := s.in.Project.Vocab
	ix := &search.Index{}
	for _, v := range s.index.occs {
		o := v.O
		d := search.Doc{Kind: search.KindOccasion, Title: o.Name.De, URL: siteurl.Occasion(o.ID)[1:],
			Label: o.Category.Label(), Class: "cat-" + string(o.Category), Excerpt: v.Teaser}
		if n := v.NextOcc(); n != nil {
			d.Date = n.Start.String()
		}
		d.Add(search.Name, o.Name.De)
		d.Add(search.Keys, o.Name.En, o.Category.Label())
		for _, t := range o.Tags {
			d.Add(search.Keys, voc.Label(t))
		}
		d.Add(search.Summary, v.Plain)
		for _, i := range o.Ideas {
			d.Add(search.Heads, i.Title)
			d.Add(search.Text, i.Text, i.Audience)
			for _, g := range i.Zielgruppen {
				d.Add(search.Keys, voc.Label(g))
			}
		}
		d.Add(search.Text, o.Origin)
		ix.Add(d)
	}
	for _, a := range s.index.arts {
		d := search.Doc{Kind: search.KindArticle, Title: a.A.Title, URL: siteurl.Article(a.A.Slug)[1:],
			Label: strconv.Itoa(a.Minutes) + " Min. Lesezeit", Excerpt: a.A.Summary}
		d.Add(search.Name, a.A.Title)
		for _, t := range a.A.Tags {
			d.Add(search.Keys, voc.Label(t))
		}
		d.Add(search.Summary, a.A.Summary)
		body := a.A.Body
		d.LaterSize = len(body)
		d.Later = func(d *search.Doc) {
			text, heads := markdown.PlainAndHeadings(body)
			d.Add(search.Heads, heads...)
			d.Add(search.Text, text)
		}
		ix.Add(d)
	}
	for _, r := range regioncode.All() {
		if r.IsCountry() || !have[siteurl.Region(r.Code)] {
			continue
		}
		country, _ := regioncode.Lookup(r.Country)
		bridges := regiondays.BridgeWordPlural(r)
		what := "Feiertage, " + bridges + " und Ferien " + regiondays.In(r)
		d := search.Doc{Kind: search.KindRegion, Title: r.Name, URL: siteurl.Region(r.Code)[1:], Label: country.Name,
			Excerpt: "Gesetzliche " + what + ", mit Kalender zum Abonnieren."}
		d.Add(search.Name, r.Name)
		// "DE-BY" and "BY": both are how people write the code.
		d.Add(search.Keys, r.Code, r.Code[len(r.Country)+1:], country.Name, "Feiertage", bridges, "Brückentage", "Ferien", "Schulferien", "Ferienbeginn")
		ix.Add(d)
	}
	for _, f := range s.fixedSearchPages() {
		if !have[f.path] {
			continue
		}
		d := search.Doc{Kind: search.KindPage, Title: f.title, URL: f.path[1:], Label: f.label, Excerpt: f.excerpt}
		d.Add(search.Name, f.title)
		d.Add(search.Keys, f.keys)
		d.Add(search.Summary, f.excerpt)
		ix.Add(d)
	}
	dir := path.Dir(siteurl.SearchIndex()) + "/"
	var outs []output
	for _, p := range ix.Paths() {
		outs = append(outs, output{path: dir + p, render: func() ([]byte, error) { return ix.Data(p) }})
	}
	return outs
}

// fixedSearchPage is a page of the site's own that the search finds by
// its purpose ("Kalender abonnieren", "Jahresplaner").
type fixedSearchPage struct {
	path, title, label, keys, excerpt string
}

// fixedSearchPages are the site's own pages a visitor may look for by
// name. A page the build does not write (a project without regions, a
// page not built yet) is left out of the index.
func (s *site) fixedSearchPages() []fixedSearchPage {
	year := s.plannerYear()
	pages := []fixedSearchPage{
		{siteurl.Subscribe(), "Kalender abonnieren", "Abonnieren", "Abonnieren Abo Kalender Feed iCalendar ICS Outlook Google Apple Thunderbird",
			"So abonnieren Sie die Anlässe in Google Kalender, Outlook, Apple Kalender und Thunderbird."},
		{siteurl.Planner(year), "Jahresplaner " + strconv.Itoa(year), "Planer", "Planer Jahresplaner Jahresübersicht Jahreskalender Drucken A4",
			"Alle Anlässe des Jahres auf einen Blick, druckbar auf A4 quer."},
		{siteurl.Finder(), "Anlass-Finder", "Finder", "Finder Anlassfinder Filter Zielgruppe Budget Zeitraum Region",
			"Anlässe nach Zeitraum, Region, Budget und Zielgruppe filtern."},
		{siteurl.Merkliste(), "Merkliste", "Merkliste", "Merkliste gemerkt merken Auswahl Export",
			"Die Anlässe, die Sie sich gemerkt haben: als Kalender, Tabelle oder zum Drucken."},
		{siteurl.Kundenkalender(), "Kundenkalender", "Kundenkalender", "Kundenkalender Kunden Geburtstage Jubiläen Kundenliste Excel CSV vCard",
			"Geburtstage und Jubiläen Ihrer Kunden als Kalender – nur auf Ihrem Rechner, nichts wird hochgeladen."},
		{siteurl.Regions(), "Feiertage, Brückentage und Ferien nach Region", "Regionen", "Regionen Bundesländer Kantone Feiertage Brückentage Fenstertage Ferien Schulferien",
			"Gesetzliche Feiertage, Brückentage und Ferienbeginn für jedes Bundesland und jeden Kanton."},
		{siteurl.Occasions(), "Alle Anlässe von A bis Z", "Verzeichnis", "Anlässe Verzeichnis Übersicht Liste",
			"Alle Anlässe von A bis Z, mit Ideen und den nächsten Terminen."},
		{siteurl.Articles(), "Ideen und Anleitungen", "Ideen", "Ideen Artikel Anleitungen Ratgeber",
			"Artikel zu Kundenbindung mit Anlass: Strategien, Checklisten und Beispiele."},
		{siteurl.Tags(), "Themen", "Themen", "Themen Schlagworte", "Alle Themen, nach denen Anlässe und Ideen verschlagwortet sind."},
		{siteurl.Groups(), "Anlässe nach Zielgruppe", "Zielgruppen", "Zielgruppen Branchen Kundengruppen", "Anlässe und Ideen für Ihre Kundschaft, nach Branche und Rolle."},
		{siteurl.Data(), "Daten und Formate", "Daten", "Daten Download JSON CSV Excel Atom iCalendar", "Alle Anlässe als JSON, CSV, Atom-Feed und iCalendar."},
	}
	for _, t := range s.index.tags {
		if t.HasPage() {
			pages = append(pages, fixedSearchPage{siteurl.Tag(t.Name), "Thema: " + t.Label, "Thema", t.Label, "Anlässe und Ideen zum Thema „" + t.Label + "“."})
		}
	}
	for _, g := range s.index.groups {
		pages = append(pages, fixedSearchPage{siteurl.Group(g.Slug), "Ideen für " + g.Label, "Zielgruppe", g.Label, "Anlässe mit Ideen für " + g.Label + "."})
	}
	return pages
}
