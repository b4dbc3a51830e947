// Package agenda lists what is on in a range of days: the catalogue's
// occurrences and, for a region, its public holidays, Brückentage and
// Ferienbeginn, merged into one list by date. `anlass list` prints it, and
// the site's data files are made from it, so both always agree.
package agenda

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
)

// Query selects what a list shows.
type Query struct {
	From, To   civil.Date          // inclusive; an occurrence is listed when it overlaps
	Categories []occasion.Category // none: every category
	// Region, when set, keeps only occasions that apply there and adds the
	// region's holidays, Brückentage and Ferienbeginn (whatever Categories says).
	Region *regioncode.Region
	// Ideas keeps only occasions with at least one idea that passes it.
	Ideas IdeaFilter
	// PrepareFrom, when set, keeps only occurrences whose preparation
	// starts on that day or later: still enough time to prepare (the
	// Finder's vorlauf=1, from today).
	PrepareFrom civil.Date
}

// IdeaFilter selects ideas, as the Finder does: an idea passes when it
// passes every filter that is set.
type IdeaFilter struct {
	// Budget, when set, is the most a user will spend per recipient, in
	// euros: an idea fits when its minimum is Budget or less; an idea
	// without figures never fits.
	Budget *int
	// Zielgruppen, when any, are target groups: an idea fits when it names
	// one of them.
	Zielgruppen []string
	Remote      bool   // only ideas that work without a visit
	Kind        string // "gift" or "contact"; "" for both
}

// Active reports whether the filter selects anything at all.
func (f IdeaFilter) Active() bool {
	return f.Budget != nil || len(f.Zielgruppen) > 0 || f.Remote || f.Kind != ""
}

// Match reports whether an idea passes the filter.
func (f IdeaFilter) Match(i occasion.Idea) bool {
	if f.Budget != nil && !i.Budget.Fits(*f.Budget) {
		return false
	}
	if len(f.Zielgruppen) > 0 && !slices.ContainsFunc(f.Zielgruppen, func(z string) bool { return slices.Contains(i.Zielgruppen, z) }) {
		return false
	}
	if f.Remote && (i.Remote == nil || !*i.Remote) {
		return false
	}
	return f.Kind == "" || i.Kind == f.Kind
}

// Ideas returns the ideas of o that pass the filter, in file order.
func (f IdeaFilter) Ideas(o *occasion.Occasion) []occasion.Idea {
	var out []occasion.Idea
	for _, i := range o.Ideas {
		if f.Match(i) {
			out = append(out, i)
		}
	}
	return out
}

// Kind tells the items of a list apart; the values are those of
// `anlass list --format json`.
type Kind string

const (
	KindOccasion    Kind = "occasion"
	KindHoliday     Kind = Kind(regiondays.KindHoliday)
	KindBridge      Kind = Kind(regiondays.KindBridge)
	KindSchoolStart Kind = Kind(regiondays.KindSchoolStart)
)

// rank orders items of one day: occasions first, then holidays, Brückentage
// and Ferienbeginn.
func (k Kind) rank() int {
	return map[Kind]int{KindOccasion: 0, KindHoliday: 1, KindBridge: 2, KindSchoolStart: 3}[k]
}

// Item is one row of a list.
type Item struct {
	Kind       Kind
	ID         string
	Name       string
	NameEn     string
	Category   occasion.Category // occasions only
	Year       int
	Start, End civil.Date // inclusive
	URL        string     // site path of the page that describes it
	Region     string     // region days: the region's code
	Partial    string     // region holidays: where it applies when only in part of the region

	Occurrence *schedule.Occurrence // occasions
	Entry      *regiondays.Entry    // region days
	// Holidays (occasions, with a region) are the region's holidays that
	// are this occasion (`occasion:` in the holiday file) and fall within
	// it: one day, one row.
	Holidays []*regiondays.Entry
}

// Holiday reports whether the row is, or includes, a public holiday of the
// region.
func (it Item) Holiday() bool { return it.Kind == KindHoliday || len(it.Holidays) > 0 }

