package calendar

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
	"github.com/anlass/anlass/internal/vocab"
)

// File is one calendar file of a build, its events made when Make is called:
// a build renders the files one by one on all CPUs and need not hold the
// events of every file at once.
type File struct {
	Path string // site path, /feeds/quirky.ics
	Make func() Calendar
}

// FeedStart is the first day of the subscription feeds: the first day of the
// month monthsBefore months before today's. Subscribers need little of the
// past, and every event less keeps the feeds small; the weekly rebuild moves
// the start on.
func FeedStart(today civil.Date, monthsBefore int) civil.Date {
	y, m, _ := today.YMD()
	n := y*12 + int(m) - 1 - monthsBefore
	return civil.Of(n/12, time.Month(n%12+1), 1)
}

// Feeds returns every subscription feed of a build in a fixed order: all
// occasions, one per category, the preparation feeds (all, one per
// category), one per occasion, one per topic with a page and per target
// group (when v is not nil), and one per state and canton (when book is
// not nil). They carry what has not ended before
// FeedStart, up to the end of the window.
func (b Builder) Feeds(cat *occasion.Catalog, w *schedule.Window, book *regiondays.Book, v *vocab.Vocab) []File {
	start := FeedStart(w.Today, b.Config.MonthsBefore)
	span := "ab " + german.Month(start.Month()) + " " + strconv.Itoa(start.Year()) + " bis " + strconv.Itoa(w.To.Year())
	current := func(occ []schedule.Occurrence) []schedule.Occurrence {
		var out []schedule.Occurrence
		for _, oc := range occ {
			if oc.End >= start {
				out = append(out, oc)
			}
		}
		return out
	}
	out := []File{{Path: siteurl.FeedAll(), Make: func() Calendar {
		return Calendar{
			Path:        siteurl.FeedAll(),
			Name:        b.Config.Title + ": alle Anlässe",
			Description: "Alle Anlässe aus " + b.Config.Title + " (" + span + "), mit je einer Idee und der Vorlaufzeit.",
			Events:      b.events(current(w.All)),
		}
	}}}
	for _, c := range occasion.Categories {
		out = append(out, File{Path: siteurl.FeedCategory(string(c)), Make: func() Calendar {
			var occ []schedule.Occurrence
			for _, oc := range current(w.All) {
				if oc.Occasion.Category == c {
					occ = append(occ, oc)
				}
			}
			return Calendar{
				Path:        siteurl.FeedCategory(string(c)),
				Name:        b.Config.Title + ": " + c.Label(),
				Description: c.Blurb() + " (" + span + ")",
				Events:      b.events(occ),
			}
		}})
	}
	for _, c := range append([]occasion.Category{""}, occasion.Categories...) {
		out = append(out, File{Path: siteurl.FeedPrep(string(c)), Make: func() Calendar {
			return b.prepFeed(c, w.All, start, span)
		}})
	}
	for _, o := range cat.Occasions {
		out = append(out, File{Path: siteurl.FeedOccasion(o.ID), Make: func() Calendar {
			return Calendar{
				Path:        siteurl.FeedOccasion(o.ID),
				Name:        o.Name.De,
				Description: o.Name.De + " – aus " + b.Config.Title + " (" + span + ")",
				Events:      b.events(current(w.Of(o.ID))),
			}
		}})
	}
	if v != nil {
		selection := func(path, name, desc string, sel vocab.Selection) File {
			return File{Path: path, Make: func() Calendar {
				var occ []schedule.Occurrence
				for _, o := range sel.Occasions {
					occ = append(occ, current(w.Of(o.ID))...)
				}
				schedule.Sort(occ)
				return Calendar{Path: path, Name: name, Description: desc + " (" + span + ")", Events: b.events(occ)}
			}}
		}
		for _, sel := range v.TopicSelections(cat) {
			out = append(out, selection(siteurl.FeedTopic(sel.Slug), b.Config.Title+": Thema "+sel.Label,
				"Anlässe zum Thema „"+sel.Label+"“ aus "+b.Config.Title, sel))
		}
		for _, sel := range v.GroupSelections(cat) {
			out = append(out, selection(siteurl.FeedGroup(sel.Slug), b.Config.Title+": für "+sel.Label,
				"Anlässe mit Ideen für "+sel.Label+" aus "+b.Config.Title, sel))
		}
	}
	if book != nil {
		for _, r := range book.Subdivisions() {
			out = append(out, File{Path: siteurl.FeedRegion(r.Code), Make: func() Calendar { return b.Region(r, start) }})
		}
	}
	return out
}

