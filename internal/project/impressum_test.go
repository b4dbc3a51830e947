package project_test

import (
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/testutil"
)

const oneOccasion = `
-- occasions/quirky/pi-tag.yaml --
id: pi-tag
name: {de: Pi-Tag}
category: quirky
date: 03-14
summary: Ein Anlass für die Tests der Prüfung, mit genug Text für die Mindestlänge der Zusammenfassung.
ideas:
  - {kind: gift, title: Eine Karte, text: Eine handgeschriebene Karte.}
  - {kind: contact, title: Ein Anruf, text: Ein kurzer Anruf ohne Verkaufsabsicht.}
lead_time: 1w
sources: [{url: "https://example.org/quelle", title: Quelle}]
`

// anlass check warns when a site at a public address has no Impressum.
func TestImpressumWarning(t *testing.T) {
	const impressum = "-- pages/impressum.md --\n---\ntitle: Impressum\ndescription: Wer die Website betreibt.\n---\n\nFirma GmbH\n"
	for _, tc := range []struct {
		name, files string
		warn        bool
	}{
		{"public, none", "-- anlass.yaml --\nbase_url: https://anlaesse.firma.de/\n", true},
		{"public, a draft", "-- anlass.yaml --\nbase_url: https://anlaesse.firma.de/\n" + strings.Replace(impressum, "description:", "draft: true\ndescription:", 1), true},
		{"public, with one", "-- anlass.yaml --\nbase_url: https://anlaesse.firma.de/\n" + impressum, false},
		{"localhost", "-- anlass.yaml --\nbase_url: http://localhost:1313/\n", false},
		{"private address", "-- anlass.yaml --\nbase_url: http://192.168.1.20/\n", false},
		{"a test domain", "-- anlass.yaml --\nbase_url: https://anlass.test/\n", false},
		{"no configuration (localhost)", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := testutil.Project(t, oneOccasion+tc.files)
			_, l := project.Check(root, civil.Of(2026, 11, 22))
			warned := strings.Contains(diag.ListError(l).Error(), "no pages/impressum.md: a site run by a company in Germany needs an Impressum (§ 5 DDG)")
			if warned != tc.warn || l.HasErrors() {
				t.Errorf("warned %v, want %v:\n%s", warned, tc.warn, diag.ListError(l).Error())
			}
		})
	}
}

// A per-year table that has run out is announced, with what to add, judged
// from the day check is told (--now).
func TestDatesTableRunsOut(t *testing.T) {
	root := testutil.Project(t, `
-- anlass.yaml --
base_url: http://localhost:1313/
-- occasions/quirky/jaehrlich.yaml --
id: jaehrlich
name: {de: Jährlich neu}
category: quirky
dates:
  2025: 06-05
  2026: 06-12
summary: Ein Anlass, dessen Termin jedes Jahr neu bekanntgegeben wird, mit genug Text für die Prüfung.
ideas:
  - {kind: gift, title: Eine Karte, text: Eine handgeschriebene Karte.}
  - {kind: contact, title: Ein Anruf, text: Ein kurzer Anruf ohne Verkaufsabsicht.}
lead_time: 1w
sources: [{url: "https://example.org/quelle", title: Quelle}]
-- occasions/quirky/mit-regel.yaml --
id: mit-regel
name: {de: Mit Regel}
category: quirky
date: 06-14
dates:
  2025: 06-13
summary: Ein Anlass mit Regel und einer Ausnahme, mit genug Text für die Mindestlänge der Prüfung.
ideas:
  - {kind: gift, title: Eine Karte, text: Eine handgeschriebene Karte.}
  - {kind: contact, title: Ein Anruf, text: Ein kurzer Anruf ohne Verkaufsabsicht.}
lead_time: 1w
sources: [{url: "https://example.org/quelle", title: Quelle}]
`)
	for _, tc := range []struct {
		today civil.Date
		want  string
	}{
		{civil.Of(2025, 3, 1), ""},
		{civil.Of(2026, 3, 1), "occasions/quirky/jaehrlich.yaml:6:3: warning: the dates table ends with 2026 and there is no rule: jaehrlich has no date in 2027; add `2027: MM-DD` with a source (or `2027: none` if it does not take place)"},
		{civil.Of(2027, 3, 1), "jaehrlich has no date in 2027 and 2028"},
	} {
		_, l := project.Check(root, tc.today)
		got := ""
		if l.HasErrors() || len(l) > 1 {
			t.Fatalf("%s: %v", tc.today, diag.ListError(l))
		}
		if len(l) == 1 {
			got = l[0].String()
		}
		if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.today, got, tc.want)
		}
	}
}
