package customerdates

import (
	"io"

	"github.com/anlass/anlass/internal/excelcsv"
	"github.com/anlass/anlass/internal/german"
)

// CSVHeader are the columns of the customer calendar as CSV.
var CSVHeader = []string{"Datum", "Wochentag", "Art", "Termin", "Name", "Firma", "Anlass am", "Notiz", "Link"}

// CSVRow is an event's row: one row per event, preparations included, with
// the day of the occasion it belongs to.
func (e Event) CSVRow() []string {
	return []string{
		excelcsv.Date(e.Start), german.Weekday(e.Start), e.Kind.Label(), e.Summary,
		e.Customer.Name, e.Customer.Company, excelcsv.Date(e.Occasion), e.Customer.Note, e.URL,
	}
}

// WriteCSV writes the events as German Excel opens them (internal/excelcsv):
// the header, then one row per event in the given order.
func WriteCSV(w io.Writer, events []Event) error {
	cw := excelcsv.New(w)
	cw.Row(CSVHeader...)
	for _, e := range events {
		cw.Row(e.CSVRow()...)
	}
	return cw.Close()
}
