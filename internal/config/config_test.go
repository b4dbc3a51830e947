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

func TestContrast(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#ffffff", "#000000", 21}, {"#777777", "#ffffff", 4.48}, {"#2c7a4b", "#e4eee8", 4.43}, {"teal", "teal", 1},
	} {
		a, _ := parseColour(tc.a)
		b, _ := parseColour(tc.b)
		if got := Contrast(a, b); got < tc.want-0.01 || got > tc.want+0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestBrand(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "assets/logo.svg"), []byte("<svg/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := "repo_url: https://github.com/firma/anlass.git\nbrand:\n  logo: assets/logo.svg\n  accent: '#8a1c2b'\n  footer: Ein Angebot der Firma GmbH\n"
	if err := os.WriteFile(filepath.Join(dir, File), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	c, l := Load(dir)
	if len(l) != 0 {
		t.Fatal(l.Err())
	}
	if c.RepoURL != "https://github.com/firma/anlass" || c.RepoBranch != "main" || c.Brand.Logo != "assets/logo.svg" ||
		c.Brand.Accent != "#8a1c2b" || c.Brand.Footer != "Ein Angebot der Firma GmbH" {
		t.Fatalf("got %+v", c)
	}
	// The dark variant keeps the hue and reaches the contrast the light one has.
	dark, _ := parseColour(c.Brand.AccentDark)
	bg, _ := parseColour(PageBackgroundDark)
	if r := Contrast(dark, bg); r < MinContrast {
		t.Errorf("dark accent %s reaches %.2f:1", c.Brand.AccentDark, r)
	}
	for _, accent := range []string{c.Brand.Accent, c.Brand.AccentDark, "#777777", "#ffd700"} {
		a, _ := parseColour(accent)
		ink, _ := parseColour(InkOn(accent))
		if r := Contrast(a, ink); r < MinContrast {
			t.Errorf("ink %s on %s reaches %.2f:1", InkOn(accent), accent, r)
		}
	}
}

func TestBrandErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"brand: {accent: '#7fd4c1'}\n", `anlass.yaml:1:17: brand.accent "#7fd4c1" reaches only 1.57:1 against the light page background #f6f3ee; links need 4.5:1 (WCAG 2.2, 1.4.3): choose a darker colour`},
		{"brand: {accent: '#0d6b66', accent_dark: '#0d6b66'}\n", `choose a lighter colour`},
		{"brand: {accent: blau}\n", `anlass.yaml:1:17: brand.accent "blau" is not a CSS colour: write it as #rrggbb`},
		{"brand: {accent: 'rgb(0 0 0 / 50%)'}\n", `is transparent`},
		{"brand: {logo: logo.gif}\n", `brand.logo "logo.gif": expected an image`},
		{"brand: {logo: ../logo.svg}\n", `give a path inside the project`},
		{"brand: {logo: fehlt.svg}\n", `no such file in the project`},
		{"brand: {colour: red}\n", `unknown key "colour"`},
		{"repo_url: github.com/x/y\n", `repo_url "github.com/x/y": expected the repository's address`},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, File), []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		_, l := Load(dir)
		if len(l) != 1 || !strings.Contains(l[0].String(), tc.want) {
			t.Errorf("%q: got %v, want %s", tc.yaml, l, tc.want)
		}
	}
}
