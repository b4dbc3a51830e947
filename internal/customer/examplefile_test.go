package customer

import (
	"bytes"
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"
)

// examples/kunden-beispiel.csv is what a user gets to try the customer
// calendar with: written as German Excel writes it, read without a single
// problem, and covering the cases that trip up other tools.
func TestExampleFile(t *testing.T) {
	data, err := os.ReadFile("../../examples/kunden-beispiel.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Error("no UTF-8 byte order mark: German Excel would read Windows-1252")
	}
	if n := bytes.Count(data, []byte("\n")); n != bytes.Count(data, []byte("\r\n")) {
		t.Error("not every line ends in CRLF")
	}
	r := Load("kunden-beispiel.csv", data)
	if len(r.Diags) > 0 || len(r.Skipped) > 0 || len(r.Ignored) > 0 {
		t.Fatalf("problems: %v, skipped %v, ignored %v", r.Diags, r.Skipped, r.Ignored)
	}
	if r.Format.Separator != ';' || r.Format.Encoding != "UTF-8 mit BOM" {
		t.Errorf("format %+v", r.Format)
	}
	has := map[string]bool{}
	for _, c := range r.Customers {
		if !strings.HasPrefix(c.ID, "K-") || c.Name == "" || c.Company == "" || c.Region == "" {
			t.Errorf("incomplete: %+v", c)
		}
		b := c.Birthday
		has["29 February birthday"] = has["29 February birthday"] || (b.Month == time.February && b.Day == 29 && b.HasYear())
		has["birthday without year"] = has["birthday without year"] || (!b.IsZero() && !b.HasYear())
		has["31 August birthday"] = has["31 August birthday"] || (b.Month == time.August && b.Day == 31)
		has["customer since 29 February"] = has["customer since 29 February"] || (c.Since.Month == time.February && c.Since.Day == 29)
		has["no birthday"] = has["no birthday"] || b.IsZero()
		has["no Kunde seit"] = has["no Kunde seit"] || c.Since.IsZero()
		has["Swiss customer"] = has["Swiss customer"] || strings.HasPrefix(c.Region, "CH-")
		has["Austrian customer"] = has["Austrian customer"] || strings.HasPrefix(c.Region, "AT-")
		has["note with a separator"] = has["note with a separator"] || strings.Contains(c.Note, ";")
	}
	for _, want := range []string{"29 February birthday", "birthday without year", "31 August birthday", "customer since 29 February",
		"no birthday", "no Kunde seit", "Swiss customer", "Austrian customer", "note with a separator"} {
		if !has[want] {
			t.Errorf("the example has no %s", want)
		}
	}
	// An umlaut in every column, title or values: the encoding must
	// survive in each of them.
	cr := csv.NewReader(bytes.NewReader(data[3:]))
	cr.Comma = ';'
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for col, title := range rows[0] {
		found := false
		for _, row := range rows {
			found = found || strings.ContainsAny(row[col], "äöüÄÖÜ")
		}
		if !found {
			t.Errorf("column %q has no umlaut", title)
		}
	}
}
