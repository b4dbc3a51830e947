package yamlfile

import (
	"bytes"
	"regexp"
	"strings"
)

// What go-yaml says, and what a contributor needs to hear instead: the
// problem in plain words and a hint what to change. The position is the one
// go-yaml gives, unless the lines show where the real mistake is (see
// misindented).
var plain = []struct {
	prefix, msg string
}{
	{"did not find expected key", "this line does not fit the lines above it"},
	{"did not find expected '-' indicator", "a list item (a line starting with \"- \") was expected here"},
	{"did not find expected node content", "a value is missing"},
	{"did not find expected ',' or '}'", "a { … } list of keys is not closed: add the } or put the text in quotes"},
	{"did not find expected ',' or ']'", "a [ … ] list is not closed: add the ] or put the text in quotes"},
	{"mapping values are not allowed in this context", "a colon and a space inside a value: put the whole value in quotes ('…'), or indent the line if it is a key of its own"},
	{"block sequence entries are not allowed in this context", "a list item (\"- \") on the same line as its key: start the list on the next line, indented"},
	{"could not find expected ':'", "a key without a colon: write key: value"},
	{"found unexpected end of stream", "the file ends in the middle of a value: a quote or bracket is not closed"},
	{"found unknown escape character", "a backslash in double quotes: write \\\\, or use single quotes ('…')"},
	{"found character that cannot start any token", "a value cannot start with this character"},
	{"found a tab character that violates indentation", "a tab character: YAML indents with spaces only"},
	{"found unexpected ':'", "a colon where none belongs: put the value in quotes ('…')"},
	{"control characters are not allowed", "control characters are not allowed: remove the invisible character here"},
	{"did not find URI escaped octet", "a % in a tag: put the value in quotes"},
}

// structural reports whether go-yaml's message is about the structure of
// the lines (where a mis-indented line is the likely cause).
func structural(msg string) bool {
	for _, p := range []string{"did not find expected key", "did not find expected '-' indicator", "did not find expected node content",
		"mapping values are not allowed", "could not find expected ':'"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// explain turns go-yaml's message into plain words with a hint. The
// original is kept when there is no better wording.
func explain(msg string, data []byte, line int) string {
	for _, p := range plain {
		if !strings.HasPrefix(msg, p.prefix) {
			continue
		}
		out := p.msg
		if p.prefix == "found character that cannot start any token" {
			if c := firstValueChar(data, line); c != "" {
				out = "a value cannot start with " + c + ": put the whole value in quotes, e.g. date: \"@black-friday +3\""
				if c != "@" {
					out = "a value cannot start with " + c + ": put the whole value in quotes ('…')"
				}
			}
		}
		return out
	}
	return "YAML syntax error: " + msg
}

// unclosedQuote returns the first line up to last whose value opens a
// quote that the line does not close, and the quote's column; 0 when none.
// (YAML lets a quoted value run over several lines, but a contributor's file
// does that only by mistake, and go-yaml then reports a later line.)
func unclosedQuote(data []byte, last int) (line, col int) {
	for i, ln := range strings.Split(string(data), "\n") {
		if i+1 > last {
			break
		}
		v := ln
		if _, after, ok := strings.Cut(ln, ": "); ok {
			v = after
		} else if t := strings.TrimLeft(ln, " "); strings.HasPrefix(t, "- ") {
			v = t[2:]
		} else {
			continue
		}
		t := strings.TrimSpace(v)
		if t == "" || (t[0] != '"' && t[0] != '\'') {
			continue
		}
		q := t[0]
		closed := false
		for j := 1; j < len(t); j++ {
			if q == '"' && t[j] == '\\' {
				j++
				continue
			}
			if t[j] == q {
				if q == '\'' && j+1 < len(t) && t[j+1] == '\'' { // '' inside single quotes
					j++
					continue
				}
				closed = true
				break
			}
		}
		if !closed {
			return i + 1, strings.Index(ln, t) + 1
		}
	}
	return 0, 0
}

// unclosedBracket returns the position of the last opening bracket (open)
// up to line last that no closing one follows, outside quotes; 0 when none.
func unclosedBracket(data []byte, last int, open, close byte) (line, col int) {
	type pos struct{ line, col int }
	var stack []pos
	for i, ln := range strings.Split(string(data), "\n") {
		if i+1 > last {
			break
		}
		var quote byte
		for j := 0; j < len(ln); j++ {
			c := ln[j]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '#' && (j == 0 || ln[j-1] == ' '):
				j = len(ln)
			case c == open:
				stack = append(stack, pos{i + 1, j + 1})
			case c == close && len(stack) > 0:
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) == 0 {
		return 0, 0
	}
	return stack[0].line, stack[0].col
}

// firstValueChar returns the reserved character (@, `, %) a value on line
// starts with, or "".
func firstValueChar(data []byte, line int) string {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return ""
	}
	l := string(lines[line-1])
	if _, v, ok := strings.Cut(l, ": "); ok {
		v = strings.TrimSpace(v)
		if v != "" && strings.ContainsAny(v[:1], "@`%") {
			return v[:1]
		}
	}
	if t := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "- ")); t != "" && strings.ContainsAny(t[:1], "@`%") {
		return t[:1]
	}
	return ""
}

