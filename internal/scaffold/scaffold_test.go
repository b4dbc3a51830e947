package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/testutil"
)

// emptyField matches a line whose key has no value yet: "  de:", "    title:   # …".
var emptyField = regexp.MustCompile(`^(\s*(?:- )?)([a-z_]+):\s*(#.*)?$`)

// fill gives each empty field, in file order, the next value for its key,
// as a contributor would.
func fill(t *testing.T, text string, values map[string][]string) string {
	t.Helper()
	lines := strings.Split(text, "\n")
	for i, ln := range lines {
		m := emptyField.FindStringSubmatch(ln)
		if m == nil || len(values[m[2]]) == 0 {
			continue
		}
		lines[i] = m[1] + m[2] + ": " + values[m[2]][0]
		values[m[2]] = values[m[2]][1:]
	}
	for k, rest := range values {
		if len(rest) > 0 {
			t.Errorf("no empty %q field left for %q", k, rest)
		}
	}
	return strings.Join(lines, "\n")
}

func occasionValues() map[string][]string {
	return map[string][]string{
		"de":        {"Tag des Tests"},
		"date":      {"2nd tue of june"},
		"summary":   {"Der Tag des Tests erinnert daran, dass gute Arbeit geprüft werden will. Ein Anlass für einen Gruß an alle, die sorgfältig arbeiten."},
		"title":     {"Eine Lupe mit Karte", "Ein Dankeschön am Telefon", "Beispielquelle"},
		"text":      {"Eine kleine Lupe und eine Karte, die für den genauen Blick dankt.", "Rufen Sie an und sagen Sie Danke, ohne etwas zu verkaufen."},
		"lead_time": {"2w"},
		"url":       {"https://example.org/tag-des-tests"},
		"sie":       {"Zum Tag des Tests danken wir Ihnen für den genauen Blick. Ohne Ihre Sorgfalt wäre manches schiefgegangen."},
		"du":        {"Zum Tag des Tests danken wir euch für den genauen Blick. Ohne eure Sorgfalt wäre manches schiefgegangen."},
	}
}

// load checks the project at root as `anlass check` does.
func load(root string) diag.List {
	_, l := project.Load(root)
	return l
}

func errorsIn(l diag.List) []string {
	var out []string
	for _, d := range l {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}

func TestOccasionPassesCheckOnceFilledIn(t *testing.T) {
	for _, c := range occasion.Categories {
		t.Run(string(c), func(t *testing.T) {
			root := t.TempDir()
			rel, err := Occasion{ID: "tag-des-tests", Category: string(c)}.Create(root)
			if err != nil {
				t.Fatal(err)
			}
			if want := "occasions/" + string(c) + "/tag-des-tests.yaml"; rel != want {
				t.Fatalf("path %s, want %s", rel, want)
			}
			p := filepath.Join(root, rel)
			data, _ := os.ReadFile(p)

			// Unfilled, check names each required field that is still empty.
			got := strings.Join(errorsIn(load(root)), "\n")
			for _, want := range []string{`"de" is empty`, `missing the date`, `"summary" is empty`, `"title" is empty`,
				`"text" is empty`, `"lead_time" is empty`, `"url" is empty`} {
				if !strings.Contains(got, want) {
					t.Errorf("unfilled file: no %q among the errors:\n%s", want, got)
				}
			}

			filled := fill(t, string(data), occasionValues())
			testutil.WriteFile(t, p, filled)
			if l := load(root); len(l) > 0 {
				t.Fatalf("filled-in file has problems:\n%v\n--- file ---\n%s", l, filled)
			}
		})
	}
}

// Every optional field the template shows commented out is valid once the #
// is removed: the examples in the comments are correct.
func TestOccasionOptionalExamplesAreValid(t *testing.T) {
	root := t.TempDir()
	testutil.CopyDir(t, "../../data", filepath.Join(root, "data")) // the vocabularies
	rel, err := Occasion{ID: "tag-des-tests", Category: "quirky", Name: "Tag des Tests"}.Create(root)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, rel)
	data, _ := os.ReadFile(p)
	text := fill(t, string(data), func() map[string][]string {
		v := occasionValues()
		delete(v, "de")
		return v
	}())
	// Uncomment "# key: value" lines (not the explanations, which have no value after the colon
	// or are prose), and the dates table below its key.
	uncomment := regexp.MustCompile(`(?m)^(\s*)# ((?:since|until|every|regions|origin|tags|audience|zielgruppen|budget|remote|dates): .*|dates:|  \d{4}: .*)$`)
	text = uncomment.ReplaceAllString(text, "$1$2")
	if !strings.Contains(text, "\nregions: [DE, AT, CH]") || !strings.Contains(text, "    audience: ") || !strings.Contains(text, "    zielgruppen: [") || !strings.Contains(text, "\n  2026: 09-25") {
		t.Fatalf("the examples were not uncommented:\n%s", text)
	}
	testutil.WriteFile(t, p, text)
	if l := load(root); len(l) > 0 {
		t.Fatalf("problems:\n%v\n--- file ---\n%s", l, text)
	}
}

