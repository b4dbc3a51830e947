package textkey

import "testing"

func TestOf(t *testing.T) {
	for in, want := range map[string]string{
		"Kunde seit":         "kundeseit",
		"KUNDE_SEIT":         "kundeseit",
		"Geb.-Datum":         "gebdatum",
		"Zürich":             "zurich",
		"Zu\u0308rich":       "zurich", // decomposed, as macOS writes it
		"Straße":             "strasse",
		"Genève":             "geneve",
		"Person - Name":      "personname",
		"Address 1 - Region": "address1region",
		"":                   "",
		"  ":                 "",
	} {
		if got := Of(in); got != want {
			t.Errorf("Of(%q) = %q, want %q", in, got, want)
		}
	}
}
