package customerdates

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/customer"
)

// Every day of a leap and a common year as date of birth, in years around
// the century rules (1900 and 2100 common, 2000 leap), against python's
// dateutil (testdata/gen_yearly.py): its relativedelta adds years and months
// by clipping to the end of the month, an independent implementation of
// the same rules.
func TestYearlyAgainstDateutil(t *testing.T) {
	f, err := os.Open("testdata/yearly-dateutil.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	rows := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Fields(line)
		if len(fs) != 5 {
			t.Fatalf("bad row %q", line)
		}
		rows++
		birth := day(fs[0])
		year, _ := strconv.Atoi(fs[1])
		by, bm, bd := birth.YMD()
		b := customer.Date{Year: by, Month: bm, Day: bd}
		noYear := customer.Date{Month: bm, Day: bd}
		check := func(what string, got string, ok bool, want string) {
			t.Helper()
			if !ok {
				got = "-"
			}
			if got != want {
				t.Errorf("%s of %s in %d = %s, dateutil says %s", what, fs[0], year, got, want)
			}
		}
		d, age, ok := BirthdayIn(b, year, Feb29OnFeb28)
		check("birthday (02-28)", d.String(), ok, fs[2])
		if ok && age != year-by {
			t.Errorf("age at %s: %d", d, age)
		}
		d, _, ok = BirthdayIn(b, year, Feb29OnMar1)
		check("birthday (03-01)", d.String(), ok, fs[3])
		d, ok = HalfBirthdayIn(b, year)
		check("half birthday", d.String(), ok, fs[4])
		d, n, ok := AnniversaryIn(b, year, Feb29OnFeb28)
		check("anniversary (02-28)", d.String(), ok, fs[2])
		if ok && n != year-by {
			t.Errorf("anniversary %s: %d years", d, n)
		}
		d, _, ok = AnniversaryIn(b, year, Feb29OnMar1)
		check("anniversary (03-01)", d.String(), ok, fs[3])
		if year > by {
			// Without the year of birth, every year has both.
			d, age, ok = BirthdayIn(noYear, year, Feb29OnFeb28)
			check("birthday without year", d.String(), ok, fs[2])
			if age != 0 {
				t.Errorf("age %d without a year of birth", age)
			}
			d, ok = HalfBirthdayIn(noYear, year)
			check("half birthday without year", d.String(), ok, fs[4])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if rows < 4000 {
		t.Fatalf("only %d rows in the oracle table", rows)
	}
}

// The rules as the issue states them, in leap and common years.
func TestRules(t *testing.T) {
	type row struct {
		birth        customer.Date
		year         int
		feb28, mar1  string // birthday
		half, sinceF string // half birthday; anniversary with 02-28
	}
	for _, r := range []row{
		// 29 February: 28 February (or 1 March) in common years; the half birthday is 29 August.
		{date(1984, 2, 29), 1900, "-", "-", "-", "-"},
		{date(1984, 2, 29), 2023, "2023-02-28", "2023-03-01", "2023-08-29", "2023-02-28"},
		{date(1984, 2, 29), 2024, "2024-02-29", "2024-02-29", "2024-08-29", "2024-02-29"},
		{date(1896, 2, 29), 1900, "1900-02-28", "1900-03-01", "1900-08-29", "1900-02-28"},
		{date(1896, 2, 29), 2000, "2000-02-29", "2000-02-29", "2000-08-29", "2000-02-29"},
		{date(1896, 2, 29), 2100, "2100-02-28", "2100-03-01", "2100-08-29", "2100-02-28"},
		// 31 August: the half birthday is the last day of February.
		{date(1977, 8, 31), 2023, "2023-08-31", "2023-08-31", "2023-02-28", "2023-08-31"},
		{date(1977, 8, 31), 2024, "2024-08-31", "2024-08-31", "2024-02-29", "2024-08-31"},
		{date(1899, 8, 31), 1900, "1900-08-31", "1900-08-31", "1900-02-28", "1900-08-31"},
		{date(1899, 8, 31), 2000, "2000-08-31", "2000-08-31", "2000-02-29", "2000-08-31"},
		{date(1899, 8, 31), 2100, "2100-08-31", "2100-08-31", "2100-02-28", "2100-08-31"},
		// 30 December → 30 June; 31 December → 30 June; 31 March → 30 September.
		{date(1990, 12, 30), 2024, "2024-12-30", "2024-12-30", "2024-06-30", "2024-12-30"},
		{date(1990, 12, 31), 2024, "2024-12-31", "2024-12-31", "2024-06-30", "2024-12-31"},
		{date(1979, 3, 31), 2023, "2023-03-31", "2023-03-31", "2023-09-30", "2023-03-31"},
		{date(1979, 5, 31), 2023, "2023-05-31", "2023-05-31", "2023-11-30", "2023-05-31"},
		// The first half birthday: six months after birth, in the year of birth for January–June.
		{date(2023, 1, 15), 2023, "-", "-", "2023-07-15", "-"},
		{date(2023, 7, 15), 2023, "-", "-", "-", "-"},
		{date(2023, 7, 15), 2024, "2024-07-15", "2024-07-15", "2024-01-15", "2024-07-15"},
		// Without a year, every year.
		{customer.Date{Month: 2, Day: 29}, 2023, "2023-02-28", "2023-03-01", "2023-08-29", "-"},
		{customer.Date{Month: 8, Day: 31}, 2100, "2100-08-31", "2100-08-31", "2100-02-28", "-"},
		{customer.Date{Month: 12, Day: 31}, 2024, "2024-12-31", "2024-12-31", "2024-06-30", "-"},
	} {
		show := func(d interface{ String() string }, ok bool) string {
			if !ok {
				return "-"
			}
			return d.String()
		}
		d, _, ok := BirthdayIn(r.birth, r.year, Feb29OnFeb28)
		d2, _, ok2 := BirthdayIn(r.birth, r.year, Feb29OnMar1)
		h, okh := HalfBirthdayIn(r.birth, r.year)
		a, _, oka := AnniversaryIn(r.birth, r.year, Feb29OnFeb28)
		got := []string{show(d, ok), show(d2, ok2), show(h, okh), show(a, oka)}
		want := []string{r.feb28, r.mar1, r.half, r.sinceF}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%v in %d: got %v, want %v", r.birth, r.year, got, want)
		}
	}
}

func TestRound(t *testing.T) {
	var round []int
	for n := 0; n <= 30; n++ {
		if Round(n) {
			round = append(round, n)
		}
	}
	if got := joinInts(round); got != "1 5 10 15 20 25 30" {
		t.Errorf("round anniversaries up to 30: %s", got)
	}
}

func joinInts(ns []int) string {
	var s []string
	for _, n := range ns {
		s = append(s, strconv.Itoa(n))
	}
	return strings.Join(s, " ")
}

func TestYearly(t *testing.T) {
	for _, tc := range []struct {
		year    int
		m       time.Month
		d       int
		rule    Feb29
		want    string
		shifted bool
	}{
		{2023, 2, 29, Feb29OnFeb28, "2023-02-28", true},
		{2023, 2, 29, Feb29OnMar1, "2023-03-01", true},
		{2024, 2, 29, Feb29OnMar1, "2024-02-29", false},
		{1900, 2, 29, Feb29OnFeb28, "1900-02-28", true},
		{2000, 2, 29, Feb29OnFeb28, "2000-02-29", false},
		{2100, 2, 29, Feb29OnMar1, "2100-03-01", true},
		{2023, 2, 28, Feb29OnMar1, "2023-02-28", false},
		{2023, 3, 1, Feb29OnFeb28, "2023-03-01", false},
	} {
		got, shifted := Yearly(tc.year, tc.m, tc.d, tc.rule)
		if got.String() != tc.want || shifted != tc.shifted {
			t.Errorf("Yearly(%d, %d, %d, %d) = %s, %v; want %s, %v", tc.year, tc.m, tc.d, tc.rule, got, shifted, tc.want, tc.shifted)
		}
	}
}

func TestParseLead(t *testing.T) {
	for in, want := range map[string]int{"14": 14, "10d": 10, "10D": 10, "10t": 10, "3w": 21, " 2W ": 14, "0": 0, "0d": 0, "366d": 366} {
		if got, err := ParseLead(in); err != nil || got != want {
			t.Errorf("ParseLead(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "d", "w", "-3d", "+3d", "3x", "1,5w", "53w", "400", "3 w x"} {
		if got, err := ParseLead(in); err == nil {
			t.Errorf("ParseLead(%q) = %d, want an error", in, got)
		}
	}
}

func TestParseFeb29(t *testing.T) {
	for in, want := range map[string]Feb29{"02-28": Feb29OnFeb28, "03-01": Feb29OnMar1, "": Feb29OnFeb28} {
		if got, err := ParseFeb29(in); err != nil || got != want {
			t.Errorf("ParseFeb29(%q) = %d, %v", in, got, err)
		}
	}
	for _, in := range []string{"02-29", "3-1", "mar1"} {
		if _, err := ParseFeb29(in); err == nil {
			t.Errorf("ParseFeb29(%q) accepted", in)
		}
	}
}
