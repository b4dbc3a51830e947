package ical_test

import (
	"strings"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/ical"
)

func TestCleanStripsControlCharacters(t *testing.T) {
	if got := ical.Clean("a\r\nb\x00c\td\u2028e"); got != "a\nbc de" {
		t.Errorf("Clean = %q", got)
	}
	if s := "Pi-Tag – ganz normal"; ical.Clean(s) != s {
		t.Errorf("Clean changed %q", s)
	}
}

// A file for import has no calendar-wide subscription properties; a feed
// has them, with its address.
func TestImportAndFeed(t *testing.T) {
	w := ical.Writer{Stamp: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}
	ev := ical.Event{UID: "x-2027@example.org", Start: civil.Of(2027, 3, 14), End: civil.Of(2027, 3, 14), Summary: "Pi-Tag", Categories: []string{"Kuriose Tage"}}
	imp := string(w.Bytes(ical.Calendar{Name: "N", URL: "https://example.org/x.ics", Import: true, Events: []ical.Event{ev}}))
	feed := string(w.Bytes(ical.Calendar{Name: "N", URL: "https://example.org/x.ics", Events: []ical.Event{ev}}))
	for _, p := range []string{"X-WR-CALNAME", "REFRESH-INTERVAL", "URL:https://example.org/x.ics"} {
		if strings.Contains(imp, p) || !strings.Contains(feed, p) {
			t.Errorf("%s: in the import file %v, in the feed %v", p, strings.Contains(imp, p), strings.Contains(feed, p))
		}
	}
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "PRODID:" + ical.ProdID + "\r\n", "DTSTART;VALUE=DATE:20270314\r\n",
		"DTEND;VALUE=DATE:20270315\r\n", "DTSTAMP:20261122T000000Z\r\n", "CATEGORIES:Kuriose Tage\r\n", "END:VCALENDAR\r\n"} {
		if !strings.Contains(imp, want) {
			t.Errorf("import file lacks %q:\n%s", want, imp)
		}
	}
}

// A cache refuses one UID with two contents.
func TestCacheOneUIDOneEvent(t *testing.T) {
	w := ical.Writer{Cache: ical.NewCache()}
	a := ical.Event{UID: "x@example.org", Start: civil.Of(2027, 3, 14), End: civil.Of(2027, 3, 14), Summary: "A"}
	b := a
	b.Summary = "B"
	if err := w.Write(&strings.Builder{}, ical.Calendar{Import: true, Events: []ical.Event{a, a}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(&strings.Builder{}, ical.Calendar{Import: true, Events: []ical.Event{b}}); err == nil {
		t.Fatal("two events under one UID: no error")
	}
}
