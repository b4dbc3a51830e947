package search

import (
	"slices"
	"testing"

	"github.com/blevesearch/snowballstem"
)

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"IT-Abteilung", []string{"IT", "Abteilung"}},
		{"Nimm-deinen-Hund-mit-zur-Arbeit-Tag", []string{"Nimm", "deinen", "Hund", "mit", "zur", "Arbeit", "Tag"}},
		{"„Raunächte“, 25./26. Dezember", []string{"Raunächte", "25", "26", "Dezember"}},
		{"Valentine's Day", []string{"Valentine", "s", "Day"}},
		{"  ", nil},
	} {
		if got := Words(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// Umlauts typed either way meet.
		{"Raunächte", "raunächte"},
		{"Raunaechte", "raunächte"},
		{"RAUNAECHTE", "raunächte"},
		{"Grüße", "grüsse"},
		{"Gruesse", "grüsse"},
		{"Öl", "öl"},
		{"Oel", "öl"},
		{"Ueberraschung", "überraschung"},
		// ß as ss.
		{"Straße", "strasse"},
		{"Strasse", "strasse"},
		// ue after q stays: "Quelle", "bequem".
		{"Quelle", "quelle"},
		{"bequem", "bequem"},
		// The rule reads every ae, oe, ue; both sides do, so "Feuer" still
		// finds "Feuer".
		{"Feuer", "feür"},
		{"Michael", "michäl"},
		// Other accents go.
		{"Café", "cafe"},
		{"Fête", "fete"},
		{"naïve", "naive"},
		{"IT", "it"},
		{"2026", "2026"},
	} {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestStem: the forms people type for the same thing get the same term,
// and different words keep apart.
func TestStem(t *testing.T) {
	env := snowballstem.NewEnv("")
	term := func(w string) string { return Stem(env, Normalize(w)) }
	for _, same := range [][]string{
		{"Hund", "Hunde", "Hundes", "Hunden"},
		{"Entschuldigung", "entschuldigen", "Entschuldigungen"},
		{"Geburtstag", "Geburtstage", "Geburtstages"},
		{"Raunächte", "Raunaechte", "Raunacht"},
		{"Nacht", "Nächte"},
		{"Straße", "Strasse", "Straßen"},
		{"Brückentag", "Brückentage", "Brueckentage"},
		{"Kaffee", "Kaffees"},
		{"Feuer", "Feuers"},
		{"Geschenk", "Geschenke", "Geschenken"},
	} {
		want := term(same[0])
		for _, w := range same[1:] {
			if got := term(w); got != want {
				t.Errorf("%q → %q, but %q → %q: want the same term", same[0], want, w, got)
			}
		}
	}
	for _, apart := range [][2]string{
		{"Hund", "Hundert"},
		{"Hund", "Hunderten"},
		{"Hund", "Jahrhundert"},
		{"Tag", "Tagung"},
		{"IT", "mit"},
	} {
		if term(apart[0]) == term(apart[1]) {
			t.Errorf("%q and %q both → %q: want different terms", apart[0], apart[1], term(apart[0]))
		}
	}
	if got := term("2026"); got != "2026" {
		t.Errorf("a number is kept as it is: got %q", got)
	}
}

func TestIndexable(t *testing.T) {
	for w, want := range map[string]bool{"it": true, "tag": true, "der": false, "und": false, "für": false, "a": false, "the": false} {
		if got := indexable(Normalize(w)); got != want {
			t.Errorf("indexable(%q) = %v, want %v", w, got, want)
		}
	}
}
