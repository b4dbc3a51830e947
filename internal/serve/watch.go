package serve

import (
	"context"
	"errors"
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

// DefaultPollInterval is how often the inputs are compared when watching
// polls: after --poll without an interval, and when events do not work.
const DefaultPollInterval = 500 * time.Millisecond

// MinPollInterval is the shortest polling interval accepted: every poll
// looks at every input file.
const MinPollInterval = 100 * time.Millisecond

// watcher reports changes to the project's inputs (project.Inputs): the
// folders recursively, and anlass.yaml. The project root itself is watched
// too, so that an input created later (a new templates/ folder, say) is
// picked up, and so that editors that save by renaming are seen.
//
// Changes come as events from the operating system (fsnotify) where they
// can, and from polling where they cannot: when asked (--poll); when the
// project lies on a file system that sees only this machine's own writes (a
// network drive, a folder shared into a VM or container such as WSL's
// /mnt/c); and when watching fails (the inotify limits). Events go straight
// from fsnotify's channels into Loop, so polling costs the event path
// nothing.
type watcher struct {
	root     string
	interval time.Duration // how often the poller looks
	stderr   io.Writer     // the notice when watching falls back to polling
	src      eventSource   // nil while polling
	poll     *poller       // nil while events arrive
	events   <-chan fsnotify.Event
	errors   <-chan error
}

// eventSource is the part of fsnotify.Watcher the watcher uses; tests
// replace it to make watching fail or go silent.
type eventSource interface {
	Add(name string) error
	Close() error
	Events() <-chan fsnotify.Event
	Errors() <-chan error
}

type fsnotifySource struct{ w *fsnotify.Watcher }

func (s fsnotifySource) Add(name string) error         { return s.w.Add(name) }
func (s fsnotifySource) Close() error                  { return s.w.Close() }
func (s fsnotifySource) Events() <-chan fsnotify.Event { return s.w.Events }
func (s fsnotifySource) Errors() <-chan error          { return s.w.Errors }

func newFSNotify() (eventSource, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	return fsnotifySource{w}, nil
}

// newWatcher watches the project at root: by polling every poll when poll
// is positive, otherwise by the events of newEvents (nil: fsnotify), falling
// back to polling every DefaultPollInterval where events cannot work.
func newWatcher(root string, poll time.Duration, stderr io.Writer, newEvents func() (eventSource, error)) (*watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if newEvents == nil {
		newEvents = newFSNotify
	}
	w := &watcher{root: abs, interval: DefaultPollInterval, stderr: stderr}
	if poll > 0 {
		w.interval = poll
		w.startPolling()
		return w, nil
	}
	for _, in := range append([]string{""}, project.Inputs...) {
		if kind, ok := sharedFS(filepath.Join(abs, in)); ok {
			fmt.Fprintf(stderr, "%s is on %s, where changes made elsewhere send no events: polling every %s instead.\n", w.rel(filepath.Join(abs, in)), kind, w.interval)
			w.startPolling()
			return w, nil
		}
	}
	src, err := newEvents()
	if err != nil {
		w.fallBack(&watchError{err: err})
		return w, nil
	}
	w.src, w.events, w.errors = src, src.Events(), src.Errors()
	if err := src.Add(abs); err != nil {
		w.fallBack(&watchError{path: abs, err: err})
		return w, nil
	}
	for _, in := range project.Inputs {
		if _, err := w.addTree(filepath.Join(abs, in)); err != nil {
			w.fallBack(err)
			return w, nil
		}
	}
	return w, nil
}

// Close stops watching.
func (w *watcher) Close() error {
	if w.poll != nil {
		w.poll.Stop()
	}
	if w.src != nil {
		return w.src.Close()
	}
	return nil
}

// Polling reports whether changes are found by polling, and how often.
func (w *watcher) Polling() (time.Duration, bool) { return w.interval, w.poll != nil }

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

// watchError is a folder that could not be watched (path empty: no watching
// at all), told in the terminal with what to do about it.
type watchError struct {
	path string
	err  error
}

func (e *watchError) Error() string { return e.err.Error() }
func (e *watchError) Unwrap() error { return e.err }

// fallBack switches from events to polling after watching failed, and says
// so once: which folder, why, and how to get events back where that is
// possible.
func (w *watcher) fallBack(err error) {
	if w.src != nil {
		_ = w.src.Close() // events are given up either way
		w.src = nil
	}
	what := "watching for changes"
	var we *watchError
	if errors.As(err, &we) && we.path != "" {
		what = "watching " + w.rel(we.path)
	}
	msg := fmt.Sprintf("%s: %v", what, err)
	reason, remedy := limitHint(err)
	if reason != "" {
		msg += ": " + reason
	}
	msg += ". Polling every " + w.interval.String() + " instead.\n"
	if remedy != "" {
		msg += "To watch by events again, raise the limit: " + remedy + "\n"
	}
	fmt.Fprint(w.stderr, msg)
	w.startPolling()
}

func (w *watcher) startPolling() {
	w.poll = startPoller(w.root, w.interval)
	w.events, w.errors = w.poll.events, nil
}

// rel names a path for the terminal: relative to the project, or the
// project folder itself.
func (w *watcher) rel(p string) string {
	r, err := filepath.Rel(w.root, p)
	if err != nil || r == "." || strings.HasPrefix(r, "..") {
		return "the project folder " + p
	}
	return filepath.ToSlash(r)
}

// walkInputs calls fn for dir and everything below it, the way both kinds
// of watching see the project: symbolic links are not followed, hidden
// folders (.git, editor state) are skipped, and unreadable entries too
// (loading reports them).
func walkInputs(dir string, fn func(p string, d fs.DirEntry)) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
		case d.IsDir() && p != dir && strings.HasPrefix(d.Name(), "."):
			return filepath.SkipDir
		default:
			fn(p, d)
		}
		return nil
	})
}

