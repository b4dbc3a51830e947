package build

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"github.com/anlass/anlass/internal/parallel"
)

// ErrPartlyUpdated is returned (wrapped) when changing a previous output
// failed half-way, after every file was rendered: a file system that
// refused a rename or a removal. Each file there is whole, old or new.
var ErrPartlyUpdated = errors.New("the output is partly updated; build again once the cause is fixed")

// output puts the snapshot at dest so that a failed build leaves the
// previous output as it was: every file is rendered, and every render error
// found, before dest changes. sw records the stages "write" (render and
// write what is new) and "apply" (make it the output).
//
// Where dest does not exist yet (or is no folder), the site is written into
// a staging folder beside it, which is then renamed into place. Over a
// previous output, only what differs is touched (update): a file whose
// bytes did not change is left alone and keeps its modification time, and
// the folders of unchanged pages are neither made nor removed. A build that
// made a fresh tree and removed the previous one took longer over a previous
// output than into an empty folder: on a disk, removing the 20,000 folders
// of a large site costs more than the rest of the build saves.
func (s *Snapshot) output(dest string, sw *stopwatch) (int64, error) {
	if fi, err := os.Lstat(dest); err == nil && fi.IsDir() {
		return s.update(dest, sw)
	}
	parent := filepath.Dir(filepath.Clean(dest))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, err
	}
	stage, err := os.MkdirTemp(parent, ".public-tmp-")
	if err != nil {
		return 0, err
	}
	// Gone after a successful swap; after a failure, a staging folder left
	// behind only takes space (the next build makes a new one).
	defer func() { _ = os.RemoveAll(stage) }()
	// MkdirTemp makes the folder 0700; the published site must be readable
	// by a web server running as another user.
	if err := os.Chmod(stage, 0o755); err != nil {
		return 0, err
	}
	written, err := s.write(stage)
	if err != nil {
		return 0, err
	}
	sw.mark("write")
	if err := swap(stage, dest); err != nil {
		return 0, err
	}
	sw.mark("apply")
	return written, nil
}

// swap moves the finished staging directory into place where something
// that is not a folder (a file, a symbolic link) may stand: that is renamed
// away first and removed only after the new output is in place.
func swap(stage, dest string) error {
	old := ""
	if _, err := os.Lstat(dest); err == nil {
		old = stage + "-old"
		if err := os.Rename(dest, old); err != nil {
			return fmt.Errorf("moving the previous output aside: %w", err)
		}
	}
	if err := os.Rename(stage, dest); err != nil {
		if old != "" {
			if rerr := os.Rename(old, dest); rerr != nil { // put the previous output back
				return fmt.Errorf("%w; the previous output is at %s and could not be moved back: %v", err, old, rerr)
			}
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// update makes the previous output at dest (a folder) equal to the
// snapshot, touching only what differs. First every file is rendered and
// compared with the one at its place; the new and changed ones are written
// into a staging folder inside dest. Only when all are rendered does dest
// change: the staged files are renamed into place, the folders they need
// made, and what the new build does not contain removed. The previous
// output is not trusted: only regular files reached through real folders
// count as unchanged, and os.Root keeps every step inside dest.
func (s *Snapshot) update(dest string, sw *stopwatch) (int64, error) {
	have, err := listTree(dest)
	if err != nil {
		return 0, err
	}
	root, err := os.OpenRoot(dest)
	if err != nil {
		return 0, err
	}
	defer func() { _ = root.Close() }() // each step through it reports its own error
	stage, err := stagingName()
	if err != nil {
		return 0, err
	}
	if err := root.Mkdir(stage, 0o700); err != nil {
		return 0, err
	}
	defer func() { _ = root.RemoveAll(stage) }() // empty after success; a failure reports its own error

	names := s.fileNames()
	sizes := make([]int, len(names))
	changed := make([]bool, len(names))
	err = parallel.Each(len(names), func(i int) error {
		data, err := s.files[names[i]].render()
		if err != nil {
			return err
		}
		sizes[i] = len(data)
		if have[names[i]] == regular && unchanged(root, names[i], data) {
			return nil
		}
		changed[i] = true
		return root.WriteFile(stage+"/"+strconv.Itoa(i), data, 0o644)
	})
	if err != nil {
		return 0, err
	}
	sw.mark("write")

	// From here on dest changes.
	if err := s.apply(root, have, stage, names, changed); err != nil {
		return 0, fmt.Errorf("%w: %w", err, ErrPartlyUpdated)
	}
	if err := os.Chmod(dest, 0o755); err != nil {
		return 0, fmt.Errorf("%w: %w", err, ErrPartlyUpdated)
	}
	sw.mark("apply")
	return sum(sizes), nil
}

// apply changes the previous output (root, which holds have) into the
// snapshot: folders first, each after its parent, replacing what stands
// where a folder belongs (a file, a link); then the changed files from the
// staging folder; last, what the new build does not contain.
func (s *Snapshot) apply(root *os.Root, have map[string]entry, stage string, names []string, changed []bool) error {
	for _, d := range s.dirNames() {
		kind, ok := have[d]
		if kind == folder {
			continue
		}
		if ok {
			if err := root.RemoveAll(d); err != nil {
				return err
			}
		}
		if err := root.Mkdir(d, 0o755); err != nil {
			return err
		}
	}
	for i, name := range names {
		if !changed[i] {
			continue
		}
		if have[name] == folder { // a folder where the file belongs
			if err := root.RemoveAll(name); err != nil {
				return err
			}
		}
		if err := root.Rename(stage+"/"+strconv.Itoa(i), name); err != nil {
			return err
		}
	}
	// A removed folder takes what is in it along, and what was in a folder
	// that a file of the new build replaced went with it.
	gone := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(have)) { // a folder before what is in it
		_, isFile := s.files[name]
		_, isDir := s.dirs[name]
		if isFile || isDir || inAny(name, gone) || inAny(name, s.files) {
			continue
		}
		if err := root.RemoveAll(name); err != nil {
			return err
		}
		gone[name] = true
	}
	return nil
}

// entry is what stands at a path of the previous output.
type entry uint8

const (
	other   entry = iota // a link, a device …
	folder               // a real folder
	regular              // a regular file reached through real folders
)

// listTree lists what the previous output holds, by slash-separated path
// below it, without following symbolic links.
func listTree(dir string) (map[string]entry, error) {
	t := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			t[rel] = folder
		case d.Type().IsRegular():
			t[rel] = regular
		default:
			t[rel] = other
		}
		return nil
	})
	return t, err
}

// inAny reports whether one of the folders above name is a key of m.
func inAny[V any](name string, m map[string]V) bool {
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		if _, ok := m[dir]; ok {
			return true
		}
	}
	return false
}

// stagingName is a hidden name for the staging folder inside the output;
// a leftover one from a crashed build is removed as stale by the next.
func stagingName() (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return ".anlass-tmp-" + hex.EncodeToString(b), nil
}

// unchanged reports whether the previous output holds name as a regular
// file of mode 0644 with exactly data, so that it can stay as it is.
// os.Root keeps the lookup inside the previous output.
func unchanged(old *os.Root, name string, data []byte) bool {
	f, err := old.Open(name)
	if err != nil {
		return false
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o644 || fi.Size() != int64(len(data)) {
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
