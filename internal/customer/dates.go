package customer

import (
	"strconv"
	"strings"
	"time"

	"github.com/anlass/anlass/internal/civil"
)

// Date is a day of a customer's record whose year may be unknown: a
// birthday written 31.12. or --12-31 has no year. The zero value is no date.
type Date struct {
	Year  int // 0: unknown
	Month time.Month
	Day   int
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Month == 0 }

// HasYear reports whether the year is known.
func (d Date) HasYear() bool { return d.Year != 0 }

// Civil returns the date as a civil.Date; ok is false without a year.
func (d Date) Civil() (civil.Date, bool) {
	if d.IsZero() || !d.HasYear() {
		return 0, false
	}
	return civil.Of(d.Year, d.Month, d.Day), true
}

// String is the German numeric form: 31.12.1980, or 31.12. without a year.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	s := two(d.Day) + "." + two(int(d.Month)) + "."
	if d.HasYear() {
		s += strconv.Itoa(d.Year)
	}
	return s
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// slashOrder is how a file writes the two first parts of its slash dates.
type slashOrder int

const (
	orderUnknown slashOrder = iota
	dayFirst                // 31/12/1980 (Europe)
	monthFirst              // 12/31/1980 (USA, English Outlook)
)

// dateProblem says why a value is not a date.
type dateProblem int

const (
	dateOK        dateProblem = iota
	dateEmpty                 // nothing, or a placeholder for "no date" such as Outlook's 0.0.00
	dateInvalid               // not a date, or a day that does not exist
	dateAmbiguous             // a slash date whose order the file does not decide
)

// slashParts splits a date of the form a/b/y (y of two or four digits),
// the form whose order of day and month depends on who wrote it.
func slashParts(s string) (a, b, y int, ok bool) {
	p := strings.Split(s, "/")
	if len(p) != 3 || !digits(p[0], 1, 2) || !digits(p[1], 1, 2) || !(digits(p[2], 2, 2) || digits(p[2], 4, 4)) {
		return 0, 0, 0, false
	}
	a, _ = strconv.Atoi(p[0])
	b, _ = strconv.Atoi(p[1])
	y = year(p[2])
	return a, b, y, true
}

// slashEvidence tells which order a single slash date proves: 13/01/1980
// can only be day first, 01/13/1980 only month first; 03/04/1980 proves
// nothing.
func slashEvidence(s string) slashOrder {
	a, b, y, ok := slashParts(strings.TrimSpace(s))
	if !ok {
		return orderUnknown
	}
	dm := civil.Valid(y, time.Month(b), a)
	md := civil.Valid(y, time.Month(a), b)
	switch {
	case dm && !md:
		return dayFirst
	case md && !dm:
		return monthFirst
	}
	return orderUnknown
}

