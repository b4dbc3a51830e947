package content_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/testutil"
)

// FuzzParse feeds arbitrary bytes to the article parser (front matter and
// body). It must never panic; a nil result must come with an error; every
// diagnostic must name the file and a line of it (or the end); an article without errors
// must have a title, a summary and a body that is the end of the file; Words
// must count as strings.Fields splits.
//
//	go test ./internal/content -run '^$' -fuzz '^FuzzParse$' -fuzztime 10s
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"../../content/*.md", "../../testdata/hostile/*/content/*.md", "../../testdata/hostile/*/content/*/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "---", "---\n", "---\n---", "---\n---\n", "---\n\n---\n", "---\r\ntitle: x\r\n---\r\n", "\xef\xbb\xbf---\ntitle: x\n---\n",
		"---\ntitle: x\n---", "---\ntitle: x\nsummary: y\ndate: 2026-01-01\noccasions: [a, b]\ntags: [c]\ndraft: true\n---\nText\n",
		"---\n---\n---\n", "---\n- a\n---\n", "---\ntitle: &a x\nsummary: *a\n---\n", "---\n\ttitle: x\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const rel = "content/fuzz.md"
		var l diag.List
		a := content.Parse(rel, data, &l)
		if a == nil && !l.HasErrors() {
			t.Fatalf("nil article without an error")
		}
		testutil.CheckDiagnostics(t, rel, data, l)
		if a == nil {
			return
		}
		if w := len(strings.Fields(string(a.Body))); a.Words() != w {
			t.Errorf("Words() = %d, strings.Fields finds %d", a.Words(), w)
		}
		if len(a.OccPos) != len(a.Occasions) {
			t.Errorf("%d occasions but %d positions", len(a.Occasions), len(a.OccPos))
		}
		if l.HasErrors() {
			return
		}
		if a.Title == "" || a.Summary == "" || a.Slug != "fuzz" {
			t.Errorf("accepted without title or summary: %+v", a)
		}
		norm := bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		if !bytes.HasSuffix(norm, a.Body) {
			t.Errorf("the body %q is not the end of the file", a.Body)
		}
		if lines := testutil.Lines(data); a.BodyLine < 3 || a.BodyLine > lines+1 {
			t.Errorf("body starts at line %d of %d", a.BodyLine, lines)
		}
	})
}
