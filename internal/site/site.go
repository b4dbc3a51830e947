// Package site renders the static website: every HTML page, the search
// index, the machine-readable files (sitemap, robots.txt, Atom, JSON, CSV)
// and the static assets. The .ics files are written by internal/calendar.
//
// Files is a pipeline: load the templates once → index the project once
// (next dates, related articles, tags) → render each page when asked for
// (internal/build asks on NumCPU workers).
// All dates come from the schedule.Window; nothing here evaluates a rule.
package site

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"sync"

	"github.com/anlass/anlass/internal/clock"
	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
)

// Input is everything a site build reads.
type Input struct {
	Project  *project.Project
	Window   *schedule.Window
	Clock    clock.Clock
	Articles []*content.Article // published only (drafts removed), sorted by slug
	Pages    []*content.Page    // standalone pages, published only, sorted by slug

	// Regions holds every region's holidays, Brückentage and Ferienbeginn,
	// computed once per build and shared with the region feeds. Nil means
	// Render computes it from the Window.
	Regions *regiondays.Book

	// Templates holds the page templates and static/ assets. Nil means the
	// project's templates/ folder over the copy built into anlass: a project
	// keeps only the files it changes.
	Templates fs.FS
}

// output is one file of the site: a site path and a function producing its bytes.
type output struct {
	path   string // site path, "/anlaesse/x/" or "/sitemap.xml"
	page   bool   // an HTML page
	render func() ([]byte, error)
}

// site is the read-only state shared by all workers.
type site struct {
	in    Input
	cfg   config.Config
	w     *schedule.Window
	tpl   *templates
	index *index

	common  *Common                        // what every page shows alike
	links   memo[string, *Links]           // by the page's path to the root ("../../")
	chromes memo[chromeKey, template.HTML] // rendered headers and footers; see chrome
	items   memo[itemKey, template.HTML]   // rendered list items; see Page.Item

	bookOnce sync.Once
	book     *regiondays.Book // see regionBook
}

func newSite(in Input) (*site, error) {
	tfs := in.Templates
	if tfs == nil {
		tfs = defaultTemplates(in.Project.Root)
	}
	t, err := loadTemplates(tfs)
	if err != nil {
		return nil, err
	}
	if logo := in.Project.Config.Brand.Logo; logo != "" {
		if err := t.addLogo(in.Project.Root, logo); err != nil {
			return nil, err
		}
	}
	s := &site{in: in, cfg: in.Project.Config, w: in.Window, tpl: t}
	s.index, err = buildIndex(s)
	if err != nil {
		return nil, err
	}
	s.common = newCommon(s)
	return s, nil
}

// execute runs a page template and returns the page.
func (s *site) execute(name string, p *Page) ([]byte, error) {
	t := s.tpl.pages[name]
	if t == nil {
		return nil, fmt.Errorf("no template %q", name)
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	buf.Reset()
	if err := t.ExecuteTemplate(buf, "base", p); err != nil {
		return nil, s.tpl.explain(err)
	}
	return bytes.Clone(buf.Bytes()), nil
}

// pageBuffers are the buffers pages are rendered into: reused, so that a
// page allocates its size once instead of a buffer doubled up to it.
var pageBuffers = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 64<<10)) }}

// File is one file of the site, rendered when asked for.
type File struct {
	Path   string // relative to the site root: "anlaesse/pi-tag/index.html"
	Page   bool   // an HTML page
	Render func() ([]byte, error)
}

// Files prepares the site without rendering it: the templates are loaded and
// the project indexed once, and each file renders when its Render is called.
// The same Input gives the same bytes.
func Files(in Input) ([]File, error) {
	if in.Project == nil || in.Window == nil {
		return nil, errors.New("site: Input needs a Project and a Window")
	}
	s, err := newSite(in)
	if err != nil {
		return nil, err
	}
	outs := s.outputs()
	files := make([]File, len(outs))
	for i, o := range outs {
		render := o.render
		path := o.path
		files[i] = File{Path: siteurl.File(o.path), Page: o.page, Render: func() ([]byte, error) {
			data, err := render()
			if err != nil {
				return nil, fmt.Errorf("site: %s: %w", path, err)
			}
			return data, nil
		}}
	}
	return files, nil
}

// pages are the published standalone pages.
func (s *site) pages() []*content.Page { return s.in.Pages }
