package calendar

import (
	"strconv"
	"strings"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
)

// EventOf returns the event of one occurrence of a catalogue occasion, the
// same in every feed that carries it.
func (b Builder) EventOf(oc schedule.Occurrence) Event {
	o := oc.Occasion
	url := b.Config.Abs(siteurl.Occasion(o.ID))
	return Event{
		UID:         UID(o.ID, oc.Year, b.Config.UIDDomain),
		Start:       oc.Start,
		End:         oc.End,
		Summary:     o.Name.De,
		Description: b.description(oc, url),
		URL:         url,
		Categories:  []string{o.Category.Label()},
	}
}

// PrepUID is the UID of the preparation event of an occurrence.
func PrepUID(id string, year int, domain string) string {
	return id + "-" + strconv.Itoa(year) + "-vorbereiten@" + domain
}

// PrepDay is the day preparing an occurrence should start: its lead time
// before the first day.
func PrepDay(oc schedule.Occurrence) civil.Date { return oc.PrepareFrom() }

// PrepEventOf returns the preparation event of an occurrence: an all-day
// event on the day its lead time starts ("Vorbereiten: Tag des Lächelns am
// 2. Oktober"). Calendar apps ignore alarms in subscribed feeds, so a
// reminder that reaches everyone is an event of its own.
func (b Builder) PrepEventOf(oc schedule.Occurrence) Event {
	o := oc.Occasion
	url := b.Config.Abs(siteurl.Occasion(o.ID))
	day := PrepDay(oc)
	parts := []string{o.Name.De + ": " + german.SpanLong(oc.Start, oc.End) + ", " + german.Days(o.LeadDays) + " Vorlauf."}
	if len(o.Ideas) > 0 {
		line := ideaLine(o.Ideas[0])
		if n := len(o.Ideas) - 1; n == 1 {
			line += " – und eine weitere Idee auf der Seite"
		} else if n > 1 {
			line += " – und " + strconv.Itoa(n) + " weitere Ideen auf der Seite"
		}
		parts = append(parts, line)
	}
	parts = append(parts, "Mehr: "+url)
	return Event{
		UID:         PrepUID(o.ID, oc.Year, b.Config.UIDDomain),
		Start:       day,
		End:         day,
		Summary:     "Vorbereiten: " + o.Name.De + " am " + german.DayMonth(oc.Start),
		Description: strings.Join(parts, "\n\n"),
		URL:         url,
		Categories:  []string{"Vorbereitung", o.Category.Label()},
	}
}

// description is the plain-text body of an occurrence's event, short so that
// the feeds stay small and the page holds the rest: one idea, when to start
// preparing, the link.
func (b Builder) description(oc schedule.Occurrence, url string) string {
	o := oc.Occasion
	var parts []string
	if len(o.Ideas) > 0 {
		parts = append(parts, ideaLine(o.Ideas[0]))
	}
	parts = append(parts, "Vorbereitung: "+german.Days(o.LeadDays)+" vorher, also ab "+german.Numeric(PrepDay(oc))+".")
	parts = append(parts, "Mehr Ideen: "+url)
	return strings.Join(parts, "\n\n")
}

// ideaLine is an idea in one line: "Idee: Runder Kuchen mit Pi (20–30 € pro Team)".
func ideaLine(idea occasion.Idea) string {
	line := "Idee: " + idea.Title
	if b := idea.Budget.String(); b != "" {
		line += " (" + b + ")"
	}
	return line
}