// parseDate reads the date forms found in spreadsheets, CRM exports and
// vCards:
//
//	31.12.1980  31.12.80  31.12.  31.12      German (two-digit years as Excel reads them)
//	1980-12-31  19801231  1980-12-31T00:00:00  ISO 8601 / vCard (a time after the date is ignored)
//	--12-31  --1231                           ISO 8601 / vCard 4 without year
//	12/31/1980  31/12/1980  1980/12/31        slash dates; order decides the first two
//
// Outlook's and Excel's placeholders for an empty date (0.0.00, 00.00.0000,
// 0/0/00) count as no date.
func parseDate(s string, order slashOrder) (Date, dateProblem) {
	s = strings.TrimSpace(s)
	if s == "" || isPlaceholder(s) {
		return Date{}, dateEmpty
	}
	var y, m, d int
	switch {
	case strings.HasPrefix(s, "--"): // --MM-DD, --MMDD
		t := strings.ReplaceAll(s[2:], "-", "")
		if !digits(t, 4, 4) || (len(s) != 6 && (len(s) != 7 || s[4] != '-')) {
			return Date{}, dateInvalid
		}
		m, _ = strconv.Atoi(t[:2])
		d, _ = strconv.Atoi(t[2:])
	case isoDate(s):
		t := s
		if i := strings.IndexAny(t, "T "); i >= 0 {
			t = t[:i]
		}
		t = strings.ReplaceAll(t, "-", "")
		y, _ = strconv.Atoi(t[:4])
		m, _ = strconv.Atoi(t[4:6])
		d, _ = strconv.Atoi(t[6:8])
		if y == 0 {
			return Date{}, dateInvalid
		}
	case strings.Contains(s, "."):
		p := strings.Split(s, ".")
		for i := range p {
			p[i] = strings.TrimSpace(p[i])
		}
		switch {
		case len(p) == 3 && p[2] != "": // 31.12.1980, 31.12.80
			if !digits(p[2], 2, 2) && !digits(p[2], 4, 4) {
				return Date{}, dateInvalid
			}
			y = year(p[2])
		case len(p) == 3 || len(p) == 2: // 31.12. or 31.12
		default:
			return Date{}, dateInvalid
		}
		if !digits(p[0], 1, 2) || !digits(p[1], 1, 2) {
			return Date{}, dateInvalid
		}
		d, _ = strconv.Atoi(p[0])
		m, _ = strconv.Atoi(p[1])
		if len(p) == 3 && p[2] != "" && y == 0 { // 31.12.0000
			return Date{}, dateInvalid
		}
	case strings.Contains(s, "/"):
		if t := strings.Split(s, "/"); len(t) == 3 && digits(t[0], 4, 4) && digits(t[1], 1, 2) && digits(t[2], 1, 2) {
			y, _ = strconv.Atoi(t[0]) // 1980/12/31
			m, _ = strconv.Atoi(t[1])
			d, _ = strconv.Atoi(t[2])
			break
		}
		a, b, yy, ok := slashParts(s)
		if !ok {
			return Date{}, dateInvalid
		}
		y = yy
		switch ev := slashEvidence(s); {
		case ev != orderUnknown:
			order = ev
		case a == b:
			order = dayFirst // 05/05/1980: either way
		}
		switch order {
		case dayFirst:
			d, m = a, b
		case monthFirst:
			m, d = a, b
		default:
			return Date{}, dateAmbiguous
		}
	default:
		return Date{}, dateInvalid
	}
	if y == 0 {
		// Without a year, 29 February exists (it does in leap years).
		if !civil.Valid(2000, time.Month(m), d) {
			return Date{}, dateInvalid
		}
	} else if !civil.Valid(y, time.Month(m), d) {
		return Date{}, dateInvalid
	}
	return Date{Year: y, Month: time.Month(m), Day: d}, dateOK
}

// year reads a year of two or four digits; two-digit years are read as
// Excel reads them: 30–99 → 1930–1999, 00–29 → 2000–2029. 0000 gives 0,
// which callers reject.
func year(s string) int {
	n, _ := strconv.Atoi(s)
	if len(s) == 2 {
		if n >= 30 {
			return 1900 + n
		}
		return 2000 + n
	}
	return n
}

// isoDate reports whether s starts with YYYY-MM-DD or YYYYMMDD, followed by
// nothing or a time (T… or a space and anything).
func isoDate(s string) bool {
	var date, rest string
	switch {
	case len(s) >= 10 && s[4] == '-' && s[7] == '-':
		date, rest = s[:4]+s[5:7]+s[8:10], s[10:]
	case len(s) >= 8 && digits(s[:8], 8, 8):
		date, rest = s[:8], s[8:]
	default:
		return false
	}
	return digits(date, 8, 8) && (rest == "" || rest[0] == 'T' || rest[0] == ' ')
}

// isPlaceholder reports whether s is a date field's way of saying "none":
// Outlook exports empty dates as 0.0.00 (German) or 0/0/00 (English).
func isPlaceholder(s string) bool {
	for _, r := range s {
		if r != '0' && r != '.' && r != '/' && r != '-' {
			return false
		}
	}
	return strings.ContainsRune(s, '0')
}

// digits reports whether s has between min and max ASCII digits and nothing else.
func digits(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
