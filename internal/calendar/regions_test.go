package calendar_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/anlass/anlass/internal/calendar"
	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/siteurl"
	"github.com/anlass/anlass/internal/testutil"
)

// regionFeeds builds the region feeds of the repository as a build on
// today would.
func regionFeeds(t *testing.T, today string) (calendar.Builder, *regiondays.Book, []calendar.Calendar) {
	t.Helper()
	p, clock, w := testutil.Window(t, "../..", today)
	book, err := regiondays.FromWindow(p.Engine, w, p.School)
	if err != nil {
		t.Fatal(err)
	}
	fb := calendar.NewBuilder(p.Config, clock.Stamp)
	start := calendar.FeedStart(w.Today, p.Config.MonthsBefore)
	var cals []calendar.Calendar
	for _, r := range book.Subdivisions() {
		cals = append(cals, fb.Region(r, start))
	}
	return fb, book, cals
}

// Every region feed passes the linter and stays far below the size limit.
func TestLintEveryRegionFeed(t *testing.T) {
	fb, _, cals := regionFeeds(t, "2026-11-22")
	if len(cals) != 16+9+26 {
		t.Fatalf("%d region feeds, want 51 (16 German states, 9 Austrian states, 26 cantons)", len(cals))
	}
	for _, c := range cals {
		data := fb.Bytes(c)
		for _, prob := range calendar.Lint(data) {
			t.Errorf("%s: %s", c.Path, prob)
		}
		if len(data) > calendar.MaxBytes/4 {
			t.Errorf("%s is %d bytes: too close to the %d-byte limit", c.Path, len(data), calendar.MaxBytes)
		}
	}
}

// Round trip through an independent parser: each region feed holds exactly
// the region's holidays, Brückentage and Ferienbeginn, on the right days,
// with the documented summaries and UIDs.
func TestRegionFeedsRoundTrip(t *testing.T) {
	fb, book, cals := regionFeeds(t, "2026-11-22")
	domain := fb.Config.UIDDomain
	for i, r := range book.Subdivisions() {
		c := cals[i]
		if c.Path != siteurl.FeedRegion(r.Code) || !strings.HasPrefix(c.Path, "/feeds/regions/"+strings.ToLower(r.Code)) {
			t.Fatalf("feed %d is %s, want %s", i, c.Path, siteurl.FeedRegion(r.Code))
		}
		data := fb.Bytes(c)
		cal, err := goical.NewDecoder(bytes.NewReader(data)).Decode()
		if err != nil {
			t.Fatalf("%s: go-ical: %v", c.Path, err)
		}
		var entries []regiondays.Entry
		for _, e := range r.Entries() {
			if e.End >= calendar.FeedStart(civil.Of(2026, 11, 22), fb.Config.MonthsBefore) {
				entries = append(entries, e)
			}
		}
		events := cal.Events()
		if len(events) != len(entries) {
			t.Fatalf("%s: %d events, want %d", c.Path, len(events), len(entries))
		}
		kinds := map[regiondays.Kind]int{}
		for j, ev := range events {
			e := entries[j]
			kinds[e.Kind]++
			start, _ := ev.DateTimeStart(time.UTC)
			end, _ := ev.DateTimeEnd(time.UTC)
			summary, _ := ev.Props.Text(goical.PropSummary)
			uid, _ := ev.Props.Text(goical.PropUID)
			url := ev.Props.Get(goical.PropURL).Value
			var wantUID string
			switch e.Kind {
			case regiondays.KindHoliday:
				// Region-qualified: de-neujahr in Bayern is de-by-neujahr-2027.
				wantUID = fmt.Sprintf("%s-%s-%d@%s", strings.ToLower(r.Code), strings.TrimPrefix(e.Holiday.Occasion.ID, strings.ToLower(r.Country)+"-"), e.Year, domain)
			case regiondays.KindBridge:
				wantUID = fmt.Sprintf("brueckentag-%s-%s@%s", strings.ToLower(r.Code), e.Start.Compact(), domain)
			case regiondays.KindSchoolStart:
				wantUID = fmt.Sprintf("ferienbeginn-%s-%s@%s", strings.ToLower(r.Code), e.Start.Compact(), domain)
			}
			if civil.FromTime(start) != e.Start || civil.FromTime(end) != e.End.AddDays(1) || summary != e.Summary || uid != wantUID ||
				url != fb.Config.Abs(siteurl.Region(r.Code)) {
				t.Fatalf("%s event %d: %s %s..%s %q %s; want %s %s..%s(+1) %q", c.Path, j, uid, start.Format(time.DateOnly),
					end.Format(time.DateOnly), summary, url, wantUID, e.Start, e.End, e.Summary)
			}
		}
		if kinds[regiondays.KindHoliday] < 6*4 || kinds[regiondays.KindBridge] == 0 {
			t.Errorf("%s: %v", c.Path, kinds)
		}
		if (r.Country == "DE") != (kinds[regiondays.KindSchoolStart] > 0) {
			t.Errorf("%s: %d Ferienbeginn events", c.Path, kinds[regiondays.KindSchoolStart])
		}
	}
}

// What subscribers read: partial holidays are marked, Austria says
// Fenstertag, Ferienbeginn names the holidays and the state.
func TestRegionFeedTexts(t *testing.T) {
	fb, _, cals := regionFeeds(t, "2026-11-22")
	byPath := map[string]string{}
	for _, c := range cals {
		data := fb.Bytes(c)
		byPath[c.Path] = unfold(string(data))
	}
	for path, wants := range map[string][]string{
		"/feeds/regions/de-by.ics": {
			"SUMMARY:Mariä Himmelfahrt (teilweise)\r\n",
			"DESCRIPTION:Gesetzlicher Feiertag nur in Teilen von Bayern: nur in Gemeinden",
			"UID:brueckentag-de-by-20270104@",
			"SUMMARY:Brückentag\r\n",
			"UID:ferienbeginn-de-by-20261102@",
			"SUMMARY:Ferienbeginn: Herbstferien Bayern\r\n",
			"UID:de-by-christi-himmelfahrt-2027@",
			"CATEGORIES:Schulferien\r\n",
			"X-WR-CALNAME:Bayern: Feiertage\\, Brückentage und Ferienbeginn\r\n",
		},
		"/feeds/regions/at-9.ics": {
			"SUMMARY:Fenstertag\r\n",
			"CATEGORIES:Fenstertag\r\n",
			"UID:brueckentag-at-9-20261207@",
			"aber kein allgemein arbeitsfreier Tag",
		},
		"/feeds/regions/ch-ne.ics": {"SUMMARY:Fronleichnam (teilweise)\r\n", "nur in der Gemeinde Le Landeron"},
	} {
		got := byPath[path]
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q", path, w)
			}
		}
	}
	if strings.Contains(byPath["/feeds/regions/at-9.ics"], "Ferienbeginn") {
		t.Errorf("an Austrian feed has Ferienbeginn")
	}
}

func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }
