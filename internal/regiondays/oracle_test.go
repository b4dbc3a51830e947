package regiondays_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/aa"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/testutil"
)

// The holiday data is compared with independent implementations over every
// year it vouches for: from regioncode.HolidaysFrom (1990 for Germany, 3
// October 1990 for the new states and Berlin, 2004 for Austria, 2008 for
// Switzerland) to oracleTo. Each oracle has its own list of deliberate
// differences (rickar_test.go, dateholidays_test.go); the test fails on an
// unexplained difference and on an exception that does not occur in exactly
// the years it claims.
const oracleTo = 2100

// oracle is an independent list of holidays per region and day.
type oracle struct {
	name string
	// public are the oracle's general public holidays, other the days it
	// lists as something less (a school, optional or bank holiday): a day we
	// mark as partial or not a day off agrees with those.
	public, other map[string]map[civil.Date][]string
}

// dayOf returns the day on which the oracle has the public holiday name in
// region and year.
func (o *oracle) dayOf(region, name string, year int) (civil.Date, bool) {
	for d, names := range o.public[region] {
		if d.Year() == year && slices.Contains(names, name) {
			return d, true
		}
	}
	return 0, false
}

// side says how a day differs.
type side int

const (
	oursOnly   side = iota // we list a holiday on a day the oracle has no public holiday
	oracleOnly             // the oracle lists a public holiday on a day we have none
	notFull                // both list the day, but ours is partial or not a day off
)

func (s side) String() string {
	return [...]string{"ours only", "oracle only", "ours partial or not a day off"}[s]
}

// first stands for the first year compared in a region, in exception.from.
const first = 0

// exception is one deliberate difference: in regions (space-separated
// codes), holiday name (our id, or the oracle's name for oracleOnly; several
// separated by "|"), in the years from…to where when holds (nil: all). on,
// when set, is the date our holiday must fall on, computed independently;
// for an oursOnly entry with on and when, when also says in which years our
// holiday occurs at all.
type exception struct {
	regions  string
	side     side
	name     string
	from, to int
	when     func(y int) bool
	on       func(y int) civil.Date
	// partOnly: our holiday is partial or not a day off (oursOnly).
	partOnly bool
	// ours: for oracleOnly, our holiday(s) that would be the oracle's day;
	// they must not be listed in the claimed years.
	ours string
	why  string
}

var (
	sunAn = func(m time.Month, d int) func(int) bool { // that day is a Sunday
		return func(y int) bool { return civil.Of(y, m, d).Weekday() == time.Sunday }
	}
	fixed = func(m time.Month, d int) func(int) civil.Date {
		return func(y int) civil.Date { return civil.Of(y, m, d) }
	}
	// rickarDay evaluates a rickar rule (its own Easter and weekday code).
	rickarDay = func(h *cal.Holiday, y int) civil.Date { d, _ := h.Calc(y); return civil.FromTime(d) }
	easter    = func(offset int) func(int) civil.Date {
		return func(y int) civil.Date { return rickarDay(aa.Easter, y).AddDays(offset) }
	}
	// busstag is the Wednesday before 23 November.
	busstag = func(y int) civil.Date {
		d := civil.Of(y, time.November, 22)
		for d.Weekday() != time.Wednesday {
			d = d.AddDays(-1)
		}
		return d
	}
)

const (
	partialWhy = "ours marks the day as applying only in part of the canton/state (see the holiday's `partial`); the oracle has no notion of partial holidays and lists it as canton/state-wide"
	patronWhy  = "Austrian patron saint's/state day: school holiday, not a general day off (day_off: false); the oracle lists only the general holidays"
	sundayWhy  = "a holiday that always falls on a Sunday; our data lists such days only where a law names them (Brandenburg)"
)

// diffKey identifies one difference.
type diffKey struct {
	region string
	side   side
	name   string
	year   int
}

// firstYear is the first year compared in region r.
func firstYear(r *regiondays.Region) int { return r.KnownFrom.Year() }

