package rule

import (
	"fmt"
	"time"

	"github.com/anlass/anlass/internal/astro"
	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/easter"
)

// Resolver gives the start date of another occasion in a year, for Ref.
// ok is false when that occasion has no occurrence in the year.
type Resolver interface {
	Start(id string, year int) (d civil.Date, ok bool, err error)
}

// MaxSpan is the longest span, in days, a rule may produce: half a year.
// Longer "spans" are almost always a start and end written the wrong way round.
const MaxSpan = 186

// Eval returns the first and last day (inclusive) of the rule's occurrence in
// year. ok is false when the rule has no day that year (02-29 in a common
// year, a 5th Sunday a month lacks, a reference without occurrence).
func (r *Rule) Eval(year int, res Resolver) (start, end civil.Date, ok bool, err error) {
	start, ok, err = eval(r.Start, year, res)
	if err != nil || !ok {
		return 0, 0, ok, err
	}
	if r.End == nil {
		return start, start, true, nil
	}
	end, ok, err = eval(r.End, year, res)
	if err != nil || !ok {
		return 0, 0, ok, err
	}
	if end < start { // the span crosses New Year
		end, ok, err = eval(r.End, year+1, res)
		if err != nil || !ok {
			return 0, 0, ok, err
		}
	}
	if end < start || end.Sub(start) >= MaxSpan {
		return 0, 0, false, errAt(r.End.Pos(), "in %d the span would run from %s to %s: a span must end within %d days of its start", year, start, end, MaxSpan)
	}
	return start, end, true, nil
}

func eval(e Expr, year int, res Resolver) (civil.Date, bool, error) {
	switch e := e.(type) {
	case *Fixed:
		if !civil.Valid(year, e.Month, e.Day) {
			return 0, false, nil // 02-29 outside leap years
		}
		return civil.Of(year, e.Month, e.Day), true, nil
	case *NthOfMonth:
		return nthOfMonth(year, e)
	case *Easter:
		if e.Orthodox {
			return easter.Orthodox(year), true, nil
		}
		return easter.Western(year), true, nil
	case *Astro:
		return astro.Date(year, e.Event), true, nil
	case *Ref:
		if res == nil {
			return 0, false, errAt(e.At, "@%s: references need the other occasions", e.ID)
		}
		return res.Start(e.ID, year)
	case *Offset:
		d, ok, err := eval(e.Base, year, res)
		if !ok || err != nil {
			return 0, ok, err
		}
		return d.AddDays(e.Days), true, nil
	case *Relative:
		base, ok, err := eval(e.Base, year, res)
		if !ok || err != nil {
			return 0, ok, err
		}
		return relative(base, e), true, nil
	}
	panic(fmt.Sprintf("rule: unknown node %T", e))
}

func nthOfMonth(year int, e *NthOfMonth) (civil.Date, bool, error) {
	first := civil.Of(year, e.Month, 1)
	last := civil.Of(year, e.Month, civil.DaysIn(year, e.Month))
	if e.N == Last {
		for d := last; d >= first; d-- {
			if e.Class.matches(d.Weekday()) {
				return d, true, nil
			}
		}
		return 0, false, nil
	}
	count := 0
	for d := first; d <= last; d++ {
		if e.Class.matches(d.Weekday()) {
			count++
			if count == e.N {
				return d, true, nil
			}
		}
	}
	return 0, false, nil // e.g. a 5th Sunday the month does not have
}

func relative(base civil.Date, e *Relative) civil.Date {
	step := 1
	d := base
	switch e.Dir {
	case After:
		d = base + 1
	case Before:
		d, step = base-1, -1
	case OnOrBefore:
		step = -1
	}
	for count := 0; ; d += civil.Date(step) {
		if e.Class.matches(d.Weekday()) {
			count++
			if count == e.N {
				return d
			}
		}
	}
}

// String names the day class in English: "workday" or the weekday.
func (c DayClass) String() string {
	if c.Workday {
		return "workday"
	}
	return time.Weekday(c.Weekday).String()
}