// Days is the number of days the item covers.
func (it Item) Days() int { return it.End.Sub(it.Start) + 1 }

// List is the result of a query.
type List struct {
	Items       []Item                // by start date; on one day occasions first
	Occurrences []schedule.Occurrence // the catalogue occurrences among Items
	Region      *regiondays.Region    // the region's days, when the query names one
}

// Keep reports whether the query keeps a catalogue occasion.
func (q Query) Keep(o *occasion.Occasion) bool {
	if len(q.Categories) > 0 && !slices.Contains(q.Categories, o.Category) {
		return false
	}
	if q.Region != nil && !o.AppliesIn(*q.Region) {
		return false
	}
	return !q.Ideas.Active() || slices.ContainsFunc(o.Ideas, q.Ideas.Match)
}

// Make computes the list of a query over a loaded project.
func Make(p *project.Project, q Query) (List, error) {
	occs, err := p.Engine.Range(p.Catalog.Occasions, q.From, q.To, q.Keep)
	if err != nil {
		return List{}, err
	}
	if q.PrepareFrom != 0 {
		occs = slices.DeleteFunc(occs, func(oc schedule.Occurrence) bool { return oc.PrepareFrom() < q.PrepareFrom })
	}
	l := List{Occurrences: occs}
	if q.Region != nil {
		book, err := regiondays.ForRange(p.Engine, p.School, q.From, q.To)
		if err != nil {
			return List{}, err
		}
		l.Region = book.Get(q.Region.Code)
	}
	l.Items = Items(occs, l.Region)
	return l, nil
}

// Items merges occurrences and a region's days (r may be nil) into one list
// by date; on the same day occasions come first. A holiday that names an
// occasion (`occasion: neujahr`) joins that occasion's row when the row is
// in the list and covers the holiday's day; otherwise it has its own row.
func Items(occs []schedule.Occurrence, r *regiondays.Region) []Item {
	items := make([]Item, 0, len(occs))
	for i := range occs {
		oc := &occs[i]
		o := oc.Occasion
		items = append(items, Item{
			Kind: KindOccasion, ID: o.ID, Name: o.Name.De, NameEn: o.Name.En, Category: o.Category,
			Year: oc.Year, Start: oc.Start, End: oc.End, URL: siteurl.Occasion(o.ID), Occurrence: oc,
		})
	}
	if r == nil {
		return items
	}
	byID := map[string][]int{}
	for i, it := range items {
		byID[it.ID] = append(byID[it.ID], i)
	}
	entries := r.Entries()
entry:
	for i := range entries {
		e := &entries[i]
		if e.Holiday != nil && e.Holiday.Occasion.SameAs != "" {
			for _, j := range byID[e.Holiday.Occasion.SameAs] {
				if it := &items[j]; it.Start <= e.Start && e.End <= it.End {
					it.Holidays = append(it.Holidays, e)
					continue entry
				}
			}
		}
		it := Item{Kind: Kind(e.Kind), ID: e.ID, Name: e.Summary, Year: e.Year, Start: e.Start, End: e.End,
			URL: siteurl.Region(r.Code), Region: r.Code, Entry: e}
		if e.Holiday != nil {
			it.NameEn, it.Partial = e.Holiday.Occasion.Name.En, e.Holiday.Partial
		}
		items = append(items, it)
	}
	slices.SortStableFunc(items, func(a, b Item) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Kind.rank(), b.Kind.rank()))
	})
	return items
}

// ParseCategories checks category names (mainstream, seasonal, quirky, mystic).
func ParseCategories(names []string) ([]occasion.Category, error) {
	var out []occasion.Category
	for _, n := range names {
		c := occasion.Category(strings.TrimSpace(n))
		if !c.Valid() {
			return nil, fmt.Errorf("unknown category %q: expected mainstream, seasonal, quirky or mystic", n)
		}
		out = append(out, c)
	}
	return out, nil
}
