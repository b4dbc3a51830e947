package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/clock"
	"github.com/anlass/anlass/internal/customerdates"
	"github.com/anlass/anlass/internal/kundenkalender"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/regiondays"
)

func init() {
	register(command{name: "kunden", summary: "a private calendar of your customers' birthdays, anniversaries and gift days (CSV or vCard)", run: runKunden})
}

const kundenUsage = "FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--now YYYY-MM-DD] [--vorlauf 14d] [--29feb 02-28|03-01] [--format text|ics|csv] [-o FILE|-] [--skip-invalid]"

// runKunden reads a customer list (CSV or vCard) on this machine and writes
// its calendar. Nothing leaves the machine and nothing is written into the
// site; the customers' data appears only in the output the user asked for.
func runKunden(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("kunden", kundenUsage, stderr)
	source := fs.String("source", ".", "project `directory` (its holidays and anlass.yaml: uid_domain, base_url)")
	fs.StringVar(source, "s", ".", "shorthand for --source")
	from := fs.String("from", "", "first `day` of the calendar (default today)")
	to := fs.String("to", "", "last `day` (default 12 months after --from, less a day)")
	now := fs.String("now", "", "take this `day` (YYYY-MM-DD) as today")
	lead := fs.String("vorlauf", "14d", "preparation events this long before each date: `days` (10, 10d) or weeks (3w); 0 for none")
	feb := fs.String("29feb", "02-28", "29 February dates in common years: on `02-28` or on 03-01 (never for half birthdays)")
	format := fs.String("format", "", "output `format`: text, ics or csv (default: -o's extension, else text)")
	out := fs.String("o", "", "write to this `file` (- for standard output; default standard output)")
	skip := fs.Bool("skip-invalid", false, "when rows have errors, list them and compute the others (default: write nothing)")
	usageErr := func(format string, a ...any) error {
		fmt.Fprintf(stderr, "anlass kunden: "+format+"\n", a...)
		return exitError(2)
	}
	// The file may stand before or after the flags.
	var file string
	for {
		if err := parseFlags(fs, args, stdout); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		if file != "" {
			return usageErr("one customer file at a time, found %q and %q", file, fs.Arg(0))
		}
		file, args = fs.Arg(0), fs.Args()[1:]
	}
	if file == "" {
		return usageErr("name the customer file: anlass kunden kunden.csv (CSV from Excel, LibreOffice, Google or a CRM, or a .vcf address book)")
	}

	kind, err := kundenFormat(*format, *out)
	if err != nil {
		return usageErr("%v", err)
	}
	clk, err := clock.New(*now, nil)
	if err != nil {
		return usageErr("%v", err)
	}
	o := kundenkalender.Options{SkipInvalid: *skip, Stamp: clk.Stamp}
	if o.From, o.To, err = kundenRange(*from, *to, clk.Today); err != nil {
		return usageErr("%v", err)
	}
	if o.LeadDays, err = customerdates.ParseLead(*lead); err != nil {
		return usageErr("--vorlauf: %v", err)
	}
	if o.Feb29, err = customerdates.ParseFeb29(*feb); err != nil {
		return usageErr("--29feb: %v", err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}

	p, l := project.Load(*source)
	if l.HasErrors() {
		for _, d := range l {
			fmt.Fprintln(stderr, d)
		}
		fmt.Fprintln(stderr, "anlass kunden: the project has errors (anlass check lists them all); its holidays are needed for the gift days")
		return exitError(1)
	}
	o.UIDDomain, o.BaseURL = p.Config.UIDDomain, p.Config.BaseURL
	first, last := customerdates.Options{From: o.From, To: o.To, LeadDays: o.LeadDays}.HolidayYears()
	hfrom, hto := civil.Of(first, 1, 1), civil.Of(last, 12, 31)
	book, err := regiondays.ForRange(p.Engine, nil, hfrom, hto)
	if err != nil {
		return err
	}
	o.Holidays = kundenkalender.NewHolidays(first, last, book.HolidayDays(hfrom, hto))

	name := filepath.Base(file)
	r, err := kundenkalender.Run(name, data, o)
	for _, d := range r.Load.Diags {
		fmt.Fprintln(stderr, d)
	}
	if err != nil {
		return err
	}
	if r.Blocked {
		n := r.Errors()
		fmt.Fprintf(stderr, "anlass kunden: %s in %s: nothing written. Fix the rows above, or run with --skip-invalid to write the others.\n",
			plural(n, "error"), name)
		return exitError(1)
	}
	for _, s := range r.Load.Skipped {
		fmt.Fprintf(stderr, "anlass kunden: skipped line %d", s.Line)
		if s.Label != "" {
			fmt.Fprintf(stderr, " (%s)", s.Label)
		}
		fmt.Fprintln(stderr)
	}

	var b bytes.Buffer
	switch kind {
	case "ics":
		data, err := kundenkalender.ICS(r.Events, o)
		if err != nil {
			return err
		}
		b.Write(data)
	case "csv":
		data, err := kundenkalender.CSV(r.Events)
		if err != nil {
			return err
		}
		b.Write(data)
	default:
		if err := kundenkalender.Text(&b, r.Events); err != nil {
			return err
		}
	}
	if *out == "" || *out == "-" {
		_, err = stdout.Write(b.Bytes())
		return err
	}
	if err := writeAtomically(*out, b.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%s: %s\n", *out, kundenkalender.Summary(name, r))
	return nil
}

// kundenFormat is --format, else the extension of -o, else text.
func kundenFormat(format, out string) (string, error) {
	if format == "" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".ics":
			return "ics", nil
		case ".csv":
			return "csv", nil
		}
		return "text", nil
	}
	switch format {
	case "text", "ics", "csv":
		return format, nil
	}
	return "", fmt.Errorf("unknown format %q: expected text, ics or csv", format)
}

// kundenRange resolves --from and --to (dateRange) for at most the window
// the customer calendar computes.
func kundenRange(from, to string, today civil.Date) (civil.Date, civil.Date, error) {
	start, end, err := dateRange(from, to, today)
	if err != nil {
		return 0, 0, err
	}
	if end.Sub(start) > customerdates.MaxWindowDays {
		return 0, 0, fmt.Errorf("--from %s to --to %s is longer than ten years", start, end)
	}
	return start, end, nil
}

// writeAtomically writes data to name through a temporary file in the same
// folder, so that a failed run never leaves half a file.
func writeAtomically(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".anlass-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		_ = os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), name)
}
