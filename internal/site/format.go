package site

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/anlass/anlass/internal/calendar"
	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
)

var funcs = template.FuncMap{
	"dateText":  german.Date,
	"dateLong":  german.DateLong,
	"dayMonth":  german.DayMonth,
	"spanText":  func(oc schedule.Occurrence) string { return german.Span(oc.Start, oc.End) },
	"spanLong":  func(oc schedule.Occurrence) string { return german.SpanLong(oc.Start, oc.End) },
	"iso":       func(d civil.Date) string { return d.String() },
	"day":       func(d civil.Date) int { _, _, day := d.YMD(); return day },
	"monBadge":  func(d civil.Date) string { _, m, _ := d.YMD(); return german.MonthBadge(m) },
	"wdAbbr":    german.WeekdayShort,
	"weekday":   german.Weekday,
	"monthName": german.Month,
	"leadTime":  func(o *occasion.Occasion) string { return german.Days(o.LeadDays) },
	"prepDay":   calendar.PrepDay,
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
