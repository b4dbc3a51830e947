// Command gen writes the synthetic inputs of the benchmark: an anlass
// project with n occasions, each with an article, and a Hugo site of a given
// number of Markdown pages, made alike: pages in turn of an article and of
// an occasion (its summary, ideas and sources).
//
// The texts are the repo's own occasions and articles, reused in turn under
// new ids, so that sizes and Markdown structure match the real catalogue.
//
//	go run ./bench/gen -n 1000 -out bench/out/1000            # anlass/ and hugo/ (2,000 pages)
//	go run ./bench/gen -n 0 -hugo 381 -out bench/out/real     # hugo/ only, 381 pages
//
// writes OUT/anlass (build with `anlass build --source …`) and OUT/hugo
// (build with `hugo build --source …`), each replacing what was there.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

func main() {
	n := flag.Int("n", 1000, "number of occasions (and articles) of the anlass project; 0: none")
	pages := flag.Int("hugo", -1, "number of pages of the Hugo site; 0: none (default 2n, one per occasion and article)")
	out := flag.String("out", "", "output `directory` (gets anlass/ and hugo/)")
	from := flag.String("from", ".", "the anlass repository whose occasions/, content/ and data/ serve as templates")
	year := flag.Int("year", 2026, "the build year: occasions are spread so that at most 1,000 occur in it")
	flag.Parse()
	if *pages < 0 {
		*pages = 2 * *n
	}
	if *out == "" || *n < 0 || *n+*pages == 0 {
		flag.Usage()
		os.Exit(2)
	}
	occs, err := loadOccasions(filepath.Join(*from, "occasions"))
	if err != nil {
		log.Fatal(err)
	}
	arts, err := loadArticles(filepath.Join(*from, "content"))
	if err != nil {
		log.Fatal(err)
	}
	if len(occs) == 0 || len(arts) == 0 {
		log.Fatalf("no occasions or articles found under %s", *from)
	}
	g := gen{out: *out, year: *year, every: (*n + 999) / 1000}
	if *n > 0 {
		g.remove("anlass")
		g.write("anlass/anlass.yaml", anlassConfig)
		// The vocabularies the occasions' topics and target groups come from.
		vocab, err := filepath.Glob(filepath.Join(*from, "data", "*.yaml"))
		if err != nil {
			log.Fatal(err)
		}
		for _, f := range vocab {
			data, err := os.ReadFile(f)
			if err != nil {
				log.Fatal(err)
			}
			g.write("anlass/data/"+filepath.Base(f), string(data))
		}
		for i := range *n {
			g.occasion(i, occs[i%len(occs)], arts[i%len(arts)])
		}
	}
	if *pages > 0 {
		g.remove("hugo")
		g.write("hugo/hugo.toml", hugoConfig)
		for name, text := range hugoLayouts {
			g.write("hugo/layouts/"+name, text)
		}
		for k := range *pages {
			i := k / 2
			g.hugoPage(i, k%2 == 1, occs[i%len(occs)], arts[i%len(arts)])
		}
	}
	if g.err != nil {
		log.Fatal(g.err)
	}
	fmt.Printf("%s: %d occasions and %d articles (anlass), %d pages (hugo)\n", *out, *n, *n, *pages)
}

// The feed window is this year only, and at most 1,000 occasions occur in
// it (see every): the all-occasions feed must stay under feed.MaxBytes.
const anlassConfig = `title: anlass-bench
base_url: https://example.org/
uid_domain: example.org
feeds:
  years_before: 0
  years_after: 0
`

const hugoConfig = `baseURL = "https://example.org/"
languageCode = "de"
title = "hugo-bench"
[taxonomies]
  tag = "tags"
`

