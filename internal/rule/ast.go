// Package rule is anlass's date-rule language: a one-line, human-readable
// description of when an occasion falls ("2nd sun of may", "easter+50",
// "workday on-or-before 10-30", "12-25..01-06"). Parse turns the text into an
// Expr tree, with every node remembering where in the text it began, so errors
// can point at a column. Eval computes the dates for a year.
//
// The language is documented for contributors in docs/occasion-format.md.
package rule

import (
	"time"

	"github.com/anlass/anlass/internal/astro"
)

// Rule is a parsed rule: a single day, or a span from Start to End.
type Rule struct {
	Text  string
	Start Expr
	End   Expr // nil unless the rule is a span "a..b"
}

// Expr is a node of the rule tree. Pos is the rune offset in the rule text.
type Expr interface {
	Pos() int
}

// Fixed is a month and day, e.g. 06-14.
type Fixed struct {
	At    int
	Month time.Month
	Day   int
}

// DayClass is a weekday, or any workday (Monday–Friday).
type DayClass struct {
	Workday bool
	Weekday time.Weekday
}

func (c DayClass) matches(w time.Weekday) bool {
	if c.Workday {
		return w != time.Saturday && w != time.Sunday
	}
	return w == c.Weekday
}

// NthOfMonth is the nth (or last) weekday or workday of a month.
type NthOfMonth struct {
	At    int
	N     int // 1…5, or Last
	Class DayClass
	Month time.Month
}

// Last marks "last" in NthOfMonth.N.
const Last = -1

// Easter is Easter Sunday, Western or Orthodox.
type Easter struct {
	At       int
	Orthodox bool
}

// Astro is the Berlin date of an equinox or solstice.
type Astro struct {
	At    int
	Event astro.Event
}

// Ref is the start date of another occasion in the same year.
type Ref struct {
	At int
	ID string
}

// Direction says where Relative looks for its day.
type Direction int

const (
	After Direction = iota
	Before
	OnOrAfter
	OnOrBefore
)

// Relative is the nth matching day after or before a base date.
type Relative struct {
	At    int
	N     int
	Class DayClass
	Dir   Direction
	Base  Expr
}

// Offset moves its base by a number of days.
type Offset struct {
	At   int
	Base Expr
	Days int
}

func (e *Fixed) Pos() int      { return e.At }
func (e *NthOfMonth) Pos() int { return e.At }
func (e *Easter) Pos() int     { return e.At }
func (e *Astro) Pos() int      { return e.At }
func (e *Ref) Pos() int        { return e.At }
func (e *Relative) Pos() int   { return e.At }
func (e *Offset) Pos() int     { return e.At }

// Refs returns every reference to another occasion in r, in text order.
func (r *Rule) Refs() []*Ref {
	var out []*Ref
	var walk func(Expr)
	walk = func(e Expr) {
		switch e := e.(type) {
		case *Ref:
			out = append(out, e)
		case *Relative:
			walk(e.Base)
		case *Offset:
			walk(e.Base)
		}
	}
	walk(r.Start)
	if r.End != nil {
		walk(r.End)
	}
	return out
}
