package regiondays

import (
	"cmp"
	"slices"
	"strings"

	"github.com/anlass/anlass/internal/civil"
)

// Kind tells the entries of a region apart; the values are those of
// `anlass list --format json`.
type Kind string

const (
	KindHoliday     Kind = "holiday"
	KindBridge      Kind = "brueckentag"
	KindSchoolStart Kind = "ferienbeginn"
)

func (k Kind) order() int {
	switch k {
	case KindHoliday:
		return 0
	case KindBridge:
		return 1
	}
	return 2
}

// Entry is one dated item of a region: a public holiday, a Brückentag or a
// Ferienbeginn. Exactly one of Holiday, Bridge and School is set.
type Entry struct {
	Kind       Kind
	ID         string // the holiday's id; brueckentag-de-by-20260515; ferienbeginn-de-by-20261102
	Year       int
	Start, End civil.Date // inclusive
	Summary    string
	Holiday    *Holiday
	Bridge     *Bridge
	School     *SchoolStart
}

// Entries returns the region's holidays, Brückentage and Ferienbeginn days
// in its range, sorted by date, then kind, then id.
func (r *Region) Entries() []Entry {
	var out []Entry
	for i := range r.Holidays {
		h := &r.Holidays[i]
		out = append(out, Entry{Kind: KindHoliday, ID: h.Occasion.ID, Year: h.Year, Start: h.Start, End: h.End, Summary: h.Summary(), Holiday: h})
	}
	for i := range r.Bridges {
		b := &r.Bridges[i]
		out = append(out, Entry{Kind: KindBridge, ID: "brueckentag-" + r.Slug() + "-" + b.Date.Compact(), Year: b.Date.Year(),
			Start: b.Date, End: b.Date, Summary: b.Summary(r.Region), Bridge: b})
	}
	for i := range r.SchoolStarts {
		s := &r.SchoolStarts[i]
		out = append(out, Entry{Kind: KindSchoolStart, ID: "ferienbeginn-" + r.Slug() + "-" + s.Date.Compact(), Year: s.Date.Year(),
			Start: s.Date, End: s.Date, Summary: s.Summary(), School: s})
	}
	slices.SortFunc(out, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Kind.order(), b.Kind.order()), strings.Compare(a.ID, b.ID))
	})
	return out
}
