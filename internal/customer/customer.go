// Package customer reads a customer list as people have it — a CSV from
// Excel, LibreOffice, Google Sheets or a CRM, or a vCard file from Outlook,
// Google or Apple — into customers with their birthdays, the day they
// became customers and their region. It is the load stage of the customer
// calendar (internal/customerdates computes the dates).
//
// The reader works on bytes and a file name only (no file system, no
// clock), so the same code runs in the CLI and, compiled to WebAssembly, in
// the browser: the list never leaves the user's machine.
//
// Every problem is reported with the file's name and the line of the row or
// vCard, all at once; a row with a problem is left out of Customers and
// listed in Skipped, never dropped silently.
package customer

import (
	"bytes"
	"cmp"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/anlass/anlass/internal/diag"
)

// Customer is one person or company of the list.
type Customer struct {
	Line     int    // the line where the row or vCard starts
	ID       string // customer number (ID column) or vCard UID; empty when none
	Name     string // the contact person
	Company  string
	Birthday Date   // may lack the year
	Since    Date   // customer since (vCard: ANNIVERSARY); always with year when set
	Region   string // a regioncode code (DE-BY, AT, CH-ZH); empty when unknown
	Note     string
}

// Label names the customer for people: "Anna Beispiel (Beispiel GmbH)",
// or the name or the company alone.
func (c Customer) Label() string {
	switch {
	case c.Name != "" && c.Company != "":
		return c.Name + " (" + c.Company + ")"
	case c.Name != "":
		return c.Name
	}
	return c.Company
}

// Key identifies the customer across runs, edits and reordering of the
// list: the ID when there is one, else the name and company, compared
// without regard to case, Unicode normal form and runs of spaces. It is
// personal data: hash it before it goes anywhere.
func (c Customer) Key() string {
	if c.ID != "" {
		return "id:" + norm.NFC.String(c.ID)
	}
	return "name:" + fold(c.Name) + "\x00" + fold(c.Company)
}

// fold normalises a name for comparison: NFC, lower case, single spaces.
func fold(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(norm.NFC.String(s))), " ")
}

// Result is what Load found.
type Result struct {
	Customers []Customer // the valid customers, in file order
	// Diags are the problems, by line. Errors mark rows that are left out
	// (listed in Skipped) or, at line 0 or at the header, a file that could
	// not be read at all; warnings change nothing.
	Diags   diag.List
	Skipped []Skip
	Ignored []string // headers of columns that were not used, for the summary
	Format  Format
}

// Skip is a row or vCard left out because of an error in it.
type Skip struct {
	Line  int
	Label string // the name and company as far as they could be read; may be empty
}

// Format says how the file was read, for the summary.
type Format struct {
	Kind      string // "CSV" or "vCard"
	Encoding  string // "UTF-8", "UTF-8 mit BOM", "UTF-16LE", "Windows-1252"
	Separator rune   // CSV only
}

// Load reads the customers of a CSV or vCard file. name is the file's name
// as the user should see it in messages; it also tells a .vcf file, though
// the content decides (a file that starts with BEGIN:VCARD is a vCard file).
func Load(name string, data []byte) Result {
	text, enc := decodeText(data)
	var r Result
	if isVCard(name, text) {
		r = loadVCard(name, text)
	} else {
		r = loadCSV(name, text)
	}
	r.Format.Encoding = enc
	checkDuplicates(name, &r)
	r.Diags.Sort()
	return r
}

// isVCard tells a vCard file by its first line, or by its extension when
// it has no recognisable first line.
func isVCard(name, text string) bool {
	first := strings.TrimSpace(text)
	if i := strings.IndexAny(first, "\r\n"); i >= 0 {
		first = first[:i]
	}
	if strings.EqualFold(strings.TrimSpace(first), "BEGIN:VCARD") {
		return true
	}
	ext := strings.ToLower(path.Ext(name))
	return (ext == ".vcf" || ext == ".vcard") && first == ""
}

// checkDuplicates refuses two customers that the calendar cannot tell
// apart: the same ID, or the same name and company without an ID. Which one
// is meant cannot be guessed, so every row of such a group is an error.
func checkDuplicates(name string, r *Result) {
	groups := map[string][]int{}
	var order []string
	for i, c := range r.Customers {
		k := c.Key()
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	bad := map[int]bool{}
	for _, k := range order {
		idx := groups[k]
		if len(idx) < 2 {
			continue
		}
		for _, i := range idx {
			c := r.Customers[i]
			var others []string
			for _, j := range idx {
				if j != i {
					others = append(others, strconv.Itoa(r.Customers[j].Line))
				}
			}
			if c.ID != "" {
				r.Diags.Errorf(name, c.Line, 0, "ID %q is also on line %s: which one is meant? Give each customer its own ID", c.ID, strings.Join(others, ", "))
			} else {
				r.Diags.Errorf(name, c.Line, 0, "%q is also on line %s, and neither has an ID: which one is meant? Remove one, or give each an ID (Kundennummer)", c.Label(), strings.Join(others, ", "))
			}
			bad[i] = true
		}
	}
	if len(bad) == 0 {
		return
	}
	kept := r.Customers[:0]
	for i, c := range r.Customers {
		if bad[i] {
			r.Skipped = append(r.Skipped, Skip{Line: c.Line, Label: c.Label()})
			continue
		}
		kept = append(kept, c)
	}
	r.Customers = kept
	sortSkipped(r.Skipped)
}

func sortSkipped(s []Skip) {
	slices.SortStableFunc(s, func(a, b Skip) int { return cmp.Compare(a.Line, b.Line) })
}

// clean trims a field, writes it in Unicode normal form C (macOS exports
// "ü" as u and a combining mark) and removes control characters (a line
// break becomes a space, except in notes).
func clean(s string, keepNewlines bool) string {
	s = norm.NFC.String(s)
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return strings.TrimSpace(s)
	}
	var b bytes.Buffer
	for _, r := range s {
		switch {
		case r == '\n' && keepNewlines:
			b.WriteRune(r)
		case r == '\n' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if !keepNewlines {
		out = strings.Join(strings.Fields(out), " ")
	}
	return strings.TrimSpace(out)
}
