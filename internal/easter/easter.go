// Package easter computes Easter Sunday, Western (Gregorian) and Orthodox
// (Julian computus), as Gregorian calendar dates.
package easter

import (
	"time"

	"github.com/anlass/anlass/internal/civil"
)

// Western returns Easter Sunday of the Gregorian calendar in year y
// (the "anonymous Gregorian algorithm", Meeus, Astronomical Algorithms ch. 8).
func Western(y int) civil.Date {
	a := y % 19
	b := y / 100
	c := y % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return civil.Of(y, time.Month(month), day)
}

// Orthodox returns Easter Sunday as the Orthodox churches compute it (the
// Julian computus), converted to the Gregorian calendar. The distance between
// the calendars grows by one day in 2100, 2200, 2300, 2500, …, so this is a
// real calendar conversion rather than a fixed +13 days.
func Orthodox(y int) civil.Date {
	a := y % 4
	b := y % 7
	c := y % 19
	d := (19*c + 15) % 30
	e := (2*a + 4*b - d + 34) % 7
	month := (d + e + 114) / 31
	day := (d+e+114)%31 + 1
	return fromJulianCalendar(y, month, day)
}

// fromJulianCalendar converts a Julian-calendar date to a civil (Gregorian) date
// through the Julian Day Number.
func fromJulianCalendar(y, m, d int) civil.Date {
	a := (14 - m) / 12
	yy := y + 4800 - a
	mm := m + 12*a - 3
	jdn := d + (153*mm+2)/5 + 365*yy + yy/4 - 32083
	const jdnOf1970 = 2440588
	return civil.Date(jdn - jdnOf1970)
}
