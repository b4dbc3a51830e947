package rule

import (
	"strconv"
	"strings"
	"time"

	"github.com/anlass/anlass/internal/astro"
)

var weekdays = map[string]time.Weekday{
	"mon": time.Monday, "monday": time.Monday,
	"tue": time.Tuesday, "tuesday": time.Tuesday,
	"wed": time.Wednesday, "wednesday": time.Wednesday,
	"thu": time.Thursday, "thursday": time.Thursday,
	"fri": time.Friday, "friday": time.Friday,
	"sat": time.Saturday, "saturday": time.Saturday,
	"sun": time.Sunday, "sunday": time.Sunday,
}

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var ordinals = map[string]int{"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}

var ordinalWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": Last}

var astroWords = map[string]astro.Event{
	"march-equinox": astro.MarchEquinox, "june-solstice": astro.JuneSolstice,
	"september-equinox": astro.SeptemberEquinox, "december-solstice": astro.DecemberSolstice,
}

var directions = map[string]Direction{
	"after": After, "before": Before, "on-or-after": OnOrAfter, "on-or-before": OnOrBefore,
}

// German words contributors are likely to type, with the word the language wants.
var germanHints = map[string]string{
	"mo": "mon", "montag": "mon", "di": "tue", "dienstag": "tue", "mi": "wed", "mittwoch": "wed",
	"do": "thu", "donnerstag": "thu", "fr": "fri", "freitag": "fri", "sa": "sat", "samstag": "sat",
	"sonnabend": "sat", "so": "sun", "sonntag": "sun", "januar": "january", "februar": "february",
	"märz": "march", "mai": "may", "juni": "june", "juli": "july", "oktober": "october",
	"dezember": "december", "ostern": "easter", "nach": "after", "vor": "before", "letzter": "last",
	"letzten": "last", "werktag": "workday",
}

const expectRule = "a date rule (MM-DD, 2nd sun of may, easter+1, march-equinox, fri after …, @id)"

type parser struct {
	toks []token
	i    int
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i++; return t }

// Parse reads a rule. Errors are *Error values carrying the rune offset.
func Parse(text string) (*Rule, error) {
	lower := strings.ToLower(text)
	if strings.TrimSpace(lower) == "" {
		return nil, errAt(0, "the rule is empty: expected %s", expectRule)
	}
	toks, err := lex(lower)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	r := &Rule{Text: text}
	if r.Start, err = p.single(); err != nil {
		return nil, err
	}
	if p.peek().kind == tSpan {
		p.next()
		if r.End, err = p.single(); err != nil {
			return nil, err
		}
	}
	if t := p.peek(); t.kind != tEOF {
		if t.kind == tSpan {
			return nil, errAt(t.pos, "a rule has at most one span (a..b)")
		}
		return nil, errAt(t.pos, "unexpected %s: expected an offset (+N, -N), a span (..) or the end of the rule", t.describe())
	}
	return r, nil
}

// single := primary { ("+"|"-") N ["day"|"days"] }
func (p *parser) single() (Expr, error) {
	e, err := p.primary()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tPlus || p.peek().kind == tMinus {
		sign := p.next()
		n := p.next()
		if n.kind != tNum {
			return nil, errAt(n.pos, "expected a number of days after %q, found %s", sign.text, n.describe())
		}
		days, err := strconv.Atoi(n.text)
		if err != nil || days > 400 {
			return nil, errAt(n.pos, "an offset must be between 0 and 400 days, found %s", n.text)
		}
		if sign.kind == tMinus {
			days = -days
		}
		if t := p.peek(); t.kind == tWord && (t.text == "day" || t.text == "days") {
			p.next()
		}
		e = &Offset{At: sign.pos, Base: e, Days: days}
	}
	return e, nil
}

func (p *parser) primary() (Expr, error) {
	t := p.next()
	switch t.kind {
	case tDate:
		return parseFixed(t)
	case tRef:
		return &Ref{At: t.pos, ID: t.text[1:]}, nil
	case tLParen:
		e, err := p.single()
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != tRParen {
			return nil, errAt(c.pos, "expected \")\" to close the \"(\" at column %d, found %s", t.pos+1, c.describe())
		}
		return e, nil
	case tOrdinal:
		n, ok := ordinals[t.text]
		if !ok {
			return nil, errAt(t.pos, "unknown ordinal %q: expected 1st, 2nd, 3rd, 4th, 5th or last", t.text)
		}
		return p.afterOrdinal(t, n)
	case tNum:
		return nil, errAt(t.pos, "a bare number is not a date: write a day as MM-DD (e.g. 06-14) or an ordinal as 1st, 2nd, …")
	case tWord:
		if n, ok := ordinalWords[t.text]; ok {
			return p.afterOrdinal(t, n)
		}
		if t.text == "easter" || t.text == "orthodox-easter" {
			return &Easter{At: t.pos, Orthodox: t.text == "orthodox-easter"}, nil
		}
		if ev, ok := astroWords[t.text]; ok {
			return &Astro{At: t.pos, Event: ev}, nil
		}
		if class, ok := dayClass(t.text); ok {
			return p.relative(t, 1, class)
		}
		return nil, unknownWord(t, expectRule)
	case tEOF:
		return nil, errAt(t.pos, "the rule ends too early: expected %s", expectRule)
	}
	return nil, errAt(t.pos, "unexpected %s: expected %s", t.describe(), expectRule)
}

func unknownWord(t token, want string) *Error {
	if hint, ok := germanHints[t.text]; ok {
		return errAt(t.pos, "unknown word %q: rules use English words, write %q", t.text, hint)
	}
	return errAt(t.pos, "unknown word %q: expected %s", t.text, want)
}

func dayClass(w string) (DayClass, bool) {
	if w == "workday" || w == "weekday" {
		return DayClass{Workday: true}, true
	}
	if wd, ok := weekdays[w]; ok {
		return DayClass{Weekday: wd}, true
	}
	return DayClass{}, false
}

// afterOrdinal handles "<n> <day> of <month>" and "<n> <day> <dir> <rule>".
func (p *parser) afterOrdinal(ord token, n int) (Expr, error) {
	d := p.next()
	class, ok := dayClass(d.text)
	if d.kind != tWord || !ok {
		if d.kind == tWord {
			return nil, unknownWord(d, "a weekday (mon … sun) or workday")
		}
		return nil, errAt(d.pos, "expected a weekday (mon … sun) or workday after %q, found %s", ord.text, d.describe())
	}
	if t := p.peek(); t.kind == tWord && t.text == "of" {
		p.next()
		m, err := p.month()
		if err != nil {
			return nil, err
		}
		return &NthOfMonth{At: ord.pos, N: n, Class: class, Month: m}, nil
	}
	if n == Last {
		return nil, errAt(p.peek().pos, "expected \"of\" and a month after %q (\"last\" counts within a month, e.g. last fri of september)", "last "+d.text)
	}
	return p.relative(ord, n, class)
}

func (p *parser) relative(first token, n int, class DayClass) (Expr, error) {
	t := p.next()
	dir, ok := directions[t.text]
	if t.kind != tWord || !ok {
		if t.kind == tWord {
			if hint, ok := germanHints[t.text]; ok {
				return nil, errAt(t.pos, "unknown word %q: rules use English words, write %q", t.text, hint)
			}
		}
		return nil, errAt(t.pos, "expected after, before, on-or-after or on-or-before, found %s", t.describe())
	}
	base, err := p.single()
	if err != nil {
		return nil, err
	}
	return &Relative{At: first.pos, N: n, Class: class, Dir: dir, Base: base}, nil
}

func (p *parser) month() (time.Month, error) {
	t := p.next()
	switch t.kind {
	case tWord:
		if m, ok := months[t.text]; ok {
			return m, nil
		}
		return 0, unknownWord(t, "a month (jan … dec, january … december, or 1 … 12)")
	case tNum:
		n, _ := strconv.Atoi(t.text)
		if n >= 1 && n <= 12 {
			return time.Month(n), nil
		}
		return 0, errAt(t.pos, "month %s does not exist: expected 1 … 12", t.text)
	}
	return 0, errAt(t.pos, "expected a month (jan … dec, or 1 … 12), found %s", t.describe())
}

func parseFixed(t token) (Expr, error) {
	mm, dd, _ := strings.Cut(t.text, "-")
	m, _ := strconv.Atoi(mm)
	d, _ := strconv.Atoi(dd)
	if len(mm) != 2 || len(dd) != 2 {
		return nil, errAt(t.pos, "%q: write month and day with two digits each, MM-DD (e.g. 06-14)", t.text)
	}
	if m < 1 || m > 12 {
		return nil, errAt(t.pos, "%s does not exist: month %d is not 01 … 12 (the form is MM-DD)", t.text, m)
	}
	// 2000 is a leap year, so 02-29 passes here and simply has no occurrence in other years.
	if d < 1 || d > daysIn(2000, time.Month(m)) {
		return nil, errAt(t.pos, "%s does not exist: %s has %d days", t.text, time.Month(m), daysIn(2000, time.Month(m)))
	}
	return &Fixed{At: t.pos, Month: time.Month(m), Day: d}, nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
