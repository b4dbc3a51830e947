package regiondays

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/feed"
	"github.com/anlass/anlass/internal/siteurl"
)

// Kind tells the entries of a region apart; the values are those of
// `anlass list --format json`.
type Kind string

const (
	KindHoliday     Kind = "holiday"
	KindBridge      Kind = "brueckentag"
	KindSchoolStart Kind = "ferienbeginn"
)

func (k Kind) order() int {
	switch k {
	case KindHoliday:
		return 0
	case KindBridge:
		return 1
	}
	return 2
}

// Entry is one dated item of a region: a public holiday, a Brückentag or a
// Ferienbeginn. Exactly one of Holiday, Bridge and School is set.
type Entry struct {
	Kind       Kind
	ID         string // the holiday's id; brueckentag-de-by-20260515; ferienbeginn-de-by-20261102
	Year       int
	Start, End civil.Date // inclusive
	Summary    string
	Holiday    *Holiday
	Bridge     *Bridge
	School     *SchoolStart
}

// UID is the entry's stable event UID: <holiday-id>-<year>@domain for
// holidays (the same in every region's feed), <id>@domain otherwise.
func (e Entry) UID(domain string) string {
	if e.Kind == KindHoliday {
		return feed.UID(e.ID, e.Year, domain)
	}
	return e.ID + "@" + domain
}

// Entries returns the region's holidays, Brückentage and Ferienbeginn days
// in its range, sorted by date, then kind, then id.
func (r *Region) Entries() []Entry {
	var out []Entry
	for i := range r.Holidays {
		h := &r.Holidays[i]
		out = append(out, Entry{Kind: KindHoliday, ID: h.Occasion.ID, Year: h.Year, Start: h.Start, End: h.End, Summary: h.Summary(), Holiday: h})
	}
	for i := range r.Bridges {
		b := &r.Bridges[i]
		out = append(out, Entry{Kind: KindBridge, ID: "brueckentag-" + r.Slug() + "-" + b.Date.Compact(), Year: b.Date.Year(),
			Start: b.Date, End: b.Date, Summary: b.Summary(r.Region), Bridge: b})
	}
	for i := range r.SchoolStarts {
		s := &r.SchoolStarts[i]
		out = append(out, Entry{Kind: KindSchoolStart, ID: "ferienbeginn-" + r.Slug() + "-" + s.Date.Compact(), Year: s.Date.Year(),
			Start: s.Date, End: s.Date, Summary: s.Summary(), School: s})
	}
	slices.SortFunc(out, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Kind.order(), b.Kind.order()), strings.Compare(a.ID, b.ID))
	})
	return out
}

// Event returns the entry as a feed event; url is the region page.
func (r *Region) Event(e Entry, domain, url string) feed.Event {
	ev := feed.Event{UID: e.UID(domain), Start: e.Start, End: e.End, Summary: e.Summary, URL: url}
	switch e.Kind {
	case KindHoliday:
		ev.Description = e.Holiday.Description(r.Region, url)
		ev.Categories = []string{"Feiertag"}
	case KindBridge:
		ev.Description = e.Bridge.Description(r, url)
		ev.Categories = []string{BridgeWord(r.Region)}
	case KindSchoolStart:
		ev.Description = e.School.Description(url)
		ev.Categories = []string{"Schulferien"}
	}
	return ev
}

// Calendar returns the region's feed: its holidays, Brückentage and (German
// states) Ferienbeginn over the book's range.
func (r *Region) Calendar(fb feed.Builder) feed.Calendar {
	url := fb.Config.Abs(siteurl.Region(r.Code))
	span := fmt.Sprintf("%d–%d", r.From.Year(), r.To.Year())
	what := "Feiertage und " + BridgeWordPlural(r.Region)
	if r.School != nil {
		what = "Feiertage, " + BridgeWordPlural(r.Region) + " und Ferienbeginn"
	}
	c := feed.Calendar{
		Path:        siteurl.FeedRegion(r.Code),
		Name:        r.Name + ": " + what,
		Description: what + " " + In(r.Region) + " (" + span + "), aus " + fb.Config.Title + ".",
	}
	for _, e := range r.Entries() {
		c.Events = append(c.Events, r.Event(e, fb.Config.UIDDomain, url))
	}
	return c
}

// Calendars returns one feed per state and canton, in region order.
func (b *Book) Calendars(fb feed.Builder) []feed.Calendar {
	var out []feed.Calendar
	for _, r := range b.Subdivisions() {
		out = append(out, r.Calendar(fb))
	}
	return out
}
