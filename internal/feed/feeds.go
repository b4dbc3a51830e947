package feed

import (
	"fmt"

	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
)

// Calendars returns every feed of a build: all, one per category, one per
// occasion. The order is fixed.
func (b Builder) Calendars(cat *occasion.Catalog, w *schedule.Window) []Calendar {
	var out []Calendar
	for _, lc := range b.LazyCalendars(cat, w) {
		out = append(out, lc.Make())
	}
	return out
}

// LazyCalendar is a feed whose events are made when Make is called: a build
// renders the feeds one by one on all CPUs and need not hold the events of
// every feed at once.
type LazyCalendar struct {
	Path string
	Make func() Calendar
}

// LazyCalendars returns the feeds of Calendars, with their events not made yet.
func (b Builder) LazyCalendars(cat *occasion.Catalog, w *schedule.Window) []LazyCalendar {
	span := fmt.Sprintf("%d–%d", w.From.Year(), w.To.Year())
	out := []LazyCalendar{{Path: siteurl.FeedAll(), Make: func() Calendar {
		return Calendar{
			Path:        siteurl.FeedAll(),
			Name:        b.Config.Title + ": alle Anlässe",
			Description: "Alle Anlässe aus " + b.Config.Title + " (" + span + "), mit je einer Idee und der Vorlaufzeit.",
			Events:      b.events(w.All, true),
		}
	}}}
	for _, c := range occasion.Categories {
		out = append(out, LazyCalendar{Path: siteurl.FeedCategory(string(c)), Make: func() Calendar {
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
		out = append(out, LazyCalendar{Path: siteurl.FeedOccasion(o.ID), Make: func() Calendar {
			return Calendar{
				Path:        siteurl.FeedOccasion(o.ID),
				Name:        o.Name.De,
				Description: o.Name.De + " – aus " + b.Config.Title + " (" + span + ")",
				Events:      b.events(w.Of(o.ID), false),
			}
		}})
	}
	return out
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

func (b Builder) events(occ []schedule.Occurrence, compact bool) []Event {
	out := make([]Event, 0, len(occ))
	for _, oc := range occ {
		out = append(out, b.eventOf(oc, compact))
	}
	return out
}
