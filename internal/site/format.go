package site

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
)

var (
	monthNames  = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	monthShort  = [...]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."}
	monthBadge  = [...]string{"Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"}
	weekdays    = [...]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"}
	weekdayAbbr = [...]string{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"}
)

// dateText: "14. März 2026".
func dateText(d civil.Date) string {
	y, m, day := d.YMD()
	return strconv.Itoa(day) + ". " + monthNames[m-1] + " " + strconv.Itoa(y)
}

// dateLong: "Samstag, 14. März 2026".
func dateLong(d civil.Date) string { return weekdays[d.Weekday()] + ", " + dateText(d) }

// dayMonth: "14. März".
func dayMonth(d civil.Date) string {
	_, m, day := d.YMD()
	return strconv.Itoa(day) + ". " + monthNames[m-1]
}

// spanText formats an occurrence: "14. März 2026", "11.–15. Mai 2026",
// "13. Feb. – 1. März 2026", "25. Dez. 2025 – 6. Jan. 2026".
func spanText(oc schedule.Occurrence) string {
	if oc.Start == oc.End {
		return dateText(oc.Start)
	}
	y1, m1, d1 := oc.Start.YMD()
	y2, m2, d2 := oc.End.YMD()
	switch {
	case y1 == y2 && m1 == m2:
		return strconv.Itoa(d1) + ".–" + strconv.Itoa(d2) + ". " + monthNames[m2-1] + " " + strconv.Itoa(y2)
	case y1 == y2:
		return strconv.Itoa(d1) + ". " + monthShort[m1-1] + " – " + strconv.Itoa(d2) + ". " + monthShort[m2-1] + " " + strconv.Itoa(y2)
	}
	return strconv.Itoa(d1) + ". " + monthShort[m1-1] + " " + strconv.Itoa(y1) + " – " + strconv.Itoa(d2) + ". " + monthShort[m2-1] + " " + strconv.Itoa(y2)
}

// spanLong is spanText with the weekday for one-day occurrences.
func spanLong(oc schedule.Occurrence) string {
	if oc.Start == oc.End {
		return dateLong(oc.Start)
	}
	return spanText(oc)
}

// relDays describes how far a day is from today: "heute", "morgen", "in 12 Tagen".
func relDays(today civil.Date, oc schedule.Occurrence) string {
	n := oc.Start.Sub(today)
	switch {
	case n < 0 && oc.End >= today:
		return "läuft bis " + dayMonth(oc.End)
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
	}
	return "in " + strconv.Itoa(n/365) + " Jahr" + map[bool]string{true: "", false: "en"}[n/365 == 1]
}

var funcs = template.FuncMap{
	"dateText":  dateText,
	"dateLong":  dateLong,
	"dayMonth":  dayMonth,
	"spanText":  spanText,
	"spanLong":  spanLong,
	"iso":       func(d civil.Date) string { return d.String() },
	"day":       func(d civil.Date) int { _, _, day := d.YMD(); return day },
	"monBadge":  func(d civil.Date) string { _, m, _ := d.YMD(); return monthBadge[m-1] },
	"wdAbbr":    func(d civil.Date) string { return weekdayAbbr[d.Weekday()] },
	"weekday":   func(d civil.Date) string { return weekdays[d.Weekday()] },
	"monthName": func(m time.Month) string { return monthNames[m-1] },
	"catLabel":  func(c occasion.Category) string { return c.Label() },
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	},
	"join":  strings.Join,
	"add":   func(a, b int) int { return a + b },
	"pc":    func(p *Page, v any) PC { return PC{Page: p, V: v} },
	"yes":   func(b *bool) bool { return b != nil && *b },
	"no":    func(b *bool) bool { return b != nil && !*b },
	"first": func(s string) string { r := []rune(s); return string(r[:min(1, len(r))]) },
}

// PC passes the page along with a value into a partial template: the page's
// link helpers stay available as .Occ, .Rel, ….
type PC struct {
	*Page
	V any
}
