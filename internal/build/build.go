// Package build runs the whole pipeline: load the project, compute every
// occurrence once, render feeds and pages, and change the output only when
// every file rendered (see Snapshot.output).
package build

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/anlass/anlass/internal/clock"
	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/schedule"
)

// Options control a build.
type Options struct {
	Source      string // project directory
	Destination string // output directory; default <Source>/public
	Now         string // YYYY-MM-DD to take as today and build time
	BaseURL     string // overrides base_url from anlass.yaml
	Drafts      bool   // publish draft articles too
	Log         io.Writer
	Verbose     bool
	// Cache keeps parsed occasion files between builds (anlass serve); nil: none.
	Cache *occasion.ParseCache
}

// Result summarises a build.
type Result struct {
	Occasions, Holidays, Articles int
	Pages, Feeds, Files           int
	Bytes                         int64
	From, To                      string
	Took                          time.Duration
	Stages                        []Stage // where the time went, in order
	Dest                          string
}

// Stage is one step of the pipeline and its wall-clock time.
type Stage struct {
	Name string
	Took time.Duration
}

// stopwatch records stages; a nil *stopwatch records nothing.
type stopwatch struct {
	stages []Stage
	last   time.Time
}

// mark ends the stage name: the time since the previous mark (or the start).
func (sw *stopwatch) mark(name string) {
	if sw == nil {
		return
	}
	now := time.Now()
	sw.stages = append(sw.stages, Stage{name, now.Sub(sw.last)})
	sw.last = now
}

// ErrInvalidInput is returned (wrapped in a diag.ListError) when the project has errors.
var ErrInvalidInput = errors.New("the project has errors")

// Build runs the pipeline. On any error the previous output stays untouched.
func Build(opts Options) (Result, diag.List, error) {
	start := time.Now()
	var res Result
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Destination == "" {
		opts.Destination = filepath.Join(opts.Source, "public")
	}
	if err := checkDestination(opts.Source, opts.Destination); err != nil {
		return res, nil, err
	}
	sw := &stopwatch{last: start}
	snap, l, err := prepare(opts, sw)
	if err != nil {
		return res, l, err
	}
	written, err := snap.output(opts.Destination, sw)
	if err != nil {
		return res, l, err
	}
	res = snap.Result
	res.Stages, res.Bytes = sw.stages, written
	res.Took = time.Since(start)
	res.Dest = opts.Destination
	return res, l, nil
}

// computed is what the load and compute stages produce for rendering.
type computed struct {
	project  *project.Project
	window   *schedule.Window
	clock    clock.Clock
	articles []*content.Article // published ones
	pages    []*content.Page    // published ones
}

// compute loads the project and computes every occurrence of the window
// once: the stages before rendering, shared by Build and Prepare.
// sw (may be nil) records the stages' times.
func compute(opts Options, sw *stopwatch) (computed, diag.List, error) {
	p, l := project.LoadCached(opts.Source, opts.Cache)
	if opts.BaseURL != "" {
		if err := p.Config.SetBaseURL(opts.BaseURL); err != nil {
			return computed{}, l, fmt.Errorf("--baseURL: %w", err)
		}
	}
	if l.HasErrors() {
		return computed{}, l, ErrInvalidInput
	}
	clk, err := clock.New(opts.Now, func() time.Time { return project.LatestChange(opts.Source) })
	if err != nil {
		return computed{}, l, err
	}
	from, to := schedule.FeedWindow(clk.Today, p.Config.YearsBefore, p.Config.YearsAfter)
	sw.mark("load")
	w, err := schedule.Compute(p.Engine, from, to, clk.Today)
	if err != nil {
		return computed{}, l, err
	}
	var articles []*content.Article
	for _, a := range p.Articles {
		if !a.Draft || opts.Drafts {
			articles = append(articles, a)
		}
	}
	var pages []*content.Page
	for _, pg := range p.Pages {
		if !pg.Draft || opts.Drafts {
			pages = append(pages, pg)
		}
	}
	sw.mark("dates")
	return computed{p, w, clk, articles, pages}, l, nil
}

// checkDestination refuses outputs that would replace the project itself or
// one of its inputs. The swap renames and deletes whatever the destination
// names, so paths are compared with symbolic links resolved, and existing
// folders also by identity (os.SameFile): neither a link such as
// self -> . nor another spelling on a case-insensitive file system gets past.
func checkDestination(source, dest string) error {
	src, err := realPath(source)
	if err != nil {
		return err
	}
	dst, err := realPath(dest)
	if err != nil {
		return err
	}
	if within(src, dst) || sameAsAny(dst, ancestors(src)) {
		return fmt.Errorf("destination %s would replace the project itself", dest)
	}
	if dst == filepath.Join(src, config.File) {
		return fmt.Errorf("destination %s is the configuration file", dest)
	}
	for _, in := range project.Inputs {
		p := filepath.Join(src, in)
		if within(dst, p) || sameAsAny(p, ancestors(dst)) {
			return fmt.Errorf("destination %s lies inside the input %s", dest, in)
		}
	}
	return nil
}

// realPath returns p as an absolute path with the symbolic links in its
// existing part resolved; the part that does not exist yet is kept as written.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether path p is dir or lies inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// ancestors returns p and every folder above it, up to the root.
func ancestors(p string) []string {
	out := []string{p}
	for filepath.Dir(p) != p {
		p = filepath.Dir(p)
		out = append(out, p)
	}
	return out
}

// sameAsAny reports whether p exists and is the same file as one of list.
func sameAsAny(p string, list []string) bool {
	fi, err := os.Stat(p)
	if err != nil {
		return false
	}
	for _, q := range list {
		if qi, err := os.Stat(q); err == nil && os.SameFile(fi, qi) {
			return true
		}
	}
	return false
}