// addTree watches dir and every folder below it (while watching by events),
// and returns the files it found there: those in a folder that was just
// created may have come before the folder was watched. The error is the
// first folder that could not be watched; the files are all there either way.
func (w *watcher) addTree(dir string) ([]string, error) {
	var files []string
	var failed error
	walkInputs(dir, func(p string, d fs.DirEntry) {
		if !d.IsDir() {
			files = append(files, p)
			return
		}
		if w.src == nil || failed != nil {
			return
		}
		// A folder removed in the meantime is no failure of watching.
		if err := w.src.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			failed = &watchError{path: p, err: err}
		}
	})
	return files, failed
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
func (w *watcher) Loop(ctx context.Context, debounce time.Duration, rebuild func(changed []string)) error {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var changed []string
	created := map[string]bool{} // first seen being created: maybe temporary
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.events:
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
					files, err := w.addTree(ev.Name)
					if err != nil {
						w.fallBack(err)
					}
					for _, f := range files {
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
		case err, ok := <-w.errors:
			if !ok {
				return nil
			}
			// Most likely the event queue overflowed: rebuild to be safe.
			fmt.Fprintf(w.stderr, "watching: %v\n", err)
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

// poller finds changes where no events arrive: every interval it compares
// the size and modification time of every input file, and which files and
// folders exist, with the previous look, and reports the differences as
// the events fsnotify would have sent.
type poller struct {
	root   string
	every  time.Duration
	events chan fsnotify.Event
	stop   chan struct{}
	done   chan struct{}
}

// stamp is what polling compares of a file.
type stamp struct {
	size int64
	mod  time.Time
	dir  bool
}

// startPoller takes the first look at once, so that a change made from
// now on is seen, and then looks every interval until Stop.
func startPoller(root string, every time.Duration) *poller {
	p := &poller{root: root, every: every, events: make(chan fsnotify.Event), stop: make(chan struct{}), done: make(chan struct{})}
	seen := p.scan()
	go p.run(seen)
	return p
}

func (p *poller) Stop() {
	close(p.stop)
	<-p.done
}

func (p *poller) run(seen map[string]stamp) {
	defer close(p.done)
	tick := time.NewTicker(p.every)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-tick.C:
		}
		now := p.scan()
		for _, ev := range compare(seen, now) {
			select {
			case p.events <- ev:
			case <-p.stop:
				return
			}
		}
		seen = now
	}
}

// scan looks at every input as watching by events sees them (walkInputs).
func (p *poller) scan() map[string]stamp {
	out := map[string]stamp{}
	for _, in := range project.Inputs {
		walkInputs(filepath.Join(p.root, in), func(path string, d fs.DirEntry) {
			if info, err := d.Info(); err == nil {
				out[path] = stamp{size: info.Size(), mod: info.ModTime(), dir: d.IsDir()}
			}
		})
	}
	return out
}

// compare returns the events that turn the look before into the look now,
// sorted by path. A folder's own time changes with its entries, which are
// reported themselves, so folders only appear and vanish.
func compare(before, now map[string]stamp) []fsnotify.Event {
	var out []fsnotify.Event
	for name, s := range now {
		old, ok := before[name]
		switch {
		case !ok || old.dir != s.dir:
			out = append(out, fsnotify.Event{Name: name, Op: fsnotify.Create})
		case !s.dir && (old.size != s.size || !old.mod.Equal(s.mod)):
			out = append(out, fsnotify.Event{Name: name, Op: fsnotify.Write})
		}
	}
	for name := range before {
		if _, ok := now[name]; !ok {
			out = append(out, fsnotify.Event{Name: name, Op: fsnotify.Remove})
		}
	}
	slices.SortFunc(out, func(a, b fsnotify.Event) int { return strings.Compare(a.Name, b.Name) })
	return out
}
