package civil

import (
	"testing"
	"time"
)

// The day count, weekday and ISO week agree with the standard library for
// every day from 1583 to 3000.
func TestAgreesWithTimePackage(t *testing.T) {
	start := time.Date(1583, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(3000, 12, 31, 0, 0, 0, 0, time.UTC)
	d := Of(1583, time.January, 1)
	for tm := start; !tm.After(end); tm = tm.AddDate(0, 0, 1) {
		y, m, day := d.YMD()
		if y != tm.Year() || m != tm.Month() || day != tm.Day() {
			t.Fatalf("%v: got %04d-%02d-%02d", tm, y, m, day)
		}
		if d.Weekday() != tm.Weekday() {
			t.Fatalf("%v: weekday %v, want %v", tm, d.Weekday(), tm.Weekday())
		}
		if got := int64(d) * 86400; got != tm.Unix() {
			t.Fatalf("%v: day count %d", tm, d)
		}
		if FromTime(tm) != d {
			t.Fatalf("FromTime(%v) = %v", tm, FromTime(tm))
		}
		d = d.AddDays(1)
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"2024-02-29", "2024-02-29", true},
		{"2023-02-29", "", false},
		{"2023-13-01", "", false},
		{"2023-1-01", "", false},
		{"abcd-ef-gh", "", false},
		{"1583-01-01", "1583-01-01", true},
	} {
		d, err := Parse(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("Parse(%q) error = %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if tc.ok && d.String() != tc.want {
			t.Errorf("Parse(%q) = %s", tc.in, d)
		}
	}
}

func TestLeapAndDaysIn(t *testing.T) {
	for y := 1583; y <= 3000; y++ {
		feb := time.Date(y, 3, 0, 0, 0, 0, 0, time.UTC).Day()
		if DaysIn(y, time.February) != feb || IsLeap(y) != (feb == 29) {
			t.Fatalf("%d: DaysIn=%d IsLeap=%v, time says %d", y, DaysIn(y, time.February), IsLeap(y), feb)
		}
	}
}

func TestAddMonths(t *testing.T) {
	for _, tc := range []struct {
		d    Date
		n    int
		want Date
	}{
		{Of(2026, 12, 5), 12, Of(2027, 12, 5)},
		{Of(2027, 1, 31), 1, Of(2027, 2, 28)},
		{Of(2028, 1, 31), 1, Of(2028, 2, 29)},
		{Of(2028, 2, 29), 12, Of(2029, 2, 28)},
		{Of(2026, 3, 31), -1, Of(2026, 2, 28)},
		{Of(2026, 1, 15), -1, Of(2025, 12, 15)},
		{Of(2026, 11, 30), 3, Of(2027, 2, 28)},
	} {
		if got := tc.d.AddMonths(tc.n); got != tc.want {
			t.Errorf("%s + %d months = %s, want %s", tc.d, tc.n, got, tc.want)
		}
	}
}
