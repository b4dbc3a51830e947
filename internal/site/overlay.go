package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	builtin "github.com/anlass/anlass/templates"
)

// overlay is the templates a project sees: its own templates/ folder over
// the copy built into anlass, so that a project keeps just the files it
// changes (the lookup Hugo users know from themes).
type overlay struct {
	project fs.FS // nil: none
	builtin fs.FS
}

// defaultTemplates returns the templates of the project at root.
func defaultTemplates(root string) fs.FS {
	dir := filepath.Join(root, "templates")
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return overlay{project: os.DirFS(dir), builtin: builtin.FS}
	}
	return builtin.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	if o.project != nil {
		f, err := o.project.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return o.builtin.Open(name)
}

// ReadDir merges the folder from both layers; the project's entry wins.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	var out []fs.DirEntry
	seen := map[string]bool{}
	found := false
	for _, layer := range []fs.FS{o.project, o.builtin} {
		if layer == nil {
			continue
		}
		entries, err := fs.ReadDir(layer, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// origin says where a template file comes from, for messages:
// "templates/base.html" when the project has it, else "built-in base.html".
func origin(tfs fs.FS, name string) string {
	if o, ok := tfs.(overlay); ok && o.project != nil {
		if _, err := fs.Stat(o.project, name); err == nil {
			return "templates/" + name
		}
	}
	return "built-in " + name
}

// fromProject reports whether the project itself has the file name.
func fromProject(tfs fs.FS, name string) bool {
	o, ok := tfs.(overlay)
	if !ok || o.project == nil {
		return false
	}
	_, err := fs.Stat(o.project, name)
	return err == nil
}
