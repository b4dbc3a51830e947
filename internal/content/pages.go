package content

import (
	"cmp"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/yamlfile"
)

// PagesDir is the folder of standalone pages (Impressum, Datenschutz, …),
// relative to the project root: outside content/, which holds articles.
const PagesDir = "pages"

// pageKeys are the keys a page's front matter may have.
var pageKeys = []string{"title", "description", "draft"}

// PageKeys returns the keys the loader accepts in a page's front matter.
func PageKeys() []string { return slices.Clone(pageKeys) }

// Reserved are the first path segments the site uses itself: a page named
// like one would replace a part of the site.
var Reserved = []string{"anlaesse", "ideen", "themen", "kategorien", "planer", "regionen", "abonnieren", "suche",
	"daten", "feeds", "assets", "finder", "merkliste", "kundenkalender", "zielgruppen", "404"}

// Page is a standalone page such as the Impressum: published at /<slug>/.
type Page struct {
	Path        string // pages/<slug>.md
	Slug        string
	Title       string
	Description string
	Draft       bool
	Body        []byte // Markdown
	BodyLine    int
}

// LoadPages reads every .md file in root/pages (not below it). A project
// without the folder has no pages.
func LoadPages(root string) ([]*Page, diag.List) {
	var l diag.List
	entries, err := os.ReadDir(filepath.Join(root, PagesDir))
	if err != nil {
		if !os.IsNotExist(err) {
			l.Errorf(PagesDir, 0, 0, "cannot read the folder: %v", err)
		}
		return nil, l
	}
	var out []*Page
	for _, e := range entries {
		rel := PagesDir + "/" + e.Name()
		switch {
		case path.Ext(e.Name()) != ".md" || strings.HasPrefix(e.Name(), "."):
			continue
		case e.Type()&fs.ModeSymlink != 0:
			l.Errorf(rel, 0, 0, "symbolic link: anlass reads only regular files inside the project")
			continue
		case e.IsDir():
			continue
		}
		data, err := yamlfile.ReadFile(filepath.Join(root, PagesDir, e.Name()))
		if err != nil {
			l.Errorf(rel, 0, 0, "%v", err)
			continue
		}
		if p := ParsePage(rel, data, &l); p != nil {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b *Page) int { return cmp.Compare(a.Slug, b.Slug) })
	return out, l
}

// ParsePage reads one page; problems go to l.
func ParsePage(rel string, data []byte, l *diag.List) *Page {
	p := &Page{Path: rel, Slug: strings.TrimSuffix(path.Base(rel), ".md")}
	switch {
	case !yamlfile.IsSlug(p.Slug):
		l.Errorf(rel, 0, 0, "file name %q is not a slug: use lower-case ASCII letters, digits and hyphens (it becomes the URL)", path.Base(rel))
	case slices.Contains(Reserved, p.Slug):
		l.Errorf(rel, 0, 0, "the site uses /%s/ itself: rename the file", p.Slug)
	}
	doc := parseDocument(rel, data, "title:, description:,", l)
	if doc == nil {
		return nil
	}
	p.Body, p.BodyLine = doc.body, doc.bodyLine
	m := yamlfile.NewMap(rel, doc.front, l, "front matter", pageKeys...)
	p.Title, _ = m.String("title", true)
	p.Description, _ = m.String("description", true)
	p.Description = strings.TrimSpace(p.Description)
	p.Draft, _ = m.Bool("draft")
	return p
}

// Find returns the page with slug, or nil.
func Find(pages []*Page, slug string) *Page {
	for _, p := range pages {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}
