package calendar

import (
	"fmt"

	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/siteurl"
)

// RegionUID is the stable UID of a region's entry: <holiday-id>-<year>@domain
// for holidays (the same in every region's feed), <entry-id>@domain otherwise.
func RegionUID(e regiondays.Entry, domain string) string {
	if e.Kind == regiondays.KindHoliday {
		return UID(e.ID, e.Year, domain)
	}
	return e.ID + "@" + domain
}

// RegionEvent returns a region's entry as an event; url is the region page.
func (b Builder) RegionEvent(r *regiondays.Region, e regiondays.Entry, url string) Event {
	ev := Event{UID: RegionUID(e, b.Config.UIDDomain), Start: e.Start, End: e.End, Summary: e.Summary, URL: url}
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
// states) Ferienbeginn over the range it was computed for.
func (b Builder) Region(r *regiondays.Region) Calendar {
	url := b.Config.Abs(siteurl.Region(r.Code))
	span := fmt.Sprintf("%d–%d", r.From.Year(), r.To.Year())
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
		c.Events = append(c.Events, b.RegionEvent(r, e, url))
	}
	return c
}
