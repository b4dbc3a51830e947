// Package regiondays puts together what matters for one state or canton: its
// public holidays, its Brückentage (in Austria: Fenstertage) and, for the
// German states, the start of each school holiday period (Ferienbeginn).
//
// Everything is derived from holiday occurrences computed once per build
// (schedule.Window) and from the school holiday data; no rule is evaluated
// here. The definitions are documented in docs/regions.md.
package regiondays

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/parallel"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/schoolholidays"
)

// Margin is how many days beyond the reported range the holidays passed to
// New must cover: deciding whether a day is a Brückentag looks two days
// either way, and describing the free days around it up to a week.
const Margin = 7

// Holiday is a public holiday as it applies in one region.
type Holiday struct {
	schedule.Occurrence
	// Partial says where the holiday applies when it applies only in part of
	// the region; empty when it applies in the whole region.
	Partial string
}

// DayOff reports whether the holiday is a general day off (false for the
// Austrian patron saints' days, which are school holidays only).
func (h Holiday) DayOff() bool { return h.Occasion.DayOff }

// Full reports whether the whole region has the day off: only such holidays
// make Brückentage.
func (h Holiday) Full() bool { return h.Partial == "" && h.Occasion.DayOff }

// Bridge is a Brückentag: a working day between days off.
type Bridge struct {
	Date civil.Date
	// Wide marks the wider sense: one of two working days between days off
	// (for example Monday and Tuesday before a Wednesday holiday).
	Wide bool
	// Before and After are the days off next to the working day (or to the
	// pair of working days, in the wide sense).
	Before, After civil.Date
	// FreeFrom and FreeTo span the days off in a row a person gets by taking
	// the working day(s) off, both inclusive.
	FreeFrom, FreeTo civil.Date
	// Holidays are the full holidays within that span.
	Holidays []Holiday
}

// WorkDays is the number of working days to take off: 1, or 2 in the wide sense.
func (b Bridge) WorkDays() int {
	if b.Wide {
		return 2
	}
	return 1
}

// FreeDays is the number of days off in a row when the working days are taken off.
func (b Bridge) FreeDays() int { return b.FreeTo.Sub(b.FreeFrom) + 1 }

// SchoolStart is the first day of a school holiday period.
type SchoolStart struct {
	Date   civil.Date
	Period schoolholidays.Period
	State  *schoolholidays.State
}

// Region is one region's days in a range.
type Region struct {
	regioncode.Region
	From, To     civil.Date    // the reported range, inclusive
	Holidays     []Holiday     // starting in [From, To], by date then id
	Bridges      []Bridge      // in [From, To], by date
	SchoolStarts []SchoolStart // in [From, To], by date (German states only)
	School       *schoolholidays.State
	// KnownFrom is the first day for which the region's public holidays are
	// known (regioncode.HolidaysFrom). Before it the region has no holidays,
	// Brückentage or Ferienbeginn: nothing is guessed.
	KnownFrom civil.Date

	full   map[civil.Date][]Holiday // full holidays over the known range
	known  [2]civil.Date            // the range the holidays were given for
	byDate map[civil.Date][]Holiday // all holidays over the known range
}

// Book holds every region's days for one range, computed once.
type Book struct {
	From, To civil.Date
	all      []*Region
	byCode   map[string]*Region
}

// New computes every region (countries, states and cantons) over [from, to].
// holidays must hold every public holiday occurrence overlapping
// [from−Margin, to+Margin] (extra ones are ignored); school may be nil.
func New(holidays []schedule.Occurrence, school []*schoolholidays.State, from, to civil.Date) *Book {
	b := &Book{From: from, To: to, byCode: map[string]*Region{}}
	states := map[string]*schoolholidays.State{}
	for _, s := range school {
		states[s.Region.Code] = s
	}
	all := regioncode.All()
	regs := make([]*Region, len(all))
	_ = parallel.Each(len(all), func(i int) error { // the regions are independent; none fails
		regs[i] = newRegion(all[i], holidays, from, to)
		return nil
	})
	for i, r := range all {
		reg := regs[i]
		if s := states[r.Code]; s != nil {
			reg.School = s
			for _, p := range s.Periods {
				if p.Start >= max(from, reg.KnownFrom) && p.Start <= to {
					reg.SchoolStarts = append(reg.SchoolStarts, SchoolStart{Date: p.Start, Period: p, State: s})
				}
			}
		}
		b.all = append(b.all, reg)
		b.byCode[r.Code] = reg
	}
	return b
}

