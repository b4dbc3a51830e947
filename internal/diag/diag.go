// Package diag collects problems found in input files, each with a file,
// line and column, so that every command reports them the same way:
// "path:line:col: message".
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity tells errors (the input is rejected) from warnings.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem at one place. Line and Col are 1-based; 0 means unknown.
type Diagnostic struct {
	Path     string
	Line     int
	Col      int
	Severity Severity
	Msg      string
	// Note explains a kind of problem once, in a summary: what it means
	// and whether it matters now ("school holidays are published only a few
	// years ahead …"). Optional.
	Note string
}

func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Path)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// List is an ordered collection of diagnostics.
type List []Diagnostic

// Errorf adds an error.
func (l *List) Errorf(path string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning.
func (l *List) Warnf(path string, line, col int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Col: col, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// WithNote sets the note of every diagnostic in l and returns l.
func (l List) WithNote(note string) List {
	for i := range l {
		l[i].Note = note
	}
	return l
}

// Notes returns the distinct notes of the diagnostics, in order of first
// appearance, with how many diagnostics carry each.
func (l List) Notes() (notes []string, counts []int) {
	seen := map[string]int{}
	for _, d := range l {
		if d.Note == "" {
			continue
		}
		i, ok := seen[d.Note]
		if !ok {
			i = len(notes)
			seen[d.Note] = i
			notes, counts = append(notes, d.Note), append(counts, 0)
		}
		counts[i]++
	}
	return notes, counts
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Sort orders by path, line, column, then message, for stable output.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Msg, b.Msg))
	})
}

// Err returns the list as an error when it has errors, or nil.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ListError(l)
}

// ListError is a List used as an error value.
type ListError List

func (e ListError) Error() string {
	var lines []string
	for _, d := range e {
		lines = append(lines, d.String())
	}
	return strings.Join(lines, "\n")
}
