// Package config reads the site configuration, anlass.yaml at the project root.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/yamlfile"
)

// File is the configuration file's name.
const File = "anlass.yaml"

// Config is the site configuration.
type Config struct {
	Title       string
	Description string
	BaseURL     string // absolute, ends with "/": https://user.github.io/anlass/
	UIDDomain   string // the domain in event UIDs; never change it once feeds are public
	YearsBefore int    // feed window starts 1 January of (this year − YearsBefore)
	YearsAfter  int    // and ends 31 December of (this year + YearsAfter)
	// MonthsBefore is how far back the subscription feeds reach: to the first
	// day of the month MonthsBefore months before this one.
	MonthsBefore int
	// RepoURL is the site's repository (https://github.com/owner/anlass):
	// pages link to their source file and to the proposal form. Empty: no links.
	RepoURL    string
	RepoBranch string // the branch edit links open (default main)
	Brand      Brand
}

// Default is the configuration used for keys the file leaves out.
func Default() Config {
	return Config{
		Title:        "anlass",
		Description:  "Anlässe für Kundenbindung: kuriose, saisonale und mystische Tage mit Ideen für Geschenke und Grüße – als Katalog und als abonnierbarer Kalender.",
		BaseURL:      "http://localhost:1313/",
		UIDDomain:    "anlass.invalid",
		YearsBefore:  1,
		YearsAfter:   4,
		MonthsBefore: 1,
		RepoBranch:   "main",
	}
}

// The keys anlass.yaml may hold, each described in docs/configuration.md
// (a test keeps the two in step). Every key changes the site, except
// language, which is only accepted with a warning.
var (
	Keys      = []string{"title", "description", "base_url", "language", "uid_domain", "feeds", "repo_url", "repo_branch", "brand"}
	FeedKeys  = []string{"years_before", "years_after", "months_before"} // below feeds:
	BrandKeys = []string{"logo", "accent", "accent_dark", "footer"}      // below brand:
)