// The rule examples in the template's comments are valid rules.
func TestOccasionRuleExamples(t *testing.T) {
	data, err := Occasion{ID: "x", Category: "quirky"}.Render()
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(data), "# Die Datumsregel")
	end := strings.Index(string(data), "\ndate:")
	example := regexp.MustCompile(`(?m)^#   (\S.*?)\s{2,}\S`)
	n := 0
	for _, m := range example.FindAllStringSubmatch(string(data)[start:end], -1) {
		n++
		checkRule(t, m[1])
	}
	if n < 9 {
		t.Errorf("found %d rule examples, want one per kind", n)
	}
}

func checkRule(t *testing.T, rule string) {
	t.Helper()
	root := t.TempDir()
	other := strings.ReplaceAll(occasionYAML("black-friday", "fri after 4th thu of november"), "tag-des-tests", "black-friday")
	testutil.WriteFile(t, filepath.Join(root, "occasions/quirky/black-friday.yaml"), other)
	testutil.WriteFile(t, filepath.Join(root, "occasions/quirky/x.yaml"), occasionYAML("x", rule))
	if errs := errorsIn(load(root)); len(errs) > 0 {
		t.Errorf("rule %q: %v", rule, errs)
	}
}

func occasionYAML(id, rule string) string {
	return "id: " + id + "\nname: {de: X}\ncategory: quirky\ndate: '" + rule + "'\n" +
		"summary: Ein Beispieltag, der nur für diesen Test existiert, mit genug Text für die Mindestlänge.\n" +
		"ideas:\n  - {kind: gift, title: A, text: B}\n  - {kind: contact, title: C, text: D}\n" +
		"lead_time: 1w\nsources: [{url: 'https://example.org/', title: E}]\n"
}

func TestIdeaPassesCheckOnceFilledIn(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "occasions"), 0o755); err != nil {
		t.Fatal(err)
	}
	rel, err := Idea{Slug: "danke-sagen", Date: civil.Of(2026, 11, 2)}.Create(root)
	if err != nil {
		t.Fatal(err)
	}
	if rel != "content/danke-sagen.md" {
		t.Fatalf("path %s", rel)
	}
	p := filepath.Join(root, rel)
	data, _ := os.ReadFile(p)
	got := strings.Join(errorsIn(load(root)), "\n")
	for _, want := range []string{`"title" is empty`, `"summary" is empty`} {
		if !strings.Contains(got, want) {
			t.Errorf("unfilled article: no %q among the errors:\n%s", want, got)
		}
	}
	filled := fill(t, string(data), map[string][]string{
		"title":   {"Danke sagen, ohne zu verkaufen"},
		"summary": {"Ein Dank ohne Angebot bleibt im Gedächtnis."},
	})
	testutil.WriteFile(t, p, filled)
	if l := load(root); len(l) > 0 {
		t.Fatalf("filled-in article has problems:\n%v\n--- file ---\n%s", l, filled)
	}
	p2, l := project.Load(root)
	if len(l) > 0 || len(p2.Articles) != 1 || !p2.Articles[0].Draft || p2.Articles[0].Date != civil.Of(2026, 11, 2) {
		t.Fatalf("article: %+v %v", p2.Articles, l)
	}
}

