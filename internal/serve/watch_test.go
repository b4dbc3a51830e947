package serve

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// wait is how long expect waits: long for a rebuild that must come, short
// to be sure that none comes.
func wait(want []string) time.Duration {
	if want == nil {
		return time.Second
	}
	return 3 * time.Second
}

// The same changes make the same rebuilds, whether they are found by
// events or by polling.
func TestWatcher(t *testing.T) {
	for _, c := range []struct {
		name     string
		poll     time.Duration
		debounce time.Duration // polling: longer than a look, so that a burst is one rebuild
	}{
		{"events", 0, 100 * time.Millisecond},
		{"polling", 100 * time.Millisecond, 250 * time.Millisecond},
	} {
		t.Run(c.name, func(t *testing.T) { testWatcher(t, c.poll, c.debounce) })
	}
}

func testWatcher(t *testing.T, poll, debounce time.Duration) {
	dir := testProject(t, "Pi-Tag")
	var notices strings.Builder
	w, err := newWatcher(dir, poll, &notices, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = w.Close() }()
	if got := w.Watched(); !slices.Equal(got, []string{"anlass.yaml", "occasions/"}) {
		t.Errorf("Watched() = %v", got)
	}
	if every, polling := w.Polling(); polling != (poll > 0) || (polling && every != poll) {
		t.Errorf("Polling() = %v, %v with --poll %v", every, polling, poll)
	}
	if notices.Len() > 0 {
		t.Errorf("notices on a local disk:\n%s", notices.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	builds := make(chan []string, 10)
	go func() { _ = w.Loop(ctx, debounce, func(changed []string) { builds <- changed }) }()

	expect := func(what string, want []string) {
		t.Helper()
		select {
		case got := <-builds:
			if want == nil {
				t.Fatalf("%s: rebuilt for %v, want no rebuild", what, got)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s: rebuilt for %v, want %v", what, got, want)
			}
		case <-time.After(wait(want)):
			if want != nil {
				t.Fatalf("%s: no rebuild after 3 s", what)
			}
		}
	}

	// Not inputs, or scratch files: nothing happens.
	write(t, dir, "README.md", "x")
	write(t, dir, "public/index.html", "x")
	write(t, dir, "occasions/quirky/.pi-tag.yaml.swp", "x")
	write(t, dir, "occasions/quirky/pi-tag.yaml~", "x")
	// A file that comes and goes within the debounce time is no change.
	write(t, dir, "occasions/quirky/sedXyZ", "x")
	_ = os.Remove(filepath.Join(dir, "occasions/quirky/sedXyZ"))
	expect("scratch files", nil)

	write(t, dir, piPath, "changed")
	expect("a write", []string{piPath})

	// Several changes in quick succession make one rebuild.
	write(t, dir, "occasions/quirky/a.yaml", "a")
	write(t, dir, "occasions/quirky/b.yaml", "b")
	write(t, dir, "occasions/quirky/a.yaml", "a2")
	expect("a burst", []string{"occasions/quirky/a.yaml", "occasions/quirky/b.yaml"})

	// An editor that saves by writing a temporary file and renaming it.
	write(t, dir, ".anlass.yaml.tmp", "title: neu\n")
	if err := os.Rename(filepath.Join(dir, ".anlass.yaml.tmp"), filepath.Join(dir, "anlass.yaml")); err != nil {
		t.Fatal(err)
	}
	expect("an atomic save", []string{"anlass.yaml"})

	// Inputs created while watching, and folders inside them.
	write(t, dir, "templates/base.html", "x")
	expect("a new input folder", []string{"templates", "templates/base.html"})
	write(t, dir, "templates/base.html", "y")
	expect("a file in the new folder", []string{"templates/base.html"})
	if err := os.Remove(filepath.Join(dir, "occasions/quirky/b.yaml")); err != nil {
		t.Fatal(err)
	}
	expect("a removal", []string{"occasions/quirky/b.yaml"})
}

// silentEvents stands for file-system events that never arrive (a network
// drive, a shared folder), or for watching that fails: fail, if set, is
// asked before each folder is watched.
type silentEvents struct {
	fail   func(dir string) error
	events chan fsnotify.Event
	errors chan error
	mu     sync.Mutex
	closed bool
}

func newSilentEvents(fail func(dir string) error) func() (eventSource, error) {
	return func() (eventSource, error) {
		return &silentEvents{fail: fail, events: make(chan fsnotify.Event), errors: make(chan error)}, nil
	}
}

func (s *silentEvents) Add(dir string) error {
	if s.fail != nil {
		return s.fail(dir)
	}
	return nil
}

func (s *silentEvents) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

func (s *silentEvents) Events() <-chan fsnotify.Event { return s.events }
func (s *silentEvents) Errors() <-chan error          { return s.errors }

// failAt makes watching fail with err for the folder rel of dir and every
// folder below it.
func failAt(dir, rel string, err error) func(string) error {
	return func(p string) error {
		if r, _ := filepath.Rel(dir, p); r == filepath.FromSlash(rel) || strings.HasPrefix(r, filepath.FromSlash(rel)+string(filepath.Separator)) {
			return err
		}
		return nil
	}
}

// When watching a folder fails, the watcher says so once (which folder, why,
// what to do) and finds changes by polling from then on: at the start, and
// for a folder created while serving. Without polling, none of these
// changes would be seen: the events never arrive.
func TestWatcherFallsBackToPolling(t *testing.T) {
	enospc := &os.SyscallError{Syscall: "inotify_add_watch", Err: syscall.ENOSPC}
	for _, c := range []struct {
		name   string
		events func(dir string) func() (eventSource, error)
		create string // a folder created while watching, whose file is then changed
		want   []string
	}{
		{
			name: "a folder at the start",
			events: func(dir string) func() (eventSource, error) {
				return newSilentEvents(failAt(dir, "occasions/quirky", enospc))
			},
			want: []string{"watching occasions/quirky: inotify_add_watch: no space left on device: the system's limit of inotify watches is reached",
				"Polling every 500ms instead.\nTo watch by events again, raise the limit: sudo sysctl fs.inotify.max_user_watches="},
		},
		{
			name:   "the project folder",
			events: func(dir string) func() (eventSource, error) { return newSilentEvents(failAt(dir, ".", syscall.EACCES)) },
			want:   []string{"watching the project folder " + "DIR" + ": permission denied. Polling every 500ms instead.\n"},
		},
		{
			name: "no events at all",
			events: func(string) func() (eventSource, error) {
				return func() (eventSource, error) {
					return nil, &os.SyscallError{Syscall: "inotify_init1", Err: syscall.EMFILE}
				}
			},
			want: []string{"watching for changes: inotify_init1: too many open files: the system's limit of inotify instances or of open files is reached",
				"Polling every 500ms instead.\nTo watch by events again, raise the limit: sudo sysctl fs.inotify.max_user_instances="},
		},
		{
			name: "a folder created while serving",
			events: func(dir string) func() (eventSource, error) {
				return newSilentEvents(failAt(dir, "occasions/neu", enospc))
			},
			create: "occasions/neu",
			want:   []string{"watching occasions/neu: inotify_add_watch: no space left on device", "Polling every 500ms instead.\n"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, err := filepath.EvalSymlinks(testProject(t, "Pi-Tag"))
			if err != nil {
				t.Fatal(err)
			}
			// Read only after a rebuild: the notice is written before it.
			var notices strings.Builder
			w, err := newWatcher(dir, 0, &syncWriter{w: &notices}, c.events(dir))
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = w.Close() }()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			builds := make(chan []string, 10)
			go func() { _ = w.Loop(ctx, 20*time.Millisecond, func(changed []string) { builds <- changed }) }()
			expect := func(what string, want ...string) {
				t.Helper()
				select {
				case got := <-builds:
					if !slices.Equal(got, want) {
						t.Fatalf("%s: rebuilt for %v, want %v", what, got, want)
					}
				case <-time.After(5 * time.Second):
					t.Fatalf("%s: no rebuild after 5 s", what)
				}
			}
			if c.create != "" {
				if _, polling := w.Polling(); polling {
					t.Fatalf("polling before the folder was created:\n%s", notices.String())
				}
				// The one event that announces the folder; its file then
				// changes without an event.
				write(t, dir, c.create+"/a.yaml", "a")
				w.src.(*silentEvents).events <- fsnotify.Event{Name: filepath.Join(dir, c.create), Op: fsnotify.Create}
				expect("the new folder", c.create, c.create+"/a.yaml")
			}
			if _, polling := w.Polling(); !polling {
				t.Fatal("not polling after watching failed")
			}
			write(t, dir, piPath, "changed")
			expect("a change", piPath)

			got := notices.String()
			for _, want := range c.want {
				if runtime.GOOS != "linux" && strings.Contains(want, "inotify") {
					continue // the limits are Linux's
				}
				if want = strings.ReplaceAll(want, "DIR", dir); !strings.Contains(got, want) {
					t.Errorf("notice:\n%s\nwant it to contain:\n%s", got, want)
				}
			}
			if strings.Count(got, "instead.") != 1 {
				t.Errorf("want one notice, got:\n%s", got)
			}
			t.Logf("the notice:\n%s", got)
		})
	}
}
