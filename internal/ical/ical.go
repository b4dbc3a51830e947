// Package ical writes iCalendar files through github.com/arran4/golang-ical,
// the library anlass is specified with: every byte of every calendar the
// site, the CLI and the customer calendar page offer comes from here. It
// knows nothing of occasions or sites (internal/calendar makes the events of
// the feeds), so that the customer calendar compiled to WebAssembly carries
// only this much.
//
// Every event has UID, DTSTAMP, DATE values and an exclusive DTEND; TEXT
// values are escaped and stripped of control characters; lines end in CRLF
// and are folded at 75 octets without splitting a UTF-8 character; events
// keep the order they are given in. Serialisation goes through golang-ical,
// with its known gaps worked around (docs/feeds.md): CRLF is requested,
// control characters are stripped before a value reaches it (Clean), PRODID
// and VERSION are set once, every category is added on its own, and DTSTAMP
// is set explicitly.
package ical

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"
	"time"
	"unicode"

	ics "github.com/arran4/golang-ical"

	"github.com/anlass/anlass/internal/civil"
)

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
	Name        string
	Description string
	URL         string // the file's own address, for subscription feeds
	Events      []Event
	// Import marks a file meant for import rather than subscription (one
	// event, a Merkliste, a customer calendar): it carries no calendar-wide
	// subscription properties (NAME, X-WR-CALNAME, DESCRIPTION, X-WR-CALDESC,
	// URL, REFRESH-INTERVAL, X-PUBLISHED-TTL), with which Outlook may create
	// a separate calendar for the file.
	Import bool
}

// Writer writes calendars with one DTSTAMP.
type Writer struct {
	Stamp time.Time // DTSTAMP of every event: the build time
	// Cache, when not nil, holds each event serialised once, shared by
	// every calendar that carries it, and refuses two different events
	// under one UID.
	Cache *Cache
}

var crlf = ics.WithNewLineWindows

// Bytes serialises c. It panics only if golang-ical fails to write into
// memory, which it does not.
func (w Writer) Bytes(c Calendar) []byte {
	var buf bytes.Buffer
	buf.Grow(512 + 640*len(c.Events))
	if err := w.Write(&buf, c); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Write serialises c to out.
func (w Writer) Write(out io.Writer, c Calendar) error {
	cal := ics.NewCalendarFor("anlass")
	cal.CalendarProperties = nil
	cal.SetVersion("2.0")
	cal.SetProductId(ProdID)
	cal.SetCalscale("GREGORIAN")
	if !c.Import {
		cal.SetName(Clean(c.Name))
		cal.SetXWRCalName(Clean(c.Name))
		cal.SetDescription(Clean(c.Description))
		cal.SetXWRCalDesc(Clean(c.Description))
		cal.SetUrl(c.URL)
		cal.SetRefreshInterval("P1D")
		cal.SetXPublishedTTL("P1D")
	}
	for _, ev := range c.Events {
		comp, err := w.component(ev)
		if err != nil {
			return err
		}
		cal.Components = append(cal.Components, comp)
	}
	return cal.SerializeTo(out, crlf)
}

// vevent makes the golang-ical component of an event.
func (w Writer) vevent(ev Event) *ics.VEvent {
	e := ics.NewEvent(ev.UID)
	e.SetDtStampTime(w.Stamp.UTC())
	e.SetAllDayStartAt(ev.Start.Time())
	e.SetAllDayEndAt(ev.End.AddDays(1).Time())
	e.SetSummary(Clean(ev.Summary))
	e.SetDescription(Clean(ev.Description))
	if ev.URL != "" {
		e.SetURL(ev.URL)
	}
	for _, cat := range ev.Categories {
		e.AddCategory(Clean(cat))
	}
	e.SetTimeTransparency(ics.TransparencyTransparent)
	e.SetClass(ics.ClassificationPublic)
	return e
}

// component returns the event as a component of a calendar: from the cache
// when the writer has one, so that an event carried by several calendars
// is serialised by golang-ical once and its bytes reused.
func (w Writer) component(ev Event) (ics.Component, error) {
	if w.Cache == nil {
		return w.vevent(ev), nil
	}
	return w.Cache.get(ev, func() (*serialised, error) {
		var buf bytes.Buffer
		if err := w.vevent(ev).SerializeTo(&buf, serialConfig); err != nil {
			return nil, err
		}
		return &serialised{data: buf.Bytes()}, nil
	})
}

// serialConfig is what Write passes to golang-ical, for serialising an event
// on its own.
var serialConfig = &ics.SerializationConfiguration{MaxLength: 75, PropertyMaxLength: 75, NewLine: string(crlf)}

// serialised is an event that golang-ical has already written: a component
// whose SerializeTo writes those bytes again.
type serialised struct{ data []byte }

func (s *serialised) SerializeTo(w io.Writer, _ *ics.SerializationConfiguration) error {
	_, err := w.Write(s.data)
	return err
}
func (s *serialised) UnknownPropertiesIANAProperties() []ics.IANAProperty { return nil }
func (s *serialised) SubComponents() []ics.Component                      { return nil }

// Cache maps a UID to its event and its serialisation.
type Cache struct {
	mu sync.Mutex
	m  map[string]*cachedEvent
}

type cachedEvent struct {
	once sync.Once
	ev   Event
	s    *serialised
	err  error
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{m: map[string]*cachedEvent{}} }

// get returns the serialisation of ev, made by mk the first time its UID is
// asked for, and an error when the UID was seen before with other content:
// one UID must mean one event in every file (docs/feeds.md).
func (c *Cache) get(ev Event, mk func() (*serialised, error)) (*serialised, error) {
	c.mu.Lock()
	ce := c.m[ev.UID]
	if ce == nil {
		ce = &cachedEvent{ev: ev}
		c.m[ev.UID] = ce
	}
	c.mu.Unlock()
	if !reflect.DeepEqual(ce.ev, ev) {
		return nil, fmt.Errorf("UID %s has two different events: %q on %s and %q on %s", ev.UID, ce.ev.Summary, ce.ev.Start, ev.Summary, ev.Start)
	}
	ce.once.Do(func() { ce.s, ce.err = mk() })
	return ce.s, ce.err
}

// Clean strips CR and other control characters (keeping LF, which the TEXT
// escaping turns into \n) — golang-ical would write them raw. Text without
// any such character (nearly all of it) is returned as it is, without copying.
func Clean(s string) string {
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

// needsClean reports whether Clean would change s: a control character other
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