// FromWindow computes the book over a build's window: the window's holiday
// occurrences, plus the few days beyond its edges that Brückentage at the
// edges depend on (computed once, by the same engine).
// ForWindow is FromWindow for callers that cannot act on an error: only the
// few days beyond the window's edges can fail (the window itself was computed
// without error, and `anlass check` evaluates every rule in every year);
// without them a Brückentag on the window's first or last days can be
// missed, never invented.
func ForWindow(e *schedule.Engine, w *schedule.Window, school []*schoolholidays.State) *Book {
	book, err := FromWindow(e, w, school)
	if err != nil {
		book = New(w.Holidays, school, w.From, w.To)
	}
	return book
}

func FromWindow(e *schedule.Engine, w *schedule.Window, school []*schoolholidays.State) (*Book, error) {
	hol, err := withMargin(e, w.Holidays, w.From, w.To)
	if err != nil {
		return nil, err
	}
	return New(hol, school, w.From, w.To), nil
}

// ForRange computes the book over [from, to] directly from the engine, for
// callers without a window (anlass list, tests).
func ForRange(e *schedule.Engine, school []*schoolholidays.State, from, to civil.Date) (*Book, error) {
	lo, hi := civil.Of(occasion.MinYear, 1, 1), civil.Of(occasion.MaxYear, 12, 31)
	hol, err := e.Range(e.Catalog().Holidays, max(from.AddDays(-Margin), lo), min(to.AddDays(Margin), hi), nil)
	if err != nil {
		return nil, err
	}
	return New(hol, school, from, to), nil
}

// withMargin adds the holidays within Margin days before from and after to.
func withMargin(e *schedule.Engine, inside []schedule.Occurrence, from, to civil.Date) ([]schedule.Occurrence, error) {
	out := slices.Clone(inside)
	seen := map[string]bool{}
	for _, oc := range inside {
		seen[fmt.Sprint(oc.Occasion.ID, oc.Year)] = true
	}
	lo, hi := civil.Of(occasion.MinYear, 1, 1), civil.Of(occasion.MaxYear, 12, 31)
	for _, span := range [][2]civil.Date{{max(from.AddDays(-Margin), lo), from.AddDays(-1)}, {to.AddDays(1), min(to.AddDays(Margin), hi)}} {
		if span[0] > span[1] {
			continue
		}
		extra, err := e.Range(e.Catalog().Holidays, span[0], span[1], nil)
		if err != nil {
			return nil, err
		}
		for _, oc := range extra {
			if k := fmt.Sprint(oc.Occasion.ID, oc.Year); !seen[k] {
				seen[k] = true
				out = append(out, oc)
			}
		}
	}
	schedule.Sort(out)
	return out, nil
}

// Get returns the region with code (case-insensitive), or nil.
func (b *Book) Get(code string) *Region {
	r, ok := regioncode.Lookup(code)
	if !ok {
		return nil
	}
	return b.byCode[r.Code]
}

// Subdivisions returns every state and canton, in regioncode.All's order: the
// regions that get a feed and a page.
func (b *Book) Subdivisions() []*Region {
	var out []*Region
	for _, r := range b.all {
		if !r.IsCountry() {
			out = append(out, r)
		}
	}
	return out
}

// All returns every region including the countries.
func (b *Book) All() []*Region { return slices.Clone(b.all) }

// HolidayDays returns, for every region of the book by its code, the days
// in [from, to] that are a public holiday there, in the whole region or in
// part of it, a day off or not, in date order: the days a customer's
// Geschenk-ohne-Grund avoids.
func (b *Book) HolidayDays(from, to civil.Date) map[string][]civil.Date {
	out := make(map[string][]civil.Date, len(b.all))
	for _, r := range b.all {
		var days []civil.Date
		for _, h := range r.Holidays {
			for d := max(h.Start, from); d <= min(h.End, to); d++ {
				days = append(days, d)
			}
		}
		slices.Sort(days)
		out[r.Code] = slices.Compact(days)
	}
	return out
}

func newRegion(r regioncode.Region, holidays []schedule.Occurrence, from, to civil.Date) *Region {
	knownFrom := regioncode.HolidaysFrom(r)
	reg := &Region{Region: r, From: from, To: to, KnownFrom: knownFrom, full: map[civil.Date][]Holiday{}, byDate: map[civil.Date][]Holiday{},
		known: [2]civil.Date{max(from.AddDays(-Margin), knownFrom), to.AddDays(Margin)}}
	for _, oc := range holidays {
		h, ok := holidayIn(oc, r)
		if !ok || oc.Start < knownFrom {
			continue
		}
		for d := oc.Start; d <= oc.End; d++ {
			reg.byDate[d] = append(reg.byDate[d], h)
			if h.Full() {
				reg.full[d] = append(reg.full[d], h)
			}
		}
		if oc.Start >= from && oc.Start <= to {
			reg.Holidays = append(reg.Holidays, h)
		}
	}
	slices.SortFunc(reg.Holidays, func(a, b Holiday) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), strings.Compare(a.Occasion.ID, b.Occasion.ID))
	})
	reg.Bridges = reg.bridges(from, to)
	return reg
}