// prepFeed is the preparation feed of category c ("" for all): one event on
// the day each occurrence's lead time starts, from start on, sorted by that day.
func (b Builder) prepFeed(c occasion.Category, all []schedule.Occurrence, start civil.Date, span string) Calendar {
	var occ []schedule.Occurrence
	for _, oc := range all {
		if PrepDay(oc) >= start && (c == "" || oc.Occasion.Category == c) {
			occ = append(occ, oc)
		}
	}
	slices.SortStableFunc(occ, func(x, y schedule.Occurrence) int { return cmp.Compare(PrepDay(x), PrepDay(y)) })
	name, desc := b.Config.Title+": Vorbereitung", "Alle Anlässe aus "+b.Config.Title
	if c != "" {
		name, desc = b.Config.Title+": Vorbereitung "+c.Label(), c.Label()+" aus "+b.Config.Title
	}
	cal := Calendar{Path: siteurl.FeedPrep(string(c)), Name: name,
		Description: desc + " (" + span + "), je am Tag, an dem die Vorbereitung beginnen sollte: mit den Ideen und dem Link."}
	for _, oc := range occ {
		cal.Events = append(cal.Events, b.PrepEventOf(oc))
	}
	return cal
}

// Termine returns the single-event files behind "In Kalender eintragen":
// for every occurrence in the window that has not ended before today, one
// file with its event and one with its preparation event. They are meant
// for import (no subscription properties), and their UIDs are their own
// (…-termin@), so an imported copy never collides with the same day in a
// subscribed feed.
func (b Builder) Termine(w *schedule.Window) []File {
	var out []File
	for _, oc := range w.All {
		if oc.End < w.Today {
			continue
		}
		o := oc.Occasion
		out = append(out,
			File{Path: siteurl.Termin(o.ID, oc.Year), Make: func() Calendar {
				return Calendar{Import: true, Events: []Event{Termin(b.EventOf(oc))}}
			}},
			File{Path: siteurl.TerminPrep(o.ID, oc.Year), Make: func() Calendar {
				return Calendar{Import: true, Events: []Event{Termin(b.PrepEventOf(oc))}}
			}})
	}
	return out
}

// Termin returns ev as it goes into a file for import: the same event under
// a UID of its own, derived from the feed UID (x@domain → x-termin@domain).
func Termin(ev Event) Event {
	local, domain, _ := strings.Cut(ev.UID, "@")
	ev.UID = local + "-termin@" + domain
	return ev
}

// Render makes and serialises a calendar file, and refuses one of MaxBytes
// or more.
func (b Builder) Render(f File) ([]byte, error) {
	var buf bytes.Buffer
	if err := b.Write(&buf, f.Make()); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	if buf.Len() >= MaxBytes {
		return nil, fmt.Errorf("%s would be %d bytes, over the limit of %d for every feed (larger feeds fail in Google Calendar): shorten feeds.years_after in anlass.yaml", f.Path, buf.Len(), MaxBytes)
	}
	return buf.Bytes(), nil
}

// Listing is the calendar of `anlass list --format ics`: the listed
// occurrences (of the categories cats; none means all), as the feeds carry
// them, and with r not nil the region's days among them.
func (b Builder) Listing(occs []schedule.Occurrence, cats []occasion.Category, r *regiondays.Region) Calendar {
	if r != nil {
		cal := b.Region(r, r.From)
		cal.Name = b.Config.Title + ": " + r.Name
		cal.Description = fmt.Sprintf("%d Anlässe aus %s und die Feiertage %s", len(occs), b.Config.Title, regiondays.In(r.Region))
		cal.Events = append(cal.Events, b.events(occs)...)
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
		Events: b.events(occs)}
}

func (b Builder) events(occ []schedule.Occurrence) []Event {
	out := make([]Event, 0, len(occ))
	for _, oc := range occ {
		out = append(out, b.EventOf(oc))
	}
	return out
}
