// Package scaffold writes ready-to-fill files for `anlass new`: an occasion
// (occasions/<category>/<id>.yaml) or an idea article (content/<slug>.md),
// each with every field explained in a comment. Required values are left
// empty, so `anlass check` points at each one until it is filled in.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"go.yaml.in/yaml/v3"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/yamlfile"
)

//go:embed templates/*.tmpl
var files embed.FS

var tmpl = template.Must(template.ParseFS(files, "templates/*.tmpl"))

// ErrExists is returned when the file to create is already there.
var ErrExists = errors.New("already exists")

// UsageError is a problem with what the user asked for (a bad id or
// category); the command reports it with exit code 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error { return &UsageError{fmt.Sprintf(format, args...)} }

// Occasion is what `anlass new occasion` fills in.
type Occasion struct {
	ID       string
	Category string
	Name     string // German name; empty leaves the field to fill in
}

// Idea is what `anlass new idea` fills in.
type Idea struct {
	Slug  string
	Title string     // empty leaves the field to fill in
	Date  civil.Date // first publication
}

// Page is what `anlass new page` fills in: a standalone page such as the
// Impressum. For impressum and datenschutz the file starts with a text to
// check and complete; any other slug gets an empty page.
type Page struct {
	Slug  string
	Title string // empty leaves the field to fill in
}

// PagePath is the file of a standalone page, relative to the project root.
func PagePath(slug string) string { return path.Join(content.PagesDir, slug+".md") }

// Render returns the text of a new page.
func (p Page) Render() ([]byte, error) {
	if err := checkSlug("slug", p.Slug); err != nil {
		return nil, err
	}
	if slices.Contains(content.Reserved, p.Slug) {
		return nil, usagef("the site uses /%s/ itself: choose another slug", p.Slug)
	}
	title, err := yamlScalar("title", p.Title)
	if err != nil {
		return nil, err
	}
	name := "page.md.tmpl"
	if p.Slug == "impressum" || p.Slug == "datenschutz" {
		name = p.Slug + ".md.tmpl"
	}
	var b bytes.Buffer
	err = tmpl.ExecuteTemplate(&b, name, map[string]string{"Slug": p.Slug, "Title": title})
	return b.Bytes(), err
}

// Create writes a new page below root and returns its path relative to root.
func (p Page) Create(root string) (string, error) {
	data, err := p.Render()
	if err != nil {
		return "", err
	}
	rel := PagePath(p.Slug)
	if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel))); err == nil {
		return "", fmt.Errorf("%s %w: not overwriting it", rel, ErrExists)
	}
	return rel, writeNew(root, rel, data)
}

// OccasionPath is the file of an occasion, relative to the project root.
func OccasionPath(category, id string) string {
	return path.Join(occasion.OccasionsDir, category, id+".yaml")
}

// IdeaPath is the file of an article, relative to the project root.
func IdeaPath(slug string) string { return path.Join(content.Dir, slug+".md") }

// Render returns the text of a new occasion file.
func (o Occasion) Render() ([]byte, error) {
	if err := o.validate(); err != nil {
		return nil, err
	}
	name, err := yamlScalar("name", o.Name)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = tmpl.ExecuteTemplate(&b, "occasion.yaml.tmpl", map[string]string{"ID": o.ID, "Category": o.Category, "Name": name})
	return b.Bytes(), err
}

// Render returns the text of a new article.
func (a Idea) Render() ([]byte, error) {
	if err := checkSlug("slug", a.Slug); err != nil {
		return nil, err
	}
	title, err := yamlScalar("title", a.Title)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = tmpl.ExecuteTemplate(&b, "idea.md.tmpl", map[string]string{"Slug": a.Slug, "Title": title, "Date": a.Date.String()})
	return b.Bytes(), err
}

func (o Occasion) validate() error {
	if err := checkSlug("id", o.ID); err != nil {
		return err
	}
	if o.Category == "" {
		return usagef("the category is missing: add --category %s", categoryList(" | "))
	}
	if !occasion.Category(o.Category).Valid() {
		return usagef("unknown category %q: expected %s", o.Category, categoryList(", "))
	}
	return nil
}

// Create writes a new occasion below root and returns its path relative to
// root. It refuses to overwrite a file, and refuses an id that another
// occasion or holiday already has (in any category).
func (o Occasion) Create(root string) (string, error) {
	data, err := o.Render()
	if err != nil {
		return "", err
	}
	rel := OccasionPath(o.Category, o.ID)
	if other := findStem(root, o.ID, ".yaml", ".yml"); other != "" {
		if other == rel {
			return "", fmt.Errorf("%s %w: not overwriting it", rel, ErrExists)
		}
		return "", fmt.Errorf("the id %q is taken: %s %w", o.ID, other, ErrExists)
	}
	return rel, writeNew(root, rel, data)
}

// Create writes a new article below root and returns its path relative to root.
func (a Idea) Create(root string) (string, error) {
	data, err := a.Render()
	if err != nil {
		return "", err
	}
	rel := IdeaPath(a.Slug)
	if other := findStemIn(root, content.Dir, a.Slug, ".md"); other != "" {
		return "", fmt.Errorf("%s %w: not overwriting it", other, ErrExists)
	}
	return rel, writeNew(root, rel, data)
}

// writeNew creates root/rel exclusively: an existing file is never touched,
// not even when it appears between the checks and the write.
func writeNew(root, rel string, data []byte) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s %w: not overwriting it", rel, ErrExists)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		// Leave no half-written file behind.
		return errors.Join(err, f.Close(), os.Remove(p))
	}
	return f.Close()
}

// findStem returns the first file named stem+ext under occasions/ or holidays/.
func findStem(root, stem string, exts ...string) string {
	for _, dir := range []string{occasion.OccasionsDir, occasion.HolidaysDir} {
		if p := findStemIn(root, dir, stem, exts...); p != "" {
			return p
		}
	}
	return ""
}

func findStemIn(root, dir, stem string, exts ...string) string {
	found := ""
	// Unreadable folders are skipped: this only looks for a name taken.
	_ = filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
		if err != nil || found != "" {
			return nil
		}
		for _, ext := range exts {
			if !d.IsDir() && d.Name() == stem+ext {
				rel, _ := filepath.Rel(root, p)
				found = filepath.ToSlash(rel)
				return filepath.SkipAll
			}
		}
		return nil
	})
	return found
}

func checkSlug(what, s string) error {
	if yamlfile.IsSlug(s) {
		return nil
	}
	msg := fmt.Sprintf("%s %q is not a slug: use lower-case ASCII letters, digits and single hyphens", what, s)
	if sug := Slugify(s); sug != "" && sug != s {
		msg += fmt.Sprintf(" (did you mean %s?)", sug)
	}
	return &UsageError{msg}
}

// Slugify turns a name into the slug the loader accepts: "Tag des Lächelns"
// → "tag-des-laechelns".
func Slugify(s string) string {
	repl := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "ae", "Ö", "oe", "Ü", "ue", "ß", "ss", "ẞ", "ss")
	s = strings.ToLower(repl.Replace(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// yamlScalar renders s as a one-line YAML value, quoted where YAML needs it.
func yamlScalar(what, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if strings.ContainsAny(s, "\r\n") {
		return "", usagef("the %s must be one line", what)
	}
	out, err := yaml.Marshal(s)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(string(out), "\n"), nil
}

func categoryList(sep string) string {
	var names []string
	for _, c := range occasion.Categories {
		names = append(names, string(c))
	}
	return strings.Join(names, sep)
}
