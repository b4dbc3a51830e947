package rule

import (
	"fmt"
	"unicode"
)

type tokKind int

const (
	tEOF     tokKind = iota
	tWord            // letters and inner hyphens: fri, on-or-after, march-equinox
	tNum             // 10
	tDate            // 06-14
	tOrdinal         // 1st, 2nd, 3rd, 4th, 5th
	tRef             // @black-friday
	tPlus
	tMinus
	tLParen
	tRParen
	tSpan // ..
)

type token struct {
	kind tokKind
	text string
	pos  int // rune offset
}

func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "the end of the rule"
	default:
		return fmt.Sprintf("%q", t.text)
	}
}

// Error is a rule error at a rune offset of the rule text.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

func errAt(pos int, format string, args ...any) *Error {
	return &Error{Offset: pos, Msg: fmt.Sprintf(format, args...)}
}

// lex splits s into tokens. Input is lower-cased by the caller.
func lex(s string) ([]token, error) {
	var toks []token
	rs := []rune(s)
	i := 0
	for i < len(rs) {
		r := rs[i]
		start := i
		switch {
		case r == ' ' || r == '\t':
			i++
			continue
		case r == '+':
			toks = append(toks, token{tPlus, "+", start})
			i++
		case r == '-' || r == '−' || r == '–':
			toks = append(toks, token{tMinus, "-", start})
			i++
		case r == '(':
			toks = append(toks, token{tLParen, "(", start})
			i++
		case r == ')':
			toks = append(toks, token{tRParen, ")", start})
			i++
		case r == '.':
			if i+1 < len(rs) && rs[i+1] == '.' {
				toks = append(toks, token{tSpan, "..", start})
				i += 2
				continue
			}
			return nil, errAt(start, "unexpected \".\": a span is written with two dots, e.g. 12-25..01-06")
		case r == '@':
			i++
			for i < len(rs) && (isSlug(rs[i]) || (rs[i] == '-' && i+1 < len(rs) && isSlug(rs[i+1]))) {
				i++
			}
			if i == start+1 {
				return nil, errAt(start, "expected an occasion id after \"@\", e.g. @black-friday")
			}
			toks = append(toks, token{tRef, string(rs[start:i]), start})
		case r >= '0' && r <= '9':
			for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
				i++
			}
			// MM-DD
			if i < len(rs) && rs[i] == '-' && i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '9' && i-start <= 2 {
				j := i + 1
				for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
					j++
				}
				if j < len(rs) && (rs[j] == '-' || unicode.IsLetter(rs[j])) {
					return nil, errAt(start, "%q is not a day: write month and day as MM-DD (e.g. 06-14); years go into the `dates:` table", string(rs[start:j+1]))
				}
				toks = append(toks, token{tDate, string(rs[start:j]), start})
				i = j
				continue
			}
			// A full date YYYY-MM-DD.
			if i-start == 4 && i+5 < len(rs) && rs[i] == '-' {
				return nil, errAt(start, "%q is a full date: a rule gives month and day (MM-DD); a date for a single year goes into the `dates:` table", string(rs[start:min(len(rs), i+6)]))
			}
			// ordinal suffix
			j := i
			for j < len(rs) && unicode.IsLetter(rs[j]) {
				j++
			}
			if j > i {
				toks = append(toks, token{tOrdinal, string(rs[start:j]), start})
				i = j
				continue
			}
			toks = append(toks, token{tNum, string(rs[start:i]), start})
		case unicode.IsLetter(r):
			for i < len(rs) && (unicode.IsLetter(rs[i]) || (rs[i] == '-' && i+1 < len(rs) && unicode.IsLetter(rs[i+1]))) {
				i++
			}
			toks = append(toks, token{tWord, string(rs[start:i]), start})
		default:
			return nil, errAt(start, "unexpected character %q", string(r))
		}
	}
	toks = append(toks, token{tEOF, "", len(rs)})
	return toks, nil
}

func isSlug(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') }
