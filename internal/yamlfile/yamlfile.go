// Package yamlfile reads the YAML files contributors write (occasions,
// holidays, article front matter) defensively and with positions: every
// problem becomes a diagnostic at file:line:col, and decoding goes on after a
// problem so that one run reports all of them.
package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/anlass/anlass/internal/diag"
)

// MaxSize is the largest file anlass reads; anything bigger is rejected
// before parsing (a 50 MB "occasion" is a mistake or an attack).
const MaxSize = 1 << 20

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse reads data as one YAML document whose top level is a mapping and
// returns that mapping node, or nil after adding diagnostics.
func Parse(path string, data []byte, l *diag.List) *yaml.Node {
	if len(data) > MaxSize {
		l.Errorf(path, 0, 0, "file is %d bytes; the limit is %d bytes", len(data), MaxSize)
		return nil
	}
	if !utf8.Valid(data) {
		line, col := InvalidUTF8(data)
		l.Errorf(path, line, col, "file is not valid UTF-8: save it as UTF-8")
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if line, col, ok := leadingTab(data); ok {
		l.Errorf(path, line, col, "tab character in indentation: YAML indents with spaces only")
		return nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			l.Errorf(path, 1, 1, "file is empty: expected a YAML mapping")
			return nil
		}
		syntaxError(path, data, err, l)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		l.Errorf(path, extra.Line, extra.Column, "a second YAML document (after ---): a file holds exactly one")
		return nil
	} else if err != io.EOF {
		syntaxError(path, data, err, l)
		return nil
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if hasAlias(root) {
		n := firstAlias(root)
		l.Errorf(path, n.Line, n.Column, "anchors and aliases (&, *) are not allowed here: write each value out")
		return nil
	}
	if root.Kind != yaml.MappingNode {
		l.Errorf(path, root.Line, root.Column, "expected a mapping of keys (id: …, name: …) at the top level, found %s", kindName(root))
		return nil
	}
	return root
}

// parserProblems are go-yaml's parser (not scanner) messages besides those
// starting with "did not find expected".
var parserProblems = []string{"found duplicate %TAG directive", "found duplicate %YAML directive",
	"found incompatible YAML document", "found undefined tag handle"}

// syntaxError reports a go-yaml syntax error at its line. go-yaml counts the
// lines of scanner errors from 1 but those of parser errors from 0, and
// leaves the line out for errors on the first line; its reader errors
// (control characters) have no position at all, so that one is looked up here.
func syntaxError(path string, data []byte, err error, l *diag.List) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line, col := 0, 1
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if strings.HasPrefix(msg, "did not find expected") || slices.Contains(parserProblems, msg) {
		line++
	}
	if line == 0 {
		if line, col = firstUnprintable(data); line == 0 {
			line, col = 1, 1
		}
	}
	if qline, qcol := unclosedQuote(data, max(line, 1)); qline > 0 {
		l.Errorf(path, qline, qcol, "the quote that starts here is not closed: end the value with the same quote mark, or write it without quotes")
		return
	}
	for _, b := range [][2]byte{{'[', ']'}, {'{', '}'}} {
		if strings.HasPrefix(msg, "did not find expected ',' or '"+string(b[1])+"'") {
			if bl, bc := unclosedBracket(data, max(line, 1), b[0], b[1]); bl > 0 {
				line, col = bl, bc
			}
		}
	}
	if strings.HasPrefix(msg, "found character that cannot start any token") {
		if ln := strings.Split(string(data), "\n"); line >= 1 && line <= len(ln) {
			if c := firstValueChar(data, line); c != "" {
				col = strings.Index(ln[line-1], c) + 1
			}
		}
	}
	// A mis-indented line makes go-yaml complain where the enclosing block
	// starts, often many lines above; the line to fix is the mis-indented one.
	if structural(msg) {
		if bad := misindented(data); bad > 0 {
			ln := strings.Split(string(data), "\n")[bad-1]
			l.Errorf(path, bad, len(ln)-len(strings.TrimLeft(ln, " "))+1,
				"this line is indented differently from the lines around it: is it indented like the keys above it?")
			return
		}
	}
	l.Errorf(path, line, col, "%s", explain(msg, data, line))
}

// firstUnprintable returns the position of the first character YAML does not
// allow in a file (control characters other than tab, CR and LF), or 0, 0.
func firstUnprintable(data []byte) (line, col int) {
	line, col = 1, 1
	for _, r := range string(data) {
		switch {
		case r == '\n':
			line, col = line+1, 1
			continue
		case r == '\t' || r == '\r' || r >= 0x20 && r <= 0x7e || r == 0x85 || r >= 0xa0 && r <= 0xd7ff ||
			r >= 0xe000 && r <= 0xfffd || r >= 0x10000:
			col++
			continue
		}
		return line, col
	}
	return 0, 0
}

