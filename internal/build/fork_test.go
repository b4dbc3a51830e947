package build

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/testutil"
	builtin "github.com/anlass/anlass/templates"
)

// A small project as a company's fork would start: one occasion, one
// article, an Impressum and a privacy page.
const forkBase = `
-- anlass.yaml --
title: Firmenanlässe
base_url: https://anlaesse.example.org/
uid_domain: anlaesse.example.org
feeds: {years_before: 0, years_after: 1}
-- occasions/quirky/pi-tag.yaml --
id: pi-tag
name: {de: Pi-Tag}
category: quirky
date: 03-14
summary: Ein Anlass für die Tests eines eigenen Auftritts, mit genug Text für die Mindestlänge der Zusammenfassung.
ideas:
  - {kind: gift, title: Eine Karte, text: Eine handgeschriebene Karte.}
  - {kind: contact, title: Ein Anruf, text: Ein kurzer Anruf ohne Verkaufsabsicht.}
lead_time: 1w
sources: [{url: "https://example.org/quelle", title: Quelle}]
-- content/runde-sache.md --
---
title: Eine runde Sache
summary: Eine kurze Zusammenfassung für Listen und Suche.
date: 2026-01-15
occasions: [pi-tag]
---

Ein Absatz.
-- pages/impressum.md --
---
title: Impressum
description: Wer diese Website betreibt.
---

Firma GmbH, Musterstraße 1, 12345 Musterstadt.
-- pages/datenschutz.md --
---
title: Datenschutz
description: Was diese Website mit Daten tut.
---

Keine Cookies.
`

// A fork changes only what it must: with one template of its own
// (base.html), a custom.css and brand settings in anlass.yaml, it builds
// with everything else from the built-in set, and its pages differ from the
// default ones only where those changes show.
func TestForkChangesOnlyWhatItMust(t *testing.T) {
	plain := testutil.Project(t, forkBase)
	fork := testutil.Project(t, forkBase)
	base, err := fs.ReadFile(builtin.FS, "base.html")
	if err != nil {
		t.Fatal(err)
	}
	const marker = `<meta name="author" content="Firma GmbH">`
	changed := strings.Replace(string(base), `<meta charset="utf-8">`, `<meta charset="utf-8">`+"\n"+marker, 1)
	if changed == string(base) {
		t.Fatal("base.html has no charset line to change")
	}
	testutil.Write(t, fork, fmt.Sprintf(`
-- anlass.yaml --
title: Firmenanlässe
base_url: https://anlaesse.example.org/
uid_domain: anlaesse.example.org
feeds: {years_before: 0, years_after: 1}
repo_url: https://github.com/firma/anlaesse
brand:
  accent: "#8a1c2b"
  footer: Ein Angebot der Firma GmbH
-- templates/static/custom.css --
.site-header { border-bottom: 3px solid var(--accent); }
-- templates/base.html --
%s`, changed))

	out := func(root string) map[string]string {
		dest := filepath.Join(t.TempDir(), "public")
		mustBuild(t, Options{Source: root, Destination: dest, Now: testNow})
		files := map[string]string{}
		err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(dest, p)
			files[filepath.ToSlash(rel)] = string(data)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	a, b := out(plain), out(fork)

	// What may differ, line by line, on a page of the fork.
	allowed := []*regexp.Regexp{
		regexp.MustCompile(`^` + regexp.QuoteMeta(marker) + `$`),
		regexp.MustCompile(`^<link rel="stylesheet" href="[./]*assets/custom\.css\?v=[0-9a-f]+">$`),
		regexp.MustCompile(`^<style>:root\{--accent:#8a1c2b;--accent-ink:#ffffff\}@media \(prefers-color-scheme: dark\)\{:root\{--accent:#[0-9a-f]{6};--accent-ink:#[0-9a-f]{6}\}\}</style>$`),
		regexp.MustCompile(`^\s*<p class="fine">Ein Angebot der Firma GmbH</p>$`),
		regexp.MustCompile(`Auf GitHub bearbeiten|Anlass vorschlagen`),
	}
	seen := map[int]bool{}
	for name, page := range b {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		before, ok := a[name]
		if !ok {
			t.Errorf("%s exists only in the fork", name)
			continue
		}
		for _, line := range extraLines(before, page) {
			i := matchAny(allowed, line)
			if i < 0 {
				t.Errorf("%s: unexpected difference %q", name, line)
				continue
			}
			seen[i] = true
		}
		// Every page carries the fork's template, stylesheet and colours.
		for _, want := range []string{marker, "custom.css", "--accent:#8a1c2b", "Ein Angebot der Firma GmbH", `">Impressum</a>`, `">Datenschutz</a>`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
	for i := range allowed {
		if !seen[i] {
			t.Errorf("no page shows %v", allowed[i])
		}
	}
	for name, want := range map[string]string{
		"anlaesse/pi-tag/index.html":   `<a href="https://github.com/firma/anlaesse/edit/main/occasions/quirky/pi-tag.yaml" rel="external">Auf GitHub bearbeiten</a>`,
		"ideen/runde-sache/index.html": `<a href="https://github.com/firma/anlaesse/edit/main/content/runde-sache.md" rel="external">Auf GitHub bearbeiten</a>`,
		"anlaesse/index.html":          `<a href="https://github.com/firma/anlaesse/issues/new?template=anlass-vorschlagen.yml" rel="external">Anlass vorschlagen</a>`,
		"404.html":                     `<a href="https://github.com/firma/anlaesse/issues/new?template=anlass-vorschlagen.yml" rel="external">Anlass vorschlagen</a>`,
		"impressum/index.html":         `<h1>Impressum</h1>`,
		"datenschutz/index.html":       `Keine Cookies.`,
	} {
		if !strings.Contains(b[name], want) {
			t.Errorf("%s lacks %s", name, want)
		}
	}
	// Without repo_url the links are absent.
	for name, page := range a {
		if strings.Contains(page, "Auf GitHub bearbeiten") || strings.Contains(page, "Anlass vorschlagen") {
			t.Errorf("%s links the repository without repo_url", name)
		}
	}
	// Files other than pages are the same but for the assets.
	for name := range a {
		if !strings.HasSuffix(name, ".html") && a[name] != b[name] && !strings.HasPrefix(name, "assets/") &&
			!strings.HasPrefix(name, "feeds/") && name != "sitemap.xml" {
			t.Errorf("%s differs in the fork", name)
		}
	}
	if _, err := os.Stat(filepath.Join(fork, "templates", "occasion.html")); err == nil {
		t.Fatal("the fork should not have occasion.html")
	}
}

// extraLines returns the lines of b that a does not have (as a multiset).
func extraLines(a, b string) []string {
	count := map[string]int{}
	for _, l := range strings.Split(a, "\n") {
		count[l]++
	}
	var out []string
	for _, l := range strings.Split(b, "\n") {
		if count[l] > 0 {
			count[l]--
			continue
		}
		out = append(out, l)
	}
	return out
}

func matchAny(res []*regexp.Regexp, s string) int {
	for i, re := range res {
		if re.MatchString(s) {
			return i
		}
	}
	return -1
}
