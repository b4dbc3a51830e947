package customer

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/regioncode"
)

// separators are the field separators a CSV may use, in the order that
// wins a tie: German Excel's ";", Excel's "Unicode-Text" tab, the "," of
// Google Sheets, LibreOffice's default and CRM exports, and a rare "|".
var separators = []rune{';', '\t', ',', '|'}

// record is one row of the file.
type record struct {
	line   int
	fields []string
}

func loadCSV(name, text string) Result {
	r := Result{Format: Format{Kind: "CSV"}}
	body, firstLine := text, 1
	sep, explicit := sepLine(text)
	if explicit {
		// Excel's "sep=;" first line names the separator.
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			body, firstLine = text[i+1:], 2
		} else {
			body = ""
		}
		if !validSeparator(sep) {
			r.Diags.Errorf(name, 1, 0, "%q cannot separate fields: expected sep=; or sep=, or a tab", sep)
			return r
		}
	} else {
		sep = sniffSeparator(body)
	}
	r.Format.Separator = sep
	records := readRecords(name, body, sep, firstLine, &r)

	h := 0
	for h < len(records) && blank(records[h].fields) {
		h++
	}
	if h == len(records) {
		if len(r.Diags) == 0 {
			r.Diags.Errorf(name, 0, 0, "no customers: the file is empty")
		}
		return r
	}
	header := records[h]
	cols := mapColumns(header.fields)
	r.Ignored = cols.ignored
	for _, d := range cols.doubles {
		r.Diags.Warnf(name, header.line, 0, "%s", d)
	}
	if !cols.hasName() {
		r.Diags.Errorf(name, header.line, 0, "no column for the customer: expected a header such as Name, Ansprechpartner, Vorname and Nachname, or Firma (the first row has %s)", quoteList(header.fields))
		return r
	}
	rows := records[h+1:]
	order := decideSlashOrder(rows, cols)
	for _, rec := range rows {
		if blank(rec.fields) {
			continue
		}
		c, ok := readRow(name, rec, header, cols, order, &r)
		if ok {
			r.Customers = append(r.Customers, c)
		} else {
			r.Skipped = append(r.Skipped, Skip{Line: rec.line, Label: c.Label()})
		}
	}
	sortSkipped(r.Skipped)
	return r
}

// sepLine reads Excel's optional first line "sep=;".
func sepLine(text string) (rune, bool) {
	line := text
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimRight(line, "\r")
	if len(line) < 5 || !strings.EqualFold(line[:4], "sep=") {
		return 0, false
	}
	sep, size := utf8.DecodeRuneInString(line[4:])
	if 4+size != len(line) {
		return 0, false
	}
	return sep, true
}

func validSeparator(r rune) bool {
	return r != '"' && r != '\r' && r != '\n' && r != utf8.RuneError && r != 0 && !(r >= 0xD800 && r <= 0xDFFF)
}

// sniffSeparator picks the separator under which the header row names the
// most known columns, then the most columns; quotes are respected, so a
// "," inside a quoted title does not count.
func sniffSeparator(text string) rune {
	best, bestKnown, bestFields := separators[0], -1, -1
	for _, sep := range separators {
		cr := csv.NewReader(strings.NewReader(text))
		cr.Comma, cr.FieldsPerRecord = sep, -1
		var rec []string
		var err error
		for {
			rec, err = cr.Read()
			if err != nil || !blank(rec) {
				break
			}
		}
		if err != nil {
			continue
		}
		known, fields := mapColumns(rec).known(), len(rec)
		if known > bestKnown || (known == bestKnown && fields > bestFields) {
			best, bestKnown, bestFields = sep, known, fields
		}
	}
	return best
}

