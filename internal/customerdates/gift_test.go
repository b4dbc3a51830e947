package customerdates

import (
	"testing"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/customer"
)

// Every Monday–Friday of January–November lies in exactly one of the
// weeks, and every week holds at least one of them.
func TestGiftWeeks(t *testing.T) {
	for _, y := range []int{1900, 2000, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2100} {
		weeks := GiftWeeks(y)
		if n := len(weeks); n < 48 || n > 49 {
			t.Errorf("%d: %d weeks", y, n)
		}
		covered := map[civil.Date]int{}
		for i, m := range weeks {
			if m.Weekday() != time.Monday || (i > 0 && m.Sub(weeks[i-1]) != 7) {
				t.Errorf("%d: week %d starts %s (%s)", y, i, m, m.Weekday())
			}
			inYear := 0
			for d := m; d < m.AddDays(5); d++ {
				if d.Year() == y && d <= civil.Of(y, 11, 30) {
					covered[d]++
					inYear++
				}
			}
			if inYear == 0 {
				t.Errorf("%d: week of %s has no weekday of January–November", y, m)
			}
		}
		for d := civil.Of(y, 1, 1); d <= civil.Of(y, 11, 30); d++ {
			if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday && covered[d] != 1 {
				t.Errorf("%d: %s is in %d weeks", y, d, covered[d])
			}
		}
	}
}

// Every gift of many invented customers over several years keeps every
// rule, checked here from the rules' own definition.
func TestGiftRules(t *testing.T) {
	hol := projectHolidays(t)
	cs := testCustomers(500, 11)
	for y := firstTestYear + 1; y <= lastTestYear-1; y++ {
		for _, c := range cs {
			d, ok := GiftDay(c, y, hol)
			if !ok {
				t.Fatalf("%s in %d: no gift day", c.Label(), y)
			}
			region := c.Region
			if region == "" {
				region = "DE"
			}
			_, m, _ := d.YMD()
			switch {
			case d.Year() != y:
				t.Errorf("%s: gift of %d on %s", c.Label(), y, d)
			case d.Weekday() == time.Saturday || d.Weekday() == time.Sunday:
				t.Errorf("%s: gift on a %s (%s)", c.Label(), d.Weekday(), d)
			case m == time.December:
				t.Errorf("%s: gift in December (%s)", c.Label(), d)
			case hol.IsHoliday(region, d):
				t.Errorf("%s: gift on a holiday in %s (%s)", c.Label(), region, d)
			}
			for yy := y - 1; yy <= y+1; yy++ {
				var near []civil.Date
				for _, rule := range []Feb29{Feb29OnFeb28, Feb29OnMar1} {
					if b, _, ok := BirthdayIn(c.Birthday, yy, rule); ok {
						near = append(near, b)
					}
					if a, _, ok := AnniversaryIn(c.Since, yy, rule); ok {
						near = append(near, a)
					}
				}
				if h, ok := HalfBirthdayIn(c.Birthday, yy); ok {
					near = append(near, h)
				}
				for _, o := range near {
					if n := d.Sub(o); n > -MinGiftDistance && n < MinGiftDistance {
						t.Errorf("%s: gift %s only %d days from an occasion on %s", c.Label(), d, n, o)
					}
				}
			}
		}
	}
}

// The gift depends on the customer and the year, not on the lead time or
// the 29-February option, and not on the row or the note.
func TestGiftIgnoresOptions(t *testing.T) {
	cs := testCustomers(200, 5)
	cs = append(cs, anna)
	gifts := func(o Options) map[string]civil.Date {
		events, err := Compute(cs, o)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]civil.Date{}
		for _, e := range find(events, Gift, Gift) {
			m[e.UID] = e.Start
		}
		return m
	}
	base := options(t, "2027-01-01", "2027-12-31")
	want := gifts(base)
	if len(want) != len(cs) {
		t.Fatalf("%d gifts for %d customers", len(want), len(cs))
	}
	other := base
	other.Feb29, other.LeadDays = Feb29OnMar1, 30
	got := gifts(other)
	for uid, d := range want {
		if got[uid] != d {
			t.Errorf("%s: %s with defaults, %s with other options", uid, d, got[uid])
		}
	}
	moved := anna
	moved.Line, moved.Note = 99, "anders"
	a, _ := GiftDay(anna, 2027, base.Holidays)
	b, _ := GiftDay(moved, 2027, base.Holidays)
	if a != b {
		t.Errorf("line and note moved the gift: %s → %s", a, b)
	}
}

// A year with every day a holiday has no gift day, and says so instead of
// looping or inventing one.
func TestGiftWithoutAllowedDay(t *testing.T) {
	all := HolidayFunc(func(string, civil.Date) bool { return true })
	if d, ok := GiftDay(anna, 2027, all); ok {
		t.Fatalf("gift on %s although every day is a holiday", d)
	}
	events, err := Compute([]customer.Customer{anna}, Options{From: day("2027-01-01"), To: day("2027-12-31"), Holidays: all, UIDDomain: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if g := find(events, Gift, Gift); len(g) != 0 {
		t.Errorf("gift events: %+v", g)
	}
}

// A customer whose own occasions close much of the year still gets a day,
// and the holiday data is asked with "DE" for a customer without region.
func TestGiftCrowdedCustomer(t *testing.T) {
	c := customer.Customer{Name: "Voll", Birthday: date(1970, 1, 25), Since: date(2010, 4, 20)}
	asked := map[string]bool{}
	hol := projectHolidays(t)
	spy := HolidayFunc(func(r string, d civil.Date) bool { asked[r] = true; return hol.IsHoliday(r, d) })
	for y := 2025; y <= 2030; y++ {
		if _, ok := GiftDay(c, y, spy); !ok {
			t.Errorf("%d: no gift day", y)
		}
	}
	if len(asked) != 1 || !asked["DE"] {
		t.Errorf("holidays asked for %v, want DE only", asked)
	}
}
