package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// A snapshot holds exactly the files a build writes, byte for byte, and
// behaves as a proper fs.FS (testing/fstest checks reading, seeking,
// directory listings and Stat).
func TestSnapshotEqualsBuild(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, smallProject())
	public := filepath.Join(root, "public")
	mustBuild(t, Options{Source: root, Now: testNow})
	snap, l, err := Prepare(Options{Source: root, Now: testNow})
	if err != nil {
		t.Fatalf("%v\n%v", err, l.Err())
	}
	var written []string
	err = filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		written = append(written, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(written) < 10 || len(written) != snap.Files {
		t.Fatalf("build wrote %d files, snapshot has %d", len(written), snap.Files)
	}
	for _, name := range written {
		want, _ := os.ReadFile(filepath.Join(public, filepath.FromSlash(name)))
		got, err := snap.ReadFile(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: snapshot differs from the build (%v)", name, err)
		}
	}
	if err := fstest.TestFS(snap, written[:5]...); err != nil {
		t.Fatal(err)
	}
	if _, err := snap.Open("../anlass.yaml"); err == nil {
		t.Error("opened a path outside the site")
	}
	if _, err := snap.Open("nope/index.html"); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}

// Preparing a snapshot does no rendering: the time between a change and a
// servable site is loading and computing only.
func BenchmarkPrepareRealContent(b *testing.B) {
	for b.Loop() {
		snap, l, err := Prepare(Options{Source: "../..", Now: testNow})
		if err != nil {
			b.Fatalf("%v\n%v", err, l.Err())
		}
		if _, err := snap.ReadFile("anlaesse/pi-tag/index.html"); err != nil {
			b.Fatal(err)
		}
	}
}
