// Package config reads the site configuration, anlass.yaml at the project root.
package config

import (
	"errors"
	"io/fs"
	"net/url"
	"path/filepath"
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
	Language    string
	UIDDomain   string // the domain in event UIDs; never change it once feeds are public
	YearsBefore int    // feed window starts 1 January of (this year − YearsBefore)
	YearsAfter  int    // and ends 31 December of (this year + YearsAfter)
	// MonthsBefore is how far back the subscription feeds reach: to the first
	// day of the month MonthsBefore months before this one.
	MonthsBefore int
}

// Default is the configuration used for keys the file leaves out.
func Default() Config {
	return Config{
		Title:        "anlass",
		Description:  "Anlässe für Kundenbindung: kuriose, saisonale und mystische Tage mit Ideen für Geschenke und Grüße – als Katalog und als abonnierbarer Kalender.",
		BaseURL:      "http://localhost:1313/",
		Language:     "de",
		UIDDomain:    "anlass.invalid",
		YearsBefore:  1,
		YearsAfter:   4,
		MonthsBefore: 1,
	}
}

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
	m := yamlfile.NewMap(File, n, &l, "", "title", "description", "base_url", "language", "uid_domain", "feeds")
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
	if s, _ := m.String("language", false); s != "" {
		c.Language = s
	}
	if s, n := m.String("uid_domain", false); s != "" {
		if strings.ContainsAny(s, "/@ :") || !strings.Contains(s, ".") {
			m.Errorf(n, "uid_domain %q: expected a domain name such as anlass.example.org", s)
		} else {
			c.UIDDomain = s
		}
	}
	if f := m.Mapping("feeds", false, "feeds", "years_before", "years_after", "months_before"); f != nil {
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
