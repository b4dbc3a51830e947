package regiondays

import (
	"fmt"
	"strings"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/regioncode"
)

// German texts shared by the feeds, the region pages and `anlass list`.

// BridgeWord is what the region calls a Brückentag: Fenstertag in Austria.
func BridgeWord(r regioncode.Region) string {
	if r.Country == "AT" {
		return "Fenstertag"
	}
	return "Brückentag"
}

// BridgeWordPlural is the plural of BridgeWord.
func BridgeWordPlural(r regioncode.Region) string { return BridgeWord(r) + "e" }

// In is "in <name>" with the article German needs for the countries.
func In(r regioncode.Region) string {
	switch r.Code {
	case "CH":
		return "in der Schweiz"
	}
	return "in " + r.Name
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
func (h Holiday) Where(r regioncode.Region) string {
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
func genitive(r regioncode.Region) string {
	if r.Code == "CH" {
		return "der Schweiz"
	}
	return "von " + r.Name
}

// Description is the plain-text body of the holiday's event.
func (h Holiday) Description(r regioncode.Region, url string) string {
	parts := []string{h.Where(r)}
	if h.Occasion.Note != "" {
		parts = append(parts, h.Occasion.Note)
	}
	parts = append(parts, "Alle Feiertage und "+BridgeWordPlural(r)+" "+In(r)+": "+url)
	return strings.Join(parts, "\n\n")
}

// Summary is the Brückentag's title in calendars.
func (b Bridge) Summary(r regioncode.Region) string {
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
	return strings.Join(names, " und ") + " (" + german.WeekdayShort(d) + " " + german.Numeric(d) + ")"
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
		days, b.FreeDays(), german.WeekdayShort(b.FreeFrom), german.Numeric(b.FreeFrom), german.WeekdayShort(b.FreeTo), german.Numeric(b.FreeTo))
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
		parts = append(parts, fmt.Sprintf("%s in %s: %s %s, unterrichtsfrei.", p.Name, s.State.Region.Name, german.Weekday(p.Start), german.Numeric(p.Start)))
	} else {
		parts = append(parts, fmt.Sprintf("%s in %s: %s %s bis %s %s (%d Tage).", p.Name, s.State.Region.Name,
			german.Weekday(p.Start), german.Numeric(p.Start), german.Weekday(p.End), german.Numeric(p.End), s.Days()))
	}
	parts = append(parts, "Familien mit Schulkindern sind jetzt oft im Urlaub; Termine können sich ändern – verbindlich ist das Kultusministerium.")
	if len(s.State.Sources) > 0 {
		src := s.State.Sources[0]
		parts = append(parts, "Quelle: "+src.Title+" – "+src.URL)
	}
	parts = append(parts, "Alle Ferientermine und Feiertage in "+s.State.Region.Name+": "+url)
	return strings.Join(parts, "\n\n")
}
