package schema

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
)

// The schema and the loader must agree: for each variation of a valid file,
// the schema accepts it exactly when the loader finds no error. The
// variations are generated for every key (left out, null, a list, a mapping)
// and written by hand for values (enums, patterns, limits).
//
// What a schema cannot know is left out on purpose, and `anlass check`
// reports it: whether a date rule parses, id = file name, category = folder,
// until ≥ since, article dates that do not exist (2026-02-30), article
// occasion ids that are not in the catalogue, URL hosts with characters other
// than spaces that Go rejects. The schema is also stricter than the loader in
// two corners an editor should flag anyway: numbers where text is expected
// (`title: 2026`), and quoted years in `dates` are fine for the schema.

type variation struct {
	name string
	edit func(m map[string]any)
}

// baseOccasion is a valid occasion that uses every key.
func baseOccasion() map[string]any {
	return map[string]any{
		"id":       "tag-des-tests",
		"name":     map[string]any{"de": "Tag des Tests", "en": "Test Day"},
		"category": "quirky",
		"date":     "2nd tue of june",
		"dates":    map[int]any{2027: "06-15", 2028: "none"},
		"since":    2000,
		"until":    2040,
		"every":    1,
		"regions":  []any{"DE", "AT-9"},
		"origin":   "Eine Testgruppe, 2000",
		"summary":  strings.Repeat("Ein Satz über den Tag. ", 5),
		"greeting": map[string]any{"sie": strings.Repeat("Ein Gruß an Sie. ", 5), "du": strings.Repeat("Ein Gruß an dich. ", 5)},
		"ideas": []any{
			map[string]any{"kind": "gift", "title": "Eine Lupe", "text": "Eine kleine Lupe mit Karte.", "audience": "Teams", "zielgruppen": []any{"it", "empfang"},
				"budget": map[string]any{"min": 5, "max": 10, "note": "pro Team"}, "remote": true},
			map[string]any{"kind": "contact", "title": "Ein Anruf", "text": "Ein Anruf ohne Verkauf."},
		},
		"lead_time": "3w",
		"sources":   []any{map[string]any{"url": "https://example.org/test", "title": "Beispiel"}},
		"tags":      []any{"test", "qualitaet"},
	}
}

func idea(m map[string]any, i int) map[string]any { return m["ideas"].([]any)[i].(map[string]any) }
func source(m map[string]any) map[string]any      { return m["sources"].([]any)[0].(map[string]any) }

// generated varies every key of the mapping that get returns.
func generated(where string, get func(map[string]any) map[string]any, keys []string) []variation {
	var out []variation
	for _, k := range keys {
		out = append(out,
			variation{where + k + " left out", func(m map[string]any) { delete(get(m), k) }},
			variation{where + k + " null", func(m map[string]any) { get(m)[k] = nil }},
			variation{where + k + " a list", func(m map[string]any) { get(m)[k] = []any{"x"} }},
			variation{where + k + " a mapping", func(m map[string]any) { get(m)[k] = map[string]any{"x": "y"} }},
			variation{where + k + " text", func(m map[string]any) {
				if _, isText := get(m)[k].(string); !isText {
					get(m)[k] = "x"
				}
			}},
		)
	}
	return out
}

func set(path string, v any) variation {
	return variation{fmt.Sprintf("%s = %#v", path, v), func(m map[string]any) {
		keys := strings.Split(path, ".")
		cur := m
		for _, k := range keys[:len(keys)-1] {
			switch k {
			case "idea":
				cur = idea(cur, 0)
			case "source":
				cur = source(cur)
			default:
				cur = cur[k].(map[string]any)
			}
		}
		cur[keys[len(keys)-1]] = v
	}}
}

func without(keys ...string) func(map[string]any) {
	return func(m map[string]any) {
		for _, k := range keys {
			delete(m, k)
		}
	}
}

func both(a, b func(map[string]any)) func(map[string]any) {
	return func(m map[string]any) { a(m); b(m) }
}

