package occasion

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/markdown"
	"github.com/anlass/anlass/internal/parallel"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/rule"
	"github.com/anlass/anlass/internal/yamlfile"
)

// Folders read by Load, relative to the project root.
const (
	OccasionsDir = "occasions"
	HolidaysDir  = "holidays"
)

// Years anlass computes dates for.
const (
	MinYear = 1583 // the first full Gregorian year
	MaxYear = 2999
)

// Limits on text a contributor writes, checked by `anlass check`.
const (
	MinSummary = 80
	MaxSummary = 900
	MinIdeas   = 2
)

var leadRE = regexp.MustCompile(`^([0-9]+)\s*([dw])$`)

// Catalog is everything loaded: the catalogue occasions and the holidays.
type Catalog struct {
	Occasions []*Occasion // sorted by ID
	Holidays  []*Occasion // sorted by ID
	byID      map[string]*Occasion
}

// Get returns the occasion or holiday with id, or nil.
func (c *Catalog) Get(id string) *Occasion { return c.byID[id] }

// All returns occasions followed by holidays.
func (c *Catalog) All() []*Occasion { return append(slices.Clip(c.Occasions), c.Holidays...) }

// Load reads and validates occasions/ and holidays/ below root. It returns
// what could be loaded and every problem found; callers must not use the
// catalog for output when the list has errors.
func Load(root string) (*Catalog, diag.List) { return LoadCached(root, nil) }

// ParseCache remembers parsed files between loads, for `anlass serve`: a file
// whose size and modification time have not changed is not read or parsed
// again. Occasions are never modified after loading, so they can be shared
// between loads.
type ParseCache struct {
	mu sync.Mutex
	m  map[string]cachedParse
}

type cachedParse struct {
	kind Kind
	size int64
	mod  time.Time
	o    *Occasion
	l    diag.List
}

// NewParseCache returns an empty cache.
func NewParseCache() *ParseCache { return &ParseCache{m: map[string]cachedParse{}} }

func (c *ParseCache) get(rel string, kind Kind, fi fs.FileInfo) (cachedParse, bool) {
	if c == nil || fi == nil {
		return cachedParse{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[rel]
	return e, ok && e.kind == kind && e.size == fi.Size() && e.mod.Equal(fi.ModTime())
}

func (c *ParseCache) put(rel string, e cachedParse) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.m[rel] = e
	c.mu.Unlock()
}

// LoadCached is Load with a cache of parsed files (nil: none).
func LoadCached(root string, cache *ParseCache) (*Catalog, diag.List) {
	var l diag.List
	var files []file
	for _, dir := range []struct {
		name string
		kind Kind
	}{{OccasionsDir, Catalogue}, {HolidaysDir, Holiday}} {
		fs, err := listYAML(root, dir.name, &l)
		if err != nil {
			if dir.kind == Catalogue {
				l.Errorf(dir.name, 0, 0, "cannot read the folder: %v", err)
			}
			continue
		}
		for _, f := range fs {
			f.kind = dir.kind
			files = append(files, f)
		}
	}
	occs := parseFiles(root, files, &l, cache)
	c := newCatalog(occs, &l)
	return c, l
}

// LoadFiles parses given files (paths relative to root) as catalogue
// occasions; used by tests and tools.
func LoadFiles(root string, rel []string, kind Kind) (*Catalog, diag.List) {
	var l diag.List
	var files []file
	for _, r := range rel {
		files = append(files, file{rel: filepath.ToSlash(r), kind: kind})
	}
	c := newCatalog(parseFiles(root, files, &l, nil), &l)
	return c, l
}

type file struct {
	rel  string
	kind Kind
}

func listYAML(root, dir string, l *diag.List) ([]file, error) {
	base := filepath.Join(root, dir)
	if _, err := os.Stat(base); err != nil {
		return nil, err
	}
	var out []file
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.Type()&fs.ModeSymlink != 0 {
			l.Errorf(rel, 0, 0, "symbolic link: anlass reads only regular files inside the project")
			return nil
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != base {
				return filepath.SkipDir
			}
			return nil
		}
		switch path.Ext(d.Name()) {
		case ".yaml", ".yml":
			out = append(out, file{rel: rel})
		}
		return nil
	})
	slices.SortFunc(out, func(a, b file) int { return strings.Compare(a.rel, b.rel) })
	return out, err
}

