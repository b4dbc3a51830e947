// Package kundenkalender is the customer calendar in one call: read a
// customer file (internal/customer), compute its events
// (internal/customerdates) and write them as an importable iCalendar file,
// as CSV for Excel or as a table. `anlass kunden` runs it, and so does the
// page /kundenkalender/, for which cmd/kundenkalender compiles this package
// to WebAssembly: the same file gives the same events and the same bytes in
// both. Like the packages below it, it touches no file, network or clock:
// the caller passes the file's bytes, the holidays and the build time.
package kundenkalender

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/customer"
	"github.com/anlass/anlass/internal/customerdates"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/ical"
)

// Options are the choices of one run.
type Options struct {
	From, To    civil.Date // the window, inclusive
	LeadDays    int        // days between a preparation event and its occasion; 0: none
	Feb29       customerdates.Feb29
	SkipInvalid bool // compute the valid rows when some are bad
	Holidays    Holidays
	// UIDDomain ends every UID (the site's uid_domain); BaseURL prefixes the
	// links to the idea articles (the site's base_url).
	UIDDomain, BaseURL string
	// Stamp is the DTSTAMP of the iCalendar file (the build time).
	Stamp time.Time
}

// Result is what a run found and computed.
type Result struct {
	Load   customer.Result
	Events []customerdates.Event // nil when Blocked
	// Blocked is true when rows have errors and SkipInvalid is off, or when
	// the file could not be read at all: then nothing may be written.
	Blocked bool
}

// Errors is the number of errors in the file.
func (r Result) Errors() int {
	n := 0
	for _, d := range r.Load.Diags {
		if d.Severity == diag.Error {
			n++
		}
	}
	return n
}

// Run reads the customer file name (its bytes data) and computes the events
// of the window. An error is returned only for options that make no
// computation possible (a window longer than ten years, holidays missing
// for a year); problems in the file are in the Result.
func Run(name string, data []byte, o Options) (Result, error) {
	r := Result{Load: customer.Load(name, data)}
	if r.Errors() > 0 && (!o.SkipInvalid || unreadable(r.Load)) {
		r.Blocked = true
		return r, nil
	}
	if o.Holidays.From == 0 {
		return r, fmt.Errorf("no holiday data")
	}
	first, last := o.options().HolidayYears()
	if first < o.Holidays.From || last > o.Holidays.To {
		return r, fmt.Errorf("the holiday data covers %d–%d; the window needs %d–%d", o.Holidays.From, o.Holidays.To, first, last)
	}
	evs, err := customerdates.Compute(r.Load.Customers, o.options())
	if err != nil {
		return r, err
	}
	r.Events = evs
	return r, nil
}

// unreadable reports whether the file as a whole could not be read (an
// error outside any row: encoding, header, no columns), so that skipping
// rows cannot help.
func unreadable(l customer.Result) bool {
	for _, d := range l.Diags {
		if d.Severity == diag.Error && !skipped(l, d.Line) {
			return true
		}
	}
	return false
}

func skipped(l customer.Result, line int) bool {
	for _, s := range l.Skipped {
		if s.Line == line {
			return true
		}
	}
	return false
}

func (o Options) options() customerdates.Options {
	return customerdates.Options{From: o.From, To: o.To, LeadDays: o.LeadDays, Feb29: o.Feb29, Holidays: o.Holidays,
		UIDDomain: o.UIDDomain, BaseURL: o.BaseURL}
}

// ICS is the events as one importable calendar: no name, refresh or
// subscription properties, so that calendar apps import it into the
// calendar the user chooses. internal/ical writes it, as every feed of the
// site.
func ICS(events []customerdates.Event, o Options) ([]byte, error) {
	cal := ical.Calendar{Import: true, Events: make([]ical.Event, 0, len(events))}
	for _, e := range events {
		cal.Events = append(cal.Events, ical.Event{UID: e.UID, Start: e.Start, End: e.End, Summary: e.Summary,
			Description: e.Description, URL: e.URL, Categories: e.Categories})
	}
	var b bytes.Buffer
	err := ical.Writer{Stamp: o.Stamp}.Write(&b, cal)
	return b.Bytes(), err
}

// CSV is the events as German Excel opens them: semicolons, UTF-8 with a
// byte order mark, CRLF, dates as TT.MM.JJJJ (internal/excelcsv).
func CSV(events []customerdates.Event) ([]byte, error) {
	var b bytes.Buffer
	err := customerdates.WriteCSV(&b, events)
	return b.Bytes(), err
}

// Text writes the events as a table by date.
func Text(w io.Writer, events []customerdates.Event) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATUM\tTAG\tART\tTERMIN")
	for _, e := range events {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.Start, german.WeekdayShort(e.Start), e.Kind.Label(), e.Summary)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(events) == 0 {
		_, err := fmt.Fprintln(w, "(keine Termine in diesem Zeitraum)")
		return err
	}
	return nil
}

// Counts is the number of events of each kind, in customerdates.Kinds
// order, then Preparation.
func Counts(events []customerdates.Event) []KindCount {
	n := map[customerdates.Kind]int{}
	for _, e := range events {
		n[e.Kind]++
	}
	var out []KindCount
	for _, k := range append(customerdates.Kinds[:len(customerdates.Kinds):len(customerdates.Kinds)], customerdates.Preparation) {
		out = append(out, KindCount{Kind: k, N: n[k]})
	}
	return out
}

// KindCount is how many events of a kind a calendar has.
type KindCount struct {
	Kind customerdates.Kind
	N    int
}

// Summary says in one line what was read: "10 Kunden aus kunden.csv (CSV,
// UTF-8 mit BOM, Trennzeichen ;): 58 Termine".
func Summary(name string, r Result) string {
	f := r.Load.Format
	how := f.Kind
	if f.Encoding != "" {
		how += ", " + f.Encoding
	}
	if f.Kind == "CSV" && f.Separator != 0 {
		sep := string(f.Separator)
		if f.Separator == '\t' {
			sep = "Tabulator"
		}
		how += ", Trennzeichen " + sep
	}
	s := count(len(r.Load.Customers), "Kunde", "Kunden") + " aus " + name + " (" + how + ")"
	if n := len(r.Load.Skipped); n > 0 {
		s += ", " + count(n, "Zeile", "Zeilen") + " übersprungen"
	}
	if !r.Blocked {
		s += ": " + count(len(r.Events), "Termin", "Termine")
	}
	return s
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