var hugoLayouts = map[string]string{
	"_default/baseof.html": `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title>
<meta name="description" content="{{ .Summary | plainify | truncate 160 }}">
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<header><nav><a href="{{ "/" | relURL }}">Start</a> <a href="{{ "/anlaesse/" | relURL }}">Anlässe</a> <a href="{{ "/ideen/" | relURL }}">Ideen</a> <a href="{{ "/tags/" | relURL }}">Themen</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ .Site.Title }}</p></footer>
</body>
</html>
`,
	"_default/single.html": `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02.01.2006" }}</time> · {{ .ReadingTime }} Min.</p>
{{ .Content }}
{{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ "/tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}
</article>
{{ end }}
`,
	"_default/list.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> – {{ .Summary | plainify | truncate 120 }}</li>
{{ end }}</ul>
{{ end }}
`,
	"index.html": `{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ul>
{{ range first 20 (where .Site.RegularPages "Section" "anlaesse") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}
`,
}

type gen struct {
	out   string
	year  int
	every int // each occasion occurs every this many years
	err   error
}

func (g *gen) remove(rel string) {
	if g.err == nil {
		g.err = os.RemoveAll(filepath.Join(g.out, rel))
	}
}

func (g *gen) write(rel, text string) {
	if g.err != nil {
		return
	}
	p := filepath.Join(g.out, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.err = err
		return
	}
	g.err = os.WriteFile(p, []byte(text), 0o644)
}

var (
	occLink = regexp.MustCompile(`/anlaesse/[a-z0-9-]+/`)
	artLink = regexp.MustCompile(`/ideen/[a-z0-9-]+/`)
)

// ids returns the id of occasion i and the slug of its article.
func ids(i int) (id, slug string) { return fmt.Sprintf("anlass-%05d", i), fmt.Sprintf("idee-%05d", i) }

// titles returns the name of occasion i (made from template o) and the title
// of its article (made from template a).
func titles(i int, o map[string]any, a article) (name, title string) {
	return fmt.Sprintf("%s %d", o["name"].(map[string]any)["de"], i), fmt.Sprintf("%s (%d)", a.title, i)
}

// body is the article's Markdown with its links pointing to occasion i.
func body(i int, a article) string {
	id, slug := ids(i)
	b := occLink.ReplaceAllString(a.body, "/anlaesse/"+id+"/")
	return artLink.ReplaceAllString(b, "/ideen/"+slug+"/")
}

// occasion writes occasion i of the anlass project (made from template o)
// and its article (made from template a).
func (g *gen) occasion(i int, o map[string]any, a article) {
	id, slug := ids(i)
	name, title := titles(i, o, a)
	m := map[string]any{}
	for k, v := range o {
		m[k] = v
	}
	m["id"] = id
	m["name"] = map[string]any{"de": name}
	if d, _ := o["date"].(string); d == "" || strings.Contains(d, "@") {
		m["date"] = fmt.Sprintf("%02d-%02d", i%12+1, i%28+1)
	}
	for _, k := range []string{"dates", "since", "until", "every"} {
		delete(m, k)
	}
	if g.every > 1 {
		// Occurs in the build year when i % every == 0.
		m["since"] = g.year - g.every*10 + i%g.every
		m["every"] = g.every
	}
	data, err := yaml.Marshal(m)
	if err != nil {
		g.err = err
		return
	}
	g.write(fmt.Sprintf("anlass/occasions/%s/%s.yaml", m["category"], id), string(data))
	g.write("anlass/content/"+slug+".md", fmt.Sprintf("---\ntitle: %q\nsummary: %q\ndate: %s\noccasions: [%s]\ntags: [%s]\n---\n%s",
		title, a.summary, a.date, id, strings.Join(a.tags, ", "), body(i, a)))
}

// hugoPage writes a page of the Hugo site: the article of occasion i as it
// is, or the occasion as the Markdown its page shows (summary, ideas,
// sources).
func (g *gen) hugoPage(i int, isOccasion bool, o map[string]any, a article) {
	id, slug := ids(i)
	name, title := titles(i, o, a)
	fm := func(title string, tags []string) string {
		return fmt.Sprintf("---\ntitle: %q\ndate: %s\ntags: [%s]\n---\n", title, a.date, strings.Join(tags, ", "))
	}
	if !isOccasion {
		g.write("hugo/content/ideen/"+slug+".md", fm(title, a.tags)+body(i, a))
		return
	}
	var md strings.Builder
	fmt.Fprintf(&md, "%s\n\n", o["summary"])
	if origin, ok := o["origin"].(string); ok {
		fmt.Fprintf(&md, "**Ursprung:** %s\n\n", origin)
	}
	md.WriteString("## Ideen\n\n")
	ideas, _ := o["ideas"].([]any)
	for _, it := range ideas {
		idea, _ := it.(map[string]any)
		fmt.Fprintf(&md, "### %s\n\n%s\n\n", idea["title"], idea["text"])
		if b, ok := idea["budget"]; ok {
			fmt.Fprintf(&md, "- Budget: %v\n", b)
		}
		if zg, ok := idea["zielgruppen"]; ok {
			fmt.Fprintf(&md, "- Für: %v\n", zg)
		}
		md.WriteString("\n")
	}
	md.WriteString("## Quellen\n\n")
	sources, _ := o["sources"].([]any)
	for _, it := range sources {
		s, _ := it.(map[string]any)
		fmt.Fprintf(&md, "- [%s](%s)\n", s["title"], s["url"])
	}
	fmt.Fprintf(&md, "\nMehr dazu: [%s](/ideen/%s/)\n", title, slug)
	var tags []string
	for _, t := range o["tags"].([]any) {
		tags = append(tags, fmt.Sprint(t))
	}
	g.write("hugo/content/anlaesse/"+id+".md", fm(name, tags)+md.String())
}

func loadOccasions(dir string) ([]map[string]any, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []map[string]any
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := yaml.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if _, ok := m["tags"]; !ok {
			m["tags"] = []any{}
		}
		out = append(out, m)
	}
	return out, nil
}

type article struct {
	title, summary, date string
	tags                 []string
	body                 string
}

func loadArticles(dir string) ([]article, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []article
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		parts := bytes.SplitN(data, []byte("\n---\n"), 2)
		if len(parts) != 2 || !bytes.HasPrefix(parts[0], []byte("---\n")) {
			return nil, fmt.Errorf("%s: no front matter", f)
		}
		var fm struct {
			Title   string   `yaml:"title"`
			Summary string   `yaml:"summary"`
			Date    string   `yaml:"date"`
			Tags    []string `yaml:"tags"`
			Draft   bool     `yaml:"draft"`
		}
		if err := yaml.Unmarshal(parts[0][4:], &fm); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if fm.Draft {
			continue
		}
		out = append(out, article{fm.Title, strings.TrimSpace(fm.Summary), fm.Date, fm.Tags, string(parts[1])})
	}
	return out, nil
}
