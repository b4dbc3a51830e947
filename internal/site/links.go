package site

import (
	"html/template"
	"net/url"
	"strings"
)

// rel returns the href from the page at site path from to the site path to.
// It climbs to the site root and descends again ("/anlaesse/x/" →
// "/ideen/y/" gives "../../ideen/y/"), so it works at a domain root and
// under any sub-path alike.
func rel(from, to string) string {
	if !strings.HasPrefix(to, "/") {
		return to
	}
	dir := from
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		dir = dir[:i+1]
	}
	depth := strings.Count(dir, "/") - 1
	target := to[1:]
	if depth <= 0 {
		if target == "" || target[0] == '#' || target[0] == '?' {
			return "./" + target
		}
		return target
	}
	return strings.Repeat("../", depth) + target
}

// Subscription holds the links that subscribe to one feed in each calendar app.
type Subscription struct {
	Name    string       // calendar name shown by Outlook
	HTTPS   string       // the feed's https URL, to copy
	Webcal  template.URL // webcal:// for Apple Calendar and desktop apps
	Google  string
	Outlook string // Outlook.com
	Office  string // Microsoft 365 / new Outlook
	Slug    string // unique per page, for element ids
}

// subscription builds the links for the feed at the absolute URL feedURL.
func subscription(name, feedURL, slug string) Subscription {
	webcal := feedURL
	if i := strings.Index(webcal, "://"); i >= 0 {
		webcal = "webcal" + webcal[i:]
	}
	q := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	add := "/calendar/0/addfromweb?url=" + q(feedURL) + "&name=" + q(name)
	return Subscription{
		Name:    name,
		HTTPS:   feedURL,
		Webcal:  template.URL(webcal),
		Google:  "https://calendar.google.com/calendar/r?cid=" + q(webcal),
		Outlook: "https://outlook.live.com" + add,
		Office:  "https://outlook.office.com" + add,
		Slug:    slug,
	}
}
