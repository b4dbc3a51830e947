package regioncode

import (
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	for _, tc := range []struct{ region, country, want string }{
		{"DE-BY", "", "DE-BY"},
		{"de-by", "", "DE-BY"},
		{"Bayern", "", "DE-BY"},
		{"Bavaria", "", "DE-BY"},
		{"BY", "", "DE-BY"},
		{"BY", "Deutschland", "DE-BY"},
		{"Thüringen", "", "DE-TH"},
		{"Thueringen", "", "DE-TH"},
		{"Thuringen", "Germany", "DE-TH"},
		{"Baden-Württemberg", "", "DE-BW"},
		{"baden wuerttemberg", "", "DE-BW"},
		{"NRW", "", "DE-NW"},
		{"North Rhine-Westphalia", "DE", "DE-NW"},
		{"Zürich", "", "CH-ZH"},
		{"Zurich", "CH", "CH-ZH"},
		{"Zuerich", "", "CH-ZH"},
		{"ZH", "", "CH-ZH"},
		{"Genève", "", "CH-GE"},
		{"Geneva", "Suisse", "CH-GE"},
		{"Bern", "", "CH-BE"},
		{"Berlin", "", "DE-BE"},
		{"BE", "Schweiz", "CH-BE"},
		{"BE", "DE", "DE-BE"},
		{"St. Gallen", "", "CH-SG"},
		{"Saint-Gall", "", "CH-SG"},
		{"Wien", "", "AT-9"},
		{"Vienna", "Austria", "AT-9"},
		{"9", "AT", "AT-9"},
		{"AT-9", "", "AT-9"},
		{"Tirol", "Österreich", "AT-7"},
		{"", "Deutschland", "DE"},
		{"", "Switzerland", "CH"},
		{"Österreich", "", "AT"},
		{"", "", ""},
	} {
		r, err := Match(tc.region, tc.country)
		if err != nil || r.Code != tc.want {
			t.Errorf("Match(%q, %q) = %q, %v; want %s", tc.region, tc.country, r.Code, err, tc.want)
		}
	}
}

func TestMatchRefuses(t *testing.T) {
	for _, tc := range []struct{ region, country, want string }{
		{"BE", "", `could be DE-BE (Berlin) or CH-BE (Bern)`},
		{"NW", "", `could be DE-NW (Nordrhein-Westfalen) or CH-NW (Nidwalden)`},
		{"Süd", "", `"Süd" is not a country, state or canton`},
		{"Bayern", "Österreich", `"Bayern" (DE-BY) is not in Österreich`},
		{"", "Frankreich", `"Frankreich" is not a country anlass knows`},
		{"Bayern", "Bayern", `"Bayern" is not a country`},
	} {
		_, err := Match(tc.region, tc.country)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Match(%q, %q) error %v, want %q", tc.region, tc.country, err, tc.want)
		}
	}
}

// Every name and code of every region finds that region, also written in
// capitals and with umlauts as ae/oe/ue.
func TestMatchEveryName(t *testing.T) {
	for _, r := range All() {
		names := append([]string{r.Name, r.Code, strings.ToUpper(r.Name), umlautsAsE(r.Name)}, otherNames[r.Code]...)
		for _, n := range names {
			got, err := Match(n, "")
			if err != nil || got.Code != r.Code {
				t.Errorf("Match(%q) = %q, %v; want %s", n, got.Code, err, r.Code)
			}
		}
	}
}
