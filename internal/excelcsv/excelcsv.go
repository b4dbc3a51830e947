// Package excelcsv writes CSV the way German Excel opens it with a double
// click: UTF-8 with a byte order mark (without it Excel reads Windows-1252
// and breaks every umlaut), ";" between fields (the list separator of the
// German locale), CRLF line ends, dates as TT.MM.JJJJ, and text that starts
// like a formula made harmless. The site's data files, the Merkliste and the
// customer calendar all write their CSV through it.
package excelcsv

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/german"
)

// BOM is the UTF-8 byte order mark a file starts with.
const BOM = "\ufeff"

// Writer writes rows.
type Writer struct {
	w   *csv.Writer
	err error
}

// New returns a Writer that has written the byte order mark to w.
func New(w io.Writer) *Writer {
	_, err := io.WriteString(w, BOM)
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	return &Writer{w: cw, err: err}
}

// Row writes one row; each field is made safe with Text.
func (w *Writer) Row(fields ...string) {
	if w.err != nil {
		return
	}
	safe := make([]string, len(fields))
	for i, f := range fields {
		safe[i] = Text(f)
	}
	w.err = w.w.Write(safe)
}

// Close flushes the rows and returns the first error.
func (w *Writer) Close() error {
	w.w.Flush()
	if w.err != nil {
		return w.err
	}
	return w.w.Error()
}

// Line returns one row as it appears in a file, CRLF included: for rows
// that are put together later (the Merkliste joins rows the build wrote).
func Line(fields ...string) string {
	var b bytes.Buffer
	w := New(&b)
	w.Row(fields...)
	_ = w.Close() // a bytes.Buffer does not fail
	return strings.TrimPrefix(b.String(), BOM)
}

// Date formats a date as German Excel reads it: 24.12.2026.
func Date(d civil.Date) string { return german.Numeric(d) }

// Text keeps a spreadsheet from reading text as a formula (CSV injection,
// OWASP): a field that starts with =, +, -, @, a tab or a CR gets a leading
// apostrophe, which Excel and LibreOffice hide.
func Text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
