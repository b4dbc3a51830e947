//go:build unix

package build

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// inode returns the inode number and link count of a file.
func inode(t *testing.T, p string) (uint64, uint64) {
	t.Helper()
	fi, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	return uint64(st.Ino), uint64(st.Nlink)
}

// A rebuild links the files that did not change to the previous output's
// (same inode, and once the previous output is gone, one link again), and
// writes the others anew. The tree is the same as a build from scratch.
func TestRebuildLinksUnchangedFiles(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, smallProject())
	public := filepath.Join(root, "public")
	mustBuild(t, Options{Source: root, Now: testNow})
	same := filepath.Join(public, "feeds", "anlaesse", "raunaechte.ics")
	changed := filepath.Join(public, "feeds", "anlaesse", "pi-tag.ics")
	sameIno, _ := inode(t, same)
	changedIno, _ := inode(t, changed)

	writeFiles(t, root, map[string]string{
		"occasions/quirky/pi-tag.yaml": occasionFile("pi-tag", "quirky", "Pi-Tag (neu)", "03-14"),
	})
	mustBuild(t, Options{Source: root, Now: testNow})
	if ino, links := inode(t, same); ino != sameIno || links != 1 {
		t.Errorf("unchanged feed: inode %d (was %d), %d links; want the same inode with one link", ino, sameIno, links)
	}
	if ino, _ := inode(t, changed); ino == changedIno {
		t.Error("the changed feed kept its inode: it was not written anew")
	}
	fresh := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Source: root, Now: testNow, Destination: fresh})
	assertSameTree(t, "a rebuild against a build from scratch", snapshot(t, fresh), snapshot(t, public))
}

// Files of the previous output are only reused when they are regular files
// with the same bytes: a file edited by hand is written again, and a
// symbolic link (even to identical bytes) is replaced by a regular file.
func TestRebuildDoesNotTrustThePreviousOutput(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, smallProject())
	public := filepath.Join(root, "public")
	mustBuild(t, Options{Source: root, Now: testNow})
	want := snapshot(t, public)

	edited := filepath.Join(public, "index.html")
	if err := os.WriteFile(edited, []byte("changed by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	feed := filepath.Join(public, "feeds", "all.ics")
	outside := filepath.Join(t.TempDir(), "all.ics")
	data, err := os.ReadFile(feed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outside, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(feed); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, feed); err != nil {
		t.Fatal(err)
	}

	// A link inside the previous output, to a copy with the same bytes.
	inside := filepath.Join(public, "feeds", "mystic.ics")
	data, err = os.ReadFile(inside)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(public, "copy.ics"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(inside); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../copy.ics", inside); err != nil {
		t.Fatal(err)
	}

	mustBuild(t, Options{Source: root, Now: testNow})
	assertSameTree(t, "public/ after rebuilding over edited files", want, snapshot(t, public))
	for _, p := range []string{feed, inside} {
		if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() {
			t.Errorf("%s after the rebuild: %v, %v; want a regular file", p, fi, err)
		}
	}
	if _, links := inode(t, outside); links != 1 {
		t.Errorf("the file outside the project has %d links: the build linked to it", links)
	}
}

// sameBytes compares across its 64 KiB chunks and notices a longer or
// shorter file.
func TestSameBytes(t *testing.T) {
	data := make([]byte, 200<<10)
	for i := range data {
		data[i] = byte(i * 7)
	}
	changed := append([]byte(nil), data...)
	changed[130<<10] ^= 1
	for _, c := range []struct {
		name string
		file []byte
		want bool
	}{
		{"same", data, true},
		{"one byte differs in the third chunk", changed, false},
		{"longer", append(append([]byte(nil), data...), 0), false},
		{"shorter", data[:len(data)-1], false},
		{"empty", nil, false},
	} {
		if got := sameBytes(bytes.NewReader(c.file), data); got != c.want {
			t.Errorf("%s: sameBytes = %v, want %v", c.name, got, c.want)
		}
	}
	if !sameBytes(bytes.NewReader(nil), nil) || sameBytes(bytes.NewReader([]byte("x")), nil) {
		t.Error("empty data: want true for an empty file only")
	}
}
