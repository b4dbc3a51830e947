package regiondays_test

import (
	"testing"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/regiondays"
)

// Before the first day the data vouches for, a region has no holidays,
// Brückentage or Ferienbeginn, and says so; from that day on it has them.
func TestNothingBeforeKnownFrom(t *testing.T) {
	book := loadBook(t, "../..", civil.Of(1985, time.January, 1), civil.Of(1991, time.December, 31))
	for _, c := range []struct {
		code      string
		knownFrom civil.Date
		firstID   string // the region's first holiday on or after knownFrom
	}{
		{"DE-BY", civil.Of(1990, time.January, 1), "de-neujahr"},
		{"DE", civil.Of(1990, time.January, 1), "de-neujahr"},
		{"DE-SN", civil.Of(1990, time.October, 3), "de-tag-der-deutschen-einheit"},
		{"DE-BE", civil.Of(1990, time.October, 3), "de-tag-der-deutschen-einheit"},
	} {
		r := book.Get(c.code)
		if r.KnownFrom != c.knownFrom {
			t.Errorf("%s: known from %s, want %s", c.code, r.KnownFrom, c.knownFrom)
		}
		if !r.Unknown() || r.UnknownNote() == "" {
			t.Errorf("%s: a range from 1985 must say that it starts before %s", c.code, c.knownFrom)
		}
		if len(r.Holidays) == 0 || r.Holidays[0].Start < c.knownFrom || r.Holidays[0].Occasion.ID != c.firstID {
			t.Errorf("%s: first holiday %v, want %s on or after %s", c.code, r.Holidays[:min(1, len(r.Holidays))], c.firstID, c.knownFrom)
		}
		for _, b := range r.Bridges {
			if b.Date < c.knownFrom.AddDays(2) {
				t.Errorf("%s: Brückentag %s judged with days before %s", c.code, b.Date, c.knownFrom)
			}
		}
	}
	// 1994 in Baden-Württemberg: Buß- und Bettag (16 November) is a holiday; 1995 it is not.
	bw := loadBook(t, "../..", civil.Of(1994, time.January, 1), civil.Of(1995, time.December, 31)).Get("DE-BW")
	if bw.Unknown() || bw.UnknownNote() != "" {
		t.Errorf("DE-BW 1994 is known, note %q", bw.UnknownNote())
	}
	if !hasHoliday(bw.HolidaysIn(1994), "de-buss-und-bettag", civil.Of(1994, time.November, 16)) {
		t.Error("DE-BW 1994 lacks Buß- und Bettag on 16 November")
	}
	if hasHoliday(bw.HolidaysIn(1995), "de-buss-und-bettag", civil.Of(1995, time.November, 22)) {
		t.Error("DE-BW 1995 has Buß- und Bettag")
	}
}

func hasHoliday(hs []regiondays.Holiday, id string, d civil.Date) bool {
	for _, h := range hs {
		if h.Occasion.ID == id && h.Start == d {
			return true
		}
	}
	return false
}
