//go:build unix

package build

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
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

// A rebuild touches only what changed: an unchanged file keeps its inode
// and modification time, the folder of an unchanged page is neither made
// nor removed, a changed file is written anew. The tree is the same as a
// build from scratch, and no staging folder is left.
func TestRebuildTouchesOnlyWhatChanged(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, smallProject())
	public := filepath.Join(root, "public")
	mustBuild(t, Options{Source: root, Now: testNow})
	same := filepath.Join(public, "feeds", "anlaesse", "raunaechte.ics")
	changed := filepath.Join(public, "feeds", "anlaesse", "pi-tag.ics")
	sameDir := filepath.Join(public, "anlaesse", "raunaechte")
	sameIno, _ := inode(t, same)
	sameDirIno, _ := inode(t, sameDir)
	changedIno, _ := inode(t, changed)
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(same, old, old); err != nil {
		t.Fatal(err)
	}

	writeFiles(t, root, map[string]string{
		"occasions/quirky/pi-tag.yaml": occasionFile("pi-tag", "quirky", "Pi-Tag (neu)", "03-14"),
	})
	mustBuild(t, Options{Source: root, Now: testNow})
	if ino, links := inode(t, same); ino != sameIno || links != 1 {
		t.Errorf("unchanged feed: inode %d (was %d), %d links; want the same inode with one link", ino, sameIno, links)
	}
	if fi, err := os.Stat(same); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("unchanged feed: modified %v, want %v kept (%v)", fi.ModTime(), old, err)
	}
	if ino, _ := inode(t, sameDir); ino != sameDirIno {
		t.Error("the folder of an unchanged page was made anew")
	}
	if ino, _ := inode(t, changed); ino == changedIno {
		t.Error("the changed feed kept its inode: it was not written anew")
	}
	fresh := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Source: root, Now: testNow, Destination: fresh})
	assertSameTree(t, "a rebuild against a build from scratch", snapshot(t, fresh), snapshot(t, public))
	if left, _ := filepath.Glob(filepath.Join(public, ".anlass-tmp-*")); len(left) > 0 {
		t.Errorf("staging folders left in the output: %v", left)
	}
}

// Files of the previous output are only kept when they are regular files
// with the same bytes, reached through real folders: a file edited by hand
// is written again, a file whose mode changed gets 0644 back, a symbolic
// link (even to identical bytes, even of a whole folder) is replaced by
// what a fresh build writes, and nothing outside the output is touched.
// A file where a folder belongs, a folder where a file belongs and a
// staging folder left by a crashed build are put right too.
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

	// A folder replaced by a link to a copy outside, with the same files.
	outsideDir := filepath.Join(t.TempDir(), "kategorien")
	if err := os.Rename(filepath.Join(public, "kategorien"), outsideDir); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outsideDir, filepath.Join(public, "kategorien")); err != nil {
		t.Fatal(err)
	}
	outsideBefore := snapshot(t, outsideDir)
	// A file where a folder belongs, a folder where a file belongs, a
	// changed mode, a staging folder of a crashed build.
	for _, p := range []string{"ideen", "404.html"} {
		if err := os.RemoveAll(filepath.Join(public, p)); err != nil {
			t.Fatal(err)
		}
	}
	writeFiles(t, public, map[string]string{
		"ideen":                          "a file",
		"404.html/index.html":            "a folder",
		".anlass-tmp-0123456789ab/3":     "left by a crashed build",
		".anlass-tmp-0123456789ab/x/y/z": "left by a crashed build",
	})
	if err := os.Chmod(filepath.Join(public, "sitemap.xml"), 0o600); err != nil {
		t.Fatal(err)
	}

	mustBuild(t, Options{Source: root, Now: testNow})
	assertSameTree(t, "public/ after rebuilding over edited files", want, snapshot(t, public))
	assertSameTree(t, "the folder outside the output", outsideBefore, snapshot(t, outsideDir))
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
