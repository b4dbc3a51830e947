package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/clock"
	"github.com/anlass/anlass/internal/parallel"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/schedule"
	builtin "github.com/anlass/anlass/templates"
)

// fixtureToday is the fixed "today" of the fixture site.
var fixtureToday = civil.Of(2026, time.March, 1)

// loadInput loads a project and computes its window the way internal/build
// does: feed window around today, drafts removed.
func loadInput(t testing.TB, root string, today civil.Date, baseURL string) Input {
	t.Helper()
	p, l := project.Load(root)
	if l.HasErrors() {
		t.Fatalf("project %s has errors:\n%v", root, l)
	}
	if baseURL != "" {
		if err := p.Config.SetBaseURL(baseURL); err != nil {
			t.Fatal(err)
		}
	}
	from, to := schedule.FeedWindow(today, p.Config.YearsBefore, p.Config.YearsAfter)
	w, err := schedule.Compute(p.Engine, from, to, today)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*content.Article
	for _, a := range p.Articles {
		if !a.Draft {
			arts = append(arts, a)
		}
	}
	var pages []*content.Page
	for _, pg := range p.Pages {
		if !pg.Draft {
			pages = append(pages, pg)
		}
	}
	return Input{
		Pages:     pages,
		Project:   p,
		Window:    w,
		Clock:     clock.Clock{Stamp: today.Time(), Today: today, Fixed: true},
		Articles:  arts,
		Templates: templatesFS(),
	}
}

// templatesFS is the repository's templates folder, so tests see edits
// without a rebuild of the embedded copy.
func templatesFS() fs.FS {
	if _, err := os.Stat("../../templates/base.html"); err == nil {
		return os.DirFS("../../templates")
	}
	return builtin.FS
}

func fixture(t testing.TB) Input {
	return loadInput(t, "testdata/fixture", fixtureToday, "")
}

// stats counts what renderTo wrote.
type stats struct{ Pages, Files int }

// renderTo renders every file of in, on all CPUs as a build does, into a
// new temporary directory.
func renderTo(t testing.TB, in Input) (string, stats) {
	t.Helper()
	dir := t.TempDir()
	files, err := Files(in)
	if err != nil {
		t.Fatalf("Files: %v", err)
	}
	err = parallel.Each(len(files), func(i int) error {
		data, err := files[i].Render()
		if err != nil {
			return err
		}
		name := filepath.Join(dir, filepath.FromSlash(files[i].Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		return os.WriteFile(name, data, 0o644)
	})
	if err != nil {
		t.Fatalf("rendering: %v", err)
	}
	var st stats
	for _, f := range files {
		st.Files++
		if f.Page {
			st.Pages++
		}
	}
	return dir, st
}

// readTree returns every file below dir by slash path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