// InvalidUTF8 returns the position of the first byte of data that is not
// valid UTF-8.
func InvalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return line, col
}

func leadingTab(data []byte) (line, col int, ok bool) {
	for i, ln := range bytes.Split(data, []byte("\n")) {
		for j, c := range ln {
			if c == '\t' {
				return i + 1, j + 1, true
			}
			if c != ' ' {
				break
			}
		}
	}
	return 0, 0, false
}

func hasAlias(n *yaml.Node) bool { return firstAlias(n) != nil }

func firstAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	for _, c := range n.Content {
		if a := firstAlias(c); a != nil {
			return a
		}
	}
	return nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", shorten(n.Value))
	}
	return "something else"
}

// shorten cuts a value quoted in a message to its first 60 characters: a
// whole file read as one scalar (say, a link to a file outside the project)
// must not end up in a message, nor in a public CI log.
func shorten(v string) string {
	const max = 60
	if utf8.RuneCountInString(v) <= max {
		return v
	}
	return string([]rune(v)[:max]) + "…"
}

// Map reads the keys of one mapping node. Unknown and duplicate keys are
// reported when it is made; the typed getters report wrong types and missing
// required keys.
type Map struct {
	Path  string
	Node  *yaml.Node
	L     *diag.List
	vals  map[string]*yaml.Node
	keys  map[string]*yaml.Node
	where string
	// suggested holds allowed keys an unknown key was taken for, so that a
	// misspelt key is reported once, not also as a missing one.
	suggested map[string]bool
}

// NewMap checks n's keys against allowed. where names the mapping in messages
// (e.g. "idea" gives "unknown key "x" in idea").
func NewMap(path string, n *yaml.Node, l *diag.List, where string, allowed ...string) *Map {
	m := &Map{Path: path, Node: n, L: l, vals: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}, where: where, suggested: map[string]bool{}}
	ok := map[string]bool{}
	for _, a := range allowed {
		ok[a] = true
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			l.Errorf(path, k.Line, k.Column, "a key must be a plain word")
			continue
		}
		if prev, dup := m.keys[key]; dup {
			l.Errorf(path, k.Line, k.Column, "duplicate key %q (first at line %d)", key, prev.Line)
			continue
		}
		m.keys[key] = k
		if !ok[key] {
			msg := fmt.Sprintf("unknown key %q", key)
			if where != "" {
				msg += " in " + where
			}
			if s := suggest(key, allowed); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
				m.suggested[s] = true
			} else {
				sorted := append([]string(nil), allowed...)
				sort.Strings(sorted)
				msg += ": expected one of " + strings.Join(sorted, ", ")
			}
			l.Errorf(path, k.Line, k.Column, "%s", msg)
			continue
		}
		m.vals[key] = v
	}
	return m
}

// Errorf reports a problem at node n.
func (m *Map) Errorf(n *yaml.Node, format string, args ...any) {
	m.L.Errorf(m.Path, n.Line, n.Column, format, args...)
}

// Warnf reports a warning at node n.
func (m *Map) Warnf(n *yaml.Node, format string, args ...any) {
	m.L.Warnf(m.Path, n.Line, n.Column, format, args...)
}

// Get returns the value node of key, or nil.
func (m *Map) Get(key string) *yaml.Node { return m.vals[key] }

// Key returns the key node of key, or nil.
func (m *Map) Key(key string) *yaml.Node { return m.keys[key] }