// holidayIn tells whether a holiday occurrence applies in r, and how: the
// entry of its regions that covers r in the occurrence's year.
func holidayIn(oc schedule.Occurrence, r regioncode.Region) (Holiday, bool) {
	for _, ref := range oc.Occasion.Regions {
		if regioncode.Covers(ref.Code, r) && ref.In(oc.Year) {
			return Holiday{Occurrence: oc, Partial: ref.Partial}, true
		}
	}
	return Holiday{}, false
}

// Unknown reports whether the region's range begins before KnownFrom, so
// that part of it shows no holidays, Brückentage or Ferienbeginn.
func (r *Region) Unknown() bool { return r.From < r.KnownFrom }

// UnknownNote says in a sentence (for `anlass list` on stderr) that the
// region's holidays are known only from KnownFrom on; "" when the whole range
// is known.
func (r *Region) UnknownNote() string {
	if !r.Unknown() {
		return ""
	}
	return fmt.Sprintf("public holidays of %s (%s) are known from %s on: before that day no holidays, %s or school holidays are shown for it",
		r.Name, r.Code, r.KnownFrom, BridgeWordPlural(r.Region))
}

// HolidaysOn returns the holidays (full, partial or not a day off) on d; d
// must lie within the range the book was computed for (plus Margin).
func (r *Region) HolidaysOn(d civil.Date) []Holiday { return r.byDate[d] }

// IsOff reports whether d is a day off in the whole region: a Saturday, a
// Sunday or a full public holiday (not partial, a day off).
func (r *Region) IsOff(d civil.Date) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday || len(r.full[d]) > 0
}

// IsWorkday is the opposite of IsOff: Monday to Friday and not a full holiday.
func (r *Region) IsWorkday(d civil.Date) bool { return !r.IsOff(d) }

// bridges finds the Brückentage in [from, to]:
//
//   - narrow sense: a working day whose day before and day after are both off;
//   - wide sense: each of two consecutive working days whose day before the
//     first and day after the second are both off.
//
// A day is judged only when the two days before it are known (not before
// KnownFrom): an unknown holiday there could change the answer.
func (r *Region) bridges(from, to civil.Date) []Bridge {
	var out []Bridge
	for d := max(from, r.KnownFrom.AddDays(2)); d <= to; d++ {
		if !r.IsWorkday(d) {
			continue
		}
		switch {
		case r.IsOff(d-1) && r.IsOff(d+1):
			out = append(out, r.bridge(d, d, d, false))
		case r.IsOff(d-1) && r.IsWorkday(d+1) && r.IsOff(d+2):
			out = append(out, r.bridge(d, d, d+1, true))
		case r.IsOff(d-2) && r.IsWorkday(d-1) && r.IsOff(d+1):
			out = append(out, r.bridge(d, d-1, d, true))
		}
	}
	return out
}

// bridge describes the Brückentag d, one of the working days first … last.
func (r *Region) bridge(d, first, last civil.Date, wide bool) Bridge {
	b := Bridge{Date: d, Wide: wide, Before: first - 1, After: last + 1}
	b.FreeFrom, b.FreeTo = first, last
	for b.FreeFrom-1 >= r.known[0] && r.IsOff(b.FreeFrom-1) {
		b.FreeFrom--
	}
	for b.FreeTo+1 <= r.known[1] && r.IsOff(b.FreeTo+1) {
		b.FreeTo++
	}
	for day := b.FreeFrom; day <= b.FreeTo; day++ {
		b.Holidays = append(b.Holidays, r.full[day]...)
	}
	return b
}

// HolidaysIn returns the region's holidays starting in year.
func (r *Region) HolidaysIn(year int) []Holiday {
	return inYear(r.Holidays, year, func(h Holiday) civil.Date { return h.Start })
}

// BridgesIn returns the region's Brückentage in year.
func (r *Region) BridgesIn(year int) []Bridge {
	return inYear(r.Bridges, year, func(b Bridge) civil.Date { return b.Date })
}

// SchoolStartsIn returns the region's Ferienbeginn days in year.
func (r *Region) SchoolStartsIn(year int) []SchoolStart {
	return inYear(r.SchoolStarts, year, func(s SchoolStart) civil.Date { return s.Date })
}

// inYear returns the days of xs whose date lies in year, in their order.
func inYear[T any](xs []T, year int, date func(T) civil.Date) []T {
	var out []T
	for _, x := range xs {
		if date(x).Year() == year {
			out = append(out, x)
		}
	}
	return out
}
