package vocab_test

import (
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/testutil"
	"github.com/anlass/anlass/internal/vocab"
)

func TestLoad(t *testing.T) {
	root := testutil.Project(t, `
-- data/zielgruppen.yaml --
zielgruppen:
  - {slug: it, label: IT und Software, art: branche}
  - {slug: empfang, label: Empfang, art: rolle}
  - {slug: alle-branchen, label: alle Branchen, art: branche}
-- data/themen.yaml --
themen:
  - {slug: rueckblick, label: Rückblick}
`)
	v, l := vocab.Load(root)
	if len(l) > 0 {
		t.Fatal(l.Err())
	}
	if v.Zielgruppe("it").Label != "IT und Software" || v.Zielgruppe("empfang").Art != vocab.Rolle || v.Thema("rueckblick").Label != "Rückblick" {
		t.Fatalf("got %+v", v)
	}
	if v.Label("rueckblick") != "Rückblick" || v.Label("it") != "IT und Software" || v.Label("x") != "x" || v.Zielgruppe("rueckblick") != nil {
		t.Error("lookups")
	}
}

func TestLoadErrors(t *testing.T) {
	root := testutil.Project(t, `
-- data/zielgruppen.yaml --
zielgruppen:
  - {slug: it, label: IT, art: branche}
  - {slug: it, label: IT noch einmal, art: branche}
  - {slug: Empfang, label: Empfang, art: rolle}
  - {slug: einkauf, label: Einkauf, art: abteilung}
  - {slug: hr, art: rolle}
-- data/themen.yaml --
themen:
  - {slug: it, label: IT}
  - {slug: humor, label: Humor, art: rolle}
`)
	_, l := vocab.Load(root)
	var got []string
	for _, d := range l {
		got = append(got, d.String())
	}
	text := strings.Join(got, "\n")
	for _, want := range []string{
		`data/zielgruppen.yaml:3:12: slug "it" is listed twice (first on line 2)`,
		`data/zielgruppen.yaml:4:12: slug "Empfang": use lower-case ASCII letters`,
		`data/zielgruppen.yaml:5:42: art "abteilung": expected branche or rolle`,
		`data/zielgruppen.yaml:6:5: missing required key "label"`,
		`data/themen.yaml:3:33: unknown key "art"`,
		`data/themen.yaml:2:12: "it" is a target group too (data/zielgruppen.yaml:2): a topic and a target group never share a slug`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %s in\n%s", want, text)
		}
	}
}

func TestNoFilesNoTerms(t *testing.T) {
	v, l := vocab.Load(t.TempDir())
	if len(l) > 0 || len(v.Zielgruppen)+len(v.Themen) != 0 || v.Zielgruppe("it") != nil {
		t.Fatalf("got %+v, %v", v, l)
	}
}