// readRecords reads every record with the line it starts on. A record that
// is not valid CSV is reported and skipped; reading goes on at the line
// after the place where the error was found, so that one stray quote does
// not hide the rest of the file.
func readRecords(name, text string, sep rune, firstLine int, r *Result) []record {
	var out []record
	lineBase := firstLine - 1
	for {
		cr := csv.NewReader(strings.NewReader(text))
		cr.Comma, cr.FieldsPerRecord = sep, -1
		for {
			fields, err := cr.Read()
			if err == io.EOF {
				return out
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				// Go on after the line where the error was seen.
				rest, errLine := text, ""
				for n := 0; n < pe.Line && rest != ""; n++ {
					errLine, rest, _ = strings.Cut(rest, "\n")
				}
				start := lineBase + pe.StartLine
				r.Diags.Errorf(name, start, 0, "%s", quoteProblem(pe, lineBase, sep, pe.Column > len(strings.TrimSuffix(errLine, "\r"))))
				r.Skipped = append(r.Skipped, Skip{Line: start})
				text, lineBase = rest, lineBase+pe.Line
				break
			}
			if err != nil { // reading a string cannot fail otherwise; keep what was read
				r.Diags.Errorf(name, lineBase+1, 0, "%v", err)
				return out
			}
			line, _ := cr.FieldPos(0)
			out = append(out, record{line: lineBase + line, fields: fields})
		}
		if text == "" {
			return out
		}
	}
}

// quoteProblem explains a CSV error in the words of someone editing the
// file in a text editor; unclosed tells a quote that runs to the end of the
// file from one followed by stray text.
func quoteProblem(pe *csv.ParseError, lineBase int, sep rune, unclosed bool) string {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return `a " inside a field that does not start with one: put the whole field in double quotes and write each " inside twice ("Firma ""Sonne"" GmbH")`
	case errors.Is(pe.Err, csv.ErrQuote) && unclosed:
		return `the quoted field that starts on this line is never closed: a " is missing`
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine:
		return "the quoted field that starts on this line has text after its closing \" on line " + strconv.Itoa(lineBase+pe.Line) + `: check its double quotes`
	case errors.Is(pe.Err, csv.ErrQuote):
		return "a quoted field must end with \" followed by " + sepName(sep) + " or the end of the line"
	}
	return pe.Err.Error()
}

func sepName(sep rune) string {
	if sep == '\t' {
		return "a tab"
	}
	return strconv.QuoteRune(sep)
}

// blank reports whether a record has no content: Excel exports rows of
// empty fields below the data, and such a row read with another separator
// is nothing but separators.
func blank(fields []string) bool {
	for _, f := range fields {
		if strings.Trim(f, " \t;,|") != "" {
			return false
		}
	}
	return true
}

// slashEvidenceSeen is the first date of each order seen in the file.
type slashEvidenceSeen struct {
	dayFirst, monthFirst         string // the value
	dayFirstLine, monthFirstLine int
}

func (e slashEvidenceSeen) order() slashOrder {
	switch {
	case e.dayFirst != "" && e.monthFirst == "":
		return dayFirst
	case e.monthFirst != "" && e.dayFirst == "":
		return monthFirst
	}
	return orderUnknown
}

// decideSlashOrder looks at every slash date of the file: 13/01/1980 shows
// that the file puts the day first, 01/13/1980 the month. One export writes
// all its dates alike, so the whole file decides, not one column.
func decideSlashOrder(rows []record, cols columns) slashEvidenceSeen {
	var e slashEvidenceSeen
	for _, rec := range rows {
		for _, f := range []field{fBirthday, fSince} {
			v := value(rec.fields, cols.index[f])
			switch slashEvidence(v) {
			case dayFirst:
				if e.dayFirst == "" {
					e.dayFirst, e.dayFirstLine = v, rec.line
				}
			case monthFirst:
				if e.monthFirst == "" {
					e.monthFirst, e.monthFirstLine = v, rec.line
				}
			}
		}
	}
	return e
}

func value(fields []string, i int) string {
	if i < 0 || i >= len(fields) {
		return ""
	}
	return strings.TrimSpace(fields[i])
}

