package kundenkalender

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/customerdates"
)

// Holidays are the public holidays of every region for the years From–To,
// as the Geschenk-ohne-Grund days avoid them. The CLI makes them from the
// project's holiday data; the build writes them for the page as
// kundenkalender/feiertage.json (MarshalJSON), so that the page needs
// nothing else once it is open.
type Holidays struct {
	From, To int // years
	days     map[string]map[civil.Date]bool
}

var _ customerdates.Holidays = Holidays{}

// NewHolidays takes the days of each region (regiondays.Book.HolidayDays)
// for the years from–to.
func NewHolidays(from, to int, byRegion map[string][]civil.Date) Holidays {
	h := Holidays{From: from, To: to, days: make(map[string]map[civil.Date]bool, len(byRegion))}
	for code, days := range byRegion {
		set := make(map[civil.Date]bool, len(days))
		for _, d := range days {
			set[d] = true
		}
		h.days[code] = set
	}
	return h
}

// IsHoliday reports whether d is a public holiday in region. A region the
// data does not know counts as Germany (customerdates.DefaultRegion).
func (h Holidays) IsHoliday(region string, d civil.Date) bool {
	set, ok := h.days[region]
	if !ok {
		set = h.days[customerdates.DefaultRegion]
	}
	return set[d]
}

// holidaysJSON is the file form: {"von": 2025, "bis": 2030, "tage":
// {"DE-BY": ["2025-01-01", …], …}}.
type holidaysJSON struct {
	From int                 `json:"von"`
	To   int                 `json:"bis"`
	Days map[string][]string `json:"tage"`
}

// MarshalJSON writes the holidays as the page reads them; region keys and
// days come sorted, so the file is the same for the same data.
func (h Holidays) MarshalJSON() ([]byte, error) {
	j := holidaysJSON{From: h.From, To: h.To, Days: make(map[string][]string, len(h.days))}
	for code, set := range h.days {
		days := make([]civil.Date, 0, len(set))
		for d := range set {
			days = append(days, d)
		}
		slices.Sort(days)
		s := make([]string, len(days))
		for i, d := range days {
			s[i] = d.String()
		}
		j.Days[code] = s
	}
	return json.Marshal(j) // sorts the map's keys
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (h *Holidays) UnmarshalJSON(data []byte) error {
	var j holidaysJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	if j.From == 0 || j.To < j.From {
		return fmt.Errorf("holiday data without years")
	}
	byRegion := make(map[string][]civil.Date, len(j.Days))
	for code, days := range j.Days {
		for _, s := range days {
			d, err := civil.Parse(s)
			if err != nil {
				return fmt.Errorf("holiday data: %s: %v", code, err)
			}
			byRegion[code] = append(byRegion[code], d)
		}
	}
	*h = NewHolidays(j.From, j.To, byRegion)
	return nil
}
