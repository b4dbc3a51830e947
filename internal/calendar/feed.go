// Package feed writes the subscribable iCalendar feeds: every event has UID,
// DTSTAMP, DATE values and an exclusive DTEND; TEXT values are escaped and
// stripped of control characters; lines end in CRLF and are folded at 75
// octets without splitting a UTF-8 character; events keep the (sorted)
// order they are given in. See docs/feeds.md.
//
// The serialiser (encode.go) writes exactly the bytes github.com/arran4/golang-ical
// v0.3.6 writes for these calendars, with its known gaps worked around;
// the tests compare the two on every feed and on fuzzed text. It exists
// because golang-ical builds a property tree and a map per property: about
// 12 µs per event, 0.1 s of CPU for the 8,000 events of one build.
package calendar

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
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
	Stamp  time.Time // DTSTAMP of every event: the build time
}

// EventOf returns the event for one occurrence, with the full description.
func (b Builder) EventOf(oc schedule.Occurrence) Event { return b.eventOf(oc, false) }

// eventOf builds the event; compact descriptions (first sentence, idea,
// link) keep the all-in-one feed small.
func (b Builder) eventOf(oc schedule.Occurrence, compact bool) Event {
	o := oc.Occasion
	url := b.Config.Abs(siteurl.Occasion(o.ID))
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
		parts = append(parts, fmt.Sprintf("Vorbereitung: %s vorher, also ab %s.", german.Days(o.LeadDays), german.Numeric(prep)))
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

// clean strips CR and other control characters (keeping LF, which ToText
// escapes) — golang-ical would write them raw. Text without any such
// character (nearly all of it) is returned as it is, without copying.
func clean(s string) string {
	if !needsClean(s) {
		return s
	}
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

// needsClean reports whether clean would change s: a control character other
// than LF (C0, DEL, C1) or a Unicode line or paragraph separator.
func needsClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\n', c == 0x7f:
			return true
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f: // U+0080–U+009F
			return true
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9): // U+2028, U+2029
			return true
		}
	}
	return false
}

// Write serialises c as an iCalendar stream with CRLF line endings.
func (b Builder) Write(w io.Writer, c Calendar) error {
	_, err := w.Write(b.Bytes(c))
	return err
}

// Bytes serialises c into memory (see encode.go).
func (b Builder) Bytes(c Calendar) []byte {
	e := encoder{buf: make([]byte, 0, 1024+1024*len(c.Events))}
	e.calendar(b, c)
	return e.buf
}
