package german

import (
	"testing"

	"github.com/anlass/anlass/internal/civil"
)

func d(s string) civil.Date {
	v, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestFormats(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{Numeric(d("2026-05-04")), "04.05.2026"},
		{Numeric(d("1583-12-31")), "31.12.1583"},
		{Date(d("2026-03-14")), "14. März 2026"},
		{DateLong(d("2026-03-14")), "Samstag, 14. März 2026"},
		{DayMonth(d("2026-01-06")), "6. Januar"},
		{Span(d("2026-05-11"), d("2026-05-15")), "11.–15. Mai 2026"},
		{Span(d("2026-02-13"), d("2026-03-01")), "13. Feb. – 1. März 2026"},
		{Span(d("2025-12-25"), d("2026-01-06")), "25. Dez. 2025 – 6. Jan. 2026"},
		{SpanLong(d("2026-12-24"), d("2026-12-24")), "Donnerstag, 24. Dezember 2026"},
		{Weekday(d("2026-12-05")), "Samstag"},
		{WeekdayShort(d("2026-12-07")), "Mo"},
		{Month(12), "Dezember"},
		{MonthBadge(3), "Mär"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestUntil(t *testing.T) {
	today := d("2026-12-05")
	for _, tc := range []struct {
		from, to, want string
	}{
		{"2026-12-05", "2026-12-05", "heute"},
		{"2026-12-06", "2026-12-06", "morgen"},
		{"2026-12-18", "2026-12-18", "in 13 Tagen"},
		{"2026-12-19", "2026-12-19", "in 2 Wochen"},
		{"2027-02-03", "2027-02-03", "in 2 Monaten"},
		{"2027-12-05", "2027-12-05", "in 1 Jahr"},
		{"2028-12-05", "2028-12-05", "in 2 Jahren"},
		{"2026-12-01", "2026-12-31", "läuft bis 31. Dezember"},
		{"2026-12-01", "2026-12-04", "vorbei"},
	} {
		if got := Until(today, d(tc.from), d(tc.to)); got != tc.want {
			t.Errorf("Until(%s, %s, %s) = %q, want %q", today, tc.from, tc.to, got, tc.want)
		}
	}
}

func TestDays(t *testing.T) {
	for n, want := range map[int]string{1: "1 Tag", 2: "2 Tage", 7: "1 Woche", 10: "10 Tage", 21: "3 Wochen", 0: "0 Tage"} {
		if got := Days(n); got != want {
			t.Errorf("Days(%d) = %q, want %q", n, got, want)
		}
	}
}
