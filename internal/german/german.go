// Package german writes dates, weekdays and durations the way German readers
// expect them: "24.12.2026", "Donnerstag, 24. Dezember 2026", "in 3 Wochen".
// Pages, feeds, region texts and the CLI all use it, so a date reads the same
// everywhere.
package german

import (
	"strconv"
	"time"

	"github.com/anlass/anlass/internal/civil"
)

var (
	monthNames  = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	monthShort  = [...]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."}
	monthBadge  = [...]string{"Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"}
	weekdays    = [...]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"}
	weekdayAbbr = [...]string{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"}
)

// Month is the month's name: "März".
func Month(m time.Month) string { return monthNames[m-1] }

// MonthBadge is the month's three-letter abbreviation for date badges: "Mär".
func MonthBadge(m time.Month) string { return monthBadge[m-1] }

// Weekday is the weekday's name: "Montag".
func Weekday(d civil.Date) string { return weekdays[d.Weekday()] }

// WeekdayShort is the weekday's two-letter abbreviation: "Mo".
func WeekdayShort(d civil.Date) string { return weekdayAbbr[d.Weekday()] }

// Numeric formats d as 14.05.2026, the form of forms, tables and Excel.
func Numeric(d civil.Date) string {
	y, m, day := d.YMD()
	b := make([]byte, 0, 10)
	b = append2(b, day)
	b = append(b, '.')
	b = append2(b, int(m))
	b = append(b, '.')
	for p := 1000; p > 1 && y < p; p /= 10 {
		b = append(b, '0')
	}
	return string(strconv.AppendInt(b, int64(y), 10))
}

func append2(b []byte, n int) []byte {
	if n < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// Date formats d in words: "14. März 2026".
func Date(d civil.Date) string {
	y, m, day := d.YMD()
	return strconv.Itoa(day) + ". " + monthNames[m-1] + " " + strconv.Itoa(y)
}

// DateLong is Date with the weekday: "Samstag, 14. März 2026".
func DateLong(d civil.Date) string { return weekdays[d.Weekday()] + ", " + Date(d) }

// DayMonth is the day and month in words: "14. März".
func DayMonth(d civil.Date) string {
	_, m, day := d.YMD()
	return strconv.Itoa(day) + ". " + monthNames[m-1]
}

// Span formats an inclusive range in words: "14. März 2026",
// "11.–15. Mai 2026", "13. Feb. – 1. März 2026", "25. Dez. 2025 – 6. Jan. 2026".
func Span(from, to civil.Date) string {
	if from == to {
		return Date(from)
	}
	y1, m1, d1 := from.YMD()
	y2, m2, d2 := to.YMD()
	switch {
	case y1 == y2 && m1 == m2:
		return strconv.Itoa(d1) + ".–" + strconv.Itoa(d2) + ". " + monthNames[m2-1] + " " + strconv.Itoa(y2)
	case y1 == y2:
		return strconv.Itoa(d1) + ". " + monthShort[m1-1] + " – " + strconv.Itoa(d2) + ". " + monthShort[m2-1] + " " + strconv.Itoa(y2)
	}
	return strconv.Itoa(d1) + ". " + monthShort[m1-1] + " " + strconv.Itoa(y1) + " – " + strconv.Itoa(d2) + ". " + monthShort[m2-1] + " " + strconv.Itoa(y2)
}

// SpanLong is Span with the weekday when the range is one day.
func SpanLong(from, to civil.Date) string {
	if from == to {
		return DateLong(from)
	}
	return Span(from, to)
}

// Until says how far the range [from, to] is from today: "heute", "morgen",
// "in 12 Tagen", "läuft bis 6. Januar", "vorbei".
func Until(today, from, to civil.Date) string {
	n := from.Sub(today)
	switch {
	case n < 0 && to >= today:
		return "läuft bis " + DayMonth(to)
	case n < 0:
		return "vorbei"
	case n == 0:
		return "heute"
	case n == 1:
		return "morgen"
	case n < 14:
		return "in " + strconv.Itoa(n) + " Tagen"
	case n < 60:
		return "in " + strconv.Itoa(n/7) + " Wochen"
	case n < 365:
		return "in " + strconv.Itoa(n/30) + " Monaten"
	case n/365 == 1:
		return "in 1 Jahr"
	}
	return "in " + strconv.Itoa(n/365) + " Jahren"
}

// Days renders a number of days, in weeks where even: "1 Tag", "10 Tage",
// "1 Woche", "3 Wochen".
func Days(days int) string {
	switch {
	case days == 1:
		return "1 Tag"
	case days%7 == 0 && days >= 7:
		if days == 7 {
			return "1 Woche"
		}
		return strconv.Itoa(days/7) + " Wochen"
	default:
		return strconv.Itoa(days) + " Tage"
	}
}
