package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/anlass/anlass/internal/yamlfile"
)

// pageTemplates are the page files; each is parsed together with base.html
// and partials.html into its own template set.
var pageTemplates = []string{
	"home", "occasion", "occasions", "category", "article", "articles",
	"tags", "tag", "planner", "subscribe", "search", "data", "404",
	"regions", "region", // internal/site/regions.go
	"page",            // standalone pages: Impressum, Datenschutz
	"groups", "group", // target groups
	"finder", "merkliste", // internal/site/finder.go
	"kundenkalender", // internal/site/kunden.go
}

// templates are parsed once per build and shared by all workers.
type templates struct {
	fs     fs.FS
	pages  map[string]*template.Template
	chrome *template.Template // base.html and partials.html: "header", "footer"
	assets []asset
	// logo and customCSS name the assets of brand.logo and of the project's
	// static/custom.css; empty when there is none.
	logo, customCSS string
}

// asset is a file copied from static/ to /assets/.
type asset struct {
	name string // "style.css"
	data []byte
	href string // site path with a content hash: "/assets/style.css?v=1a2b3c4d5e"
}

// assetDir is where static/ is published.
const assetDir = "/assets/"

func loadTemplates(tfs fs.FS) (*templates, error) {
	t := &templates{fs: tfs, pages: map[string]*template.Template{}}
	root, err := template.New("").Funcs(funcs).ParseFS(tfs, "base.html", "partials.html")
	if err != nil {
		return nil, t.explain(err)
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
			return nil, t.explain(err)
		}
		if c.Lookup("main") == nil {
			return nil, fmt.Errorf("templates: %s.html must define \"main\"", name)
		}
		t.pages[name] = c
	}
	// static/ and its folders (vendor/ holds third-party scripts), in
	// lexical order.
	err = fs.WalkDir(tfs, "static", func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p != "static" && strings.HasPrefix(e.Name(), "."):
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		case e.IsDir():
			return nil
		}
		data, err := fs.ReadFile(tfs, p)
		if err != nil {
			return err
		}
		t.addAsset(strings.TrimPrefix(p, "static/"), data)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	if fromProject(tfs, "static/custom.css") {
		t.customCSS = "custom.css"
	}
	for _, need := range []string{"style.css", "site.js"} {
		if !slices.ContainsFunc(t.assets, func(a asset) bool { return a.name == need }) {
			return nil, fmt.Errorf("templates: static/%s is missing", need)
		}
	}
	return t, nil
}

// addAsset publishes data at /assets/<name>, linked with a content hash so
// that browsers fetch it again only when it changed.
func (t *templates) addAsset(name string, data []byte) {
	sum := sha256.Sum256(data)
	t.assets = append(t.assets, asset{name: name, data: data, href: assetDir + name + "?v=" + hex.EncodeToString(sum[:5])})
}

// addLogo publishes the brand's logo (a file of the project, checked by the
// configuration) as an asset.
func (t *templates) addLogo(root, rel string) error {
	data, err := yamlfile.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return fmt.Errorf("brand.logo: %w", err)
	}
	t.logo = "logo" + strings.ToLower(path.Ext(rel))
	t.addAsset(t.logo, data)
	return nil
}

func (t *templates) asset(name string) string {
	for _, a := range t.assets {
		if a.name == name {
			return a.href
		}
	}
	return assetDir + name
}

// templateAt finds "template: occasion.html:73:87:" (or ":73:") in an
// html/template error.
var templateAt = regexp.MustCompile(`template: ([A-Za-z0-9_.-]+\.html):(\d+)(:\d+)?:`)

// explain rewrites an html/template error so that it names the file a
// contributor must open: "templates/occasion.html:73:87: …" for the
// project's own file, "built-in occasion.html:73:87: …" for anlass's copy.
func (t *templates) explain(err error) error {
	msg := err.Error()
	m := templateAt.FindStringSubmatchIndex(msg)
	if m == nil {
		return fmt.Errorf("templates: %w", err)
	}
	name, line, col := msg[m[2]:m[3]], msg[m[4]:m[5]], ""
	if m[6] >= 0 {
		col = msg[m[6]:m[7]]
	}
	return fmt.Errorf("%s:%s%s: %s", origin(t.fs, name), line, col, strings.TrimSpace(msg[m[1]:]))
}
