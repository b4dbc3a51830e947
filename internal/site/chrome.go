package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/paths"
)

// Chrome is what the "header" and "footer" templates receive: the links and
// settings every page shares, and the few things that tell pages apart in
// the navigation. Since nothing else reaches those templates, their output
// depends on nothing but these fields, and each variant is rendered once
// per build (a header or footer per page took a third of the rendering).
type Chrome struct {
	*Links
	Site        *config.Config
	Section     string // the page's navigation entry
	Today       civil.Date
	Window      string // "2025–2030"
	PlannerYear int
	HasRegions  bool
	Categories  []*catView

	current string // the page's path if it is a top-level page, else ""
	rel     func(string) string
}

// Is reports whether the page belongs to the navigation section name.
func (c *Chrome) Is(section string) bool { return c.Section == section }

// Current reports whether the page is the top-level page at sitePath (the
// home page or a section's index such as "/anlaesse/"). Deeper pages are
// never current: the navigation marks them with Is.
func (c *Chrome) Current(sitePath string) bool { return c.current != "" && c.current == sitePath }

// Rel is the href of a site path from the page.
func (c *Chrome) Rel(sitePath string) string { return c.rel(sitePath) }

// Cat is the href of a category page.
func (c *Chrome) Cat(cat occasion.Category) string { return c.rel(paths.Category(string(cat))) }

// Planner is the href of a year's planner.
func (c *Chrome) Planner(year int) string { return c.rel(paths.Planner(year)) }

// topLevel returns the page's path when it is the home page or one folder
// deep ("/anlaesse/", "/404.html"), else "".
func topLevel(p *Page) string {
	if strings.Count(strings.TrimSuffix(p.Path, "/"), "/") <= 1 {
		return p.Path
	}
	return ""
}

// chrome renders the header or footer template for p, once per variant:
// pages with the same Links (folder depth), section and top-level path
// share the output.
func (s *site) chrome(name string, p *Page) (template.HTML, error) {
	c := &Chrome{
		Links: p.Links, Site: &s.cfg, Section: p.Section, Today: p.Today, Window: p.Window,
		PlannerYear: p.PlannerYear, HasRegions: p.HasRegions, Categories: p.Categories,
		current: topLevel(p), rel: p.Rel,
	}
	key := fmt.Sprintf("%s\x00%p\x00%s\x00%s", name, c.Links, c.Section, c.current)
	s.chromeMu.Lock()
	html, ok := s.chromeBy[key]
	s.chromeMu.Unlock()
	if ok {
		return html, nil
	}
	var buf bytes.Buffer
	if err := s.tpl.chrome.ExecuteTemplate(&buf, name, c); err != nil {
		return "", err
	}
	html = template.HTML(buf.String())
	s.chromeMu.Lock()
	if s.chromeBy == nil {
		s.chromeBy = map[string]template.HTML{}
	}
	s.chromeBy[key] = html
	s.chromeMu.Unlock()
	return html, nil
}
