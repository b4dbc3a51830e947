package schedule

import (
	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/occasion"
)

// Window holds every occurrence of a build, computed once and shared by the
// site and the feeds.
type Window struct {
	From, To civil.Date   // inclusive
	Today    civil.Date   // the build's "today"
	All      []Occurrence // catalogue occasions, sorted by start, id
	Holidays []Occurrence // public holidays, sorted by start, id
	byID     map[string][]Occurrence
}

// FeedWindow returns the default feed window around today: 1 January of
// (today's year − before) to 31 December of (today's year + after).
func FeedWindow(today civil.Date, before, after int) (civil.Date, civil.Date) {
	y := today.Year()
	return civil.Of(y-before, 1, 1), civil.Of(y+after, 12, 31)
}

// Compute evaluates every occasion and holiday of the engine's catalog over [from, to].
func Compute(e *Engine, from, to, today civil.Date) (*Window, error) {
	w := &Window{From: from, To: to, Today: today, byID: map[string][]Occurrence{}}
	var err error
	if w.All, err = e.Range(e.cat.Occasions, from, to, nil); err != nil {
		return nil, err
	}
	if w.Holidays, err = e.Range(e.cat.Holidays, from, to, nil); err != nil {
		return nil, err
	}
	for _, list := range [][]Occurrence{w.All, w.Holidays} {
		for _, oc := range list {
			w.byID[oc.Occasion.ID] = append(w.byID[oc.Occasion.ID], oc)
		}
	}
	return w, nil
}

// Of returns the occurrences of one occasion in the window, by start date.
func (w *Window) Of(id string) []Occurrence { return w.byID[id] }

// Next returns up to n occurrences of id that have not ended before today.
func (w *Window) Next(id string, n int) []Occurrence {
	var out []Occurrence
	for _, oc := range w.byID[id] {
		if oc.End >= w.Today {
			out = append(out, oc)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// Upcoming returns catalogue occurrences that have not ended before today and
// start within the given number of days.
func (w *Window) Upcoming(days int, keep func(*occasion.Occasion) bool) []Occurrence {
	limit := w.Today.AddDays(days)
	var out []Occurrence
	for _, oc := range w.All {
		if oc.End >= w.Today && oc.Start <= limit && (keep == nil || keep(oc.Occasion)) {
			out = append(out, oc)
		}
	}
	return out
}

// InYear returns catalogue occurrences that start in year.
func (w *Window) InYear(year int) []Occurrence {
	var out []Occurrence
	for _, oc := range w.All {
		if oc.Start.Year() == year {
			out = append(out, oc)
		}
	}
	return out
}

// Years lists the calendar years the window covers.
func (w *Window) Years() []int {
	var ys []int
	for y := w.From.Year(); y <= w.To.Year(); y++ {
		ys = append(ys, y)
	}
	return ys
}
