package occasion

import (
	"fmt"
	"slices"
	"strings"

	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/yamlfile"
)

// newCatalog indexes occasions and checks what needs all of them at once:
// unique ids, references to existing occasions, and no cycles.
func newCatalog(occs []*Occasion, l *diag.List) *Catalog {
	c := &Catalog{byID: map[string]*Occasion{}}
	for _, o := range occs {
		if prev, dup := c.byID[o.ID]; dup {
			l.Errorf(o.Path, 1, 1, "duplicate id %q: already used by %s", o.ID, prev.Path)
			continue
		}
		c.byID[o.ID] = o
		if o.Kind == Holiday {
			c.Holidays = append(c.Holidays, o)
		} else {
			c.Occasions = append(c.Occasions, o)
		}
	}
	byID := func(a, b *Occasion) int { return strings.Compare(a.ID, b.ID) }
	slices.SortFunc(c.Occasions, byID)
	slices.SortFunc(c.Holidays, byID)
	c.checkRefs(l)
	return c
}

type refSite struct {
	to       string
	line     int
	col      int
	fromPath string
}

func (c *Catalog) refsOf(o *Occasion) []refSite {
	var out []refSite
	if o.Rule != nil {
		for _, r := range o.Rule.Refs() {
			out = append(out, refSite{r.ID, o.RulePos.Line, o.RulePos.Col + r.At, o.Path})
		}
	}
	years := make([]int, 0, len(o.Dates))
	for y := range o.Dates {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range years {
		if yr := o.Dates[y]; yr.Rule != nil {
			for _, r := range yr.Rule.Refs() {
				p := o.DatesPos[y]
				out = append(out, refSite{r.ID, p.Line, p.Col, o.Path})
			}
		}
	}
	return out
}

func (c *Catalog) checkRefs(l *diag.List) {
	all := c.All()
	for _, o := range all {
		for _, r := range c.refsOf(o) {
			if c.byID[r.to] == nil {
				hint := ""
				if s := closestID(r.to, c.byID); s != "" {
					hint = fmt.Sprintf(": did you mean @%s?", s)
				}
				l.Errorf(o.Path, r.line, r.col, "reference to unknown occasion @%s%s", r.to, hint)
			}
		}
	}
	// Holidays name their catalogue occasion; a catalogue of holidays
	// alone (read by tools that compare holidays) has none to name.
	catalogue := map[string]*Occasion{}
	for _, o := range c.Occasions {
		catalogue[o.ID] = o
	}
	for _, h := range c.Holidays {
		if h.SameAs == "" || len(c.Occasions) == 0 {
			continue
		}
		switch o := c.byID[h.SameAs]; {
		case o == nil:
			hint := ""
			if s := closestID(h.SameAs, catalogue); s != "" {
				hint = fmt.Sprintf(": did you mean %s?", s)
			}
			l.Errorf(h.Path, h.SameAsPos.Line, h.SameAsPos.Col, "occasion %s: there is no such occasion in occasions/%s", h.SameAs, hint)
		case o.Kind != Catalogue:
			l.Errorf(h.Path, h.SameAsPos.Line, h.SameAsPos.Col, "occasion %s is a holiday: name the catalogue occasion (occasions/…) that falls on the same day", h.SameAs)
		}
	}
	// Cycles: depth-first search over the reference graph.
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	var stack []string
	var visit func(o *Occasion)
	visit = func(o *Occasion) {
		color[o.ID] = grey
		stack = append(stack, o.ID)
		for _, r := range c.refsOf(o) {
			next := c.byID[r.to]
			if next == nil {
				continue
			}
			switch color[next.ID] {
			case grey:
				i := slices.Index(stack, next.ID)
				cycle := append(slices.Clone(stack[i:]), next.ID)
				l.Errorf(o.Path, r.line, r.col, "reference cycle: @%s", strings.Join(cycle, " → @"))
			case white:
				visit(next)
			}
		}
		stack = stack[:len(stack)-1]
		color[o.ID] = black
	}
	for _, o := range all {
		if color[o.ID] == white {
			visit(o)
		}
	}
}

func closestID(id string, ids map[string]*Occasion) string {
	keys := make([]string, 0, len(ids))
	for k := range ids {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return yamlfile.Closest(id, keys, 4)
}
