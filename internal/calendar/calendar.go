// Package calendar turns occurrences into iCalendar files: the subscription
// feeds, the single-event files behind "In Kalender eintragen", the output of
// `anlass list --format ics` and, for the browser and the CLI, calendars made
// for import. It is the only package that assembles calendars from
// occurrences; internal/ical writes them, through golang-ical. A UID has one
// meaning: wherever it appears, the event is the same. See docs/feeds.md.
package calendar

import (
	"strconv"
	"time"

	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/ical"
)

// MaxBytes is the size every published feed must stay under: Google
// Calendar is reported to give up on feeds of about 1 MB, and some clients
// time out well before; 600 KB leaves room.
const MaxBytes = 600_000

// ProdID names the producer in every calendar.
const ProdID = ical.ProdID

// Event is one VEVENT to write (internal/ical).
type Event = ical.Event

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
	// cache holds each event serialised once, shared by every calendar
	// that carries it; nil serialises events every time.
	cache *ical.Cache
}

// NewBuilder returns a Builder that serialises each event once however many
// calendars carry it (a build writes most events into three feeds), and
// refuses two different events under one UID.
func NewBuilder(cfg config.Config, stamp time.Time) Builder {
	return Builder{Config: cfg, Stamp: stamp, cache: ical.NewCache()}
}
