package yamlfile

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/diag"
)

// The indentation check never blames a line of a valid file: every YAML
// file of the repository (occasions, holidays, school holidays, the
// configuration, the issue forms and workflows) passes it.
func TestMisindentedAcceptsValidFiles(t *testing.T) {
	n := 0
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules" || d.Name() == "public") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".yml") || strings.Contains(p, "testdata") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		if line := misindented(data); line > 0 {
			t.Errorf("%s:%d: a valid file's line is blamed: %q", p, line, strings.Split(string(data), "\n")[line-1])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 250 {
		t.Fatalf("only %d YAML files checked", n)
	}
}

// Each kind of slip is reported at the line to fix, in plain words.
func TestSyntaxErrorsInPlainWords(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"key moved left inside a list item", "ideas:\n  - kind: gift\n    title: Karte\n  budget: 5\n    remote: true\n",
			"4:3: this line is indented differently from the lines around it: is it indented like the keys above it?"},
		{"key moved right", "name:\n  de: X\n   en: Y\n", "3:4: this line is indented differently"},
		{"a top-level key among list items", "ideas:\n  - a\n  - b\n  lead_time: 2w\n", "4:3: this line is indented differently"},
		{"a colon in a value", "title: Tipp: Kaffee\n", "1:1: a colon and a space inside a value: put the whole value in quotes"},
		{"an unquoted reference", "date: @black-friday +3\n", `1:7: a value cannot start with @: put the whole value in quotes, e.g. date: "@black-friday +3"`},
		{"a backtick", "title: `code`\n", "1:8: a value cannot start with `: put the whole value in quotes ('…')"},
		{"an open quote", "title: \"Karte\nlead_time: 2w\nsources: []\n", "1:8: the quote that starts here is not closed"},
		{"an open single quote in a list", "tags:\n  - 'a\n  - b\n", "2:5: the quote that starts here is not closed"},
		{"an open bracket", "tags: [a, b\nlead_time: 2w\n", "1:7: a [ … ] list is not closed"},
		{"a list on the key's line", "ideas: - a\n", "1:1: a list item (\"- \") on the same line as its key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var l diag.List
			if Parse("f.yaml", []byte(tc.yaml), &l) != nil || len(l) != 1 {
				t.Fatalf("parsed, or not one diagnostic: %v", l)
			}
			if got := l[0].String(); !strings.Contains(got, "f.yaml:"+tc.want) {
				t.Errorf("got  %s\nwant f.yaml:%s", got, tc.want)
			}
		})
	}
}