// parseFiles reads and decodes files in parallel, keeping input order.
func parseFiles(root string, files []file, l *diag.List, cache *ParseCache) []*Occasion {
	type result struct {
		o *Occasion
		l diag.List
	}
	results := make([]result, len(files))
	_ = parallel.Each(len(files), func(i int) error { // problems are diagnostics, never errors
		f := files[i]
		p := filepath.Join(root, filepath.FromSlash(f.rel))
		var fi fs.FileInfo
		if cache != nil {
			fi, _ = os.Lstat(p)
		}
		if e, ok := cache.get(f.rel, f.kind, fi); ok {
			results[i] = result{e.o, e.l}
			return nil
		}
		var fl diag.List
		data, err := yamlfile.ReadFile(p)
		if err != nil {
			fl.Errorf(f.rel, 0, 0, "%v", err)
		} else {
			results[i].o = Parse(f.rel, data, f.kind, &fl)
		}
		results[i].l = fl
		if err == nil && fi != nil {
			cache.put(f.rel, cachedParse{f.kind, fi.Size(), fi.ModTime(), results[i].o, fl})
		}
		return nil // problems are diagnostics, not errors
	})
	var out []*Occasion
	for _, r := range results {
		*l = append(*l, r.l...)
		if r.o != nil {
			out = append(out, r.o)
		}
	}
	return out
}

var catalogueKeys = []string{"id", "name", "category", "date", "dates", "since", "until", "every", "regions",
	"origin", "summary", "greeting", "ideas", "lead_time", "sources", "tags"}

var holidayKeys = []string{"id", "name", "occasion", "date", "dates", "since", "until", "every", "regions", "day_off", "sources", "note"}