// compare returns every unexplained difference between the book and the
// oracle, and every exception that does not hold exactly.
func compare(t *testing.T, book *regiondays.Book, o *oracle, exceptions []exception) []string {
	var probs []string
	got := map[diffKey]bool{}
	type holidayYear struct {
		region, id string
		year       int
	}
	ourDay := map[holidayYear]civil.Date{} // where our holiday falls, per region and year
	for code, theirs := range o.public {
		r := book.Get(code)
		ours := map[civil.Date][]regiondays.Holiday{}
		for _, h := range r.Holidays {
			ours[h.Start] = append(ours[h.Start], h)
			ourDay[holidayYear{code, h.Occasion.ID, h.Year}] = h.Start
		}
		for d, hs := range ours {
			full := slices.ContainsFunc(hs, regiondays.Holiday.Full)
			for _, h := range hs {
				switch {
				case theirs[d] == nil && (h.Full() || o.other[code][d] == nil):
					got[diffKey{code, oursOnly, h.Occasion.ID, d.Year()}] = true
				case theirs[d] != nil && !full:
					got[diffKey{code, notFull, h.Occasion.ID, d.Year()}] = true
				}
			}
		}
		for d, names := range theirs {
			if d >= r.KnownFrom && d.Year() <= oracleTo && ours[d] == nil {
				for _, n := range names {
					got[diffKey{code, oracleOnly, n, d.Year()}] = true
				}
			}
		}
	}

	// Every difference is explained.
	covered := func(k diffKey) bool {
		return slices.ContainsFunc(exceptions, func(e exception) bool {
			return e.side == k.side && slices.Contains(strings.Fields(e.regions), k.region) &&
				slices.Contains(strings.Split(e.name, "|"), k.name) && k.year >= e.from && k.year <= e.to && (e.when == nil || e.when(k.year))
		})
	}
	var unexplained []string
	for k := range got {
		if !covered(k) {
			unexplained = append(unexplained, fmt.Sprintf("%s %d: %s: %s", k.region, k.year, k.side, k.name))
		}
	}
	slices.Sort(unexplained)
	for _, u := range unexplained {
		probs = append(probs, "unexplained difference from "+o.name+": "+u)
	}

	// Every exception occurs in exactly the years it claims (unless the
	// day coincides with another holiday both sides list), and our
	// holiday falls on the independently computed date.
	for _, e := range exceptions {
		for _, code := range strings.Fields(e.regions) {
			r := book.Get(code)
			if _, ok := o.public[code]; !ok {
				t.Fatalf("exception for %s, a region %s is not compared in", code, o.name)
			}
			for _, name := range strings.Split(e.name, "|") {
				for y := firstYear(r); y <= oracleTo; y++ {
					claimed := y >= e.from && y <= e.to && (e.when == nil || e.when(y))
					k := diffKey{code, e.side, name, y}
					if e.side == oracleOnly {
						d, ok := o.dayOf(code, name, y)
						if claimed && !got[k] && !(ok && maskedOracle(r, d, strings.Split(e.ours, "|"))) {
							probs = append(probs, fmt.Sprintf("exception %s %s %s claims %d, but there is no such difference", code, e.side, name, y))
						}
						continue
					}
					d, listed := ourDay[holidayYear{code, name, y}]
					switch {
					case claimed && !listed:
						probs = append(probs, fmt.Sprintf("exception %s %s %s claims %d, but our data has no %s that year", code, e.side, name, y, name))
					case !claimed && listed && e.side == oursOnly && e.when != nil && e.on != nil:
						probs = append(probs, fmt.Sprintf("%s %s: our data lists %s in %d, a year the rule excludes", code, name, d, y))
					case claimed && !got[k] && !maskedOurs(r, o, code, d, e.side):
						probs = append(probs, fmt.Sprintf("exception %s %s %s claims %d, but there is no such difference", code, e.side, name, y))
					}
					if claimed && listed && e.side == oursOnly && !slices.ContainsFunc(r.HolidaysOn(d), func(h regiondays.Holiday) bool {
						return h.Occasion.ID == name && h.Full() != e.partOnly
					}) {
						probs = append(probs, fmt.Sprintf("exception %s %s %s %d: says partial or not a day off = %v, our data says %v", code, e.side, name, y, e.partOnly, !e.partOnly))
					}
					if claimed && listed && e.on != nil && d != e.on(y) {
						probs = append(probs, fmt.Sprintf("%s %s %d falls on %s, independently computed: %s", code, name, y, d, e.on(y)))
					}
				}
			}
		}
	}
	return probs
}

// maskedOracle: the oracle's holiday falls on d, a day on which we list
// some other holiday (none of ours, its counterparts), so the day shows no
// difference.
func maskedOracle(r *regiondays.Region, d civil.Date, ours []string) bool {
	on := r.HolidaysOn(d)
	return len(on) > 0 && !slices.ContainsFunc(on, func(x regiondays.Holiday) bool { return slices.Contains(ours, x.Occasion.ID) })
}

// maskedOurs: our holiday on d shows no difference of that side because the
// oracle lists d (oursOnly) or because another full holiday of ours is on d (notFull).
func maskedOurs(r *regiondays.Region, o *oracle, code string, d civil.Date, s side) bool {
	theirs := o.public[code][d] != nil
	if s == oursOnly {
		return theirs || o.other[code][d] != nil
	}
	return !theirs || slices.ContainsFunc(r.HolidaysOn(d), regiondays.Holiday.Full)
}