func TestNames(t *testing.T) {
	root := t.TempDir()
	rel, err := Occasion{ID: "x", Category: "quirky", Name: "Tag: der # Tests"}.Create(root)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(root, rel))
	if !strings.Contains(string(data), "\n  de: 'Tag: der # Tests'\n") {
		t.Errorf("name not quoted:\n%s", data)
	}
	if _, err := (Occasion{ID: "y", Category: "quirky", Name: "zwei\nZeilen"}).Create(root); err == nil {
		t.Error("a name with a line break was accepted")
	}
}

func TestRefusals(t *testing.T) {
	root := t.TempDir()
	if _, err := (Occasion{ID: "a", Category: "quirky"}).Create(root); err != nil {
		t.Fatal(err)
	}
	testutil.WriteFile(t, filepath.Join(root, "holidays/de/de-neujahr.yaml"), "id: de-neujahr\n")

	for _, c := range []struct {
		o     Occasion
		usage bool
		msg   string
	}{
		{Occasion{ID: "a", Category: "quirky"}, false, "occasions/quirky/a.yaml already exists"},
		{Occasion{ID: "a", Category: "mystic"}, false, `the id "a" is taken: occasions/quirky/a.yaml`},
		{Occasion{ID: "de-neujahr", Category: "mainstream"}, false, "holidays/de/de-neujahr.yaml"},
		{Occasion{ID: "b", Category: "Quirky"}, true, `unknown category "Quirky"`},
		{Occasion{ID: "b", Category: "../x"}, true, `unknown category "../x"`},
		{Occasion{ID: "b"}, true, "the category is missing"},
		{Occasion{ID: "B", Category: "quirky"}, true, `id "B" is not a slug`},
		{Occasion{ID: "a/b", Category: "quirky"}, true, "not a slug"},
		{Occasion{ID: "", Category: "quirky"}, true, "not a slug"},
		{Occasion{ID: "a--b", Category: "quirky"}, true, "(did you mean a-b?)"},
	} {
		_, err := c.o.Create(root)
		var ue *UsageError
		switch {
		case err == nil:
			t.Errorf("%+v: accepted", c.o)
		case !strings.Contains(err.Error(), c.msg):
			t.Errorf("%+v: %v, want %q", c.o, err, c.msg)
		case errors.As(err, &ue) != c.usage:
			t.Errorf("%+v: usage error %v, want %v", c.o, !c.usage, c.usage)
		case !c.usage && !errors.Is(err, ErrExists):
			t.Errorf("%+v: %v is not ErrExists", c.o, err)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(root, "occasions"))
	if len(entries) != 1 {
		t.Errorf("folders created by refused requests: %v", entries)
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Tag des Lächelns":   "tag-des-laechelns",
		"Weltschenktag":      "weltschenktag",
		"  Straße & Fuß  ":   "strasse-fuss",
		"Öko--Tag_2026":      "oeko-tag-2026",
		"¿Qué?":              "qu",
		"":                   "",
		"Black Friday (USA)": "black-friday-usa",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

// A new page passes the loader as written (the legal pages with their
// starting texts) or once its title and description are filled in.
func TestPagePassesCheck(t *testing.T) {
	root := t.TempDir()
	for _, p := range []Page{{Slug: "impressum"}, {Slug: "datenschutz"}, {Slug: "agb", Title: "Allgemeine Geschäftsbedingungen"}} {
		rel, err := p.Create(root)
		if err != nil {
			t.Fatal(err)
		}
		if p.Slug == "agb" {
			data, _ := os.ReadFile(filepath.Join(root, rel))
			testutil.WriteFile(t, filepath.Join(root, rel), strings.Replace(string(data), "description:\n", "description: Die Bedingungen.\n", 1))
		}
		if _, err := p.Create(root); !errors.Is(err, ErrExists) {
			t.Errorf("%s: second Create: %v, want ErrExists", p.Slug, err)
		}
	}
	pages, l := content.LoadPages(root)
	if len(l) > 0 || len(pages) != 3 {
		t.Fatalf("%d pages, %v", len(pages), l)
	}
	if content.Find(pages, "datenschutz").Title != "Datenschutz" || !strings.Contains(string(content.Find(pages, "impressum").Body), "§ 5 DDG") {
		t.Error("the legal pages lack their starting texts")
	}
	for _, slug := range []string{"finder", "anlaesse", "Impressum"} {
		if _, err := (Page{Slug: slug}).Render(); err == nil {
			t.Errorf("%s: no error", slug)
		}
	}
}