// Parse decodes one occasion (kind Catalogue) or holiday file. It returns nil
// when the file could not be read as YAML at all; otherwise an Occasion with
// what could be decoded, problems going to l.
func Parse(rel string, data []byte, kind Kind, l *diag.List) *Occasion {
	root := yamlfile.Parse(rel, data, l)
	if root == nil {
		return nil
	}
	keys := catalogueKeys
	if kind == Holiday {
		keys = holidayKeys
	}
	m := yamlfile.NewMap(rel, root, l, "", keys...)
	o := &Occasion{Kind: kind, Path: rel, DayOff: true}
	stem := strings.TrimSuffix(path.Base(rel), path.Ext(rel))

	// id
	if id, n := m.String("id", true); n != nil && id != "" {
		switch {
		case !yamlfile.IsSlug(id):
			m.Errorf(n, "id %q is not a slug: use lower-case ASCII letters, digits and single hyphens (ä → ae, ß → ss)", id)
		case id != stem:
			m.Errorf(n, "id %q does not match the file name %q: rename the file to %s%s or change the id", id, path.Base(rel), id, path.Ext(rel))
		}
		o.ID = id
	}
	if o.ID == "" {
		o.ID = stem
	}

	// name
	if nm := m.Mapping("name", true, "name", nameKeys...); nm != nil {
		o.Name.De, _ = nm.String("de", true)
		o.Name.En, _ = nm.String("en", false)
	}

	// category
	if kind == Catalogue {
		if c, n := m.String("category", true); n != nil && c != "" {
			o.Category = Category(c)
			if !o.Category.Valid() {
				m.Errorf(n, "unknown category %q: expected mainstream, seasonal, quirky or mystic", c)
			} else if dir := path.Base(path.Dir(rel)); dir != c && path.Dir(path.Dir(rel)) == OccasionsDir {
				m.Errorf(n, "category %q does not match the folder %q: move the file to occasions/%s/", c, dir, c)
			}
		}
	}

	// date rule and table
	if text, n := m.String("date", false); n != nil && text != "" {
		o.Rule = parseRule(m, n, text)
		o.RulePos = Pos{n.Line, yamlfile.ValueColumn(n)}
	}
	o.Dates, o.DatesPos = parseDates(m)
	if isBlank(m.Get("date")) && isBlank(m.Get("dates")) {
		line, col := root.Line, root.Column
		if k := m.Key("date"); k != nil {
			line, col = k.Line, k.Column
		}
		l.Errorf(rel, line, col, "missing the date: give a rule in `date:` or a per-year table in `dates:`")
	}

	// years
	var sinceSet bool
	o.Since, o.Until, sinceSet = parseSpan(m)
	if every, en, eok := m.Int("every", false); eok {
		switch {
		case every < 1:
			m.Errorf(en, "every must be 1 or more, found %d", every)
		case !sinceSet:
			m.Errorf(en, "every needs since: the year it counts from")
		default:
			o.Every = every
		}
	}
	for y, p := range o.DatesPos {
		if o.Since != 0 && y < o.Since || o.Until != 0 && y > o.Until {
			l.Warnf(rel, p.Line, p.Col, "the dates table has %d, outside since/until: that entry is never used", y)
		}
	}

	o.Regions = parseRegions(m, kind == Holiday, o.Since, o.Until)
	if kind == Holiday {
		if v, set := m.Bool("day_off"); set {
			o.DayOff = v
		}
		o.Note, _ = m.String("note", false)
		if id, n := m.String("occasion", false); n != nil && id != "" {
			if !yamlfile.IsSlug(id) {
				m.Errorf(n, "occasion %q is not an occasion id: give the id of the catalogue occasion on the same day, e.g. occasion: neujahr", id)
			} else {
				o.SameAs, o.SameAsPos = id, Pos{n.Line, yamlfile.ValueColumn(n)}
			}
		}
	}

	o.Sources = ParseSources(m)

	if kind == Catalogue {
		o.Origin, _ = m.String("origin", false)
		if s, n := m.String("summary", true); n != nil && s != "" {
			o.Summary = strings.TrimSpace(s)
			o.SummaryText = strings.TrimSpace(markdown.Plain([]byte(o.Summary)))
			if c := utf8.RuneCountInString(o.Summary); c < MinSummary || c > MaxSummary {
				m.Errorf(n, "summary has %d characters: write 2–4 sentences (%d–%d characters)", c, MinSummary, MaxSummary)
			}
		}
		o.Greeting = parseGreeting(m)
		o.Ideas = parseIdeas(m)
		if lt, n := m.String("lead_time", true); n != nil && lt != "" {
			if mm := leadRE.FindStringSubmatch(strings.TrimSpace(lt)); mm == nil {
				m.Errorf(n, "lead_time %q: expected a number of days or weeks, e.g. 10d or 3w", lt)
			} else {
				v, _ := strconv.Atoi(mm[1])
				if mm[2] == "w" {
					v *= 7
				}
				if v < 1 || v > 365 {
					m.Errorf(n, "lead_time %q: expected between 1 day and 52 weeks", lt)
				}
				o.LeadDays = v
			}
		}
		tags, tagNodes := m.Slugs("tags", "tag", m.Warnf)
		o.Tags = tags
		for _, n := range tagNodes {
			o.TagPos = append(o.TagPos, Pos{n.Line, yamlfile.ValueColumn(n)})
		}
	}
	return o
}

func parseRule(m *yamlfile.Map, n *yaml.Node, text string) *rule.Rule {
	if strings.Contains(text, "\n") {
		m.Errorf(n, "a date rule is one line")
		return nil
	}
	if hint := germanDateHint(text); hint != "" {
		m.Errorf(n, "%q is not a rule: %s", text, hint)
		return nil
	}
	r, err := rule.Parse(text)
	if err != nil {
		var re *rule.Error
		if errors.As(err, &re) {
			m.L.Errorf(m.Path, n.Line, yamlfile.ValueColumn(n)+re.Offset, "%s", re.Msg)
		} else {
			m.Errorf(n, "%v", err)
		}
		return nil
	}
	return r
}

