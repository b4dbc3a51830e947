package schema

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/vocab"
)

func load(t *testing.T, name string) *schemaDoc {
	t.Helper()
	data, err := Files.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := parseSchema(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

// get follows a path of keys through the schema, resolving $ref.
func (d *schemaDoc) get(t *testing.T, path ...string) map[string]any {
	t.Helper()
	cur := d.root
	for _, p := range path {
		next, ok := cur[p].(map[string]any)
		if !ok {
			t.Fatalf("schema has no %s", strings.Join(path, "/"))
		}
		if ref, ok := next["$ref"].(string); ok {
			next = d.root["definitions"].(map[string]any)[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any)
		}
		cur = next
	}
	return cur
}

func keys(m map[string]any) []string {
	out := sortedKeys(m)
	return out
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func sameSet(t *testing.T, what string, schema, loader []string) {
	t.Helper()
	a, b := slices.Sorted(slices.Values(schema)), slices.Sorted(slices.Values(loader))
	if !slices.Equal(a, b) {
		t.Errorf("%s: the schema has %v, the loader %v", what, a, b)
	}
}

func TestSupportedKeywords(t *testing.T) {
	for _, name := range []string{"occasion.schema.json", "article.schema.json", "zielgruppen.schema.json", "themen.schema.json", "holiday.schema.json"} {
		d := load(t, name)
		if d.root["$schema"] != "http://json-schema.org/draft-07/schema#" {
			t.Errorf("%s: $schema %v, want draft-07", name, d.root["$schema"])
		}
		subschemas(d.root, "#", func(s map[string]any, ptr string) {
			for k := range s {
				if !annotations[k] && !validating[k] {
					t.Errorf("%s %s: keyword %q is not supported by the test's validator", name, ptr, k)
				}
			}
			if p, ok := s["pattern"].(string); ok {
				d.regexp(p) // panics on a pattern Go cannot compile
			}
		})
	}
}

func TestOccasionKeysMatchLoader(t *testing.T) {
	d := load(t, "occasion.schema.json")
	k := occasion.Keys()
	sameSet(t, "top-level keys", keys(d.get(t, "properties")), k.Top)
	sameSet(t, "name keys", keys(d.get(t, "properties", "name", "properties")), k.Name)
	sameSet(t, "idea keys", keys(d.get(t, "properties", "ideas", "items", "properties")), k.Idea)
	sameSet(t, "source keys", keys(d.get(t, "properties", "sources", "items", "properties")), k.Source)
	sameSet(t, "greeting keys", keys(d.get(t, "properties", "greeting", "properties")), k.Greeting)
	sameSet(t, "budget keys", keys(d.get(t, "definitions", "idea", "properties", "budget", "properties")), k.Budget)
	for _, path := range [][]string{{}, {"properties", "name"}, {"properties", "ideas", "items"}, {"properties", "sources", "items"}, {"properties", "greeting"}} {
		if ap, ok := d.get(t, path...)["additionalProperties"].(bool); !ok || ap {
			t.Errorf("%v: additionalProperties must be false (the loader rejects unknown keys)", path)
		}
	}
}

func TestArticleKeysMatchLoader(t *testing.T) {
	d := load(t, "article.schema.json")
	sameSet(t, "front matter keys", keys(d.get(t, "properties")), content.FrontMatterKeys())
	if ap, ok := d.root["additionalProperties"].(bool); !ok || ap {
		t.Error("additionalProperties must be false (the loader rejects unknown keys)")
	}
}

func TestEnumsAndLimitsMatchLoader(t *testing.T) {
	d := load(t, "occasion.schema.json")
	var cats []string
	for _, c := range occasion.Categories {
		cats = append(cats, string(c))
	}
	if got := strs(d.get(t, "properties", "category")["enum"]); !slices.Equal(got, cats) {
		t.Errorf("category enum %v, loader %v", got, cats)
	}
	if got := strs(d.get(t, "properties", "ideas", "items", "properties", "kind")["enum"]); !slices.Equal(got, occasion.IdeaKinds()) {
		t.Errorf("idea kind enum %v, loader %v", got, occasion.IdeaKinds())
	}
	var codes, names []string
	for _, r := range regioncode.All() {
		codes, names = append(codes, r.Code), append(names, r.Name)
	}
	regions := d.get(t, "properties", "regions", "items")
	if got := strs(regions["enum"]); !slices.Equal(got, codes) {
		t.Errorf("region enum %v, internal/regioncode %v", got, codes)
	}
	if got := strs(regions["enumDescriptions"]); !slices.Equal(got, names) {
		t.Errorf("region descriptions %v, internal/regioncode %v", got, names)
	}
	for _, c := range []struct {
		path []string
		key  string
		want int
	}{
		{[]string{"properties", "summary"}, "minLength", occasion.MinSummary},
		{[]string{"properties", "summary"}, "maxLength", occasion.MaxSummary},
		{[]string{"properties", "ideas"}, "minItems", occasion.MinIdeas},
		{[]string{"properties", "since"}, "minimum", occasion.MinYear},
		{[]string{"properties", "since"}, "maximum", occasion.MaxYear},
		{[]string{"properties", "until"}, "minimum", occasion.MinYear},
		{[]string{"properties", "until"}, "maximum", occasion.MaxYear},
	} {
		if got, _ := d.get(t, c.path...)[c.key].(float64); int(got) != c.want {
			t.Errorf("%s %s: %v, loader %d", strings.Join(c.path, "/"), c.key, got, c.want)
		}
	}
}

// root is the repository root, where the real occasions and articles are.
const root = ".."

// Every occasion file names the schema in its first line, with a path that
// leads to it, and validates against it.
func TestRealOccasions(t *testing.T) {
	validateRealFiles(t, "occasion.schema.json", occasion.OccasionsDir, func(p string, data []byte) {
		rel, _ := filepath.Rel(filepath.Dir(p), filepath.Join(root, "schema", "occasion.schema.json"))
		want := "# yaml-language-server: $schema=" + filepath.ToSlash(rel)
		if first, _, _ := strings.Cut(string(data), "\n"); first != want {
			t.Errorf("%s: first line %q, want %q", p, first, want)
		}
	})
}

// validateRealFiles validates every YAML file below the repository's folder
// dir against the schema, after check (when not nil) has looked at its bytes.
func validateRealFiles(t *testing.T, schema, dir string, check func(p string, data []byte)) {
	t.Helper()
	d := load(t, schema)
	n := 0
	err := filepath.WalkDir(filepath.Join(root, dir), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(p) != ".yaml" {
			return err
		}
		n++
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if check != nil {
			check(p, data)
		}
		validateYAML(t, d, p, data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("found only %d files under %s", n, filepath.Join(root, dir))
	}
}

// validateYAML reports every way the YAML document data (named name)
// breaks the schema d.
func validateYAML(t *testing.T, d *schemaDoc, name string, data []byte) {
	t.Helper()
	var node yaml.Node
	if err := yaml.Unmarshal(data, &node); err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	for _, e := range d.Validate(fromYAML(&node)) {
		t.Errorf("%s: %s", name, e)
	}
}

// Every article's front matter names the schema and validates against it.
func TestRealArticles(t *testing.T) {
	d := load(t, "article.schema.json")
	files, _ := filepath.Glob(filepath.Join(root, content.Dir, "*.md"))
	if len(files) == 0 {
		t.Skip("no articles")
	}
	for _, p := range files {
		data, _ := os.ReadFile(p)
		fm, ok := frontMatter(data)
		if !ok {
			t.Errorf("%s: no front matter", p)
			continue
		}
		if !bytes.Contains(fm, []byte("# yaml-language-server: $schema=../schema/article.schema.json\n")) {
			t.Errorf("%s: the front matter does not name the schema", p)
		}
		validateYAML(t, d, p, fm)
	}
}

func frontMatter(data []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("---\n"))
	if !ok {
		return nil, false
	}
	fm, _, ok := bytes.Cut(rest, []byte("\n---\n"))
	return append(fm, '\n'), ok
}

// loaderErrors parses an occasion as anlass check does (one file) and
// returns its errors; warnings do not make a file invalid.
func loaderErrors(rel string, data []byte, parse func(string, []byte, *diag.List)) []string {
	var l diag.List
	parse(rel, data, &l)
	var out []string
	for _, d := range l {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}

// The vocabularies name their schema and validate against it, and the
// loader reads them without a problem.
func TestRealVocabularies(t *testing.T) {
	for _, f := range []struct{ file, schema string }{{vocab.ZielgruppenFile, "zielgruppen.schema.json"}, {vocab.ThemenFile, "themen.schema.json"}} {
		d := load(t, f.schema)
		data, err := os.ReadFile(filepath.Join(root, f.file))
		if err != nil {
			t.Fatal(err)
		}
		want := "# yaml-language-server: $schema=../schema/" + f.schema
		if first, _, _ := strings.Cut(string(data), "\n"); first != want {
			t.Errorf("%s: first line %q, want %q", f.file, first, want)
		}
		validateYAML(t, d, f.file, data)
	}
	v, l := vocab.Load(root)
	if len(l) > 0 || len(v.Zielgruppen) < 20 || len(v.Themen) < 30 {
		t.Fatalf("%d target groups, %d topics, %v", len(v.Zielgruppen), len(v.Themen), l)
	}
}

func TestHolidayKeysMatchLoader(t *testing.T) {
	d := load(t, "holiday.schema.json")
	k := occasion.HolidayKeys()
	sameSet(t, "top-level keys", keys(d.get(t, "properties")), k.Top)
	sameSet(t, "name keys", keys(d.get(t, "properties", "name", "properties")), k.Name)
	sameSet(t, "region keys", keys(d.get(t, "definitions", "region", "properties")), k.Region)
	sameSet(t, "source keys", keys(d.get(t, "properties", "sources", "items", "properties")), k.Source)
	for _, path := range [][]string{{}, {"properties", "name"}, {"definitions", "region"}, {"properties", "sources", "items"}} {
		if ap, ok := d.get(t, path...)["additionalProperties"].(bool); !ok || ap {
			t.Errorf("%v: additionalProperties must be false (the loader rejects unknown keys)", path)
		}
	}
	var codes []string
	for _, r := range regioncode.All() {
		codes = append(codes, r.Code)
	}
	if got := strs(d.get(t, "definitions", "region", "properties", "code")["enum"]); !slices.Equal(got, codes) {
		t.Errorf("region code enum %v, internal/regioncode %v", got, codes)
	}
	for _, key := range []string{"since", "until"} {
		for _, path := range [][]string{{"properties", key}, {"definitions", "region", "properties", key}} {
			s := d.get(t, path...)
			if lo, hi := s["minimum"].(float64), s["maximum"].(float64); int(lo) != occasion.MinYear || int(hi) != occasion.MaxYear {
				t.Errorf("%s: %v … %v, loader %d … %d", strings.Join(path, "/"), lo, hi, occasion.MinYear, occasion.MaxYear)
			}
		}
	}
}

// Every holiday file validates against the holiday schema.
func TestRealHolidays(t *testing.T) {
	validateRealFiles(t, "holiday.schema.json", occasion.HolidaysDir, nil)
}

// The schema and the loader agree on region entries: the schema accepts a
// holiday exactly when the loader finds no error in it.
func TestHolidayRegionsAgree(t *testing.T) {
	d := load(t, "holiday.schema.json")
	for _, regions := range []string{
		"[DE]",
		"[{code: DE, until: 1994}, {code: DE-SN, since: 1995}]",
		"[{code: DE-SN, since: 1993, partial: nur in Bautzen}]",
		"[{code: DE-SN, since: null}]",
		"[{code: DE-SN, from: 1995}]",
		"[{code: DE-SN, since: \"1995\"}]",
		"[{code: DE-SN, since: 1200}]",
		"[{code: DE-SN, until: 3000}]",
		"[{code: DE-XX}]",
		"[{partial: nur hier}]",
		"[]",
		"[{code: DE-SN, since: 1995.5}]",
	} {
		src := "id: h\nname: {de: H}\ndate: \"10-31\"\nregions: " + regions + "\nsources: [{url: \"https://example.org/\", title: B}]\n"
		var node yaml.Node
		if err := yaml.Unmarshal([]byte(src), &node); err != nil {
			t.Fatal(err)
		}
		schemaOK := len(d.Validate(fromYAML(&node))) == 0
		loaderErrs := loaderErrors("h.yaml", []byte(src), func(rel string, data []byte, l *diag.List) { occasion.Parse(rel, data, occasion.Holiday, l) })
		if schemaOK != (len(loaderErrs) == 0) {
			t.Errorf("regions: %s: schema valid = %v, loader errors %v", regions, schemaOK, loaderErrs)
		}
	}
}
