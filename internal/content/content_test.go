package content_test

import (
	"slices"
	"testing"

	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/diag"
)

// An article's tags are slugs, each once: a tag listed twice is a warning
// and counted once (it would list the article twice on the topic's page),
// one that is no slug an error.
func TestArticleTags(t *testing.T) {
	src := "---\ntitle: Ein Artikel\nsummary: Worum es geht.\ndate: 2026-12-01\ntags: [humor, team, humor, Büro]\n---\n\nText.\n"
	var l diag.List
	a := content.Parse("content/artikel.md", []byte(src), &l)
	if a == nil {
		t.Fatalf("no article: %v", l)
	}
	if want := []string{"humor", "team"}; !slices.Equal(a.Tags, want) {
		t.Errorf("tags %v, want %v", a.Tags, want)
	}
	if want := [][2]int{{5, 8}, {5, 15}}; !slices.Equal(a.TagPos, want) {
		t.Errorf("tag positions %v, want %v", a.TagPos, want)
	}
	var got []string
	for _, d := range l {
		got = append(got, d.String())
	}
	want := []string{
		`content/artikel.md:5:21: warning: tag "humor" is listed twice`,
		`content/artikel.md:5:28: tag "Büro" is not a slug: use lower-case ASCII letters, digits and hyphens`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics\n%q\nwant\n%q", got, want)
	}
}
