package calendar

import (
	"fmt"
	"strings"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/siteurl"
)

// RegionUID is the stable UID of a region's entry. Its text names the
// region (a holiday is "Gesetzlicher Feiertag in Bayern", or only partly
// one), so the UID does too: the holiday de-neujahr in Bayern in 2026 is
// de-by-neujahr-2026@domain; Brückentage and Ferienbeginn have ids that
// name their region already (brueckentag-de-by-20260515@domain).
func RegionUID(r *regiondays.Region, e regiondays.Entry, domain string) string {
	if e.Kind == regiondays.KindHoliday {
		id := strings.TrimPrefix(e.ID, strings.ToLower(r.Country)+"-")
		return UID(r.Slug()+"-"+id, e.Year, domain)
	}
	return e.ID + "@" + domain
}

// RegionEvent returns a region's entry as an event; url is the region page.
func (b Builder) RegionEvent(r *regiondays.Region, e regiondays.Entry, url string) Event {
	ev := Event{UID: RegionUID(r, e, b.Config.UIDDomain), Start: e.Start, End: e.End, Summary: e.Summary, URL: url}
	switch e.Kind {
	case regiondays.KindHoliday:
		ev.Description = e.Holiday.Description(r.Region, url)
		ev.Categories = []string{"Feiertag"}
	case regiondays.KindBridge:
		ev.Description = e.Bridge.Description(r, url)
		ev.Categories = []string{regiondays.BridgeWord(r.Region)}
	case regiondays.KindSchoolStart:
		ev.Description = e.School.Description(url)
		ev.Categories = []string{"Schulferien"}
	}
	return ev
}

// Region returns the region's feed: its holidays, Brückentage and (German
// states) Ferienbeginn that have not ended before start, up to the end of
// the range the region was computed for.
func (b Builder) Region(r *regiondays.Region, start civil.Date) Calendar {
	url := b.Config.Abs(siteurl.Region(r.Code))
	span := fmt.Sprintf("%d–%d", max(start, r.From).Year(), r.To.Year())
	what := "Feiertage und " + regiondays.BridgeWordPlural(r.Region)
	if r.School != nil {
		what = "Feiertage, " + regiondays.BridgeWordPlural(r.Region) + " und Ferienbeginn"
	}
	c := Calendar{
		Path:        siteurl.FeedRegion(r.Code),
		Name:        r.Name + ": " + what,
		Description: what + " " + regiondays.In(r.Region) + " (" + span + "), aus " + b.Config.Title + ".",
	}
	for _, e := range r.Entries() {
		if e.End >= start {
			c.Events = append(c.Events, b.RegionEvent(r, e, url))
		}
	}
	return c
}
