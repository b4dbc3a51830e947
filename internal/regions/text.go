package regions

import (
	"fmt"
	"strings"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/region"
)

// German texts shared by the feeds, the region pages and `anlass list`.

// BridgeWord is what the region calls a Brückentag: Fenstertag in Austria.
func BridgeWord(r region.Region) string {
	if r.Country == "AT" {
		return "Fenstertag"
	}
	return "Brückentag"
}

// BridgeWordPlural is the plural of BridgeWord.
func BridgeWordPlural(r region.Region) string { return BridgeWord(r) + "e" }

// In is "in <name>" with the article German needs for the countries.
func In(r region.Region) string {
	switch r.Code {
	case "CH":
		return "in der Schweiz"
	}
	return "in " + r.Name
}

var weekdayShort = [...]string{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"}
var weekdayLong = [...]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"}

// Weekday is the German short weekday of d (Mo … So).
func Weekday(d civil.Date) string { return weekdayShort[d.Weekday()] }

// WeekdayLong is the German weekday of d (Montag … Sonntag).
func WeekdayLong(d civil.Date) string { return weekdayLong[d.Weekday()] }

// Date formats d as 14.05.2026.
func Date(d civil.Date) string {
	y, m, day := d.YMD()
	return fmt.Sprintf("%02d.%02d.%04d", day, int(m), y)
}

// Span formats an inclusive range of days: "14.05.–17.05.2026", or
// "24.12.2026–03.01.2027" across New Year, or one date.
func Span(from, to civil.Date) string {
	if from == to {
		return Date(from)
	}
	if from.Year() == to.Year() {
		return Date(from)[:6] + "–" + Date(to)
	}
	return Date(from) + "–" + Date(to)
}

// Summary is the holiday's title in calendars: its name, marked when it
// applies only in part of the region.
func (h Holiday) Summary() string {
	if h.Partial != "" {
		return h.Occasion.Name.De + " (teilweise)"
	}
	return h.Occasion.Name.De
}

// Where says in German where and how the holiday applies in r.
func (h Holiday) Where(r region.Region) string {
	switch {
	case h.Partial != "" && !h.DayOff():
		return "Nur in Teilen " + genitive(r) + " begangen, kein allgemein arbeitsfreier Feiertag: " + h.Partial + "."
	case h.Partial != "":
		return "Gesetzlicher Feiertag nur in Teilen " + genitive(r) + ": " + h.Partial + "."
	case !h.DayOff():
		return "Gedenk- oder Landesfeiertag " + In(r) + ", aber kein allgemein arbeitsfreier Tag."
	}
	return "Gesetzlicher Feiertag " + In(r) + "."
}

// genitive is "von Bayern", "der Schweiz" … as in "in Teilen von Bayern".
func genitive(r region.Region) string {
	if r.Code == "CH" {
		return "der Schweiz"
	}
	return "von " + r.Name
}

// Description is the plain-text body of the holiday's event.
func (h Holiday) Description(r region.Region, url string) string {
	parts := []string{h.Where(r)}
	if h.Occasion.Note != "" {
		parts = append(parts, h.Occasion.Note)
	}
	parts = append(parts, "Alle Feiertage und "+BridgeWordPlural(r)+" "+In(r)+": "+url)
	return strings.Join(parts, "\n\n")
}

// Summary is the Brückentag's title in calendars.
func (b Bridge) Summary(r region.Region) string {
	if b.Wide {
		return BridgeWord(r) + " (im weiteren Sinn)"
	}
	return BridgeWord(r)
}

// Between says what the Brückentag lies between, e.g. "zwischen Christi
// Himmelfahrt (Do 14.05.2026) und dem Wochenende".
func (b Bridge) Between(r *Region) string {
	return "zwischen " + r.offDay(b.Before) + " und " + r.offDay(b.After)
}

// offDay names a day off: its full holidays, or the weekend.
func (r *Region) offDay(d civil.Date) string {
	var names []string
	for _, h := range r.full[d] {
		names = append(names, h.Occasion.Name.De)
	}
	if len(names) == 0 {
		return "dem Wochenende"
	}
	return strings.Join(names, " und ") + " (" + Weekday(d) + " " + Date(d) + ")"
}

// Description is the plain-text body of the Brückentag's event.
func (b Bridge) Description(r *Region, url string) string {
	var first string
	if b.Wide {
		first = fmt.Sprintf("%s im weiteren Sinn %s: einer von zwei Arbeitstagen %s.", BridgeWord(r.Region), In(r.Region), b.Between(r))
	} else {
		first = fmt.Sprintf("%s %s: ein einzelner Arbeitstag %s.", BridgeWord(r.Region), In(r.Region), b.Between(r))
	}
	days := "einem Urlaubstag"
	if b.Wide {
		days = "zwei Urlaubstagen"
	}
	second := fmt.Sprintf("Mit %s %d freie Tage am Stück (%s %s – %s %s): viele Kunden sind nicht im Büro.",
		days, b.FreeDays(), Weekday(b.FreeFrom), Date(b.FreeFrom), Weekday(b.FreeTo), Date(b.FreeTo))
	return strings.Join([]string{first, second, "Alle Feiertage und " + BridgeWordPlural(r.Region) + " " + In(r.Region) + ": " + url}, "\n\n")
}

// IsHolidays reports whether the period is a holiday in the proper sense
// (Herbstferien, Sommerferien …) rather than a single day without lessons.
func (s SchoolStart) IsHolidays() bool {
	return strings.Contains(strings.ToLower(s.Period.Name), "ferien")
}

// Summary is the Ferienbeginn's title in calendars: "Ferienbeginn:
// Herbstferien Bayern", or for a single day without lessons its name and
// the state.
func (s SchoolStart) Summary() string {
	if s.IsHolidays() {
		return "Ferienbeginn: " + s.Period.Name + " " + s.State.Region.Name
	}
	return s.Period.Name + " (" + s.State.Region.Name + ")"
}

// Days is the number of days of the period.
func (s SchoolStart) Days() int { return s.Period.End.Sub(s.Period.Start) + 1 }

// Description is the plain-text body of the Ferienbeginn's event.
func (s SchoolStart) Description(url string) string {
	p := s.Period
	var parts []string
	if p.Start == p.End {
		parts = append(parts, fmt.Sprintf("%s in %s: %s %s, unterrichtsfrei.", p.Name, s.State.Region.Name, WeekdayLong(p.Start), Date(p.Start)))
	} else {
		parts = append(parts, fmt.Sprintf("%s in %s: %s %s bis %s %s (%d Tage).", p.Name, s.State.Region.Name,
			WeekdayLong(p.Start), Date(p.Start), WeekdayLong(p.End), Date(p.End), s.Days()))
	}
	parts = append(parts, "Familien mit Schulkindern sind jetzt oft im Urlaub; Termine können sich ändern – verbindlich ist das Kultusministerium.")
	if len(s.State.Sources) > 0 {
		src := s.State.Sources[0]
		parts = append(parts, "Quelle: "+src.Title+" – "+src.URL)
	}
	parts = append(parts, "Alle Ferientermine und Feiertage in "+s.State.Region.Name+": "+url)
	return strings.Join(parts, "\n\n")
}