func TestOccasionSchemaAgreesWithLoader(t *testing.T) {
	d := load(t, "occasion.schema.json")
	k := occasion.Keys()
	vars := []variation{{"the base", func(map[string]any) {}}}
	vars = append(vars, generated("", func(m map[string]any) map[string]any { return m }, k.Top)...)
	vars = append(vars, generated("name.", func(m map[string]any) map[string]any { return m["name"].(map[string]any) }, k.Name)...)
	vars = append(vars, generated("idea.", func(m map[string]any) map[string]any { return idea(m, 0) }, k.Idea)...)
	vars = append(vars, generated("source.", source, k.Source)...)
	vars = append(vars, generated("greeting.", func(m map[string]any) map[string]any { return m["greeting"].(map[string]any) }, k.Greeting)...)
	budget := func(m map[string]any) map[string]any { return idea(m, 0)["budget"].(map[string]any) }
	vars = append(vars, generated("budget.", budget, k.Budget)...)
	for _, b := range []map[string]any{
		{"min": 0}, {"min": 0, "max": 0}, {"max": 5}, {"min": -1}, {"min": 10001}, {"min": 1.5}, {"min": "5"},
		{"note": "je nach Umfang"}, {"note": ""}, {"note": "zwei\nZeilen"}, {}, {"min": 5, "extra": 1},
	} {
		vars = append(vars, variation{fmt.Sprintf("budget = %v", b), func(m map[string]any) { idea(m, 0)["budget"] = b }})
	}
	vars = append(vars, set("idea.budget", "10 €"))
	for _, z := range [][]any{{}, {"it"}, {"IT"}, {"it", "it"}, {"a-b"}, {"a b"}} {
		vars = append(vars, set("idea.zielgruppen", z))
	}
	for _, c := range occasion.Categories {
		vars = append(vars, set("category", string(c)))
	}
	for _, v := range []any{"Quirky", "funny", ""} {
		vars = append(vars, set("category", v))
	}
	for _, v := range occasion.IdeaKinds() {
		vars = append(vars, set("idea.kind", v))
	}
	vars = append(vars, set("idea.kind", "Gift"), set("idea.kind", "present"), set("idea.remote", "yes"), set("idea.remote", false),
		set("idea.title", ""), set("idea.title", "  "), set("idea.extra", "x"), set("idea.budget", ""))
	for _, v := range []any{"", " ", "Tag des Tests", "Täg"} {
		vars = append(vars, set("name.de", v))
	}
	vars = append(vars, set("name.fr", "Jour"), set("name.en", ""))
	for _, v := range []string{"3w", "10d", "1d", "365d", "366d", "52w", "53w", "0d", "0w", "010d", "3 w", " 3w ", "3 weeks", "w3", "3", "-3d", "3W"} {
		vars = append(vars, set("lead_time", v))
	}
	vars = append(vars, set("lead_time", 3))
	for _, n := range []int{0, 79, 80, 900, 901} {
		vars = append(vars, set("summary", strings.Repeat("a", n)), set("summary", strings.Repeat("ä", n)))
	}
	for _, n := range []int{0, 59, 60, 500, 501} {
		vars = append(vars, set("greeting.sie", strings.Repeat("a", n)), set("greeting.du", strings.Repeat("ü", n)))
	}
	vars = append(vars, set("greeting.ihr", "x"), set("greeting.du", 3))
	for _, y := range []int{1582, 1583, 2026, 2999, 3000} {
		since, until := set("since", y), set("until", y)
		vars = append(vars,
			variation{since.name, both(without("until"), since.edit)},
			variation{until.name, both(without("since", "every"), until.edit)})
	}
	vars = append(vars, set("since", "2000"), set("every", 0), set("every", 4), set("every", -1), set("every", 1.5),
		variation{"every without since", without("since")},
		variation{"every null, no since", both(without("since"), func(m map[string]any) { m["every"] = nil })})
	for _, v := range [][]any{{}, {"DE-BY"}, {"CH", "DE-TH", "AT"}, {"de"}, {"DE-XX"}, {"EU"}, {"DE", "DE"}, {map[string]any{"code": "DE"}}, {nil}} {
		vars = append(vars, set("regions", v))
	}
	for _, v := range [][]any{{}, {"a-b"}, {"Foo"}, {"a b"}, {"a", "a"}, {"a--b"}, {nil}, {[]any{"x"}}} {
		vars = append(vars, set("tags", v))
	}
	vars = append(vars,
		set("ideas", []any{}),
		set("ideas", baseOccasion()["ideas"].([]any)[:1]),
		set("ideas", append(baseOccasion()["ideas"].([]any), "keine Idee")),
		set("sources", []any{}),
		set("sources", []any{"https://example.org/"}),
	)
	for _, v := range []any{"https://example.org/", "http://example.org", "https://de.wikipedia.org/wiki/Weltlächeltag",
		"ftp://example.org/", "https://", "example.org", "https://exa mple.org/", "https://example.org/a b", ""} {
		vars = append(vars, set("source.url", v))
	}
	noDate := without("date")
	noDates := without("dates")
	vars = append(vars,
		variation{"no date, no dates", both(noDate, noDates)},
		variation{"only dates", noDate},
		variation{"only date", noDates},
		variation{"date empty, no dates", both(noDates, func(m map[string]any) { m["date"] = "" })},
		variation{"date blank, no dates", both(noDates, func(m map[string]any) { m["date"] = "  " })},
		variation{"date empty, with dates", func(m map[string]any) { m["date"] = "" }},
		variation{"dates empty, no date", both(noDate, func(m map[string]any) { m["dates"] = map[int]any{} })},
		variation{"dates empty, with date", func(m map[string]any) { m["dates"] = map[int]any{} }},
	)
	for _, v := range []map[int]any{{2027: "none"}, {2027: "None"}, {2027: "06-15"}, {1582: "06-15"}, {1583: "06-15"}, {2999: "06-15"},
		{3000: "06-15"}, {2027: "2027-06-15"}, {2027: ""}, {2027: nil}, {2027: []any{"06-15"}}} {
		vars = append(vars, set("dates", v))
	}
	vars = append(vars, set("dates", map[string]any{"x": "06-15"}), set("dates", "06-15"), set("unknown", "x"), set("leadtime", "3w"))
	for _, v := range []any{"tag-des-tests", "Tag-des-Tests", "tag_des_tests", "-tag"} {
		vars = append(vars, set("id", v))
	}

	for _, v := range vars {
		m := baseOccasion()
		v.edit(m)
		data, err := yaml.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		// The file is named after the id, so that only the id's own form is judged.
		rel := "tag-des-tests.yaml"
		if id, ok := m["id"].(string); ok && id != "" {
			rel = id + ".yaml"
		}
		loader := loaderErrors(rel, data, func(rel string, data []byte, l *diag.List) { occasion.Parse(rel, data, occasion.Catalogue, l) })
		var node yaml.Node
		// A variant may not parse: the schema then sees an empty document and
		// fails, and so must the loader.
		_ = yaml.Unmarshal(data, &node)
		schema := d.Validate(fromYAML(&node))
		if (len(loader) == 0) != (len(schema) == 0) {
			t.Errorf("%s: the loader says %q, the schema %q\n%s", v.name, loader, schema, data)
		}
	}
}

