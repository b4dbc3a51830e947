// Package schedule computes occurrences: which days each occasion falls on in
// a range of years. It is the single place dates are computed; the site, the
// feeds and `anlass list` all read its results.
package schedule

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/rule"
)

// Occurrence is one occasion on one day or span. Year is the year the rule
// was evaluated for (a span crossing New Year belongs to the year it starts in).
type Occurrence struct {
	Occasion *occasion.Occasion
	Year     int
	Start    civil.Date
	End      civil.Date // inclusive
}

// Days is the number of days the occurrence covers.
func (o Occurrence) Days() int { return o.End.Sub(o.Start) + 1 }

// PrepareFrom is the day preparing should start: the occasion's lead time
// before the first day.
func (o Occurrence) PrepareFrom() civil.Date { return o.Start.AddDays(-o.Occasion.LeadDays) }

// Engine evaluates rules, resolving references between occasions and
// remembering results, so every occurrence is computed once.
type Engine struct {
	cat  *occasion.Catalog
	memo map[key]result
	// refsOnly remembers only the occasions reached through @references,
	// not those asked for directly (see Validate).
	refsOnly bool
	// stack holds the evaluations in progress, to detect reference cycles;
	// it is as deep as the longest chain of @references.
	stack []key
}

// key is keyed by the occasion's pointer: hashing it is much cheaper than
// hashing the id, and the memo is consulted for every evaluation.
type key struct {
	o    *occasion.Occasion
	year int
}

type result struct {
	start, end civil.Date
	ok         bool
	err        error
}

// New returns an engine over a loaded catalog.
func New(cat *occasion.Catalog) *Engine {
	return &Engine{cat: cat, memo: map[key]result{}}
}

// Catalog returns the catalog the engine computes.
func (e *Engine) Catalog() *occasion.Catalog { return e.cat }

// For returns the occurrence of o in year; ok is false when there is none.
func (e *Engine) For(o *occasion.Occasion, year int) (Occurrence, bool, error) {
	r := e.eval(o, year)
	if r.err != nil || !r.ok {
		return Occurrence{}, false, r.err
	}
	return Occurrence{Occasion: o, Year: year, Start: r.start, End: r.end}, true, nil
}

// Start implements rule.Resolver for @id references.
func (e *Engine) Start(id string, year int) (civil.Date, bool, error) {
	o := e.cat.Get(id)
	if o == nil {
		return 0, false, fmt.Errorf("reference to unknown occasion @%s", id)
	}
	r := e.eval(o, year)
	return r.start, r.ok, r.err
}

func (e *Engine) eval(o *occasion.Occasion, year int) result {
	k := key{o, year}
	remember := !e.refsOnly || len(e.stack) > 0
	if remember {
		if r, ok := e.memo[k]; ok {
			return r
		}
	}
	if slices.Contains(e.stack, k) {
		return result{err: fmt.Errorf("reference cycle through @%s", o.ID)}
	}
	if year < occasion.MinYear || year > occasion.MaxYear {
		return result{err: fmt.Errorf("year %d is outside %d … %d", year, occasion.MinYear, occasion.MaxYear)}
	}
	e.stack = append(e.stack, k)
	var r result
	if rl, ok := o.RuleFor(year); ok {
		r.start, r.end, r.ok, r.err = rl.Eval(year, e)
	}
	e.stack = e.stack[:len(e.stack)-1]
	if remember {
		e.memo[k] = r
	}
	return r
}

// Filter selects occasions; nil keeps all.
type Filter func(*occasion.Occasion) bool

// Range returns every occurrence of the selected occasions that overlaps
// [from, to], sorted by start date, then id.
func (e *Engine) Range(occs []*occasion.Occasion, from, to civil.Date, keep Filter) ([]Occurrence, error) {
	var out []Occurrence
	// A span starts at most MaxSpan days before it ends, so one year back suffices.
	y0, y1 := max(from.Year()-1, occasion.MinYear), min(to.Year(), occasion.MaxYear)
	for _, o := range occs {
		if keep != nil && !keep(o) {
			continue
		}
		for y := y0; y <= y1; y++ {
			oc, ok, err := e.For(o, y)
			if err != nil {
				return nil, fmt.Errorf("%s: %d: %w", o.Path, y, err)
			}
			if ok && oc.End >= from && oc.Start <= to {
				out = append(out, oc)
			}
		}
	}
	Sort(out)
	return out, nil
}

// Sort orders occurrences by start date, then id, then year.
func Sort(occ []Occurrence) {
	slices.SortFunc(occ, func(a, b Occurrence) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Occasion.ID, b.Occasion.ID), cmp.Compare(a.Year, b.Year))
	})
}

// Validate evaluates every occasion in every year it may occur in (the
// supported range, narrowed by since/until) and reports the first failing year
// of each, at the rule's position. It also warns about occasions that never occur.
//
// It evaluates on an engine of its own that remembers only referenced
// occasions: it visits each occasion in each of some 1,400 years once, so
// remembering those would only fill memory (a build needs a few years),
// while references, remembered, cost once however often they are followed.
func Validate(e *Engine) diag.List {
	var l diag.List
	e = &Engine{cat: e.cat, memo: map[key]result{}, refsOnly: true}
	for _, o := range e.cat.All() {
		y0, y1 := occasion.MinYear, occasion.MaxYear
		if o.Since != 0 {
			y0 = o.Since
		}
		if o.Until != 0 {
			y1 = o.Until
		}
		occurs, failed := false, false
		for y := y0; y <= y1; y++ {
			_, ok, err := e.For(o, y)
			if err != nil {
				// Point at the table entry of that year, or into the rule text.
				p, inTable := o.DatesPos[y]
				var re *rule.Error
				if !inTable {
					p = o.RulePos
					if errors.As(err, &re) {
						p.Col += re.Offset
					}
				}
				l.Errorf(o.Path, p.Line, p.Col, "%v", err)
				failed = true
				break
			}
			occurs = occurs || ok
		}
		if !occurs && !failed {
			l.Warnf(o.Path, 1, 1, "%s never occurs between %d and %d", o.ID, y0, y1)
		}
		if o.SameAs != "" && !failed {
			checkSameAs(e, o, y0, y1, &l)
		}
	}
	return l
}

// checkSameAs reports the first year in which a holiday falls on a day its
// occasion (`occasion:`) does not cover: the two would not merge into one
// row, and one of the files has the wrong date.
func checkSameAs(e *Engine, h *occasion.Occasion, y0, y1 int, l *diag.List) {
	o := e.cat.Get(h.SameAs)
	if o == nil || o.Kind != occasion.Catalogue {
		return // reported by the catalogue
	}
	for y := y0; y <= y1; y++ {
		hol, ok, err := e.For(h, y)
		if err != nil || !ok {
			continue
		}
		covered := false
		for _, oy := range []int{y, y - 1} {
			if oc, ok, err := e.For(o, oy); err == nil && ok && oc.Start <= hol.Start && hol.End <= oc.End {
				covered = true
			}
		}
		if !covered {
			l.Errorf(h.Path, h.SameAsPos.Line, h.SameAsPos.Col,
				"occasion %s: in %d %s falls on %s, but %s does not; name the occasion of the same day or fix the date", h.SameAs, y, h.ID, hol.Start, h.SameAs)
			return
		}
	}
}