// mutations change a copy of the holiday data; each must make the
// comparison with every oracle find a problem.
var mutations = map[string]struct{ file, old, new string }{
	"state missing":             {"holidays/de/de-allerheiligen.yaml", "  - DE-BW\n", ""},
	"wrong date":                {"holidays/ch/ch-peter-und-paul.yaml", `date: "06-29"`, `date: "06-28"`},
	"conditional year gap":      {"holidays/ch/ch-berchtoldstag-ne.yaml", `  2023: "01-02"` + "\n", ""},
	"conditional year too many": {"holidays/ch/ch-stephanstag-appenzell-ausserrhoden.yaml", `  2026: "none"` + "\n", ""},
	"exception year wrong":      {"holidays/de/de-frauentag-mv.yaml", "since: 2023", "since: 2022"},
	"partial made full":         {"holidays/de/de-augsburger-friedensfest.yaml", "  - code: DE-BY\n    partial: \"nur im Stadtgebiet Augsburg\"", "  - DE-BY"},
	"region years too short":    {"holidays/de/de-buss-und-bettag.yaml", "    until: 1994", "    until: 1993"},
	"region years too long":     {"holidays/de/de-heilige-drei-koenige.yaml", "  - code: DE-ST\n    since: 1993", "  - DE-ST"},
}

func testMutations(t *testing.T, o *oracle, exceptions []exception) {
	for name, m := range mutations {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			testutil.CopyDir(t, "../../holidays", filepath.Join(dir, "holidays"))
			if err := os.MkdirAll(filepath.Join(dir, "occasions"), 0o755); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, m.file)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), m.old) {
				t.Fatalf("%s does not contain %q", m.file, m.old)
			}
			testutil.WriteFile(t, p, strings.Replace(string(data), m.old, m.new, 1))
			if probs := compare(t, oracleBook(t, dir), o, exceptions); len(probs) == 0 {
				t.Errorf("no problem found")
			}
		})
	}
}

// oracleBook computes every region of the holiday data under root over all
// the years compared.
func oracleBook(t testing.TB, root string) *regiondays.Book {
	from := civil.Of(9999, 1, 1)
	for _, r := range regioncode.All() {
		from = min(from, regioncode.HolidaysFrom(r))
	}
	return loadBook(t, root, from, civil.Of(oracleTo, 12, 31))
}

// loadBook computes the regions of the holiday data under root.
func loadBook(t testing.TB, root string, from, to civil.Date) *regiondays.Book {
	t.Helper()
	cat, l := occasion.Load(root)
	if l.HasErrors() {
		t.Fatalf("the holidays have errors:\n%v", l)
	}
	b, err := regiondays.ForRange(schedule.New(cat), nil, from, to)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var bookCache struct {
	book *regiondays.Book
}

// repoBook is the repository's own data, computed once for all tests.
func repoBook(t *testing.T) *regiondays.Book {
	if bookCache.book == nil {
		bookCache.book = oracleBook(t, "../..")
	}
	return bookCache.book
}

// readTable reads an oracle table written by a generator under testdata:
// lines "region;type;name;runs", each run "YYYY[-YYYY]:MMDD".
func readTable(t *testing.T, name, path string) *oracle {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	o := &oracle{name: name, public: map[string]map[civil.Date][]string{}, other: map[string]map[civil.Date][]string{}}
	s := bufio.NewScanner(f)
	s.Buffer(nil, 1<<20)
	for n := 1; s.Scan(); n++ {
		line := s.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, ";")
		if len(f) != 4 {
			t.Fatalf("%s:%d: expected region;type;name;runs", path, n)
		}
		dst := o.other
		if f[1] == "public" {
			dst = o.public
		}
		if dst[f[0]] == nil {
			dst[f[0]] = map[civil.Date][]string{}
		}
		if o.public[f[0]] == nil {
			o.public[f[0]] = map[civil.Date][]string{}
		}
		for _, run := range strings.Fields(f[3]) {
			years, md, ok := strings.Cut(run, ":")
			lo, hi, _ := strings.Cut(years, "-")
			y0, err1 := strconv.Atoi(lo)
			y1, err2 := strconv.Atoi(cmpOr(hi, lo))
			m, err3 := strconv.Atoi(md[:min(2, len(md))])
			d, err4 := strconv.Atoi(md[min(2, len(md)):])
			if !ok || len(md) != 4 || err1 != nil || err2 != nil || err3 != nil || err4 != nil {
				t.Fatalf("%s:%d: bad run %q", path, n, run)
			}
			for y := y0; y <= y1; y++ {
				day := civil.Of(y, time.Month(m), d)
				dst[f[0]][day] = append(dst[f[0]][day], f[2])
			}
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return o
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