func baseArticle() map[string]any {
	return map[string]any{
		"title":     "Danke sagen",
		"summary":   "Ein Dank ohne Angebot bleibt im Gedächtnis.",
		"date":      "2026-11-02",
		"occasions": []any{"weltspartag"},
		"tags":      []any{"strategie"},
		"draft":     false,
	}
}

func TestArticleSchemaAgreesWithLoader(t *testing.T) {
	d := load(t, "article.schema.json")
	vars := []variation{{"the base", func(map[string]any) {}}}
	vars = append(vars, generated("", func(m map[string]any) map[string]any { return m }, content.FrontMatterKeys())...)
	for _, v := range []any{"2026-01-31", "2026-13-01", "2026-1-2", "02.11.2026", "2026-11-02T10:00:00Z", "", 2026} {
		vars = append(vars, set("date", v))
	}
	for _, v := range [][]any{{}, {"Foo"}, {"a b"}, {"a", "a"}, {nil}} {
		vars = append(vars, set("tags", v))
	}
	vars = append(vars, set("draft", true), set("draft", "yes"), set("title", " "), set("summary", ""), set("extra", "x"),
		set("occasions", []any{}), set("occasions", []any{nil}))

	for _, v := range vars {
		m := baseArticle()
		v.edit(m)
		fm, err := yaml.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		data := "---\n" + string(fm) + "---\nText.\n"
		loader := loaderErrors("content/danke-sagen.md", []byte(data), func(rel string, data []byte, l *diag.List) { content.Parse(rel, data, l) })
		var node yaml.Node
		_ = yaml.Unmarshal(fm, &node) // as above
		schema := d.Validate(fromYAML(&node))
		if (len(loader) == 0) != (len(schema) == 0) {
			t.Errorf("%s: the loader says %q, the schema %q\n%s", v.name, loader, schema, data)
		}
	}
}