func parseDates(m *yamlfile.Map) (map[int]YearRule, map[int]Pos) {
	n := m.Get("dates")
	if n == nil || n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		m.Errorf(n, "dates must be a table of year: date lines (2025: 06-26)")
		return nil, nil
	}
	dates := map[int]YearRule{}
	pos := map[int]Pos{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		y, err := strconv.Atoi(k.Value)
		if err != nil || k.Tag != "!!int" {
			m.Errorf(k, "dates: %q is not a year: expected e.g. 2025", k.Value)
			continue
		}
		if y < MinYear || y > MaxYear {
			m.Errorf(k, "dates: year %d is outside the supported years %d … %d", y, MinYear, MaxYear)
			continue
		}
		if _, dup := dates[y]; dup {
			m.Errorf(k, "dates: year %d is listed twice", y)
			continue
		}
		pos[y] = Pos{k.Line, k.Column}
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
			m.Errorf(v, "dates: %d needs a date (MM-DD) or a rule, or `none`", y)
			continue
		}
		if v.Tag == "!!timestamp" || fullDate.MatchString(v.Value) {
			m.Errorf(v, "dates: write %d's date as MM-DD (the year is the key), found %q", y, v.Value)
			continue
		}
		if strings.EqualFold(strings.TrimSpace(v.Value), "none") {
			dates[y] = YearRule{None: true}
			continue
		}
		if r := parseRule(m, v, v.Value); r != nil {
			dates[y] = YearRule{Rule: r}
		}
	}
	return dates, pos
}

var fullDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Dates as German writers type them: 05.10., 5.10.2026, 5. Oktober, 10/05.
var (
	germanNumericDate = regexp.MustCompile(`^\s*(\d{1,2})\.\s*(\d{1,2})\.?(\d{2,4})?\s*$`)
	germanWordDate    = regexp.MustCompile(`^\s*(\d{1,2})\.?\s*([A-Za-zä]+)\.?\s*(\d{2,4})?\s*$`)
	slashDate         = regexp.MustCompile(`^\s*(\d{1,2})/(\d{1,2})\s*$`)
	germanMonths      = []string{"jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"}
)

// germanDateHint recognises a date written the German way and says how to
// write it as a rule; "" when text does not look like one.
func germanDateHint(text string) string {
	mmdd := func(day, month int) string {
		if month < 1 || month > 12 || day < 1 || day > 31 {
			return ""
		}
		return fmt.Sprintf("write dates as MM-DD, month first, e.g. %02d-%02d", month, day)
	}
	if m := germanNumericDate.FindStringSubmatch(text); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		return mmdd(d, mo)
	}
	if m := germanWordDate.FindStringSubmatch(text); m != nil {
		word := strings.ToLower(m[2])
		for i, prefix := range germanMonths {
			if strings.HasPrefix(word, prefix) || prefix == "mär" && strings.HasPrefix(word, "mar") {
				d, _ := strconv.Atoi(m[1])
				return mmdd(d, i+1)
			}
		}
	}
	if m := slashDate.FindStringSubmatch(text); m != nil {
		return fmt.Sprintf("write dates as MM-DD with a hyphen, month first, e.g. %02s-%02s for month %s, day %s", m[1], m[2], m[1], m[2])
	}
	return ""
}

// parseSpan reads `since` and `until` from m (the file or one region
// entry): years within MinYear … MaxYear, until not before since; 0 where
// not given or invalid. sinceSet tells whether since was given as a number.
func parseSpan(m *yamlfile.Map) (since, until int, sinceSet bool) {
	s, sn, sok := m.Int("since", false)
	u, un, uok := m.Int("until", false)
	if sok {
		if s < MinYear || s > MaxYear {
			m.Errorf(sn, "since %d is outside the supported years %d … %d", s, MinYear, MaxYear)
		} else {
			since = s
		}
	}
	if uok {
		switch {
		case u < MinYear || u > MaxYear:
			m.Errorf(un, "until %d is outside the supported years %d … %d", u, MinYear, MaxYear)
		case sok && u < s:
			m.Errorf(un, "until %d is before since %d", u, s)
		default:
			until = u
		}
	}
	return since, until, sok
}

// regionKeys are the keys of a holiday's region entry in its long form.
var regionKeys = []string{"code", "partial", "since", "until"}

