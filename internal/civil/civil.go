// Package civil is a calendar date without time or zone: the unit every
// occasion is computed in. It is a day count, so comparisons and day
// arithmetic are plain integer operations.
package civil

import (
	"fmt"
	"time"
)

// Date is a day of the proleptic Gregorian calendar, counted as days since
// 1970-01-01 (negative before). The zero value is 1970-01-01.
type Date int32

// Of returns the date y-m-d. Out-of-range days and months are normalised
// the way time.Date normalises them.
func Of(y int, m time.Month, d int) Date {
	return fromDays(daysFromCivil(y, int(m), d))
}

// Valid reports whether y-m-d names an existing day (no normalisation).
func Valid(y int, m time.Month, d int) bool {
	return m >= time.January && m <= time.December && d >= 1 && d <= DaysIn(y, m)
}

// FromTime returns the calendar date of t in t's location.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	return Of(y, m, d)
}

func fromDays(n int) Date { return Date(n) }

// daysFromCivil is Howard Hinnant's days_from_civil: days since 1970-01-01.
func daysFromCivil(y, m, d int) int {
	// Normalise month overflow first.
	y += (m - 1) / 12
	m = (m-1)%12 + 1
	if m <= 0 {
		m += 12
		y--
	}
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// YMD returns the year, month and day of d.
func (d Date) YMD() (int, time.Month, int) {
	z := int(d) + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, time.Month(m), day
}

// Month returns the month of d.
func (d Date) Month() time.Month { _, m, _ := d.YMD(); return m }

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.YMD(); return y }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	w := (int(d) + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// AddMonths returns d moved by n months, on the last day of the month when
// the day does not exist there (31 January + 1 month = 28 or 29 February).
func (d Date) AddMonths(n int) Date {
	y, m, day := d.YMD()
	k := y*12 + int(m) - 1 + n
	y, m = k/12, time.Month(k%12+1)
	return Of(y, m, min(day, DaysIn(y, m)))
}

// Sub returns the number of days from e to d.
func (d Date) Sub(e Date) int { return int(d - e) }

// String formats d as ISO 8601 (YYYY-MM-DD).
func (d Date) String() string {
	y, m, day := d.YMD()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), day)
}

// Compact formats d as YYYYMMDD (the iCalendar DATE form).
func (d Date) Compact() string {
	y, m, day := d.YMD()
	return fmt.Sprintf("%04d%02d%02d", y, int(m), day)
}

// Time returns midnight UTC of d.
func (d Date) Time() time.Time {
	y, m, day := d.YMD()
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}

// Parse reads an ISO date (YYYY-MM-DD) and rejects days that do not exist.
func Parse(s string) (Date, error) {
	var y, m, d int
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	if _, err := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); err != nil {
		return 0, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	if !Valid(y, time.Month(m), d) {
		return 0, fmt.Errorf("%s does not exist", s)
	}
	return Of(y, time.Month(m), d), nil
}

// IsLeap reports whether y is a Gregorian leap year.
func IsLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if IsLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// ISOWeek returns the ISO 8601 year and week number of d.
func (d Date) ISOWeek() (year, week int) { return d.Time().ISOWeek() }
