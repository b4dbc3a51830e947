package kundenkalender_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/kundenkalender"
)

func holidays() kundenkalender.Holidays {
	return kundenkalender.NewHolidays(2026, 2028, map[string][]civil.Date{
		"DE":    {civil.Of(2027, 1, 1)},
		"DE-BY": {civil.Of(2027, 1, 1), civil.Of(2027, 1, 6)},
	})
}

// The holidays travel to the page as JSON and come back the same; a region
// the data does not know counts as Germany.
func TestHolidaysJSON(t *testing.T) {
	data, err := json.Marshal(holidays())
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != `{"von":2026,"bis":2028,"tage":{"DE":["2027-01-01"],"DE-BY":["2027-01-01","2027-01-06"]}}` {
		t.Errorf("JSON %s", data)
	}
	var back kundenkalender.Holidays
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		region string
		d      civil.Date
		want   bool
	}{
		{"DE-BY", civil.Of(2027, 1, 6), true}, {"DE", civil.Of(2027, 1, 6), false},
		{"XX", civil.Of(2027, 1, 1), true}, {"DE-BY", civil.Of(2027, 1, 7), false},
	} {
		if got := back.IsHoliday(tc.region, tc.d); got != tc.want {
			t.Errorf("IsHoliday(%s, %s) = %v", tc.region, tc.d, got)
		}
	}
	if err := json.Unmarshal([]byte(`{"von":2026,"bis":2027,"tage":{"DE":["2027-02-30"]}}`), &back); err == nil {
		t.Error("a day that does not exist was read")
	}
}

// A file with a bad row is blocked unless the valid rows are wanted; a file
// that cannot be read at all is blocked either way.
func TestRunBlocks(t *testing.T) {
	o := kundenkalender.Options{From: civil.Of(2027, 1, 1), To: civil.Of(2027, 12, 31), LeadDays: 14, Holidays: holidays(),
		UIDDomain: "example.org", BaseURL: "https://example.org/", Stamp: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
	good := "Name;Firma;Geburtstag\nDora Gut;Gut KG;01.03.1990\nCarla Fehler;Fehler GmbH;31.02.1980\n"
	r, err := kundenkalender.Run("k.csv", []byte(good), o)
	if err != nil || !r.Blocked || r.Errors() != 1 || r.Events != nil {
		t.Fatalf("bad row: blocked %v, %d errors, %d events, %v", r.Blocked, r.Errors(), len(r.Events), err)
	}
	o.SkipInvalid = true
	r, err = kundenkalender.Run("k.csv", []byte(good), o)
	if err != nil || r.Blocked || len(r.Load.Skipped) != 1 || len(r.Events) == 0 {
		t.Fatalf("--skip-invalid: blocked %v, skipped %v, %d events, %v", r.Blocked, r.Load.Skipped, len(r.Events), err)
	}
	for _, e := range r.Events {
		if !strings.Contains(e.Summary, "Dora Gut") {
			t.Errorf("an event of a skipped row: %s", e.Summary)
		}
	}
	if s := kundenkalender.Summary("k.csv", r); s != "1 Kunde aus k.csv (CSV, UTF-8, Trennzeichen ;), 1 Zeile übersprungen: "+itoa(len(r.Events))+" Termine" {
		t.Errorf("summary %q", s)
	}
	r, _ = kundenkalender.Run("k.csv", []byte("nur;Unsinn\n1;2\n"), o)
	if !r.Blocked {
		t.Errorf("a file without known columns is not blocked: %v", r.Load.Diags)
	}
	o.To = civil.Of(2029, 12, 31)
	if _, err := kundenkalender.Run("k.csv", []byte("Name;Geburtstag\nDora Gut;01.03.1990\n"), o); err == nil || !strings.Contains(err.Error(), "2026–2028") {
		t.Errorf("years beyond the holiday data: %v", err)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