// parseRegions reads `regions:`. Occasions list plain codes; a holiday's
// entry may also be a mapping with partial and its own since/until, and a
// code may then appear in several entries whose years do not overlap (a
// holiday dropped and brought back). Entries for a country and one of its
// states must not overlap either: each region and year has one entry.
// since and until are the holiday's own years, for a warning when an entry
// can never apply.
func parseRegions(m *yamlfile.Map, holiday bool, since, until int) []RegionRef {
	items := m.Seq("regions", holiday)
	var out []RegionRef
	for _, it := range items {
		var ref RegionRef
		var codeNode *yaml.Node
		switch {
		case it.Kind == yaml.ScalarNode && it.Tag != "!!null":
			ref.Code, codeNode = it.Value, it
		case it.Kind == yaml.MappingNode && holiday:
			rm := yamlfile.NewMap(m.Path, it, m.L, "region", regionKeys...)
			ref.Code, codeNode = rm.String("code", true)
			ref.Partial, _ = rm.String("partial", false)
			ref.Since, ref.Until, _ = parseSpan(rm)
			if codeNode == nil {
				continue
			}
		default:
			m.Errorf(it, "each region must be a code such as DE, DE-BY, AT-9 or CH-ZH")
			continue
		}
		r, ok := regioncode.Lookup(ref.Code)
		if !ok {
			m.Errorf(codeNode, "unknown region %q: expected DE, AT, CH or an ISO 3166-2 code such as DE-BY, AT-9, CH-ZH", ref.Code)
			continue
		}
		if r.Code != ref.Code {
			m.Errorf(codeNode, "write the region code in upper case: %q", r.Code)
		}
		ref.Code = r.Code
		if i := slices.IndexFunc(out, func(x RegionRef) bool { return x.overlaps(ref) }); i >= 0 {
			prev := out[i]
			switch {
			case prev.Code == ref.Code && prev.Since == 0 && prev.Until == 0 && ref.Since == 0 && ref.Until == 0:
				m.Errorf(codeNode, "region %q is listed twice", ref.Code)
			case prev.Code == ref.Code:
				m.Errorf(codeNode, "region %q is listed twice for %s: give each entry since/until that do not overlap", ref.Code, prev.common(ref))
			default:
				m.Errorf(codeNode, "regions %q and %q both cover %s for %s: a region needs one entry per year (give them since/until that do not overlap)",
					prev.Code, ref.Code, narrower(prev.Code, ref.Code), prev.common(ref))
			}
			continue
		}
		if lo, hi := ref.span(); since != 0 && hi < since || until != 0 && lo > until {
			m.Warnf(codeNode, "region %q: its years (%s) lie outside the holiday's since/until: the entry never applies", ref.Code, yearRange(lo, hi))
		}
		out = append(out, ref)
	}
	return out
}

// span is the entry's years with open ends filled in.
func (r RegionRef) span() (lo, hi int) {
	lo, hi = MinYear, MaxYear
	if r.Since != 0 {
		lo = r.Since
	}
	if r.Until != 0 {
		hi = r.Until
	}
	return lo, hi
}

// overlaps reports whether r and o cover one region in one year: the same
// code, or a country and one of its states, with years in common.
func (r RegionRef) overlaps(o RegionRef) bool {
	a, _ := regioncode.Lookup(r.Code)
	b, _ := regioncode.Lookup(o.Code)
	place := a.Code == b.Code || a.IsCountry() && b.Country == a.Code || b.IsCountry() && a.Country == b.Code
	alo, ahi := r.span()
	blo, bhi := o.span()
	return place && alo <= bhi && blo <= ahi
}

// common names the years r and o have in common, for messages.
func (r RegionRef) common(o RegionRef) string {
	alo, ahi := r.span()
	blo, bhi := o.span()
	return yearRange(max(alo, blo), min(ahi, bhi))
}

// yearRange writes lo … hi as a contributor would: "every year", "1995",
// "1990 … 1994", "from 2018", "until 1994".
func yearRange(lo, hi int) string {
	switch {
	case lo == MinYear && hi == MaxYear:
		return "every year"
	case lo == hi:
		return strconv.Itoa(lo)
	case lo == MinYear:
		return fmt.Sprintf("the years until %d", hi)
	case hi == MaxYear:
		return fmt.Sprintf("the years from %d", lo)
	}
	return fmt.Sprintf("%d … %d", lo, hi)
}

