// Package site renders the static website: every HTML page, the search
// index, the machine-readable files (sitemap, robots.txt, Atom, JSON, CSV)
// and the static assets. The .ics feeds are written by internal/feed.
//
// Render is a pipeline: load the templates once → index the project once
// (next dates, related articles, tags) → render every page on NumCPU workers.
// All dates come from the schedule.Window; nothing here evaluates a rule.
package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/feed"
	"github.com/anlass/anlass/internal/parallel"
	"github.com/anlass/anlass/internal/paths"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/regions"
	"github.com/anlass/anlass/internal/schedule"
)

// Input is everything a site build reads.
type Input struct {
	Project  *project.Project
	Window   *schedule.Window
	Clock    project.Clock
	Articles []*content.Article // published only (drafts removed), sorted by slug

	// Regions holds every region's holidays, Brückentage and Ferienbeginn,
	// computed once per build and shared with the region feeds. Nil means
	// Render computes it from the Window.
	Regions *regions.Book

	// Templates holds the page templates and static/ assets. Nil means
	// <Project.Root>/templates when it has a base.html, else the copy built
	// into anlass.
	Templates fs.FS
}

// Stats counts what Render wrote.
type Stats struct {
	Pages, Files int
	Bytes        int64
}

// output is one file of the site: a site path and a function producing its bytes.
type output struct {
	path   string // site path, "/anlaesse/x/" or "/sitemap.xml"
	page   bool   // an HTML page (counted in Stats.Pages)
	render func() ([]byte, error)
}

// Render writes the whole site (not the .ics feeds) into dir, which exists.
// The same Input gives the same bytes.
func Render(in Input, dir string) (Stats, error) {
	if in.Project == nil || in.Window == nil {
		return Stats{}, errors.New("site: Input needs a Project and a Window")
	}
	s, err := newSite(in)
	if err != nil {
		return Stats{}, err
	}
	outs := s.outputs()
	sizes := make([]int, len(outs))
	err = parallel.Each(len(outs), func(i int) (err error) {
		sizes[i], err = writeOne(dir, outs[i])
		return err
	})
	if err != nil {
		return Stats{}, err
	}
	var st Stats
	for i, o := range outs {
		st.Files++
		st.Bytes += int64(sizes[i])
		if o.page {
			st.Pages++
		}
	}
	return st, nil
}

// writeOne renders one output into dir and returns its size.
func writeOne(dir string, o output) (int, error) {
	data, err := o.render()
	if err != nil {
		return 0, fmt.Errorf("site: %s: %w", o.path, err)
	}
	file := filepath.Join(dir, filepath.FromSlash(paths.File(o.path)))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return 0, err
	}
	return len(data), os.WriteFile(file, data, 0o644)
}

// site is the read-only state shared by all workers.
type site struct {
	in    Input
	cfg   config.Config
	w     *schedule.Window
	tpl   *templates
	index *index
	feeds feed.Builder // for the one-event calendars behind "In Kalender eintragen"
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
	s := &site{in: in, cfg: in.Project.Config, w: in.Window, tpl: t, feeds: feed.Builder{Config: in.Project.Config, Clock: in.Clock}}
	s.index, err = buildIndex(s)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// execute runs a page template into a fresh buffer.
func (s *site) execute(name string, p *Page) ([]byte, error) {
	t := s.tpl.pages[name]
	if t == nil {
		return nil, fmt.Errorf("no template %q", name)
	}
	var buf bytes.Buffer
	buf.Grow(16 << 10)
	if err := t.ExecuteTemplate(&buf, "base", p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// File is one file of the site, rendered when asked for.
type File struct {
	Path   string // relative to the site root: "anlaesse/pi-tag/index.html"
	Page   bool   // an HTML page
	Render func() ([]byte, error)
}

// Files prepares the site without rendering it: the templates are loaded and
// the project indexed once, and each file renders on its first Render call.
// `anlass serve` uses it to answer a request right after a change.
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
		files[i] = File{Path: paths.File(o.path), Page: o.page, Render: func() ([]byte, error) {
			data, err := render()
			if err != nil {
				return nil, fmt.Errorf("site: %s: %w", path, err)
			}
			return data, nil
		}}
	}
	return files, nil
}
