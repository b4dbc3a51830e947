package calendar

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"sync"

	ics "github.com/arran4/golang-ical"
)

// Serialisation goes through golang-ical, with its known gaps worked around
// (docs/feeds.md): CRLF is requested, control characters are stripped before
// a value reaches it (clean), PRODID and VERSION are set once, every
// category is added on its own, and DTSTAMP is set explicitly.

var crlf = ics.WithNewLineWindows

// Bytes serialises c. It panics only if golang-ical fails to write into
// memory, which it does not.
func (b Builder) Bytes(c Calendar) []byte {
	var buf bytes.Buffer
	buf.Grow(512 + 640*len(c.Events))
	if err := b.Write(&buf, c); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Write serialises c to w.
func (b Builder) Write(w io.Writer, c Calendar) error {
	cal := ics.NewCalendarFor("anlass")
	cal.CalendarProperties = nil
	cal.SetVersion("2.0")
	cal.SetProductId(ProdID)
	cal.SetCalscale("GREGORIAN")
	if !c.Import {
		cal.SetName(clean(c.Name))
		cal.SetXWRCalName(clean(c.Name))
		cal.SetDescription(clean(c.Description))
		cal.SetXWRCalDesc(clean(c.Description))
		cal.SetUrl(b.Config.Abs(c.Path))
		cal.SetRefreshInterval("P1D")
		cal.SetXPublishedTTL("P1D")
	}
	for _, ev := range c.Events {
		comp, err := b.component(ev)
		if err != nil {
			return err
		}
		cal.Components = append(cal.Components, comp)
	}
	return cal.SerializeTo(w, crlf)
}

// vevent makes the golang-ical component of an event.
func (b Builder) vevent(ev Event) *ics.VEvent {
	e := ics.NewEvent(ev.UID)
	e.SetDtStampTime(b.Stamp.UTC())
	e.SetAllDayStartAt(ev.Start.Time())
	e.SetAllDayEndAt(ev.End.AddDays(1).Time())
	e.SetSummary(clean(ev.Summary))
	e.SetDescription(clean(ev.Description))
	if ev.URL != "" {
		e.SetURL(ev.URL)
	}
	for _, cat := range ev.Categories {
		e.AddCategory(clean(cat))
	}
	e.SetTimeTransparency(ics.TransparencyTransparent)
	e.SetClass(ics.ClassificationPublic)
	return e
}

// component returns the event as a component of a calendar: from the cache
// when the builder has one, so that an event carried by several calendars
// is serialised by golang-ical once and its bytes reused.
func (b Builder) component(ev Event) (ics.Component, error) {
	if b.cache == nil {
		return b.vevent(ev), nil
	}
	return b.cache.get(ev, func() (*serialised, error) {
		var buf bytes.Buffer
		if err := b.vevent(ev).SerializeTo(&buf, serialConfig); err != nil {
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

// eventCache maps a UID to its event and its serialisation.
type eventCache struct {
	mu sync.Mutex
	m  map[string]*cachedEvent
}

type cachedEvent struct {
	once sync.Once
	ev   Event
	s    *serialised
	err  error
}

func newEventCache() *eventCache { return &eventCache{m: map[string]*cachedEvent{}} }

// get returns the serialisation of ev, made by mk the first time its UID is
// asked for, and an error when the UID was seen before with other content:
// one UID must mean one event in every file (docs/feeds.md).
func (c *eventCache) get(ev Event, mk func() (*serialised, error)) (*serialised, error) {
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
