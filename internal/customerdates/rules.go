package customerdates

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/customer"
)

// Feb29 says where a yearly date on 29 February falls in common years.
type Feb29 int

const (
	Feb29OnFeb28 Feb29 = iota // on 28 February: still in the birthday's month (the default)
	Feb29OnMar1               // on 1 March: the day after 28 February, as some people count
)

// ParseFeb29 reads the --29feb option: "02-28" or "03-01".
func ParseFeb29(s string) (Feb29, error) {
	switch strings.TrimSpace(s) {
	case "02-28", "":
		return Feb29OnFeb28, nil
	case "03-01":
		return Feb29OnMar1, nil
	}
	return 0, fmt.Errorf("%q: expected 02-28 or 03-01", s)
}

// ParseLead reads a lead time: a number of days ("14", "10d", "10t") or
// weeks ("3w"); 0 means no preparation events. At most a year.
func ParseLead(s string) (int, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	unit := 1
	switch {
	case strings.HasSuffix(t, "w"):
		unit, t = 7, t[:len(t)-1]
	case strings.HasSuffix(t, "d"), strings.HasSuffix(t, "t"):
		t = t[:len(t)-1]
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 || t == "" || t[0] == '+' || t[0] == '-' {
		return 0, fmt.Errorf("%q: expected days or weeks such as 14d, 10d or 3w", s)
	}
	if n*unit > 366 {
		return 0, fmt.Errorf("%q: at most a year (366d)", s)
	}
	return n * unit, nil
}

// Yearly returns the day a yearly date (month m, day d) falls on in year:
// the same day, except that 29 February falls on 28 February or 1 March in
// common years, as rule says. shifted reports that it moved.
func Yearly(year int, m time.Month, d int, rule Feb29) (day civil.Date, shifted bool) {
	if m == time.February && d == 29 && !civil.IsLeap(year) {
		if rule == Feb29OnMar1 {
			return civil.Of(year, time.March, 1), true
		}
		return civil.Of(year, time.February, 28), true
	}
	return civil.Of(year, m, d), false
}

// BirthdayIn returns the customer's birthday in year and the age reached
// on it (0 when the year of birth is unknown). There is none in the year of
// birth or before.
func BirthdayIn(b customer.Date, year int, rule Feb29) (day civil.Date, age int, ok bool) {
	if b.IsZero() || (b.HasYear() && year <= b.Year) {
		return 0, 0, false
	}
	day, _ = Yearly(year, b.Month, b.Day, rule)
	if b.HasYear() {
		age = year - b.Year
	}
	return day, age, true
}

// HalfBirthdayIn returns the half birthday in year: six months after the
// real date of birth, on the same day, or on the last day of the month
// where that day does not exist (31 August → 28 or 29 February, 31 March →
// 30 September, 29 February → 29 August). The 29 February rule of
// birthdays does not apply: the half birthday counts from the day of birth
// itself. Each calendar year has exactly one: from that year's birthday
// (January–June births) or from last year's (July–December births).
//
// A birthday without a year still has half birthdays; only the first one
// (six months after the birth) cannot be told, so every year has one.
// With a year, the first half birthday is the one six months after birth.
func HalfBirthdayIn(b customer.Date, year int) (civil.Date, bool) {
	if b.IsZero() {
		return 0, false
	}
	from, m := year, b.Month+6
	if b.Month > 6 {
		from, m = year-1, b.Month-6
	}
	if b.HasYear() && from < b.Year {
		return 0, false
	}
	return civil.Of(year, m, min(b.Day, civil.DaysIn(year, m))), true
}

// AnniversaryIn returns the day the customer has been a customer for a
// whole number of years in year, and that number (1 or more).
func AnniversaryIn(since customer.Date, year int, rule Feb29) (day civil.Date, years int, ok bool) {
	if since.IsZero() || !since.HasYear() || year <= since.Year {
		return 0, 0, false
	}
	day, _ = Yearly(year, since.Month, since.Day, rule)
	return day, year - since.Year, true
}

// Round reports whether an anniversary is a round one: the first, and
// every fifth (5, 10, 15, 20, 25 …).
func Round(years int) bool { return years == 1 || (years > 0 && years%5 == 0) }