// readRow turns a row into a customer; ok is false when it has an error
// (reported in r.Diags).
func readRow(name string, rec record, header record, cols columns, order slashEvidenceSeen, r *Result) (Customer, bool) {
	c := Customer{Line: rec.line}
	ok := true
	fail := func(format string, args ...any) {
		r.Diags.Errorf(name, rec.line, 0, format, args...)
		ok = false
	}
	get := func(f field) string { return clean(value(rec.fields, cols.index[f]), false) }

	if n := len(header.fields); len(rec.fields) > n && !blank(rec.fields[n:]) {
		fail("has %d fields, but the header has %d: a field that contains %s must be in double quotes", len(rec.fields), n, sepName(r.Format.Separator))
	}
	c.Name = get(fName)
	if c.Name == "" {
		c.Name = strings.TrimSpace(get(fFirst) + " " + get(fLast))
	}
	c.Company = get(fCompany)
	c.ID = get(fID)
	c.Note = clean(value(rec.fields, cols.index[fNote]), true)
	if c.Name == "" && c.Company == "" {
		fail("no name and no company: which customer is this?")
	}

	readDate := func(f field, needYear bool) Date {
		raw := get(f)
		d, problem := parseDate(raw, order.order())
		switch problem {
		case dateInvalid:
			fail("column %q: %q is not a date", cols.title[f], raw)
		case dateAmbiguous:
			fail("column %q: %s", cols.title[f], ambiguous(raw, order))
		case dateOK:
			if needYear && !d.HasYear() {
				fail("column %q: %q has no year: the anniversaries count from it (write it as %s2015)", cols.title[f], raw, d.String())
			}
		}
		return d
	}
	c.Birthday = readDate(fBirthday, false)
	c.Since = readDate(fSince, true)

	region, country := get(fRegion), get(fCountry)
	if country != "" {
		if _, err := regioncode.Match("", country); err != nil {
			// A customer abroad is still a customer: the calendar falls
			// back to Germany's holidays, and says so.
			r.Diags.Warnf(name, rec.line, 0, "column %q: %v; the holidays of Germany are used", cols.title[fCountry], err)
			country, region = "", ""
		}
	}
	if region != "" || country != "" {
		reg, err := regioncode.Match(region, country)
		if country == "" && cols.country != "" && err != nil {
			// BE in a column "Kanton" is Bern, in a column "Bundesland" Berlin.
			if hinted, herr := regioncode.Match(region, cols.country); herr == nil {
				reg, err = hinted, nil
			}
		}
		if err != nil {
			fail("column %q: %v", cols.title[fRegion], err)
		}
		c.Region = reg.Code
	}
	return c, ok
}

// ambiguous explains a slash date that can be read two ways.
func ambiguous(raw string, e slashEvidenceSeen) string {
	a, b, y, _ := slashParts(raw)
	dm := german.DayMonth(civil.Of(y, time.Month(b), a))
	md := german.DayMonth(civil.Of(y, time.Month(a), b))
	numeric := func(m, d int) string { return Date{Year: y, Month: time.Month(m), Day: d}.String() }
	s := strconv.Quote(raw) + " could be " + dm + " or " + md
	if e.dayFirst != "" && e.monthFirst != "" {
		return s + ", and the file has dates of both orders (line " + strconv.Itoa(e.dayFirstLine) + ": " + strconv.Quote(e.dayFirst) +
			", line " + strconv.Itoa(e.monthFirstLine) + ": " + strconv.Quote(e.monthFirst) + "): write it as " + numeric(b, a) + " or " + numeric(a, b)
	}
	return s + ", and no other date in the file decides: write it as " + numeric(b, a) + " or " + numeric(a, b)
}

// quoteList quotes the first few fields of a row for a message.
func quoteList(fields []string) string {
	var q []string
	for i, f := range fields {
		if i == 6 {
			q = append(q, "…")
			break
		}
		q = append(q, strconv.Quote(clean(f, false)))
	}
	return strings.Join(q, ", ")
}
