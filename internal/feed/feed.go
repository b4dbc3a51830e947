// Package feed writes the subscribable iCalendar feeds with golang-ical,
// working around its known gaps (see docs/feeds.md): CRLF line endings are
// requested explicitly, control characters are stripped from TEXT values,
// every event gets UID, DTSTAMP and an exclusive DTEND, categories are added
// one per call, and events are added in sorted order.
package feed

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	ics "github.com/arran4/golang-ical"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/paths"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/schedule"
)

// MaxBytes is the size every published feed must stay under: Google
// Calendar is reported to give up on larger feeds.
const MaxBytes = 1 << 20

// ProdID names the producer in every calendar.
const ProdID = "-//anlass//anlass Anlasskalender//DE"

// Event is one VEVENT to write.
type Event struct {
	UID         string
	Start, End  civil.Date // End inclusive; written as the exclusive next day
	Summary     string
	Description string
	URL         string
	Categories  []string
}

// Calendar is one feed file.
type Calendar struct {
	Path        string // site path, e.g. /feeds/quirky.ics
	Name        string
	Description string
	Events      []Event
}

// UID returns the stable UID of an occasion's occurrence in year: it depends
// only on the occasion id, the year and the site's domain.
func UID(id string, year int, domain string) string {
	return id + "-" + strconv.Itoa(year) + "@" + domain
}

// Builder turns occurrences into events with the site's URLs and texts.
type Builder struct {
	Config config.Config
	Clock  project.Clock
}

// EventOf returns the event for one occurrence, with the full description.
func (b Builder) EventOf(oc schedule.Occurrence) Event { return b.eventOf(oc, false) }

// eventOf builds the event; compact descriptions (first sentence, idea,
// link) keep the all-in-one feed small.
func (b Builder) eventOf(oc schedule.Occurrence, compact bool) Event {
	o := oc.Occasion
	url := b.Config.Abs(paths.Occasion(o.ID))
	cats := []string{}
	if o.Kind == occasion.Catalogue {
		cats = append(cats, o.Category.Label())
	} else {
		cats = append(cats, "Feiertag")
	}
	return Event{
		UID:         UID(o.ID, oc.Year, b.Config.UIDDomain),
		Start:       oc.Start,
		End:         oc.End,
		Summary:     o.Name.De,
		Description: b.description(oc, url, compact),
		URL:         url,
		Categories:  cats,
	}
}

// description is the plain-text body of an event: what the day is, one idea,
// when to start preparing, and the link.
func (b Builder) description(oc schedule.Occurrence, url string, compact bool) string {
	o := oc.Occasion
	var parts []string
	if o.Summary != "" {
		text := o.SummaryText
		if compact {
			text = FirstSentence(text)
		}
		parts = append(parts, text)
	} else if o.Note != "" {
		parts = append(parts, o.Note)
	}
	if len(o.Ideas) > 0 {
		idea := o.Ideas[0]
		line := "Idee: " + idea.Title
		if idea.Budget != "" {
			line += " (" + idea.Budget + ")"
		}
		parts = append(parts, line)
	}
	if o.LeadDays > 0 {
		prep := oc.Start.AddDays(-o.LeadDays)
		parts = append(parts, fmt.Sprintf("Vorbereitung: %s vorher, also ab %s.", o.LeadTimeText(), GermanDate(prep)))
	}
	parts = append(parts, "Mehr Ideen: "+url)
	return strings.Join(parts, "\n\n")
}

// FirstSentence returns the text up to the first sentence end that comes
// after at least 60 characters (so abbreviations such as "z. B." early in
// the text do not cut it short).
func FirstSentence(s string) string {
	for i := 60; i < len(s)-1; i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			return s[:i+1]
		}
	}
	return s
}

// GermanDate formats a date as 24.12.2026.
func GermanDate(d civil.Date) string {
	y, m, day := d.YMD()
	return fmt.Sprintf("%02d.%02d.%04d", day, int(m), y)
}

// clean strips CR and other control characters (keeping LF, which ToText
// escapes) — golang-ical would write them raw.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if r == '\t' {
			return ' '
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return -1
		}
		return r
	}, s)
}

// Write serialises c as an iCalendar stream with CRLF line endings.
func (b Builder) Write(w io.Writer, c Calendar) error {
	cal := ics.NewCalendarFor("anlass")
	cal.CalendarProperties = nil // replace the library's PRODID/VERSION with ours, in a fixed order
	cal.SetVersion("2.0")
	cal.SetProductId(ProdID)
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName(clean(c.Name))
	cal.SetXWRCalName(clean(c.Name))
	cal.SetDescription(clean(c.Description))
	cal.SetXWRCalDesc(clean(c.Description))
	cal.SetUrl(b.Config.Abs(c.Path))
	cal.SetRefreshInterval("P1D") // adds VALUE=DURATION itself
	cal.SetXPublishedTTL("P1D")
	for _, e := range c.Events {
		ev := cal.AddEvent(e.UID)
		ev.SetDtStampTime(b.Clock.Stamp.UTC())
		ev.SetAllDayStartAt(e.Start.Time())
		ev.SetAllDayEndAt(e.End.AddDays(1).Time())
		ev.SetSummary(clean(e.Summary))
		ev.SetDescription(clean(e.Description))
		ev.SetURL(e.URL)
		for _, cat := range e.Categories {
			ev.AddCategory(clean(cat))
		}
		ev.SetTimeTransparency(ics.TransparencyTransparent)
		ev.SetClass(ics.ClassificationPublic)
	}
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}

// Bytes serialises c into memory.
func (b Builder) Bytes(c Calendar) ([]byte, error) {
	var buf bytes.Buffer
	if err := b.Write(&buf, c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
