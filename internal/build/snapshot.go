package build

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/anlass/anlass/internal/calendar"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/parallel"
	"github.com/anlass/anlass/internal/site"
)

// Snapshot is a build held in memory and rendered lazily: every file of the
// site and the feeds is known, but each is rendered only when first read.
// `anlass serve` serves it as an fs.FS, so a change is visible as soon as the
// project is loaded and the occurrences computed, not after every page has
// been written.
type Snapshot struct {
	Result
	files   map[string]*lazyFile
	dirs    map[string][]string // folder → sorted names of its entries
	modTime time.Time
}

type lazyFile struct {
	once   sync.Once
	render func() ([]byte, error)
	data   []byte
	err    error
}

func (f *lazyFile) bytes() ([]byte, error) {
	f.once.Do(func() { f.data, f.err = f.render() })
	return f.data, f.err
}

// Prepare loads and computes like Build, and prepares every output without
// rendering or writing any. Options.Destination is not used.
func Prepare(opts Options) (*Snapshot, diag.List, error) {
	return prepare(opts, nil)
}

// prepare is Prepare; sw (may be nil) records the stages' times.
func prepare(opts Options, sw *stopwatch) (*Snapshot, diag.List, error) {
	start := time.Now()
	c, l, err := compute(opts, sw)
	if err != nil {
		return nil, l, err
	}
	cb := calendar.NewBuilder(c.project.Config, c.clock.Stamp)
	book := regionBook(c.project, c.window)
	files, err := site.Files(site.Input{Project: c.project, Window: c.window, Clock: c.clock, Articles: c.articles, Pages: c.pages, Regions: book})
	if err != nil {
		return nil, l, err
	}
	s := &Snapshot{files: map[string]*lazyFile{}, dirs: map[string][]string{".": nil}, modTime: c.clock.Stamp}
	children := map[string]map[string]bool{}
	// A feed's events are made when it is rendered.
	for _, f := range cb.Feeds(c.project.Catalog, c.window, book, c.project.Vocab) {
		s.add(strings.TrimPrefix(f.Path, "/"), func() ([]byte, error) { return cb.Render(f) }, children)
		s.Feeds++
	}
	for _, f := range cb.Termine(c.window) {
		s.add(strings.TrimPrefix(f.Path, "/"), func() ([]byte, error) { return cb.Render(f) }, children)
	}
	for _, f := range files {
		s.add(f.Path, f.Render, children)
		if f.Page {
			s.Pages++
		}
	}
	for dir, names := range children {
		s.dirs[dir] = slices.Sorted(maps.Keys(names))
	}
	s.Files = len(s.files)
	s.Occasions, s.Holidays, s.Articles = len(c.project.Catalog.Occasions), len(c.project.Catalog.Holidays), len(c.articles)
	s.From, s.To = c.window.From.String(), c.window.To.String()
	s.Took = time.Since(start)
	sw.mark("prepare")
	return s, l, nil
}

// write renders every file into dir (which exists) on all CPUs and returns
// the number of bytes written. Files are rendered afresh, not kept: a build
// holds at most one file per CPU in memory. The error returned is the first
// in the order of the file names.
func (s *Snapshot) write(dir string) (int64, error) {
	for _, d := range s.dirNames() {
		if err := os.Mkdir(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
			return 0, err
		}
	}
	names := s.fileNames()
	sizes := make([]int, len(names))
	err := parallel.Each(len(names), func(i int) error {
		data, err := s.files[names[i]].render()
		if err != nil {
			return err
		}
		sizes[i] = len(data)
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(names[i])), data, 0o644)
	})
	return sum(sizes), err
}

// dirNames returns the folders of the site below its root, each after its
// parent.
func (s *Snapshot) dirNames() []string {
	dirs := slices.Sorted(maps.Keys(s.dirs)) // a parent sorts before its children
	return slices.DeleteFunc(dirs, func(d string) bool { return d == "." })
}

// fileNames returns the files of the site, sorted.
func (s *Snapshot) fileNames() []string { return slices.Sorted(maps.Keys(s.files)) }

func sum(sizes []int) int64 {
	var total int64
	for _, n := range sizes {
		total += int64(n)
	}
	return total
}

func (s *Snapshot) add(name string, render func() ([]byte, error), children map[string]map[string]bool) {
	s.files[name] = &lazyFile{render: render}
	for child := name; child != "."; {
		dir := path.Dir(child)
		if children[dir] == nil {
			children[dir] = map[string]bool{}
		}
		if children[dir][path.Base(child)] {
			break // the folders above are known already
		}
		children[dir][path.Base(child)] = true
		child = dir
	}
}

// ReadFile renders (once) and returns a copy of one file of the snapshot.
func (s *Snapshot) ReadFile(name string) ([]byte, error) {
	f, ok := s.files[name]
	if !ok || !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	data, err := f.bytes()
	return bytes.Clone(data), err
}

// Open implements fs.FS.
func (s *Snapshot) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if f, ok := s.files[name]; ok {
		data, err := f.bytes()
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return &memFile{Reader: bytes.NewReader(data), info: memInfo{name: path.Base(name), size: int64(len(data)), mod: s.modTime}}, nil
	}
	if names, ok := s.dirs[name]; ok {
		return &memDir{s: s, name: name, entries: names, info: memInfo{name: path.Base(name), dir: true, mod: s.modTime}}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

type memInfo struct {
	name string
	size int64
	dir  bool
	mod  time.Time
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) ModTime() time.Time { return i.mod }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i memInfo) Type() fs.FileMode { return i.Mode().Type() }

type memFile struct {
	*bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type memDir struct {
	s       *Snapshot
	name    string
	entries []string
	info    memInfo
	off     int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Close() error               { return nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errors.New("is a directory")}
}

func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if n > 0 && n < len(rest) {
		rest = rest[:n]
	}
	out := make([]fs.DirEntry, 0, len(rest))
	for _, e := range rest {
		full := e
		if d.name != "." {
			full = d.name + "/" + e
		}
		_, isDir := d.s.dirs[full]
		out = append(out, memEntry{s: d.s, full: full, info: memInfo{name: e, dir: isDir, mod: d.s.modTime}})
	}
	d.off += len(rest)
	return out, nil
}

// memEntry is a directory entry; its Info renders the file (once) for the size.
type memEntry struct {
	s    *Snapshot
	full string
	info memInfo
}

func (e memEntry) Name() string      { return e.info.name }
func (e memEntry) IsDir() bool       { return e.info.dir }
func (e memEntry) Type() fs.FileMode { return e.info.Type() }
func (e memEntry) Info() (fs.FileInfo, error) {
	if e.info.dir {
		return e.info, nil
	}
	data, err := e.s.files[e.full].bytes()
	if err != nil {
		return nil, err
	}
	info := e.info
	info.size = int64(len(data))
	return info, nil
}
