// Package calendar turns occurrences into iCalendar files: the subscription
// feeds, the single-event files behind "In Kalender eintragen", the output of
// `anlass list --format ics` and, for the browser and the CLI, calendars made
// for import. It is the only package that assembles calendars, and
// github.com/arran4/golang-ical writes every byte of them (ical.go).
//
// Every event has UID, DTSTAMP, DATE values and an exclusive DTEND; TEXT
// values are escaped and stripped of control characters; lines end in CRLF
// and are folded at 75 octets without splitting a UTF-8 character; events
// keep the (sorted) order they are given in. A UID has one meaning: wherever
// it appears, the event is the same. See docs/feeds.md.
package calendar

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/config"
)

// MaxBytes is the size every published feed must stay under: Google
// Calendar is reported to give up on feeds of about 1 MB, and some clients
// time out well before; 600 KB leaves room.
const MaxBytes = 600_000

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

// Calendar is one iCalendar file.
type Calendar struct {
	Path        string // site path, e.g. /feeds/quirky.ics; empty for files made elsewhere
	Name        string
	Description string
	Events      []Event
	// Import marks a file meant for import rather than subscription (one
	// event, a Merkliste, a customer calendar): it carries no calendar-wide
	// subscription properties (NAME, X-WR-CALNAME, DESCRIPTION, X-WR-CALDESC,
	// URL, REFRESH-INTERVAL, X-PUBLISHED-TTL), with which Outlook may create
	// a separate calendar for the file.
	Import bool
}

// UID returns the stable UID of an occasion's occurrence in year: it depends
// only on the occasion id, the year and the site's domain.
func UID(id string, year int, domain string) string {
	return id + "-" + strconv.Itoa(year) + "@" + domain
}

// Builder turns occurrences into events with the site's URLs and texts, and
// calendars into bytes.
type Builder struct {
	Config config.Config
	Stamp  time.Time // DTSTAMP of every event: the build time
	// events holds each event serialised once, shared by every calendar
	// that carries it; nil serialises events every time.
	cache *eventCache
}

// NewBuilder returns a Builder that serialises each event once however many
// calendars carry it (a build writes most events into three feeds), and
// refuses two different events under one UID.
func NewBuilder(cfg config.Config, stamp time.Time) Builder {
	return Builder{Config: cfg, Stamp: stamp, cache: newEventCache()}
}

// clean strips CR and other control characters (keeping LF, which the TEXT
// escaping turns into \n) — golang-ical would write them raw. Text without
// any such character (nearly all of it) is returned as it is, without copying.
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