// narrower is the state when one of two codes is its country.
func narrower(a, b string) string {
	if strings.Contains(a, "-") {
		return a
	}
	return b
}

// ParseSources reads the `sources:` list (url and title each, the url a web
// address); school-holiday files use the same form.
func ParseSources(m *yamlfile.Map) []Source {
	var out []Source
	for _, it := range m.Seq("sources", true) {
		if it.Kind != yaml.MappingNode {
			m.Errorf(it, "each source must have a url and a title (- url: https://… / title: …)")
			continue
		}
		sm := yamlfile.NewMap(m.Path, it, m.L, "source", sourceKeys...)
		var s Source
		var un *yaml.Node
		s.URL, un = sm.String("url", true)
		s.Title, _ = sm.String("title", true)
		if s.URL != "" {
			u, err := url.Parse(s.URL)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				m.Errorf(un, "source url %q is not a web address (https://…)", s.URL)
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// Limits on a greeting's length: a card text of two or three sentences.
const (
	MinGreeting = 60
	MaxGreeting = 500
)

// parseGreeting reads `greeting: {sie: …, du: …}`; both texts are required
// when the key is there.
func parseGreeting(m *yamlfile.Map) Greeting {
	var g Greeting
	gm := m.Mapping("greeting", false, "greeting", greetingKeys...)
	if gm == nil {
		if m.Get("greeting") == nil { // (a malformed one is an error already)
			at := m.Node
			if k := m.Key("ideas"); k != nil {
				at = k
			}
			m.Warnf(at, "no greeting: add a card text in both forms before ideas, `greeting: {sie: …, du: …}` (2–3 sentences each); the occasion page offers it to copy")
		}
		return g
	}
	for _, f := range []struct {
		key string
		dst *string
	}{{"sie", &g.Sie}, {"du", &g.Du}} {
		s, n := gm.String(f.key, true)
		if n == nil || s == "" {
			continue
		}
		*f.dst = strings.TrimSpace(s)
		if c := utf8.RuneCountInString(*f.dst); c < MinGreeting || c > MaxGreeting {
			m.Errorf(n, "greeting %s has %d characters: write a card text of 2–3 sentences (%d–%d characters)", f.key, c, MinGreeting, MaxGreeting)
		}
	}
	return g
}

func parseIdeas(m *yamlfile.Map) []Idea {
	items := m.Seq("ideas", true)
	var out []Idea
	for _, it := range items {
		if it.Kind != yaml.MappingNode {
			m.Errorf(it, "each idea must be a mapping with kind, title and text")
			continue
		}
		im := yamlfile.NewMap(m.Path, it, m.L, "idea", ideaKeys...)
		var idea Idea
		var kn *yaml.Node
		idea.Kind, kn = im.String("kind", true)
		if idea.Kind != "" && !slices.Contains(ideaKinds, idea.Kind) {
			m.Errorf(kn, "idea kind %q: expected gift or contact", idea.Kind)
		}
		idea.Title, _ = im.String("title", true)
		idea.Text, _ = im.String("text", true)
		idea.Text = strings.TrimSpace(idea.Text)
		idea.Audience, _ = im.String("audience", false)
		idea.Budget = parseBudget(im)
		slugs, nodes := im.Slugs("zielgruppen", "target group", im.Errorf) // unique in the schema
		idea.Zielgruppen = slugs
		for _, n := range nodes {
			idea.ZielgruppePos = append(idea.ZielgruppePos, Pos{n.Line, yamlfile.ValueColumn(n)})
		}
		if v, set := im.Bool("remote"); set {
			idea.Remote = &v
		}
		out = append(out, idea)
	}
	if n := m.Get("ideas"); n != nil && n.Kind == yaml.SequenceNode && len(out) < MinIdeas {
		m.Errorf(n, "%d idea(s): give at least %d concrete gift or contact ideas", len(out), MinIdeas)
	}
	return out
}
