// Package regioncode knows the countries, states and cantons anlass covers, by
// their ISO 3166 / 3166-2 codes.
package regioncode

import (
	"slices"
	"strings"
)

// Region is a country or a subdivision.
type Region struct {
	Code    string // DE, DE-BY, AT-9, CH-ZH
	Name    string // German name
	Country string // DE, AT, CH
}

// IsCountry reports whether r is a whole country.
func (r Region) IsCountry() bool { return !strings.Contains(r.Code, "-") }

// Slug is the lower-case code used in file names and URLs (de-by).
func (r Region) Slug() string { return strings.ToLower(r.Code) }

var all = []Region{
	{"DE", "Deutschland", "DE"},
	{"DE-BW", "Baden-Württemberg", "DE"}, {"DE-BY", "Bayern", "DE"}, {"DE-BE", "Berlin", "DE"},
	{"DE-BB", "Brandenburg", "DE"}, {"DE-HB", "Bremen", "DE"}, {"DE-HH", "Hamburg", "DE"},
	{"DE-HE", "Hessen", "DE"}, {"DE-MV", "Mecklenburg-Vorpommern", "DE"}, {"DE-NI", "Niedersachsen", "DE"},
	{"DE-NW", "Nordrhein-Westfalen", "DE"}, {"DE-RP", "Rheinland-Pfalz", "DE"}, {"DE-SL", "Saarland", "DE"},
	{"DE-SN", "Sachsen", "DE"}, {"DE-ST", "Sachsen-Anhalt", "DE"}, {"DE-SH", "Schleswig-Holstein", "DE"},
	{"DE-TH", "Thüringen", "DE"},
	{"AT", "Österreich", "AT"},
	{"AT-1", "Burgenland", "AT"}, {"AT-2", "Kärnten", "AT"}, {"AT-3", "Niederösterreich", "AT"},
	{"AT-4", "Oberösterreich", "AT"}, {"AT-5", "Salzburg", "AT"}, {"AT-6", "Steiermark", "AT"},
	{"AT-7", "Tirol", "AT"}, {"AT-8", "Vorarlberg", "AT"}, {"AT-9", "Wien", "AT"},
	{"CH", "Schweiz", "CH"},
	{"CH-AG", "Aargau", "CH"}, {"CH-AI", "Appenzell Innerrhoden", "CH"}, {"CH-AR", "Appenzell Ausserrhoden", "CH"},
	{"CH-BE", "Bern", "CH"}, {"CH-BL", "Basel-Landschaft", "CH"}, {"CH-BS", "Basel-Stadt", "CH"},
	{"CH-FR", "Freiburg", "CH"}, {"CH-GE", "Genf", "CH"}, {"CH-GL", "Glarus", "CH"},
	{"CH-GR", "Graubünden", "CH"}, {"CH-JU", "Jura", "CH"}, {"CH-LU", "Luzern", "CH"},
	{"CH-NE", "Neuenburg", "CH"}, {"CH-NW", "Nidwalden", "CH"}, {"CH-OW", "Obwalden", "CH"},
	{"CH-SG", "St. Gallen", "CH"}, {"CH-SH", "Schaffhausen", "CH"}, {"CH-SO", "Solothurn", "CH"},
	{"CH-SZ", "Schwyz", "CH"}, {"CH-TG", "Thurgau", "CH"}, {"CH-TI", "Tessin", "CH"},
	{"CH-UR", "Uri", "CH"}, {"CH-VD", "Waadt", "CH"}, {"CH-VS", "Wallis", "CH"},
	{"CH-ZG", "Zug", "CH"}, {"CH-ZH", "Zürich", "CH"},
}

var byCode = func() map[string]Region {
	m := map[string]Region{}
	for _, r := range all {
		m[r.Code] = r
	}
	return m
}()

// Lookup finds a region by code (case-insensitive).
func Lookup(code string) (Region, bool) {
	r, ok := byCode[strings.ToUpper(strings.TrimSpace(code))]
	return r, ok
}

// All returns every region, countries first within each country, in a fixed order.
func All() []Region { return slices.Clone(all) }

// Subdivisions returns the states or cantons of a country.
func Subdivisions(country string) []Region {
	var out []Region
	for _, r := range all {
		if r.Country == country && !r.IsCountry() {
			out = append(out, r)
		}
	}
	return out
}

// Covers reports whether an occasion marked for code applies in region r:
// a country code covers all its subdivisions.
func Covers(code string, r Region) bool {
	return code == r.Code || (r.Country == code && !r.IsCountry()) || (code == r.Country && r.IsCountry())
}
