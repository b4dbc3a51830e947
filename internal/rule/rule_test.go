package rule

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/anlass/anlass/internal/civil"
	"github.com/rickar/cal/v2"
)

// mapResolver resolves @id from a fixed table of rules.
type mapResolver map[string]string

func (m mapResolver) Start(id string, year int) (civil.Date, bool, error) {
	text, ok := m[id]
	if !ok {
		return 0, false, fmt.Errorf("unknown occasion %q", id)
	}
	r, err := Parse(text)
	if err != nil {
		return 0, false, err
	}
	s, _, ok, err := r.Eval(year, m)
	return s, ok, err
}

var refs = mapResolver{"black-friday": "fri after 4th thu of november", "loop": "@loop +1"}

func mustEval(t *testing.T, text string, year int) (string, string, bool) {
	t.Helper()
	r, err := Parse(text)
	if err != nil {
		t.Fatalf("Parse(%q): %v", text, err)
	}
	s, e, ok, err := r.Eval(year, refs)
	if err != nil {
		t.Fatalf("Eval(%q, %d): %v", text, year, err)
	}
	return s.String(), e.String(), ok
}

// One table per rule kind. The expected dates are public facts that can be
// checked in any calendar or at the cited places:
// Muttertag and Pfingsten: the DE public-holiday calendar; Weltspartag 2016:
// morgenpost.de (see shared occasion facts); equinoxes and solstices: USNO.
func TestEvalKinds(t *testing.T) {
	for _, tc := range []struct {
		kind, rule string
		year       int
		start, end string // end "" means same as start; start "-" means no occurrence
	}{
		{"fixed", "06-14", 2025, "2025-06-14", ""},
		{"fixed leap", "02-29", 2024, "2024-02-29", ""},
		{"fixed leap", "02-29", 2025, "-", ""},
		{"fixed leap", "02-29", 2100, "-", ""},
		{"fixed leap", "02-29", 2000, "2000-02-29", ""},
		{"nth", "2nd sun of may", 2025, "2025-05-11", ""},
		{"nth", "1st fri of october", 2025, "2025-10-03", ""},
		{"nth", "last fri of september", 2025, "2025-09-26", ""},
		{"nth", "last sun of march", 2026, "2026-03-29", ""},
		{"nth long names", "second sunday of May", 2026, "2026-05-10", ""},
		{"nth month number", "2nd sun of 5", 2026, "2026-05-10", ""},
		{"nth missing 5th", "5th sun of february", 2025, "-", ""},
		{"nth 5th", "5th sun of february", 2032, "2032-02-29", ""},
		{"nth workday", "1st workday of november", 2025, "2025-11-03", ""},
		{"nth workday", "last workday of may", 2025, "2025-05-30", ""},
		{"easter", "easter", 2025, "2025-04-20", ""},
		{"easter", "easter+50", 2025, "2025-06-09", ""}, // Pfingstmontag
		{"easter", "easter - 2", 2026, "2026-04-03", ""},
		{"easter", "easter+39", 2026, "2026-05-14", ""}, // Christi Himmelfahrt
		{"easter", "orthodox-easter", 2026, "2026-04-12", ""},
		{"easter", "orthodox-easter+1", 2026, "2026-04-13", ""},
		{"astro", "march-equinox", 2026, "2026-03-20", ""},
		{"astro", "june-solstice", 2028, "2028-06-20", ""},
		{"astro", "september-equinox", 2026, "2026-09-23", ""}, // 00:05 UTC = 02:05 in Berlin
		{"astro", "december-solstice", 2027, "2027-12-22", ""},
		{"relative", "fri after 3rd sun of june", 2025, "2025-06-20", ""},
		{"relative", "fri after 4th thu of november", 2025, "2025-11-28", ""},
		{"relative", "4th thu of november +1", 2026, "2026-11-27", ""},
		{"relative", "wed before 11-23", 2025, "2025-11-19", ""},     // Buß- und Bettag
		{"relative", "wed before 11-23", 2022, "2022-11-16", ""},     // 11-23 itself is a Wednesday
		{"relative", "4th sun before 12-25", 2022, "2022-11-27", ""}, // 1st Advent; 12-25 a Sunday
		{"relative", "4th sun before 12-25", 2023, "2023-12-03", ""}, // 12-24 a Sunday
		{"relative", "sun on-or-after 06-01", 2025, "2025-06-01", ""},
		{"relative", "sun after 06-01", 2025, "2025-06-08", ""},
		{"relative", "2nd sat after 01-01", 2026, "2026-01-10", ""},
		{"relative", "fri on-or-after 06-19", 2026, "2026-06-19", ""}, // Midsommarafton
		{"weekend", "workday on-or-before 10-30", 2016, "2016-10-28", ""},
		{"weekend", "workday on-or-before 10-30", 2025, "2025-10-30", ""},
		{"weekend", "workday on-or-before 10-30", 2021, "2021-10-29", ""},
		{"weekend", "workday on-or-after 01-01", 2022, "2022-01-03", ""},
		{"reference", "@black-friday", 2025, "2025-11-28", ""},
		{"reference", "mon after @black-friday", 2025, "2025-12-01", ""},
		{"reference", "@black-friday +3", 2026, "2026-11-30", ""},
		{"span", "12-25..01-06", 2025, "2025-12-25", "2026-01-06"},
		{"span", "05-11..05-15", 2025, "2025-05-11", "2025-05-15"},
		{"span", "easter-52..easter-47", 2026, "2026-02-12", "2026-02-17"},
		{"span", "12-31..01-01", 2024, "2024-12-31", "2025-01-01"},
		{"grouping", "(fri after 3rd sun of june) +7", 2025, "2025-06-27", ""},
	} {
		t.Run(tc.kind+"/"+tc.rule, func(t *testing.T) {
			s, e, ok := mustEval(t, tc.rule, tc.year)
			if tc.start == "-" {
				if ok {
					t.Fatalf("%d: got %s, want no occurrence", tc.year, s)
				}
				return
			}
			want := tc.end
			if want == "" {
				want = tc.start
			}
			if !ok || s != tc.start || e != want {
				t.Fatalf("%d: got %s..%s (ok=%v), want %s..%s", tc.year, s, e, ok, tc.start, want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		rule string
		col  int // 1-based
		msg  string
	}{
		{"02-30", 1, `02-30 does not exist: February has 29 days`},
		{"13-01", 1, `13-01 does not exist: month 13 is not 01 … 12 (the form is MM-DD)`},
		{"6-14", 1, `"6-14": write month and day with two digits each, MM-DD (e.g. 06-14)`},
		{"2025-06-14", 1, `"2025-06-14" is a full date: a rule gives month and day (MM-DD); a date for a single year goes into the ` + "`dates:`" + ` table`},
		{"06-14-2025", 1, `"06-14-" is not a day: write month and day as MM-DD (e.g. 06-14); years go into the ` + "`dates:`" + ` table`},
		{"", 1, "the rule is empty: expected " + expectRule},
		{"2nd sonntag of may", 5, `unknown word "sonntag": rules use English words, write "sun"`},
		{"2nd sun of mai", 12, `unknown word "mai": rules use English words, write "may"`},
		{"2nd sun of 13", 12, `month 13 does not exist: expected 1 … 12`},
		{"2nd sun in may", 9, `expected after, before, on-or-after or on-or-before, found "in"`},
		{"last fri after 06-01", 10, `expected "of" and a month after "last fri" ("last" counts within a month, e.g. last fri of september)`},
		{"6th sun of may", 1, `unknown ordinal "6th": expected 1st, 2nd, 3rd, 4th, 5th or last`},
		{"easter+", 8, `expected a number of days after "+", found the end of the rule`},
		{"easter+x", 8, `expected a number of days after "+", found "x"`},
		{"easter 50", 8, `unexpected "50": expected an offset (+N, -N), a span (..) or the end of the rule`},
		{"fri after", 10, "the rule ends too early: expected " + expectRule},
		{"12-25..01-06..02-01", 13, "a rule has at most one span (a..b)"},
		{"12-25.01-06", 6, `unexpected ".": a span is written with two dots, e.g. 12-25..01-06`},
		{"(easter+1", 10, `expected ")" to close the "(" at column 1, found the end of the rule`},
		{"@", 1, `expected an occasion id after "@", e.g. @black-friday`},
		{"fullmoon", 1, `unknown word "fullmoon": expected ` + expectRule},
		{"easter + 500", 10, "an offset must be between 0 and 400 days, found 500"},
		{"06-14 #", 7, `unexpected character "#"`},
		{"10", 1, "a bare number is not a date: write a day as MM-DD (e.g. 06-14) or an ordinal as 1st, 2nd, …"},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			_, err := Parse(tc.rule)
			if err == nil {
				t.Fatalf("Parse(%q) succeeded, want error", tc.rule)
			}
			re, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %T, want *Error", err)
			}
			if re.Msg != tc.msg || re.Offset+1 != tc.col {
				t.Fatalf("Parse(%q):\n got col %d: %s\nwant col %d: %s", tc.rule, re.Offset+1, re.Msg, tc.col, tc.msg)
			}
		})
	}
}

func TestEvalErrors(t *testing.T) {
	r, err := Parse("12-25..12-20")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := r.Eval(2025, nil); err == nil || !strings.Contains(err.Error(), "a span must end within 186 days of its start") {
		t.Fatalf("got %v", err)
	}
	r, _ = Parse("mon after @nobody")
	if _, _, _, err := r.Eval(2025, refs); err == nil || !strings.Contains(err.Error(), `unknown occasion "nobody"`) {
		t.Fatalf("got %v", err)
	}
}

func TestRefs(t *testing.T) {
	r, err := Parse("(mon after @black-friday)..@cyber-week +4")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ref := range r.Refs() {
		got = append(got, fmt.Sprintf("%s@%d", ref.ID, ref.At))
	}
	if strings.Join(got, " ") != "black-friday@11 cyber-week@27" {
		t.Fatalf("Refs = %v", got)
	}
}

// --- oracle tests over 1900–2200 against rickar/cal's independent code ---

var allWeekdays = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

func TestNthWeekdayOracle(t *testing.T) {
	ords := map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", -1: "last"}
	for n, ord := range ords {
		for wd, name := range allWeekdays {
			for m := time.January; m <= time.December; m++ {
				r, err := Parse(fmt.Sprintf("%s %s of %d", ord, name, m))
				if err != nil {
					t.Fatal(err)
				}
				for y := 1900; y <= 2200; y++ {
					got, _, ok, err := r.Eval(y, nil)
					want := civil.FromTime(cal.WeekdayN(y, m, time.Weekday(wd), n))
					if err != nil || !ok || got != want {
						t.Fatalf("%q in %d = %s (ok=%v, %v), rickar/cal says %s", r.Text, y, got, ok, err, want)
					}
				}
			}
		}
	}
}

func TestRelativeOracle(t *testing.T) {
	for wd, name := range allWeekdays {
		for _, dir := range []string{"after", "before", "on-or-after", "on-or-before"} {
			for _, n := range []int{1, 2, 4} {
				text := fmt.Sprintf("%d%s %s %s 11-23", n, map[int]string{1: "st", 2: "nd", 4: "th"}[n], name, dir)
				r, err := Parse(text)
				if err != nil {
					t.Fatal(err)
				}
				for y := 1900; y <= 2200; y++ {
					base := time.Date(y, 11, 23, 12, 0, 0, 0, time.UTC)
					var want time.Time
					switch dir {
					case "after":
						want = cal.WeekdayNFrom(base.AddDate(0, 0, 1), time.Weekday(wd), n)
					case "on-or-after":
						want = cal.WeekdayNFrom(base, time.Weekday(wd), n)
					case "before":
						want = cal.WeekdayNFrom(base.AddDate(0, 0, -1), time.Weekday(wd), -n)
					case "on-or-before":
						want = cal.WeekdayNFrom(base, time.Weekday(wd), -n)
					}
					got, _, _, err := r.Eval(y, nil)
					if err != nil || got != civil.FromTime(want) {
						t.Fatalf("%q in %d = %s (%v), rickar/cal says %s", text, y, got, err, want.Format("2006-01-02"))
					}
				}
			}
		}
	}
}

func TestEasterOffsetOracle(t *testing.T) {
	for _, off := range []int{-52, -48, -2, 0, 1, 39, 49, 50, 60} {
		text := fmt.Sprintf("easter%+d", off)
		r, err := Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		h := &cal.Holiday{Func: cal.CalcEasterOffset, Offset: off}
		for y := 1900; y <= 2200; y++ {
			got, _, _, _ := r.Eval(y, nil)
			if want := civil.FromTime(h.Func(h, y)); got != want {
				t.Fatalf("%s in %d = %s, rickar/cal says %s", text, y, got, want)
			}
		}
	}
}

// "workday on-or-before MM-DD" against the plain definition, computed with the
// time package: the day itself, or the Friday before when it is a weekend.
func TestWeekendShiftOracle(t *testing.T) {
	r, _ := Parse("workday on-or-before 10-30")
	r2, _ := Parse("workday on-or-after 10-30")
	for y := 1900; y <= 2200; y++ {
		d := time.Date(y, 10, 30, 0, 0, 0, 0, time.UTC)
		before, after := d, d
		switch d.Weekday() {
		case time.Saturday:
			before, after = d.AddDate(0, 0, -1), d.AddDate(0, 0, 2)
		case time.Sunday:
			before, after = d.AddDate(0, 0, -2), d.AddDate(0, 0, 1)
		}
		got, _, _, _ := r.Eval(y, nil)
		got2, _, _, _ := r2.Eval(y, nil)
		if got != civil.FromTime(before) || got2 != civil.FromTime(after) {
			t.Fatalf("%d: got %s / %s, want %s / %s", y, got, got2, before.Format(time.DateOnly), after.Format(time.DateOnly))
		}
	}
}

func TestSpanAcrossNewYearOracle(t *testing.T) {
	r, _ := Parse("12-25..01-06")
	for y := 1900; y <= 2200; y++ {
		s, e, ok, err := r.Eval(y, nil)
		if err != nil || !ok {
			t.Fatal(err)
		}
		ws := time.Date(y, 12, 25, 0, 0, 0, 0, time.UTC)
		we := time.Date(y+1, 1, 6, 0, 0, 0, 0, time.UTC)
		if s != civil.FromTime(ws) || e != civil.FromTime(we) || e.Sub(s) != 12 {
			t.Fatalf("%d: %s..%s", y, s, e)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"06-14", "02-29", "2nd sun of may", "last fri of september", "easter+50", "orthodox-easter-2",
		"march-equinox", "fri after 3rd sun of june", "workday on-or-before 10-30", "12-25..01-06",
		"@black-friday +3", "(fri after 3rd sun of june) +7", "4th sun before 12-25", "1st workday of 11",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Parse(s)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("Parse(%q) returned %T", s, err)
			}
			if e := err.(*Error); e.Offset < 0 || e.Offset > utf8.RuneCountInString(strings.ToLower(s)) {
				t.Fatalf("Parse(%q): offset %d out of range", s, e.Offset)
			}
			return
		}
		for _, y := range []int{1583, 2024, 2025, 2999} {
			_, _, _, _ = r.Eval(y, refs)
		}
	})
}
