// Package schoolholidays reads the school holiday periods of the German
// states (school-holidays/de/<code>.yaml), validates them with positioned
// diagnostics, and tells whether they cover a range of days.
package schoolholidays

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/yamlfile"
)

// Dir is the folder read by Load, relative to the project root. It holds one
// folder per country (only de/ for now) with one file per state.
const Dir = "school-holidays"

// MaxDays is the longest period accepted: the longest holidays (summer) last
// about seven weeks, so anything much longer is a typo in a date.
const MaxDays = 70

// Period is one school holiday period; Start and End are the first and the
// last day without lessons, both inclusive.
type Period struct {
	Name       string
	Start, End civil.Date
	Pos        occasion.Pos // of the period's name, for diagnostics
}

// State is one state's file.
type State struct {
	Path    string // relative to the project, e.g. school-holidays/de/de-by.yaml
	Region  regioncode.Region
	Name    string
	Sources []occasion.Source
	Periods []Period // sorted by start, never overlapping
}

// First and Last return the first and the last day the periods span; both
// are zero when there are no periods.
func (s *State) First() civil.Date {
	if len(s.Periods) == 0 {
		return 0
	}
	return s.Periods[0].Start
}

// Last returns the last day of the last period.
func (s *State) Last() civil.Date {
	if len(s.Periods) == 0 {
		return 0
	}
	return s.Periods[len(s.Periods)-1].End
}

// Load reads every state file below root/school-holidays. A project without
// that folder has no school holidays: Load returns nil and no diagnostics.
// The states come sorted by region code; callers must not use them when the
// list has errors.
func Load(root string) ([]*State, diag.List) {
	var l diag.List
	base := filepath.Join(root, Dir)
	if _, err := os.Stat(base); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var rels []string
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			l.Errorf(rel, 0, 0, "symbolic link: anlass reads only regular files inside the project")
		case d.IsDir():
			if strings.HasPrefix(d.Name(), ".") && p != base {
				return filepath.SkipDir
			}
		case path.Ext(d.Name()) == ".yaml" || path.Ext(d.Name()) == ".yml":
			rels = append(rels, rel)
		}
		return nil
	})
	if err != nil {
		l.Errorf(Dir, 0, 0, "cannot read the folder: %v", err)
		return nil, l
	}
	slices.Sort(rels)
	var parsed []*State
	for _, rel := range rels {
		data, err := yamlfile.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			l.Errorf(rel, 0, 0, "%v", err)
			continue
		}
		if s := Parse(rel, data, &l); s != nil && s.Region.Code != "" {
			parsed = append(parsed, s)
		}
	}
	// A file in its proper place wins over a misplaced one for the same state.
	slices.SortStableFunc(parsed, func(a, b *State) int {
		return cmp.Compare(b2i(!placedWell(a)), b2i(!placedWell(b)))
	})
	var out []*State
	byCode := map[string]*State{}
	for _, s := range parsed {
		if !placedWell(s) {
			l.Errorf(s.Path, 1, 1, "the file for region %s must be %s.yaml", s.Region.Code, properPlace(s.Region))
		}
		if prev := byCode[s.Region.Code]; prev != nil {
			l.Errorf(s.Path, 1, 1, "region %s already has school holidays in %s: keep one file per state", s.Region.Code, prev.Path)
			continue
		}
		byCode[s.Region.Code] = s
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *State) int { return strings.Compare(a.Region.Code, b.Region.Code) })
	return out, l
}

// properPlace is where a state's file belongs, without the extension:
// school-holidays/<country>/<code>.
func properPlace(r regioncode.Region) string {
	return Dir + "/" + strings.ToLower(r.Country) + "/" + r.Slug()
}

