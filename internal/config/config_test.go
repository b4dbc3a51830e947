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
	writeFile(t, filepath.Join(dir, File), "title: Test\nbase_url: https://user.github.io/anlass\nuid_domain: example.org\nfeeds: {years_before: 0, years_after: 2}\n")
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
		writeFile(t, filepath.Join(dir, File), tc.yaml)
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
	writeFile(t, outside, "title: geheim\n")
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
	writeFile(t, filepath.Join(dir, "assets/logo.svg"), "<svg/>")
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

// Every key anlass.yaml accepts changes the configuration, except
// language, which is accepted with a warning at its position so that
// older configurations still build.
func TestEveryKeyHasAnEffect(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "assets/logo.svg"), "<svg/>")
	cases := map[string]struct {
		yaml string
		got  func(Config) any
		want any
	}{
		"title":               {"title: Firma\n", func(c Config) any { return c.Title }, "Firma"},
		"description":         {"description: Anlässe\n", func(c Config) any { return c.Description }, "Anlässe"},
		"base_url":            {"base_url: https://firma.example/anlass\n", func(c Config) any { return c.BaseURL }, "https://firma.example/anlass/"},
		"uid_domain":          {"uid_domain: firma.example\n", func(c Config) any { return c.UIDDomain }, "firma.example"},
		"repo_url":            {"repo_url: https://github.com/firma/anlass\n", func(c Config) any { return c.RepoURL }, "https://github.com/firma/anlass"},
		"repo_branch":         {"repo_branch: live\n", func(c Config) any { return c.RepoBranch }, "live"},
		"feeds.years_before":  {"feeds: {years_before: 3}\n", func(c Config) any { return c.YearsBefore }, 3},
		"feeds.years_after":   {"feeds: {years_after: 7}\n", func(c Config) any { return c.YearsAfter }, 7},
		"feeds.months_before": {"feeds: {months_before: 6}\n", func(c Config) any { return c.MonthsBefore }, 6},
		"brand.logo":          {"brand: {logo: assets/logo.svg}\n", func(c Config) any { return c.Brand.Logo }, "assets/logo.svg"},
		"brand.accent":        {"brand: {accent: '#8a1c2b'}\n", func(c Config) any { return c.Brand.Accent }, "#8a1c2b"},
		"brand.accent_dark":   {"brand: {accent_dark: '#f08a9a'}\n", func(c Config) any { return c.Brand.AccentDark }, "#f08a9a"},
		"brand.footer":        {"brand: {footer: Ein Angebot der Firma}\n", func(c Config) any { return c.Brand.Footer }, "Ein Angebot der Firma"},
	}
	var all []string
	for _, k := range Keys {
		switch k {
		case "feeds":
			for _, f := range FeedKeys {
				all = append(all, "feeds."+f)
			}
		case "brand":
			for _, b := range BrandKeys {
				all = append(all, "brand."+b)
			}
		case "language":
		default:
			all = append(all, k)
		}
	}
	for _, key := range all {
		tc, ok := cases[key]
		if !ok {
			t.Errorf("%s: no case; a key must change the configuration (add one here) or be deprecated with a warning", key)
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, File), []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		c, l := Load(dir)
		if len(l) != 0 {
			t.Errorf("%s: %v", key, l)
		}
		if got := tc.got(c); got != tc.want {
			t.Errorf("%s: got %v, want %v", key, got, tc.want)
		}
		if before := tc.got(Default()); before == tc.want {
			t.Errorf("%s: the case sets the default %v, so it proves nothing", key, before)
		}
	}
	if len(cases) != len(all) {
		t.Errorf("%d cases for %d keys", len(cases), len(all))
	}
}

// language: is read by old configurations; it warns where it stands, says
// what to do, and changes nothing.
func TestLanguageIsDeprecated(t *testing.T) {
	for _, yaml := range []string{"title: Firma\nlanguage: de\n", "title: Firma\nlanguage: en\n", "title: Firma\nlanguage:\n"} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, File), []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		c, l := Load(dir)
		want := `anlass.yaml:2:1: warning: language: is ignored: anlass writes German pages (<html lang="de">); remove the key`
		if len(l) != 1 || l.HasErrors() || l[0].String() != want {
			t.Errorf("%q: got %v, want the warning %s", yaml, l, want)
		}
		if d := Default(); c.Title != "Firma" || c.BaseURL != d.BaseURL || c.UIDDomain != d.UIDDomain {
			t.Errorf("%q: got %+v", yaml, c)
		}
	}
}

// docs/configuration.md describes every key, and no key that is not read.
func TestEveryKeyDocumented(t *testing.T) {
	data, err := os.ReadFile("../../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, k := range Keys {
		if !strings.Contains(doc, "\n### `"+k+"`") {
			t.Errorf("docs/configuration.md has no section ### `%s`", k)
		}
	}
	for parent, keys := range map[string][]string{"feeds": FeedKeys, "brand": BrandKeys} {
		for _, k := range keys {
			if !strings.Contains(doc, "`"+parent+"."+k+"`") {
				t.Errorf("docs/configuration.md does not describe `%s.%s`", parent, k)
			}
		}
	}
	known := map[string]bool{}
	for _, k := range Keys {
		known[k] = true
	}
	for _, line := range strings.Split(doc, "\n") {
		if k, ok := strings.CutPrefix(line, "### `"); ok {
			k = strings.TrimSuffix(k, "`")
			if !known[k] {
				t.Errorf("docs/configuration.md describes %q, which anlass.yaml does not accept", k)
			}
		}
	}
}

// writeFile writes a file of the test (internal/testutil cannot be used
// here: it imports this package).
func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
