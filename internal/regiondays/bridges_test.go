package regiondays_test

import (
	"slices"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/schedule"
)

func day(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Hand-checked Brückentage, each derived from the calendar (weekday of the
// holiday) and the region's law as the comment says.
func TestBridgeExamples(t *testing.T) {
	book := loadBook(t, "../..", day("2024-01-01"), day("2029-12-31"))
	type want struct {
		date, region string
		bridge, wide bool
		why          string
	}
	for _, w := range []want{
		// Narrow sense: one working day between days off.
		{"2026-01-02", "DE-BY", true, false, "Fri after Neujahr Thu 2026-01-01, Sat follows"},
		{"2026-01-02", "AT-9", true, false, "Fenstertag: Fri after Neujahr Thu 2026-01-01"},
		{"2026-01-05", "DE-BY", true, false, "Mon between Sun 2026-01-04 and Heilige Drei Könige Tue 2026-01-06"},
		{"2026-05-15", "DE-BY", true, false, "Fri after Christi Himmelfahrt Thu 2026-05-14 (Easter 2026-04-05 + 39)"},
		{"2026-05-15", "DE-HH", true, false, "Christi Himmelfahrt is national"},
		{"2026-05-15", "AT-9", true, false, "Fenstertag after Christi Himmelfahrt Thu 2026-05-14"},
		{"2026-05-15", "CH-ZH", true, false, "Fri after Auffahrt Thu 2026-05-14"},
		{"2026-06-05", "DE-BY", true, false, "Fri after Fronleichnam Thu 2026-06-04 (Easter + 60)"},
		{"2026-12-07", "AT-9", true, false, "Mon before Mariä Empfängnis Tue 2026-12-08"},
		{"2025-05-02", "DE-NW", true, false, "Fri after Tag der Arbeit Thu 2025-05-01"},
		{"2025-05-09", "DE-BE", true, false, "Fri after the one-off Tag der Befreiung Thu 2025-05-08 (Berlin only)"},
		{"2024-10-04", "DE-HH", true, false, "Fri after Tag der Deutschen Einheit Thu 2024-10-03"},
		{"2024-11-01", "DE-NI", true, false, "Fri after Reformationstag Thu 2024-10-31 (Niedersachsen since 2018)"},
		{"2024-12-27", "DE-BY", true, false, "Fri after 2. Weihnachtstag Thu 2024-12-26"},
		{"2024-08-16", "DE-SL", true, false, "Fri after Mariä Himmelfahrt Thu 2024-08-15, a full holiday in Saarland"},
		{"2026-03-20", "CH-SZ", true, false, "Fri after Josefstag Thu 2026-03-19, a holiday in Schwyz"},
		{"2027-10-25", "AT-3", true, false, "Mon before Nationalfeiertag Tue 2027-10-26"},
		{"2027-05-28", "DE-BW", true, false, "Fri after Fronleichnam Thu 2027-05-27 (Easter 2027-03-28 + 60)"},
		{"2029-12-31", "DE-BY", true, false, "Mon between Sun 2029-12-30 and Neujahr Tue 2030-01-01 (beyond the range: needs the margin)"},

		// Not Brückentage.
		{"2024-08-16", "DE-BY", false, false, "Mariä Himmelfahrt Thu 2024-08-15 is only partial in Bavaria: not a day off for the whole state"},
		{"2026-06-05", "DE-SN", false, false, "Fronleichnam is only partial in Saxony"},
		{"2026-06-05", "DE-HH", false, false, "no Fronleichnam in Hamburg"},
		{"2026-03-20", "AT-7", false, false, "Josefitag Thu 2026-03-19 is not a day off in Tyrol (day_off: false)"},
		{"2029-11-16", "AT-9", false, false, "Leopolditag Thu 2029-11-15 is not a day off in Vienna"},
		{"2024-11-01", "DE-BY", false, false, "Allerheiligen Fri 2024-11-01 is itself a holiday in Bavaria"},
		{"2024-11-01", "DE-NW", false, false, "a holiday in NRW (Allerheiligen), and Thu 2024-10-31 is no holiday there"},
		{"2026-01-02", "CH-BE", false, false, "Berchtoldstag Fri 2026-01-02 is itself a holiday in Bern"},
		{"2026-01-02", "CH-ZH", true, false, "no Berchtoldstag in Zürich's law: Fri after Neujahr"},

		// Wide sense: two working days between days off.
		{"2024-12-23", "DE-BY", true, true, "Mon and Tue between Sun 2024-12-22 and 1. Weihnachtstag Wed 2024-12-25"},
		{"2024-12-24", "DE-BY", true, true, "as above"},
		{"2026-11-16", "DE-SN", true, true, "Mon/Tue before Buß- und Bettag Wed 2026-11-18 (Saxony only)"},
		{"2026-11-17", "DE-SN", true, true, "as above"},
		{"2026-11-19", "DE-SN", true, true, "Thu/Fri after Buß- und Bettag Wed 2026-11-18"},
		{"2026-11-20", "DE-SN", true, true, "as above"},
		{"2026-11-20", "DE-BY", false, false, "Buß- und Bettag is no holiday in Bavaria"},
		{"2027-01-07", "DE-BY", true, true, "Thu/Fri after Heilige Drei Könige Wed 2027-01-06"},
		{"2027-12-10", "AT-9", true, true, "Fenstertag im weiteren Sinn: Thu/Fri after Mariä Empfängnis Wed 2027-12-08"},
		{"2027-12-09", "AT-9", true, true, "as above"},
	} {
		r := book.Get(w.region)
		i := slices.IndexFunc(r.Bridges, func(b regiondays.Bridge) bool { return b.Date == day(w.date) })
		switch {
		case w.bridge && i < 0:
			t.Errorf("%s %s: not reported as a Brückentag, want one (%s)", w.region, w.date, w.why)
		case !w.bridge && i >= 0:
			t.Errorf("%s %s: reported as a Brückentag, want none (%s)", w.region, w.date, w.why)
		case w.bridge && r.Bridges[i].Wide != w.wide:
			t.Errorf("%s %s: wide = %v, want %v (%s)", w.region, w.date, r.Bridges[i].Wide, w.wide, w.why)
		}
	}

	// The texts say what the day lies between and how many days off it gives.
	by := book.Get("DE-BY")
	b := by.Bridges[slices.IndexFunc(by.Bridges, func(b regiondays.Bridge) bool { return b.Date == day("2026-05-15") })]
	if got, want := b.Summary(by.Region), "Brückentag"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if got, want := b.Between(by), "zwischen Christi Himmelfahrt (Do 14.05.2026) und dem Wochenende"; got != want {
		t.Errorf("Between = %q, want %q", got, want)
	}
	if b.FreeFrom != day("2026-05-14") || b.FreeTo != day("2026-05-17") || b.FreeDays() != 4 {
		t.Errorf("free days %s … %s (%d), want 2026-05-14 … 2026-05-17 (4)", b.FreeFrom, b.FreeTo, b.FreeDays())
	}
	wide := by.Bridges[slices.IndexFunc(by.Bridges, func(b regiondays.Bridge) bool { return b.Date == day("2024-12-23") })]
	// Taking Mon 23 and Tue 24 off: Sat 21 … Thu 26 (Fri 27 is the next working day).
	if wide.FreeFrom != day("2024-12-21") || wide.FreeTo != day("2024-12-26") || wide.Summary(by.Region) != "Brückentag (im weiteren Sinn)" {
		t.Errorf("wide: %s … %s %q", wide.FreeFrom, wide.FreeTo, wide.Summary(by.Region))
	}
	if got := book.Get("AT-9").Bridges[0].Summary(book.Get("AT-9").Region); got != "Fenstertag" && got != "Fenstertag (im weiteren Sinn)" {
		t.Errorf("Austria calls it %q, want Fenstertag", got)
	}
}

// Property: over 2020–2035, in every region, the reported Brückentage are
// exactly the days that meet the definition, checked day by day against an
// independent reading of the region's holiday list.
func TestBridgeProperty(t *testing.T) {
	// The book spans a year more on each side so that the days around the
	// checked range are known from its holiday list alone.
	book := loadBook(t, "../..", day("2019-01-01"), day("2036-12-31"))
	from, to := day("2020-01-01"), day("2035-12-31")
	for _, r := range book.All() {
		fullHoliday := map[civil.Date]bool{}
		for _, h := range r.Holidays {
			if h.Partial == "" && h.Occasion.DayOff {
				for d := h.Start; d <= h.End; d++ {
					fullHoliday[d] = true
				}
			}
		}
		off := func(d civil.Date) bool {
			return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || fullHoliday[d]
		}
		work := func(d civil.Date) bool { return !off(d) }
		reported := map[civil.Date]regiondays.Bridge{}
		for _, b := range r.Bridges {
			if b.Date >= from && b.Date <= to {
				reported[b.Date] = b
			}
		}
		for d := from; d <= to; d++ {
			narrow := work(d) && off(d-1) && off(d+1)
			wide := work(d) && (off(d-1) && work(d+1) && off(d+2) || off(d-2) && work(d-1) && off(d+1))
			b, ok := reported[d]
			switch {
			case (narrow || wide) && !ok:
				t.Errorf("%s %s %s: meets the definition (narrow %v, wide %v) but is not reported", r.Code, d, german.WeekdayShort(d), narrow, wide)
			case !(narrow || wide) && ok:
				t.Errorf("%s %s %s: reported, but does not meet the definition", r.Code, d, german.WeekdayShort(d))
			case ok && b.Wide != wide:
				t.Errorf("%s %s: Wide = %v, want %v", r.Code, d, b.Wide, wide)
			case ok:
				if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || fullHoliday[d] {
					t.Errorf("%s %s: a Brückentag on a day off", r.Code, d)
				}
				if !off(b.Before) || !off(b.After) || !off(b.FreeFrom) || !off(b.FreeTo) || off(b.FreeFrom-1) || off(b.FreeTo+1) ||
					b.After.Sub(b.Before) != b.WorkDays()+1 {
					t.Errorf("%s %s: inconsistent bridge %+v", r.Code, d, b)
				}
				for _, h := range b.Holidays {
					if !h.Full() || h.Start < b.FreeFrom || h.Start > b.FreeTo {
						t.Errorf("%s %s: holiday %s %s is not a full holiday within the free days", r.Code, d, h.Occasion.ID, h.Start)
					}
				}
			}
		}
	}
}

// A build's window brings its own holidays; the days just beyond its edges
// come from the engine, so 31 December of the last year can be a Brückentag.
func TestFromWindowSeesBeyondTheEdges(t *testing.T) {
	cat, l := occasion.Load("../..")
	if l.HasErrors() {
		t.Fatal(l)
	}
	e := schedule.New(cat)
	w, err := schedule.Compute(e, day("2029-01-01"), day("2029-12-31"), day("2029-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	book, err := regiondays.FromWindow(e, w, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := book.Get("DE-BY")
	if last := r.Bridges[len(r.Bridges)-1]; last.Date != day("2029-12-31") {
		t.Errorf("last Brückentag of 2029 in Bavaria is %s, want Mon 2029-12-31 (before Neujahr Tue 2030-01-01)", last.Date)
	}
	for _, h := range r.Holidays {
		if h.Start < w.From || h.Start > w.To {
			t.Errorf("holiday %s %s outside the window is listed", h.Occasion.ID, h.Start)
		}
	}
}
