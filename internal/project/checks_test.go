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
greeting: {sie: Ein Gruß an Ihr Team zu diesem Tag. Danke für die gute Zusammenarbeit., du: Ein Gruß an euer Team zu diesem Tag. Danke für die gute Zusammenarbeit.}
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
greeting: {sie: Ein Gruß an Ihr Team zu diesem Tag. Danke für die gute Zusammenarbeit., du: Ein Gruß an euer Team zu diesem Tag. Danke für die gute Zusammenarbeit.}
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
greeting: {sie: Ein Gruß an Ihr Team zu diesem Tag. Danke für die gute Zusammenarbeit., du: Ein Gruß an euer Team zu diesem Tag. Danke für die gute Zusammenarbeit.}
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

// Target groups and topics come from the vocabularies in data/, with a
// suggestion for a typo and a word when a slug is in the other one.
func TestVocabularyChecks(t *testing.T) {
	root := testutil.Project(t, `
-- data/zielgruppen.yaml --
zielgruppen:
  - {slug: it, label: IT, art: branche}
  - {slug: empfang, label: Empfang, art: rolle}
-- data/themen.yaml --
themen:
  - {slug: humor, label: Humor}
-- occasions/quirky/pi-tag.yaml --
id: pi-tag
name: {de: Pi-Tag}
category: quirky
date: 03-14
summary: Ein Anlass für die Tests der Prüfung, mit genug Text für die Mindestlänge der Zusammenfassung.
greeting: {sie: Ein Gruß an Ihr Team zu diesem Tag. Danke für die gute Zusammenarbeit., du: Ein Gruß an euer Team zu diesem Tag. Danke für die gute Zusammenarbeit.}
ideas:
  - {kind: gift, title: Eine Karte, text: Eine Karte., zielgruppen: [itt, humor, empfang]}
  - {kind: contact, title: Ein Anruf, text: Ein kurzer Anruf., zielgruppen: [kantine]}
lead_time: 1w
sources: [{url: "https://example.org/quelle", title: Quelle}]
tags: [humr, it, zirkus]
-- content/artikel.md --
---
title: Ein Artikel
summary: Kurz.
date: 2026-01-15
tags: [humor, empfang]
---

Text.
`)
	_, l := project.Load(root)
	var got []string
	for _, d := range l {
		got = append(got, d.String())
	}
	want := []string{
		`content/artikel.md:5:15: unknown topic "empfang": it is a target group; name it in the ideas' zielgruppen`,
		`occasions/quirky/pi-tag.yaml:8:70: unknown target group "itt": did you mean "it"?`,
		`occasions/quirky/pi-tag.yaml:8:75: unknown target group "humor": it is a topic (tags:), not a target group`,
		`occasions/quirky/pi-tag.yaml:9:78: unknown target group "kantine": add it to data/zielgruppen.yaml or choose one of its slugs`,
		`occasions/quirky/pi-tag.yaml:12:8: unknown topic "humr": did you mean "humor"?`,
		`occasions/quirky/pi-tag.yaml:12:14: unknown topic "it": it is a target group; name it in the ideas' zielgruppen`,
		`occasions/quirky/pi-tag.yaml:12:18: unknown topic "zirkus": add it to data/themen.yaml or choose one of its slugs`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A holiday names the catalogue occasion of the same day (`occasion:`):
// check finds an unknown id (with a suggestion), a holiday named instead of
// an occasion, and the first year in which the two dates part.
func TestHolidaySameAs(t *testing.T) {
	holiday := func(id, date, same string) string {
		return "-- holidays/de/" + id + ".yaml --\nid: " + id + "\nname: {de: " + id + "}\noccasion: " + same +
			"\ndate: \"" + date + "\"\nregions: [DE-BY]\nsources: [{url: \"https://example.org/\", title: Quelle}]\n"
	}
	for _, tc := range []struct {
		name, files, want string
	}{
		{"agrees", holiday("de-pi", "03-14", "pi-tag"), ""},
		{"unknown occasion", holiday("de-pi", "03-14", "pi-tage"),
			"holidays/de/de-pi.yaml:3:11: occasion pi-tage: there is no such occasion in occasions/: did you mean pi-tag?"},
		{"a holiday", holiday("de-pi", "03-14", "pi-tag") + holiday("de-pa", "03-14", "de-pi"),
			"holidays/de/de-pa.yaml:3:11: occasion de-pi is a holiday: name the catalogue occasion (occasions/…) that falls on the same day"},
		{"other day", holiday("de-pi", "03-15", "pi-tag"),
			"holidays/de/de-pi.yaml:3:11: occasion pi-tag: in 1583 de-pi falls on 1583-03-15, but pi-tag does not; name the occasion of the same day or fix the date"},
		{"not a slug", holiday("de-pi", "03-14", "Pi Tag"),
			`holidays/de/de-pi.yaml:3:11: occasion "Pi Tag" is not an occasion id: give the id of the catalogue occasion on the same day, e.g. occasion: neujahr`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := testutil.Project(t, oneOccasion+tc.files)
			_, l := project.Check(root, civil.Of(2026, 11, 22))
			var errs []string
			for _, d := range l {
				if d.Severity == diag.Error {
					errs = append(errs, d.String())
				}
			}
			if got := strings.Join(errs, "\n"); got != tc.want {
				t.Errorf("errors\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}
