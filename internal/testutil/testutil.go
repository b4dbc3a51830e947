// Package testutil holds small helpers shared by tests of several packages.
package testutil

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/clock"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/schedule"
)

// CopyDir copies a fixture tree (folders and regular files) from src to dst.
func CopyDir(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Window loads the project at root, fails the test on any error, and
// computes its feed window around today (YYYY-MM-DD), as a build does.
func Window(t testing.TB, root, today string) (*project.Project, clock.Clock, *schedule.Window) {
	t.Helper()
	p, l := project.Load(root)
	if l.HasErrors() {
		t.Fatalf("%s has errors:\n%v", root, l.Err())
	}
	day, err := civil.Parse(today)
	if err != nil {
		t.Fatal(err)
	}
	clk := clock.At(day)
	from, to := schedule.FeedWindow(clk.Today, p.Config.YearsBefore, p.Config.YearsAfter)
	w, err := schedule.Compute(p.Engine, from, to, clk.Today)
	if err != nil {
		t.Fatal(err)
	}
	return p, clk, w
}

// CheckDiagnostics fails t when a diagnostic for the file rel (whose bytes
// are data) names another file, has no message, or points outside the file
// (an end-of-file error may point at the line after the last).
func CheckDiagnostics(t testing.TB, rel string, data []byte, l diag.List) {
	t.Helper()
	lines := Lines(data)
	for _, d := range l {
		if d.Path != rel {
			t.Errorf("diagnostic for %q, want %q: %v", d.Path, rel, d)
		}
		if d.Line < 0 || d.Line > lines+1 || d.Col < 0 {
			t.Errorf("position %d:%d outside the file's %d lines: %v", d.Line, d.Col, lines, d)
		}
		if d.Msg == "" {
			t.Errorf("empty message at %d:%d", d.Line, d.Col)
		}
	}
}

// Lines counts the lines of data as YAML (and editors) do: CRLF, a lone CR
// and LF each end a line.
func Lines(data []byte) int {
	n := 1
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			n++
		case '\r':
			n++
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
		}
	}
	return n
}

// Project writes the files of a txtar archive (-- path -- sections, slash
// paths) into a new temporary folder and returns the folder: a test's whole
// input, visible in the test, the way Hugo's integration tests read.
func Project(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	Write(t, dir, archive)
	return dir
}

// Write writes the files of a txtar archive below dir, replacing files of
// the same name: for a test that changes a project between two steps.
func Write(t testing.TB, dir, archive string) {
	t.Helper()
	a := txtar.Parse([]byte(archive))
	if len(a.Files) == 0 {
		t.Fatal("testutil.Write: the archive has no files (-- name -- lines)")
	}
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// WriteFile writes one file, making its folder, and fails the test when
// that does not work.
func WriteFile(t testing.TB, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
