package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	builtin "github.com/anlass/anlass/templates"
)

// pageTemplates are the page files; each is parsed together with base.html
// and partials.html into its own template set.
var pageTemplates = []string{
	"home", "occasion", "occasions", "category", "article", "articles",
	"tags", "tag", "planner", "subscribe", "search", "data", "404",
	"regions", "region", // internal/site/regions.go
}

// templates are parsed once per build and shared by all workers.
type templates struct {
	pages  map[string]*template.Template
	chrome *template.Template // base.html and partials.html: "header", "footer"
	assets []asset
}

// asset is a file copied from static/ to /assets/.
type asset struct {
	name string // "style.css"
	data []byte
	href string // site path with a content hash: "/assets/style.css?v=1a2b3c4d5e"
}

// assetDir is where static/ is published.
const assetDir = "/assets/"

func defaultTemplates(root string) fs.FS {
	dir := filepath.Join(root, "templates")
	if _, err := os.Stat(filepath.Join(dir, "base.html")); err == nil {
		return os.DirFS(dir)
	}
	return builtin.FS
}

func loadTemplates(tfs fs.FS) (*templates, error) {
	t := &templates{pages: map[string]*template.Template{}}
	root, err := template.New("").Funcs(funcs).ParseFS(tfs, "base.html", "partials.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	for _, need := range []string{"base", "header", "footer"} {
		if root.Lookup(need) == nil {
			return nil, fmt.Errorf("templates: base.html must define %q", need)
		}
	}
	if t.chrome, err = root.Clone(); err != nil {
		return nil, err
	}
	for _, name := range pageTemplates {
		c, err := root.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := c.ParseFS(tfs, name+".html"); err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		if c.Lookup("main") == nil {
			return nil, fmt.Errorf("templates: %s.html must define \"main\"", name)
		}
		t.pages[name] = c
	}
	entries, err := fs.ReadDir(tfs, "static")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	for _, e := range entries { // ReadDir sorts by name
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := fs.ReadFile(tfs, path.Join("static", e.Name()))
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		t.assets = append(t.assets, asset{
			name: e.Name(),
			data: data,
			href: assetDir + e.Name() + "?v=" + hex.EncodeToString(sum[:5]),
		})
	}
	for _, need := range []string{"style.css", "site.js"} {
		if !slices.ContainsFunc(t.assets, func(a asset) bool { return a.name == need }) {
			return nil, fmt.Errorf("templates: static/%s is missing", need)
		}
	}
	return t, nil
}

func (t *templates) asset(name string) string {
	for _, a := range t.assets {
		if a.name == name {
			return a.href
		}
	}
	return assetDir + name
}
