package feed

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	refLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	refEmphasis = regexp.MustCompile("[*_`]+")
	refSpaces   = regexp.MustCompile(`[ \t]+`)
)

// plainTextRegexp is the former, regexp-based PlainText: the reference the
// hand-written scanner must match byte for byte.
func plainTextRegexp(md string) string {
	s := refLink.ReplaceAllString(md, "$1")
	s = refEmphasis.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.TrimSpace(refSpaces.ReplaceAllString(s, " "))
}

// FuzzPlainText checks PlainText against the regexp version.
//
//	go test ./internal/feed -run '^$' -fuzz '^FuzzPlainText$' -fuzztime 10s
func FuzzPlainText(f *testing.F) {
	files, _ := filepath.Glob("../../occasions/*/*.yaml")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	for _, s := range []string{"", "[", "[]", "[]()", "[a](b", "[a]x(b)", "[a [b](c)](d)", "[*a*](u) _b_ `c`", " \t\n x \r y\u00a0", "[a\nb](c\nd)", "**[x](y)**", "a * b", "\xff[\xfe](\xfd)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		if got, want := PlainText(md), plainTextRegexp(md); got != want {
			t.Errorf("PlainText(%q)\n got %q\nwant %q", md, got, want)
		}
	})
}
