package calendar

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
)

// Feed is one subscription feed of a build, its events made when Make is
// called: a build renders the feeds one by one on all CPUs and need not hold
// the events of every feed at once.
type Feed struct {
	Path string // site path, /feeds/quirky.ics
	Make func() Calendar
}

// Feeds returns every subscription feed of a build in a fixed order: all
// occasions, one per category, one per occasion, and one per state and
// canton when book is not nil.
func (b Builder) Feeds(cat *occasion.Catalog, w *schedule.Window, book *regiondays.Book) []Feed {
	span := fmt.Sprintf("%d–%d", w.From.Year(), w.To.Year())
	out := []Feed{{Path: siteurl.FeedAll(), Make: func() Calendar {
		return Calendar{
			Path:        siteurl.FeedAll(),
			Name:        b.Config.Title + ": alle Anlässe",
			Description: "Alle Anlässe aus " + b.Config.Title + " (" + span + "), mit je einer Idee und der Vorlaufzeit.",
			Events:      b.events(w.All, true),
		}
	}}}
	for _, c := range occasion.Categories {
		out = append(out, Feed{Path: siteurl.FeedCategory(string(c)), Make: func() Calendar {
			var occ []schedule.Occurrence
			for _, oc := range w.All {
				if oc.Occasion.Category == c {
					occ = append(occ, oc)
				}
			}
			return Calendar{
				Path:        siteurl.FeedCategory(string(c)),
				Name:        b.Config.Title + ": " + c.Label(),
				Description: c.Blurb() + " (" + span + ")",
				Events:      b.events(occ, false),
			}
		}})
	}
	for _, o := range cat.Occasions {
		out = append(out, Feed{Path: siteurl.FeedOccasion(o.ID), Make: func() Calendar {
			return Calendar{
				Path:        siteurl.FeedOccasion(o.ID),
				Name:        o.Name.De,
				Description: o.Name.De + " – aus " + b.Config.Title + " (" + span + ")",
				Events:      b.events(w.Of(o.ID), false),
			}
		}})
	}
	if book != nil {
		for _, r := range book.Subdivisions() {
			out = append(out, Feed{Path: siteurl.FeedRegion(r.Code), Make: func() Calendar { return b.Region(r) }})
		}
	}
	return out
}

// Render makes and serialises a feed, and refuses one of MaxBytes or more.
func (b Builder) Render(f Feed) ([]byte, error) {
	data := b.Bytes(f.Make())
	if len(data) >= MaxBytes {
		return nil, fmt.Errorf("%s is %d bytes, over the %d-byte limit: shorten the feed window in anlass.yaml", f.Path, len(data), MaxBytes)
	}
	return data, nil
}

// SingleEvent returns a one-event calendar for one occurrence, for "add this
// date to my calendar" links. It is embedded in the page as a data: URL, so a
// build writes no file per occurrence.
func (b Builder) SingleEvent(oc schedule.Occurrence) []byte {
	return b.Bytes(Calendar{
		Path:        siteurl.FeedOccasion(oc.Occasion.ID),
		Name:        oc.Occasion.Name.De,
		Description: oc.Occasion.Name.De + " " + fmt.Sprint(oc.Year),
		Events:      []Event{b.EventOf(oc)},
	})
}

// Listing is the calendar of `anlass list --format ics`: the listed
// occurrences (of the categories cats; none means all), built like the
// published feeds, and with r not nil the region's days among them.
func (b Builder) Listing(occs []schedule.Occurrence, cats []occasion.Category, r *regiondays.Region) Calendar {
	if r != nil {
		cal := b.Region(r)
		cal.Name = b.Config.Title + ": " + r.Name
		cal.Description = fmt.Sprintf("%d Anlässe aus %s und die Feiertage %s", len(occs), b.Config.Title, regiondays.In(r.Region))
		for _, oc := range occs {
			cal.Events = append(cal.Events, b.EventOf(oc))
		}
		slices.SortStableFunc(cal.Events, func(a, b Event) int { return cmp.Compare(a.Start, b.Start) })
		return cal
	}
	name := b.Config.Title + ": alle Anlässe"
	if len(cats) > 0 {
		var labels []string
		for _, c := range cats {
			labels = append(labels, c.Label())
		}
		name = b.Config.Title + ": " + strings.Join(labels, ", ")
	}
	return Calendar{Path: siteurl.FeedAll(), Name: name, Description: fmt.Sprintf("%d Anlässe aus %s", len(occs), b.Config.Title),
		Events: b.events(occs, false)}
}

func (b Builder) events(occ []schedule.Occurrence, compact bool) []Event {
	out := make([]Event, 0, len(occ))
	for _, oc := range occ {
		out = append(out, b.eventOf(oc, compact))
	}
	return out
}
