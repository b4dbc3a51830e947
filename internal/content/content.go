// Package content reads the Markdown idea articles in content/: YAML front
// matter between --- lines, then the Markdown body.
package content

import (
	"bytes"
	"cmp"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/yamlfile"
)

// Dir is the folder of articles, relative to the project root.
const Dir = "content"

// Article is one idea article.
type Article struct {
	Path      string // content/<slug>.md
	Slug      string
	Title     string
	Summary   string
	Date      civil.Date
	Occasions []string
	OccPos    [][2]int // line, column of each entry of Occasions
	Tags      []string // topics: slugs of data/themen.yaml (checked by the project)
	TagPos    [][2]int // line, column of each entry of Tags
	Widget    string   // an interactive piece shown with the article (Widgets); empty for none
	Draft     bool
	Body      []byte // Markdown
	BodyLine  int    // line of the file where Body starts
}

// Words counts the words of the body (for length checks and reading time),
// as strings.Fields would split them, without allocating them.
func (a *Article) Words() int {
	n, inWord := 0, false
	for _, r := range string(a.Body) { // no copy: the compiler ranges over a.Body
		if unicode.IsSpace(r) {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
	}
	return n
}

// Load reads every .md file under root/content. Drafts are returned too; the
// caller decides whether to publish them.
func Load(root string) ([]*Article, diag.List) {
	var l diag.List
	base := filepath.Join(root, Dir)
	if _, err := os.Stat(base); err != nil {
		return nil, nil
	}
	var out []*Article
	// The walk reports every problem as a diagnostic and never stops.
	_ = filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			l.Errorf(rel, 0, 0, "%v", err)
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			l.Errorf(rel, 0, 0, "symbolic link: anlass reads only regular files inside the project")
			return nil
		}
		if d.IsDir() || path.Ext(rel) != ".md" {
			return nil
		}
		data, err := yamlfile.ReadFile(p)
		if err != nil {
			l.Errorf(rel, 0, 0, "%v", err)
			return nil
		}
		if a := Parse(rel, data, &l); a != nil {
			out = append(out, a)
		}
		return nil
	})
	slices.SortFunc(out, func(a, b *Article) int {
		return cmp.Or(strings.Compare(a.Slug, b.Slug), strings.Compare(a.Path, b.Path))
	})
	for i := 1; i < len(out); i++ {
		if out[i].Slug == out[i-1].Slug {
			// Both would be published at /ideen/<slug>/, one over the other.
			l.Errorf(out[i].Path, 1, 1, "duplicate slug %q: %s has the same file name, and an article's URL is its file name", out[i].Slug, out[i-1].Path)
		}
	}
	return out, l
}

// Parse reads one article; problems go to l.
func Parse(rel string, data []byte, l *diag.List) *Article {
	a := &Article{Path: rel, Slug: strings.TrimSuffix(path.Base(rel), ".md")}
	if !yamlfile.IsSlug(a.Slug) {
		l.Errorf(rel, 0, 0, "file name %q is not a slug: use lower-case ASCII letters, digits and hyphens (it becomes the URL)", path.Base(rel))
	}
	doc := parseDocument(rel, data, "title:, summary:, date:,", l)
	if doc == nil {
		return nil
	}
	a.Body, a.BodyLine = doc.body, doc.bodyLine
	m := yamlfile.NewMap(rel, doc.front, l, "front matter", frontMatterKeys...)
	a.Title, _ = m.String("title", true)
	a.Summary, _ = m.String("summary", true)
	a.Summary = strings.TrimSpace(a.Summary)
	if s, dn := m.String("date", true); s != "" {
		d, err := civil.Parse(s)
		if err != nil {
			m.Errorf(dn, "date: %v", err)
		}
		a.Date = d
	}
	var on []*yaml.Node
	a.Occasions, on = m.Strings("occasions", false)
	for _, n := range on {
		a.OccPos = append(a.OccPos, [2]int{n.Line, yamlfile.ValueColumn(n)})
	}
	var tn []*yaml.Node
	a.Tags, tn = m.Slugs("tags", "tag", m.Warnf)
	for _, n := range tn {
		a.TagPos = append(a.TagPos, [2]int{n.Line, yamlfile.ValueColumn(n)})
	}
	if w, wn := m.String("widget", false); wn != nil && w != "" {
		if slices.Contains(Widgets, w) {
			a.Widget = w
		} else {
			m.Errorf(wn, "unknown widget %q: expected one of %s", w, strings.Join(Widgets, ", "))
		}
	}
	a.Draft, _ = m.Bool("draft")
	return a
}

// document is a Markdown file split into its front matter and body.
type document struct {
	front    *yaml.Node // the front matter, positions as in the file
	body     []byte     // Markdown, with LF line ends
	bodyLine int        // the line of the file where body starts
}

// parseDocument splits a Markdown file with YAML front matter between ---
// lines; need names the keys the front matter must have, for messages.
func parseDocument(rel string, data []byte, need string, l *diag.List) *document {
	if !utf8.Valid(data) {
		// The front matter is checked by yamlfile.Parse, but the body is not.
		line, col := yamlfile.InvalidUTF8(data)
		l.Errorf(rel, line, col, "file is not valid UTF-8: save it as UTF-8")
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(data, []byte("---\n")) {
		l.Errorf(rel, 1, 1, "missing front matter: start the file with a line --- , then %s then ---", need)
		return nil
	}
	rest := data[4:]
	if bytes.HasPrefix(rest, []byte("---\n")) || bytes.Equal(rest, []byte("---")) {
		l.Errorf(rel, 2, 1, "front matter is empty: give at least %s", strings.TrimSuffix(need, ","))
		return nil
	}
	end := bytes.Index(rest, []byte("\n---\n"))
	if end < 0 {
		if bytes.HasSuffix(rest, []byte("\n---")) {
			end = len(rest) - 4
		} else {
			l.Errorf(rel, 1, 1, "front matter is not closed: add a line --- after it")
			return nil
		}
	}
	fm := rest[:end+1]
	doc := &document{bodyLine: bytes.Count(fm, []byte("\n")) + 3}
	if end+5 <= len(rest) {
		doc.body = rest[end+5:]
	}
	// Parse the front matter with positions shifted by the opening --- line.
	var fl diag.List
	n := yamlfile.Parse(rel, fm, &fl)
	for _, d := range fl {
		if d.Line > 0 {
			d.Line++
		}
		*l = append(*l, d)
	}
	if n == nil {
		return nil
	}
	shift(n)
	doc.front = n
	return doc
}

// shift moves node positions one line down, past the opening --- line.
func shift(n *yaml.Node) {
	n.Line++
	for _, c := range n.Content {
		shift(c)
	}
}