func placedWell(s *State) bool {
	return strings.TrimSuffix(s.Path, path.Ext(s.Path)) == properPlace(s.Region)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Parse decodes one state file. It returns nil when the file is not a YAML
// mapping at all; otherwise what could be decoded, problems going to l.
func Parse(rel string, data []byte, l *diag.List) *State {
	root := yamlfile.Parse(rel, data, l)
	if root == nil {
		return nil
	}
	m := yamlfile.NewMap(rel, root, l, "", "region", "name", "sources", "periods")
	s := &State{Path: rel}
	if code, n := m.String("region", true); n != nil && code != "" {
		r, ok := regioncode.Lookup(code)
		switch {
		case !ok || r.IsCountry() || r.Country != "DE":
			m.Errorf(n, "region %q: expected the code of a German state such as DE-BY", code)
		case r.Code != code:
			m.Errorf(n, "write the region code in upper case: %q", r.Code)
			s.Region = r
		default:
			s.Region = r
		}
	}
	if name, n := m.String("name", true); n != nil && name != "" {
		s.Name = name
		if s.Region.Code != "" && name != s.Region.Name {
			m.Errorf(n, "name %q does not match region %s: expected %q", name, s.Region.Code, s.Region.Name)
		}
	}
	s.Sources = occasion.ParseSources(m)
	s.Periods = parsePeriods(m)
	return s
}

func parsePeriods(m *yamlfile.Map) []Period {
	var out []Period
	for _, it := range m.Seq("periods", true) {
		if it.Kind != yaml.MappingNode {
			m.Errorf(it, "each period must be a mapping with name, start and end (- name: Herbstferien / start: 2026-11-02 / end: 2026-11-06)")
			continue
		}
		pm := yamlfile.NewMap(m.Path, it, m.L, "period", "name", "start", "end")
		var p Period
		p.Pos = occasion.Pos{Line: it.Line, Col: it.Column}
		p.Name, _ = pm.String("name", true)
		start, okS := periodDate(pm, "start")
		end, okE := periodDate(pm, "end")
		if !okS || !okE || p.Name == "" {
			continue
		}
		p.Start, p.End = start, end
		endNode := pm.Get("end")
		switch {
		case end < start:
			pm.Errorf(endNode, "end %s is before start %s", end, start)
			continue
		case end.Sub(start)+1 > MaxDays:
			pm.Errorf(endNode, "%s lasts %d days (%s … %s); the limit is %d: check the dates", p.Name, end.Sub(start)+1, start, end, MaxDays)
			continue
		}
		if len(out) > 0 {
			prev := out[len(out)-1]
			switch {
			case start < prev.Start:
				pm.Errorf(pm.Get("start"), "%s starts %s, before %s on line %d (%s): list the periods in order of their dates", p.Name, start, prev.Name, prev.Pos.Line, prev.Start)
				continue
			case start <= prev.End:
				pm.Errorf(pm.Get("start"), "%s (%s … %s) overlaps %s (%s … %s, line %d)", p.Name, start, end, prev.Name, prev.Start, prev.End, prev.Pos.Line)
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// periodDate reads a YYYY-MM-DD date (quoted or not).
func periodDate(pm *yamlfile.Map, key string) (civil.Date, bool) {
	text, n := pm.String(key, true)
	if n == nil || text == "" {
		return 0, false
	}
	d, err := civil.Parse(strings.TrimSpace(text))
	if err != nil {
		pm.Errorf(n, "%s: %v", key, err)
		return 0, false
	}
	if y := d.Year(); y < occasion.MinYear || y > occasion.MaxYear {
		pm.Errorf(n, "%s: year %d is outside the supported years %d … %d", key, y, occasion.MinYear, occasion.MaxYear)
		return 0, false
	}
	return d, true
}

// Coverage warns about every German state whose school holidays do not
// cover [from, to] (the feed window): no file at all, data that starts after
// from, or data that ends before to. Without any school holiday data
// (states is nil) the project does not use them and nothing is reported.
func Coverage(states []*State, from, to civil.Date) diag.List {
	var l diag.List
	if states == nil {
		return nil
	}
	have := map[string]*State{}
	for _, s := range states {
		have[s.Region.Code] = s
	}
	for _, r := range regioncode.Subdivisions("DE") {
		s := have[r.Code]
		if s == nil {
			l.Warnf(Dir+"/de", 0, 0, "no school holidays for %s (%s): its feed and page have no Ferienbeginn; add %s/de/%s.yaml", r.Code, r.Name, Dir, r.Slug())
			continue
		}
		if len(s.Periods) == 0 {
			continue // reported as an error already
		}
		first, last := s.Periods[0], s.Periods[len(s.Periods)-1]
		if s.First() > from {
			l.Warnf(s.Path, first.Pos.Line, first.Pos.Col, "the school holidays of %s start %s, after the start of the feed window (%s): holidays before are missing", r.Name, s.First(), from)
		}
		if s.Last() < to {
			l.Warnf(s.Path, last.Pos.Line, last.Pos.Col, "the school holidays of %s end %s (%s), before the end of the feed window (%s): add the next school years", r.Name, s.Last(), last.Name, to)
			l[len(l)-1].Note = "School holidays are set a few school years ahead; until the next ones are published, " +
				"the site and the region feeds show no Ferienbeginn after the last known period. Builds are not affected. " +
				"Add the new school years to school-holidays/de/ when the Kultusministerkonferenz publishes them."
		}
	}
	return l
}