func (m *Map) missing(key string) {
	if m.suggested[key] {
		return
	}
	where := ""
	if m.where != "" {
		where = " in " + m.where
	}
	m.L.Errorf(m.Path, m.Node.Line, m.Node.Column, "missing required key %q%s", key, where)
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// String returns a scalar as text. Empty or null values count as missing.
func (m *Map) String(key string, required bool) (string, *yaml.Node) {
	n := m.vals[key]
	if n == nil || isNull(n) || (n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == "") {
		if required {
			if n != nil {
				m.Errorf(n, "%q is empty: expected text", key)
			} else if _, present := m.keys[key]; !present {
				m.missing(key)
			}
		}
		return "", n
	}
	if n.Kind != yaml.ScalarNode {
		m.Errorf(n, "%q must be text, found %s", key, kindName(n))
		return "", n
	}
	return n.Value, n
}

// Int returns an integer value; ok is false when absent or wrong.
func (m *Map) Int(key string, required bool) (v int, n *yaml.Node, ok bool) {
	n = m.vals[key]
	if n == nil || isNull(n) {
		if required {
			m.missing(key)
		}
		return 0, n, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		m.Errorf(n, "%q must be a whole number, found %s", key, kindName(n))
		return 0, n, false
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		m.Errorf(n, "%q must be a whole number, found %s", key, kindName(n))
		return 0, n, false
	}
	return v, n, true
}

// Bool returns a boolean value; set is false when absent.
func (m *Map) Bool(key string) (v, set bool) {
	n := m.vals[key]
	if n == nil || isNull(n) {
		return false, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		m.Errorf(n, "%q must be true or false, found %s", key, kindName(n))
		return false, false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE" || n.Value == "yes", true
}

// Seq returns the items of a list value (a single scalar is not accepted).
func (m *Map) Seq(key string, required bool) []*yaml.Node {
	n := m.vals[key]
	if n == nil || isNull(n) {
		if required {
			m.missing(key)
		}
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		m.Errorf(n, "%q must be a list (- item, or [a, b]), found %s", key, kindName(n))
		return nil
	}
	if required && len(n.Content) == 0 {
		m.Errorf(n, "%q is an empty list", key)
	}
	return n.Content
}

// Strings returns a list of scalars as text.
func (m *Map) Strings(key string, required bool) ([]string, []*yaml.Node) {
	var out []string
	var nodes []*yaml.Node
	for _, it := range m.Seq(key, required) {
		if it.Kind != yaml.ScalarNode || isNull(it) {
			m.Errorf(it, "each item of %q must be text, found %s", key, kindName(it))
			continue
		}
		out = append(out, it.Value)
		nodes = append(nodes, it)
	}
	return out, nodes
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// IsSlug reports whether s is a slug: lower-case ASCII letters and digits
// in hyphen-separated words, the form of every id, tag and file name that
// becomes part of a URL.
func IsSlug(s string) bool { return slugRE.MatchString(s) }

// Slugs returns the items of the list key that are slugs, each once, with
// their nodes; what names an item in messages ("tag"). An item that is no
// slug is an error; one listed again is reported through twice (m.Warnf or
// m.Errorf, as the format has it) and left out.
func (m *Map) Slugs(key, what string, twice func(n *yaml.Node, format string, args ...any)) ([]string, []*yaml.Node) {
	items, nodes := m.Strings(key, false)
	var out []string
	var outNodes []*yaml.Node
	for i, s := range items {
		switch {
		case !IsSlug(s):
			m.Errorf(nodes[i], "%s %q is not a slug: use lower-case ASCII letters, digits and hyphens", what, s)
		case slices.Contains(out, s):
			twice(nodes[i], "%s %q is listed twice", what, s)
		default:
			out = append(out, s)
			outNodes = append(outNodes, nodes[i])
		}
	}
	return out, outNodes
}

// Mapping returns a mapping value as a Map with its own allowed keys.
func (m *Map) Mapping(key string, required bool, where string, allowed ...string) *Map {
	n := m.vals[key]
	if n == nil || isNull(n) {
		if required {
			m.missing(key)
		}
		return nil
	}
	if n.Kind != yaml.MappingNode {
		m.Errorf(n, "%q must be a mapping (key: value lines), found %s", key, kindName(n))
		return nil
	}
	return NewMap(m.Path, n, m.L, where, allowed...)
}

// ValueColumn returns the column at which a scalar's text starts (quotes skipped).
func ValueColumn(n *yaml.Node) int {
	if n.Style == yaml.DoubleQuotedStyle || n.Style == yaml.SingleQuotedStyle {
		return n.Column + 1
	}
	return n.Column
}

// suggest returns the allowed key closest to key, if it is close.
func suggest(key string, allowed []string) string {
	norm := strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(key))
	if slices.Contains(allowed, norm) {
		return norm
	}
	return Closest(norm, allowed, 3)
}

// Closest returns the candidate with the smallest edit distance to word, if
// that distance is below limit; the first such candidate wins ties.
func Closest(word string, candidates []string, limit int) string {
	best, bestD := "", limit
	for _, c := range candidates {
		if d := distance(word, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of two neighbours count one each, so
// that "lsit" is one step from "list".
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// ReadFile reads an input file defensively: only a regular file (no symbolic
// link, pipe or device) of at most MaxSize bytes. Errors from os.Lstat, such
// as fs.ErrNotExist, are returned as they are.
func ReadFile(p string) ([]byte, error) {
	fi, err := os.Lstat(p)
	switch {
	case err != nil:
		return nil, err
	case fi.Mode()&fs.ModeSymlink != 0:
		return nil, errors.New("symbolic link: anlass reads only regular files inside the project")
	case !fi.Mode().IsRegular():
		// Reading a named pipe or a device would block or never end.
		return nil, errors.New("not a regular file: anlass reads only regular files inside the project")
	case fi.Size() > MaxSize:
		return nil, fmt.Errorf("file is %d bytes; the limit is %d bytes", fi.Size(), MaxSize)
	}
	return os.ReadFile(p)
}
