package scaffold

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/testutil"
)

// CONTRIBUTING.md is what a new contributor follows: its example file must
// pass `anlass check`, and every rule in its rule table must be valid.
func TestContributingExamples(t *testing.T) {
	data, err := os.ReadFile("../../CONTRIBUTING.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)

	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(doc, -1)
	var example string
	for _, b := range blocks {
		if strings.Contains(b[1], "\nid: ") {
			example = b[1]
			break
		}
	}
	if example == "" {
		t.Fatal("no example occasion in CONTRIBUTING.md")
	}
	root := t.TempDir()
	testutil.CopyDir(t, "../../data", filepath.Join(root, "data")) // the vocabularies
	p := filepath.Join(root, "occasions", "quirky", "tag-des-laechelns.yaml")
	testutil.WriteFile(t, p, example)
	if l := load(root); len(l) > 0 {
		t.Errorf("the example occasion has problems:\n%v", l)
	}

	start := strings.Index(doc, "## Die Regelsprache")
	end := strings.Index(doc[start:], "\n## ")
	section := doc[start : start+end]
	code := regexp.MustCompile("`([^`]+)`")
	n := 0
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 || strings.HasPrefix(strings.TrimSpace(cells[1]), "-") || strings.Contains(cells[2], "`dates:`") {
			continue
		}
		for _, m := range code.FindAllStringSubmatch(cells[2], -1) {
			if strings.ContainsAny(m[1], ":<") { // dates:, since: 1999, <regel> -N
				continue
			}
			n++
			checkRule(t, m[1])
		}
	}
	for _, m := range regexp.MustCompile("Klammern.*?`([^`]+)`").FindAllStringSubmatch(section, -1) {
		n++
		checkRule(t, m[1])
	}
	if n < 25 {
		t.Errorf("found %d rules in the rule table, expected more", n)
	}
}
