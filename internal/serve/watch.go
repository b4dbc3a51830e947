package serve

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/anlass/anlass/internal/project"
)

// watcher reports changes to the project's inputs (project.Inputs): the
// folders recursively, and anlass.yaml. The project root itself is watched
// too, so that an input created later (a new templates/ folder, say) is
// picked up, and so that editors that save by renaming are seen.
type watcher struct {
	fw   *fsnotify.Watcher
	root string
}

func newWatcher(root string) (*watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fw: fw, root: abs}
	if err := fw.Add(abs); err != nil {
		fw.Close()
		return nil, err
	}
	for _, in := range project.Inputs {
		w.addTree(filepath.Join(abs, in))
	}
	return w, nil
}

func (w *watcher) Close() error { return w.fw.Close() }

// Watched lists the inputs that exist, for the terminal.
func (w *watcher) Watched() []string {
	var out []string
	for _, in := range project.Inputs {
		fi, err := os.Stat(filepath.Join(w.root, in))
		switch {
		case err != nil:
		case fi.IsDir():
			out = append(out, in+"/")
		default:
			out = append(out, in)
		}
	}
	return out
}

// addTree watches dir and every folder below it, and returns the files it
// found there: those in a folder that was just created may have come before
// the folder was watched. Symbolic links are not followed, and hidden folders
// (.git, editor state) are skipped.
func (w *watcher) addTree(dir string) []string {
	var files []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
		case !d.IsDir():
			files = append(files, p)
		case p != dir && strings.HasPrefix(d.Name(), "."):
			return filepath.SkipDir
		default:
			w.fw.Add(p)
		}
		return nil
	})
	return files
}

// input returns the path of a changed file relative to the project root,
// and whether the change concerns an input at all.
func (w *watcher) input(name string) (string, bool) {
	rel, err := filepath.Rel(w.root, name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	first, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(project.Inputs, first) {
		return "", false
	}
	return rel, !scratch(path.Base(rel))
}

// scratch reports editor and tool files that never affect a build: hidden
// files, backups and swap files.
func scratch(base string) bool {
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasPrefix(base, "#") ||
		strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx") || strings.HasSuffix(base, ".tmp")
}

// Loop waits for changes and calls rebuild with the changed paths once no
// further change has come for the debounce time. A file that appeared and
// vanished again in that time (an editor's or sed's temporary file) is no
// change. Loop returns when ctx ends.
func (w *watcher) Loop(ctx context.Context, debounce time.Duration, stderr io.Writer, rebuild func(changed []string)) error {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var changed []string
	created := map[string]bool{} // first seen being created: maybe temporary
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.fw.Events:
			if !ok {
				return nil
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			rel, ok := w.input(ev.Name)
			if !ok {
				continue
			}
			names := []string{rel}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
					for _, f := range w.addTree(ev.Name) {
						if r, ok := w.input(f); ok {
							names = append(names, r)
						}
					}
				}
			}
			for _, n := range names {
				if !slices.Contains(changed, n) {
					changed = append(changed, n)
					created[n] = ev.Has(fsnotify.Create)
				}
			}
			timer.Reset(debounce)
		case err, ok := <-w.fw.Errors:
			if !ok {
				return nil
			}
			// Most likely the event queue overflowed: rebuild to be safe.
			fmt.Fprintf(stderr, "watching: %v\n", err)
			changed = append(changed, "(unknown)")
			timer.Reset(debounce)
		case <-timer.C:
			changed = slices.DeleteFunc(changed, func(rel string) bool {
				_, err := os.Lstat(filepath.Join(w.root, filepath.FromSlash(rel)))
				return created[rel] && err != nil
			})
			if len(changed) > 0 {
				slices.Sort(changed)
				rebuild(changed)
			}
			changed = nil
			clear(created)
		}
	}
}