var (
	keyLine    = regexp.MustCompile(`^(\s*)(- +)?([^\s#'"\-{\[][^:#]*|'[^']*'|"[^"]*"):(\s|$)`)
	itemLine   = regexp.MustCompile(`^(\s*)- `)
	blockStart = regexp.MustCompile(`:\s*[|>][-+0-9]*\s*(#.*)?$`)
	// opensBlock matches a line whose value follows on the next lines: it
	// ends in a colon, perhaps followed by a comment ("regions: # since 2018").
	opensBlock = regexp.MustCompile(`:(\s+#.*)?$`)
)

// misindented finds the first line whose indentation fits none of the blocks
// it could belong to: indented less than the keys before it but more than
// the block that contains them (an idea's "budget:" moved two spaces left),
// deeper than the line before allows, or a key among the items of a list.
// go-yaml reports such a mistake where the enclosing block starts, often
// many lines above. It returns 0 when every line's indentation is one the
// structure allows.
func misindented(data []byte) int {
	type level struct {
		indent      int
		keys, items bool // what the block has held so far
	}
	stack := []level{{indent: 0}}
	scalar := -1 // inside a block scalar (>-, |): the indentation of its key
	opens := false
	for i, raw := range strings.Split(string(data), "\n") {
		ln := strings.TrimRight(raw, " \r")
		trim := strings.TrimLeft(ln, " ")
		if trim == "" || strings.HasPrefix(trim, "#") || strings.HasPrefix(trim, "---") {
			continue
		}
		indent := len(ln) - len(trim)
		if scalar >= 0 {
			if indent > scalar {
				continue // text of the block scalar
			}
			scalar = -1
		}
		item := itemLine.MatchString(ln)
		key := keyLine.MatchString(ln)
		if !item && !key {
			opens = false
			continue // a continuation line or a flow collection: go-yaml knows better
		}
		top := stack[len(stack)-1].indent
		switch {
		case indent > top:
			if !opens {
				return i + 1 // deeper than the line before allows
			}
			stack = append(stack, level{indent: indent})
		case indent < top:
			for len(stack) > 1 && stack[len(stack)-1].indent > indent {
				stack = stack[:len(stack)-1]
			}
			if stack[len(stack)-1].indent != indent {
				return i + 1 // between two levels
			}
		}
		cur := &stack[len(stack)-1]
		if item {
			cur.items = true
		} else {
			if cur.items && !cur.keys {
				return i + 1 // a key among the items of a list
			}
			cur.keys = true
		}
		opens = opensBlock.MatchString(trim) || trim == "-"
		// A list item "- key: value" opens a mapping further in.
		if item {
			rest := strings.TrimLeft(strings.TrimPrefix(trim, "-"), " ")
			inner := len(ln) - len(rest)
			if keyLine.MatchString(strings.Repeat(" ", inner)+rest) && !strings.HasSuffix(rest, ":") {
				stack = append(stack, level{indent: inner, keys: true})
			} else if strings.HasSuffix(rest, ":") {
				stack = append(stack, level{indent: inner, keys: true})
				opens = true
			}
		}
		if blockStart.MatchString(trim) {
			scalar, opens = stack[len(stack)-1].indent, false
		}
	}
	return 0
}
