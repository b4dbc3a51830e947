package search

import (
	"slices"
	"testing"
)

// compoundText is the dictionary of the compound tests: a few sentences as
// the site might have them.
const compoundText = `Der Hund im Büro heißt Bürohund. Am Welthundetag denken wir an jeden Hund.
In den Hundstagen ist es heiß, die Tage sind lang. Seit einem Jahrhundert gibt es Hunderte Feste.
Zu Hunderten kamen die Gäste. Ein Welt-Tag für alle; die ganze Welt feiert. Zum Geburtstag eine Karte.
Das Büro schickt eine Weihnachtskarte zu Weihnachten. Das Jahr hat hundert Tage Sonne.`

func TestCompoundParts(t *testing.T) {
	sp := newSplitter()
	sp.learn(compoundText)
	for _, c := range []struct {
		word string
		want []string
	}{
		{"Bürohund", []string{"büro", "hund"}},
		{"Welthundetag", []string{"welt", "hunde", "tag"}},
		{"Hundstagen", []string{"hund", "tagen"}}, // linking s, a plural head
		{"Weihnachtskarte", []string{"weihnacht", "karte"}},
		// Not compounds of "Hund". "hundert" is no noun here, so
		// "Jahrhundert" stays whole.
		{"Jahrhundert", nil},
		{"Hunderten", nil},
		{"Hunderte", nil},
		// A word of the dictionary is not split into shorter ones.
		{"Hund", nil},
		{"Geburtstag", nil},
	} {
		got := sp.parts(Normalize(c.word))
		var want []string
		for _, w := range c.want {
			want = append(want, Normalize(w))
		}
		if !slices.Equal(got, want) {
			t.Errorf("parts(%q) = %q, want %q", c.word, got, want)
		}
	}
}
