package site

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// Headers and footers are rendered once per variant (folder depth, section,
// top-level page), and each page still gets the navigation state it would
// get from its own rendering.
func TestChromeIsSharedButPerPage(t *testing.T) {
	in := fixture(t)
	real, err := newSite(loadInput(t, "../..", fixtureToday, ""))
	if err != nil {
		t.Fatal(err)
	}
	realPages := 0
	for _, o := range real.outputs() {
		if _, err := o.render(); err != nil {
			t.Fatal(err)
		}
		if o.page {
			realPages++
		}
	}
	if n := real.chromes.len(); n == 0 || n > 60 || realPages < 300 {
		t.Errorf("%d header and footer variants for the %d pages of the real content: not shared", n, realPages)
	}
	// Each occasion's row is rendered once for all the pages two folders
	// deep that list it (its category, its tags, articles about it).
	rows := 0
	for k := range real.items.m {
		if k.name == "row" {
			rows++
		}
	}
	if occs := len(real.index.occs); rows == 0 || rows > occs {
		t.Errorf("%d rendered rows for %d occasions", rows, occs)
	}
	s, err := newSite(in)
	if err != nil {
		t.Fatal(err)
	}
	outs := s.outputs()
	pages := map[string]string{}
	for _, o := range outs {
		data, err := o.render()
		if err != nil {
			t.Fatal(err)
		}
		if o.page {
			pages[o.path] = string(data)
		}
	}
	for path, want := range map[string]string{
		"/":                   `<a class="brand" href="./" aria-current="page">`,
		"/anlaesse/":          `<li><a href="../anlaesse/" class="active" aria-current="page">Anlässe</a></li>`,
		"/anlaesse/pi-tag/":   `<li><a href="../../anlaesse/" class="active">Anlässe</a></li>`,
		"/ideen/":             `<li><a href="../ideen/" class="active" aria-current="page">Ideen</a></li>`,
		"/themen/it/":         `<li><a href="../../anlaesse/">Anlässe</a></li>`,
		"/abonnieren/":        `class="active" aria-current="page">Abonnieren</a>`,
		"/404.html":           `<a class="brand" href="/"`,
		"/kategorien/quirky/": `<li><a class="dot cat-quirky" href="../../kategorien/quirky/">`,
	} {
		page, ok := pages[path]
		if !ok {
			t.Errorf("no page %s", path)
			continue
		}
		if !strings.Contains(page, want) {
			t.Errorf("%s lacks %s", path, want)
		}
	}
	if strings.Contains(pages["/anlaesse/pi-tag/"], `aria-current="page">Anlässe`) {
		t.Error("an occasion page marks the A–Z index as the current page")
	}
}

// A header that uses something only a Page has is an error at build time,
// not a header silently shared between pages that differ.
func TestChromeGetsOnlyChrome(t *testing.T) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(templatesFS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templatesFS(), name)
		fsys[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	base := string(fsys["base.html"].Data)
	fsys["base.html"] = &fstest.MapFile{Data: []byte(strings.Replace(base, `<span class="brand-name">{{.Site.Title}}</span>`, `<span class="brand-name">{{.Title}}</span>`, 1))}
	in := fixture(t)
	in.Templates = fsys
	files, err := Files(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !f.Page {
			continue
		}
		_, err := f.Render()
		if err == nil || !strings.Contains(err.Error(), "Title") {
			t.Fatalf("%s: header using .Title rendered with err = %v, want an error naming Title", f.Path, err)
		}
		return
	}
}
