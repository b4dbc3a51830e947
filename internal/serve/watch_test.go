package serve

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// wait is how long expect waits: long for a rebuild that must come, short
// to be sure that none comes.
func wait(want []string) time.Duration {
	if want == nil {
		return time.Second
	}
	return 3 * time.Second
}

func TestWatcher(t *testing.T) {
	dir := testProject(t, "Pi-Tag")
	w, err := newWatcher(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if got := w.Watched(); !slices.Equal(got, []string{"anlass.yaml", "occasions/"}) {
		t.Errorf("Watched() = %v", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	builds := make(chan []string, 10)
	go w.Loop(ctx, 100*time.Millisecond, io.Discard, func(changed []string) { builds <- changed })

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
	os.Remove(filepath.Join(dir, "occasions/quirky/sedXyZ"))
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
