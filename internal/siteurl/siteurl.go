// Package siteurl is the one place that knows where each page and feed lives
// on the site. Paths are relative to the site root and start with "/"; the
// feed paths are a public contract and must never change.
package siteurl

import (
	"strconv"
	"strings"
)

func Home() string                 { return "/" }
func Occasions() string            { return "/anlaesse/" }
func Occasion(id string) string    { return "/anlaesse/" + id + "/" }
func Articles() string             { return "/ideen/" }
func Article(slug string) string   { return "/ideen/" + slug + "/" }
func Category(c string) string     { return "/kategorien/" + c + "/" }
func Tags() string                 { return "/themen/" }
func Tag(t string) string          { return "/themen/" + t + "/" }
func Planner(year int) string      { return "/planer/" + strconv.Itoa(year) + "/" }
func Regions() string              { return "/regionen/" }
func Region(code string) string    { return "/regionen/" + strings.ToLower(code) + "/" }
func Page(slug string) string      { return "/" + slug + "/" }
func Subscribe() string            { return "/abonnieren/" }
func Search() string               { return "/suche/" }
func SearchIndex() string          { return "/suche/index.json" }
func Data() string                 { return "/daten/" }
func OccasionsJSON() string        { return "/daten/anlaesse.json" }
func YearJSON(year int) string     { return "/daten/" + strconv.Itoa(year) + ".json" }
func YearCSV(year int) string      { return "/daten/" + strconv.Itoa(year) + ".csv" }
func AtomFeed() string             { return "/ideen/atom.xml" }
func FeedAll() string              { return "/feeds/all.ics" }
func FeedCategory(c string) string { return "/feeds/" + c + ".ics" }
func FeedOccasion(id string) string {
	return "/feeds/anlaesse/" + id + ".ics"
}
func FeedRegion(code string) string { return "/feeds/regions/" + strings.ToLower(code) + ".ics" }

// FeedTopic and FeedGroup are the feeds of a topic and of a target group.
func FeedTopic(slug string) string { return "/feeds/themen/" + slug + ".ics" }
func FeedGroup(slug string) string { return "/feeds/zielgruppen/" + slug + ".ics" }

// Finder is the Anlass-Finder; FinderData its data (every occasion with its
// dates and ideas) and FinderRegion a region's days, fetched when a region
// is chosen. Merkliste is the shortlist page.
func Finder() string                  { return "/finder/" }
func FinderData() string              { return "/finder/daten.json" }
func FinderRegion(code string) string { return "/finder/regionen/" + strings.ToLower(code) + ".json" }
func Merkliste() string               { return "/merkliste/" }

// Kundenkalender is the customer calendar's page; KundenHolidays the
// public holidays it needs (loaded when it opens) and KundenExample the
// example customer list offered for download.
func Kundenkalender() string { return "/kundenkalender/" }
func KundenHolidays() string { return "/kundenkalender/feiertage.json" }
func KundenExample() string  { return "/kundenkalender/kunden-beispiel.csv" }

// Groups and Group are the target groups' index and pages.
func Groups() string           { return "/zielgruppen/" }
func Group(slug string) string { return "/zielgruppen/" + slug + "/" }

// FeedPrep is the preparation feed of a category ("" for all occasions).
func FeedPrep(category string) string {
	if category == "" {
		category = "all"
	}
	return "/feeds/vorlauf/" + category + ".ics"
}

// Termin is the single-event file of an occurrence, for import.
func Termin(id string, year int) string {
	return "/feeds/termine/" + id + "-" + strconv.Itoa(year) + ".ics"
}

// TerminPrep is the single-event file of an occurrence's preparation event.
func TerminPrep(id string, year int) string {
	return "/feeds/termine/" + id + "-" + strconv.Itoa(year) + "-vorbereiten.ics"
}

// File maps a site path to the file that serves it: "/a/" → "a/index.html".
func File(p string) string {
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}