// Load reads root/anlass.yaml. A missing file gives the defaults.
func Load(root string) (Config, diag.List) {
	var l diag.List
	c := Default()
	p := filepath.Join(root, File)
	data, err := yamlfile.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		l.Errorf(File, 0, 0, "%v", err)
		return c, l
	}
	n := yamlfile.Parse(File, data, &l)
	if n == nil {
		return c, l
	}
	m := yamlfile.NewMap(File, n, &l, "", Keys...)
	if s, _ := m.String("title", false); s != "" {
		c.Title = s
	}
	if s, _ := m.String("description", false); s != "" {
		c.Description = s
	}
	if s, n := m.String("base_url", false); s != "" {
		if err := c.SetBaseURL(s); err != nil {
			m.Errorf(n, "%v", err)
		}
	}
	if k := m.Key("language"); k != nil {
		// Read by early versions and never used: every text, template and
		// date is German. A warning, not an error, so older configurations
		// still build.
		m.Warnf(k, "language: is ignored: anlass writes German pages (<html lang=\"de\">); remove the key")
	}
	if s, n := m.String("uid_domain", false); s != "" {
		if strings.ContainsAny(s, "/@ :") || !strings.Contains(s, ".") {
			m.Errorf(n, "uid_domain %q: expected a domain name such as anlass.example.org", s)
		} else {
			c.UIDDomain = s
		}
	}
	if s, n := m.String("repo_url", false); s != "" {
		u, err := url.Parse(s)
		if err != nil || u.Scheme != "https" || u.Host == "" || strings.Trim(u.Path, "/") == "" || u.RawQuery != "" {
			m.Errorf(n, "repo_url %q: expected the repository's address, e.g. https://github.com/owner/anlass", s)
		} else {
			c.RepoURL = strings.TrimSuffix(strings.TrimSuffix(s, "/"), ".git")
		}
	}
	if s, n := m.String("repo_branch", false); s != "" {
		if strings.ContainsAny(s, " ~^:?*[\\") {
			m.Errorf(n, "repo_branch %q is not a branch name", s)
		} else {
			c.RepoBranch = s
		}
	}
	if b := m.Mapping("brand", false, "brand", BrandKeys...); b != nil {
		if s, n := b.String("logo", false); s != "" {
			if err := checkLogo(root, s); err != nil {
				b.Errorf(n, "brand.logo %q: %v", s, err)
			} else {
				c.Brand.Logo = path.Clean(s)
			}
		}
		if s, n := b.String("accent", false); s != "" {
			if hex, err := checkAccent(s, PageBackground, "light"); err != nil {
				b.Errorf(n, "brand.accent %v", err)
			} else {
				c.Brand.Accent = hex
			}
		}
		if s, n := b.String("accent_dark", false); s != "" {
			if hex, err := checkAccent(s, PageBackgroundDark, "dark"); err != nil {
				b.Errorf(n, "brand.accent_dark %v", err)
			} else {
				c.Brand.AccentDark = hex
			}
		}
		if c.Brand.AccentDark == "" && c.Brand.Accent != "" {
			c.Brand.AccentDark = DarkVariant(c.Brand.Accent)
		}
		if s, n := b.String("footer", false); s != "" {
			if strings.Contains(strings.TrimSpace(s), "\n") {
				b.Errorf(n, "brand.footer is one line")
			} else {
				c.Brand.Footer = strings.TrimSpace(s)
			}
		}
	}
	if f := m.Mapping("feeds", false, "feeds", FeedKeys...); f != nil {
		if v, n, ok := f.Int("years_before", false); ok {
			if v < 0 || v > 5 {
				f.Errorf(n, "years_before must be 0 … 5")
			} else {
				c.YearsBefore = v
			}
		}
		if v, n, ok := f.Int("months_before", false); ok {
			if v < 0 || v > 12 {
				f.Errorf(n, "months_before must be 0 … 12")
			} else {
				c.MonthsBefore = v
			}
		}
		if v, n, ok := f.Int("years_after", false); ok {
			if v < 0 || v > 10 {
				f.Errorf(n, "years_after must be 0 … 10")
			} else {
				c.YearsAfter = v
			}
		}
	}
	return c, l
}

// checkLogo accepts an image file inside the project.
func checkLogo(root, rel string) error {
	ext := strings.ToLower(path.Ext(rel))
	if !slices.Contains([]string{".svg", ".png", ".webp", ".jpg", ".jpeg"}, ext) {
		return errors.New("expected an image: .svg, .png, .webp or .jpg")
	}
	if path.IsAbs(rel) || !filepath.IsLocal(filepath.FromSlash(rel)) {
		return errors.New("give a path inside the project, e.g. assets/logo.svg")
	}
	fi, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel)))
	switch {
	case err != nil:
		return errors.New("no such file in the project")
	case !fi.Mode().IsRegular():
		return errors.New("not a regular file (anlass reads no links)")
	case fi.Size() > 200<<10:
		return fmt.Errorf("%d KB: a logo should be small (at most 200 KB)", fi.Size()>>10)
	}
	return nil
}

// SetBaseURL validates and normalises the base URL (always ending in "/").
func (c *Config) SetBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return errors.New("base_url must be an absolute http(s) URL such as https://user.github.io/anlass/")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawQuery, u.Fragment = "", ""
	c.BaseURL = u.String()
	return nil
}

// BasePath is the path part of the base URL: "/" or "/anlass/".
func (c Config) BasePath() string {
	u, _ := url.Parse(c.BaseURL)
	return u.Path
}

// Host is the host of the base URL.
func (c Config) Host() string {
	u, _ := url.Parse(c.BaseURL)
	return u.Host
}

// Abs returns the absolute URL of a site path such as "/anlaesse/pi-tag/".
func (c Config) Abs(p string) string {
	return strings.TrimSuffix(c.BaseURL, "/") + p
}
