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
// holds at most one file per CPU in memory. A file whose bytes equal those
// of the same file in prev, the previous output (may be ""), is linked to it
// instead of written: on a disk this halves the system time of a rebuild,
// and unchanged files keep their modification time. The error returned is
// the first in the order of the file names.
func (s *Snapshot) write(dir, prev string) (int64, error) {
	var old *os.Root // the previous output, for files that did not change
	if prev != "" {
		if r, err := os.OpenRoot(prev); err == nil {
			old = r
			defer func() { _ = r.Close() }() // read only: nothing to lose
		}
	}
	dirs := slices.Sorted(maps.Keys(s.dirs)) // a parent sorts before its children
	for _, d := range dirs {
		if d == "." {
			continue
		}
		if err := os.Mkdir(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
			return 0, err
		}
	}
	names := slices.Sorted(maps.Keys(s.files))
	sizes := make([]int, len(names))
	err := parallel.Each(len(names), func(i int) error {
		data, err := s.files[names[i]].render()
		if err != nil {
			return err
		}
		sizes[i] = len(data)
		file := filepath.Join(dir, filepath.FromSlash(names[i]))
		if old != nil && unchanged(old, names[i], data) && os.Link(filepath.Join(prev, filepath.FromSlash(names[i])), file) == nil {
			return nil
		}
		return os.WriteFile(file, data, 0o644)
	})
	var total int64
	for _, n := range sizes {
		total += int64(n)
	}
	return total, err
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

// unchanged reports whether the previous output holds name as a regular
// file with exactly data, so the new output can link to it instead of
// writing it again (which spares the file system most of the work of
// creating and, after the swap, deleting it). os.Root keeps the lookup
// inside the previous output.
func unchanged(old *os.Root, name string, data []byte) bool {
	if fi, err := old.Lstat(name); err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false // linking a symbolic link would copy the link, not the file
	}
	f, err := old.Open(name)
	if err != nil {
		return false
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	return sameBytes(f, data)
}

// chunks are the read buffers of sameBytes, one per worker in use.
var chunks = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// sameBytes reports whether r holds exactly data, reading it in chunks.
func sameBytes(r io.Reader, data []byte) bool {
	bp := chunks.Get().(*[]byte)
	defer chunks.Put(bp)
	buf := *bp
	for len(data) > 0 {
		n, _ := io.ReadFull(r, buf[:min(len(buf), len(data))])
		if n == 0 || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
	}
	n, _ := r.Read(buf[:1])
	return n == 0
}
