package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	c, l := Load(dir)
	if len(l) != 0 || c != Default() {
		t.Fatalf("no file: got %+v, %v", c, l)
	}
	os.WriteFile(filepath.Join(dir, File), []byte("title: Test\nbase_url: https://user.github.io/anlass\nuid_domain: example.org\nfeeds: {years_before: 0, years_after: 2}\n"), 0o644)
	c, l = Load(dir)
	if len(l) != 0 {
		t.Fatal(l.Err())
	}
	if c.Title != "Test" || c.BaseURL != "https://user.github.io/anlass/" || c.BasePath() != "/anlass/" ||
		c.UIDDomain != "example.org" || c.YearsBefore != 0 || c.YearsAfter != 2 {
		t.Fatalf("got %+v", c)
	}
	if got := c.Abs("/feeds/all.ics"); got != "https://user.github.io/anlass/feeds/all.ics" {
		t.Errorf("Abs = %s", got)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"base_url: ftp://x\n", "anlass.yaml:1:11: base_url must be an absolute http(s) URL"},
		{"uid_domain: my domain\n", `anlass.yaml:1:13: uid_domain "my domain": expected a domain name`},
		{"feeds: {years_after: 20}\n", "anlass.yaml:1:22: years_after must be 0 … 10"},
		{"titel: x\n", `anlass.yaml:1:1: unknown key "titel": did you mean "title"?`},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, File), []byte(tc.yaml), 0o644)
		_, l := Load(dir)
		if len(l) != 1 || !strings.HasPrefix(l[0].String(), tc.want) {
			t.Errorf("%q: got %v, want %s", tc.yaml, l, tc.want)
		}
	}
}

// A configuration file that is a link to somewhere else is not followed.
func TestLoadRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(outside, []byte("title: geheim\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, File)); err != nil {
		t.Skip(err)
	}
	c, l := Load(dir)
	if !l.HasErrors() || !strings.Contains(l[0].String(), "symbolic link") || c.Title == "geheim" {
		t.Fatalf("got %+v, %v", c, l)
	}
}
