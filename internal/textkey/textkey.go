// Package textkey folds names that people type in many ways into one key
// for matching: column titles of spreadsheets ("Kunde seit", "KUNDE_SEIT"),
// names of states and cantons ("Zürich", "Zurich").
package textkey

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Of returns s in lower case without accents or umlauts (ü → u), with ß as
// ss, and with nothing but letters and digits: "Geb.-Datum" → "gebdatum",
// "St. Gallen" → "stgallen".
func Of(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'ß':
			b.WriteString("ss")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
