package site

import (
	"bytes"
	"html/template"
	"reflect"
	"strings"
	"sync"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
)

// Chrome is what the "header" and "footer" templates receive: the links and
// settings every page shares, and the few things that tell pages apart in
// the navigation. Since nothing else reaches those templates, their output
// depends on nothing but these fields, and each variant is rendered once
// per build (rendering them for every page took about a sixth of the time).
type Chrome struct {
	*Links
	*Common
	Section string // the page's navigation entry

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
func (c *Chrome) Cat(cat occasion.Category) string { return c.rel(siteurl.Category(string(cat))) }

// Planner is the href of a year's planner.
func (c *Chrome) Planner(year int) string { return c.rel(siteurl.Planner(year)) }

// topLevel returns the page's path when it is the home page or one folder
// deep ("/anlaesse/", "/404.html"), else "".
func topLevel(p *Page) string {
	if strings.Count(strings.TrimSuffix(p.Path, "/"), "/") <= 1 {
		return p.Path
	}
	return ""
}

// chromeKey identifies a rendered header or footer.
type chromeKey struct {
	name             string
	links            *Links // one per folder depth
	section, current string
}

// chrome renders the header or footer template for p, once per variant:
// pages with the same Links (folder depth), section and top-level path
// share the output.
func (s *site) chrome(name string, p *Page) (template.HTML, error) {
	c := &Chrome{Links: p.Links, Common: p.Common, Section: p.Section, current: topLevel(p), rel: p.Rel}
	return s.chromes.get(chromeKey{name, c.Links, c.Section, c.current}, func() (template.HTML, error) {
		return s.fragment(name, c)
	})
}

// fragment executes a template of base.html or partials.html with data.
func (s *site) fragment(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := s.tpl.chrome.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// memo holds values made once per key (rendered fragments, links); safe
// for concurrent use.
type memo[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

// get returns the value for key, making it the first time. Two workers may
// make the same value at once; making it must give the same value each time.
func (f *memo[K, V]) get(key K, create func() (V, error)) (V, error) {
	f.mu.Lock()
	v, ok := f.m[key]
	f.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := create()
	if err != nil {
		return v, err
	}
	f.mu.Lock()
	if f.m == nil {
		f.m = map[K]V{}
	}
	f.m[key] = v
	f.mu.Unlock()
	return v, nil
}

// len is the number of values held.
func (f *memo[K, V]) len() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.m)
}

// Item is what the list partials ("row", "card", "article-item") receive
// when a page includes them with .Item: the value to show as .V, and the
// links and dates they need. An occasion's row on a tag page, a category
// page and an article page at the same folder depth is the same HTML, so
// it is rendered once per build.
type Item struct {
	V     any
	rel   func(string) string
	today civil.Date
}

// Occ is the href of an occasion's page.
func (it *Item) Occ(id string) string { return it.rel(siteurl.Occasion(id)) }

// Art is the href of an article.
func (it *Item) Art(slug string) string { return it.rel(siteurl.Article(slug)) }

// When says how far an occurrence is from today: "in 12 Tagen".
func (it *Item) When(oc schedule.Occurrence) string { return german.Until(it.today, oc.Start, oc.End) }

// itemKey identifies a rendered item: the partial, the folder depth (the
// page's Links) and the value, which must be a pointer.
type itemKey struct {
	name  string
	links *Links
	v     any
}

// Item renders the partial name for v as seen from p, once per partial,
// folder depth and value when v is a pointer (as occasion and article views
// are), else every time.
func (p *Page) Item(name string, v any) (template.HTML, error) {
	render := func() (template.HTML, error) {
		return p.s.fragment(name, &Item{V: v, rel: p.Rel, today: p.s.w.Today})
	}
	if reflect.ValueOf(v).Kind() != reflect.Pointer {
		return render()
	}
	return p.s.items.get(itemKey{name, p.Links, v}, render)
}
