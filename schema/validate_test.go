package schema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A validator for the part of JSON Schema draft-07 the schemas use. Editors
// implement all of it; this one exists so that the tests can check the
// schemas against the Go loaders without a dependency. Every keyword the
// schemas contain must be one it knows (TestSupportedKeywords), so a schema
// cannot silently use something this validator ignores.

// annotations are keywords that do not affect validity.
var annotations = map[string]bool{
	"$schema": true, "$comment": true, "title": true, "description": true, "markdownDescription": true,
	"enumDescriptions": true, "markdownEnumDescriptions": true, "default": true, "examples": true,
	"format": true, "definitions": true,
}

// validating are the keywords validate implements.
var validating = map[string]bool{
	"$ref": true, "type": true, "enum": true, "const": true, "pattern": true, "minLength": true, "maxLength": true,
	"minimum": true, "maximum": true, "items": true, "minItems": true, "maxItems": true, "uniqueItems": true,
	"properties": true, "required": true, "additionalProperties": true, "propertyNames": true,
	"minProperties": true, "anyOf": true, "allOf": true, "oneOf": true, "not": true, "if": true, "then": true, "else": true,
}

type schemaDoc struct {
	root map[string]any
	res  map[string]*regexp.Regexp
}

func parseSchema(data []byte) (*schemaDoc, error) {
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	return &schemaDoc{root: root, res: map[string]*regexp.Regexp{}}, nil
}

// subschemas calls f for every schema nested in s, with its JSON pointer.
func subschemas(s map[string]any, ptr string, f func(map[string]any, string)) {
	f(s, ptr)
	for _, key := range []string{"properties", "definitions"} {
		if m, ok := s[key].(map[string]any); ok {
			for name, sub := range m {
				if sm, ok := sub.(map[string]any); ok {
					subschemas(sm, ptr+"/"+key+"/"+name, f)
				}
			}
		}
	}
	for _, key := range []string{"items", "additionalProperties", "propertyNames", "not", "if", "then", "else"} {
		if sm, ok := s[key].(map[string]any); ok {
			subschemas(sm, ptr+"/"+key, f)
		}
	}
	for _, key := range []string{"anyOf", "allOf", "oneOf"} {
		if list, ok := s[key].([]any); ok {
			for i, sub := range list {
				if sm, ok := sub.(map[string]any); ok {
					subschemas(sm, fmt.Sprintf("%s/%s/%d", ptr, key, i), f)
				}
			}
		}
	}
}

func (d *schemaDoc) regexp(p string) *regexp.Regexp {
	if re, ok := d.res[p]; ok {
		return re
	}
	re := regexp.MustCompile(p)
	d.res[p] = re
	return re
}

// Validate returns the problems of instance x, one per line, empty when valid.
func (d *schemaDoc) Validate(x any) []string {
	var out []string
	d.validate(d.root, x, "", &out)
	return out
}

func (d *schemaDoc) validate(s map[string]any, x any, at string, out *[]string) {
	fail := func(format string, args ...any) {
		*out = append(*out, fmt.Sprintf("%s: %s", cmpOr(at, "(top)"), fmt.Sprintf(format, args...)))
	}
	if ref, ok := s["$ref"].(string); ok {
		name, ok := strings.CutPrefix(ref, "#/definitions/")
		if !ok {
			panic("unsupported $ref " + ref)
		}
		d.validate(d.root["definitions"].(map[string]any)[name].(map[string]any), x, at, out)
		return
	}
	if t, ok := s["type"]; ok && !hasType(t, x) {
		fail("type %v expected, found %s", t, typeOf(x))
		return
	}
	if e, ok := s["enum"].([]any); ok && !slices.ContainsFunc(e, func(v any) bool { return reflect.DeepEqual(v, x) }) {
		fail("%v is not one of %v", x, e)
	}
	if c, ok := s["const"]; ok && !reflect.DeepEqual(c, x) {
		fail("%v is not %v", x, c)
	}
	switch v := x.(type) {
	case string:
		if p, ok := s["pattern"].(string); ok && !d.regexp(p).MatchString(v) {
			fail("%q does not match %s", v, p)
		}
		n := float64(utf8.RuneCountInString(v))
		if m, ok := s["minLength"].(float64); ok && n < m {
			fail("%d characters, fewer than %v", int(n), m)
		}
		if m, ok := s["maxLength"].(float64); ok && n > m {
			fail("%d characters, more than %v", int(n), m)
		}
	case float64:
		if m, ok := s["minimum"].(float64); ok && v < m {
			fail("%v is below %v", v, m)
		}
		if m, ok := s["maximum"].(float64); ok && v > m {
			fail("%v is above %v", v, m)
		}
	case []any:
		if m, ok := s["minItems"].(float64); ok && float64(len(v)) < m {
			fail("%d items, fewer than %v", len(v), m)
		}
		if m, ok := s["maxItems"].(float64); ok && float64(len(v)) > m {
			fail("%d items, more than %v", len(v), m)
		}
		if u, _ := s["uniqueItems"].(bool); u {
			for i := range v {
				for j := range i {
					if reflect.DeepEqual(v[i], v[j]) {
						fail("items %d and %d are equal", j, i)
					}
				}
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, it := range v {
				d.validate(items, it, fmt.Sprintf("%s[%d]", at, i), out)
			}
		}
	case map[string]any:
		if m, ok := s["minProperties"].(float64); ok && float64(len(v)) < m {
			fail("%d properties, fewer than %v", len(v), m)
		}
		if req, ok := s["required"].([]any); ok {
			for _, r := range req {
				if _, ok := v[r.(string)]; !ok {
					fail("missing required %q", r)
				}
			}
		}
		props, _ := s["properties"].(map[string]any)
		for _, k := range sortedKeys(v) {
			kat := strings.TrimPrefix(at+"."+k, ".")
			if pn, ok := s["propertyNames"].(map[string]any); ok {
				d.validate(pn, k, kat+" (name)", out)
			}
			if ps, ok := props[k].(map[string]any); ok {
				d.validate(ps, v[k], kat, out)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					fail("unknown property %q", k)
				}
			case map[string]any:
				d.validate(ap, v[k], kat, out)
			}
		}
	}
	valid := func(sub any) bool {
		var o []string
		d.validate(sub.(map[string]any), x, at, &o)
		return len(o) == 0
	}
	if list, ok := s["allOf"].([]any); ok {
		for _, sub := range list {
			d.validate(sub.(map[string]any), x, at, out)
		}
	}
	if list, ok := s["anyOf"].([]any); ok && !slices.ContainsFunc(list, valid) {
		fail("matches none of anyOf")
	}
	if list, ok := s["oneOf"].([]any); ok {
		n := 0
		for _, sub := range list {
			if valid(sub) {
				n++
			}
		}
		if n != 1 {
			fail("matches %d of oneOf, not exactly one", n)
		}
	}
	if not, ok := s["not"]; ok && valid(not) {
		fail("matches the schema under not")
	}
	if cond, ok := s["if"]; ok {
		if valid(cond) {
			if then, ok := s["then"].(map[string]any); ok {
				d.validate(then, x, at, out)
			}
		} else if els, ok := s["else"].(map[string]any); ok {
			d.validate(els, x, at, out)
		}
	}
}

func hasType(t, x any) bool {
	switch t := t.(type) {
	case string:
		return typeIs(t, x)
	case []any:
		return slices.ContainsFunc(t, func(n any) bool { return typeIs(n.(string), x) })
	}
	panic(fmt.Sprintf("bad type %v", t))
}

func typeIs(name string, x any) bool {
	switch name {
	case "integer":
		f, ok := x.(float64)
		return ok && f == float64(int64(f))
	case "number":
		_, ok := x.(float64)
		return ok
	}
	return typeOf(x) == name
}

func typeOf(x any) string {
	switch x.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", x)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// fromYAML turns YAML into the JSON data model, as the YAML language server
// does (YAML 1.2 core schema): keys become strings, dates stay strings.
func fromYAML(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return fromYAML(n.Content[0])
	case yaml.AliasNode:
		return fromYAML(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = fromYAML(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			s = append(s, fromYAML(c))
		}
		return s
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true")
	case "!!int":
		if v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return float64(v)
		}
	case "!!float":
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return v
		}
	}
	return n.Value
}

func TestValidator(t *testing.T) {
	d, err := parseSchema([]byte(`{
		"type": "object", "required": ["a"], "additionalProperties": false,
		"properties": {
			"a": {"type": "integer", "minimum": 1},
			"b": {"type": ["string", "null"], "pattern": "^x", "minLength": 2},
			"c": {"type": "array", "items": {"enum": ["p", "q"]}, "uniqueItems": true, "minItems": 1},
			"d": {"$ref": "#/definitions/d"}
		},
		"if": {"required": ["b"], "properties": {"b": {"type": "string"}}}, "then": {"required": ["c"]},
		"anyOf": [{"required": ["a"]}, {"required": ["d"]}],
		"definitions": {"d": {"type": "object", "propertyNames": {"pattern": "^[0-9]+$"}, "additionalProperties": {"not": {"const": "no"}}}}
	}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		doc   string
		valid bool
	}{
		{`a: 1`, true},
		{`a: 0`, false},
		{`a: 1.5`, false},
		{`a: "1"`, false},
		{`b: xx`, false},
		{`{a: 1, b: null}`, true},
		{`{a: 1, b: xy}`, false},
		{`{a: 1, b: xy, c: [p]}`, true},
		{`{a: 1, b: x, c: [p]}`, false},
		{`{a: 1, b: yy, c: [p]}`, false},
		{`{a: 1, c: [p, p]}`, false},
		{`{a: 1, c: [r]}`, false},
		{`{a: 1, c: []}`, false},
		{`{a: 1, e: 1}`, false},
		{`{a: 1, d: {2025: ok}}`, true},
		{`{a: 1, d: {x: ok}}`, false},
		{`{a: 1, d: {2025: "no"}}`, false},
		{`[1]`, false},
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(c.doc), &n); err != nil {
			t.Fatal(err)
		}
		if errs := d.Validate(fromYAML(&n)); (len(errs) == 0) != c.valid {
			t.Errorf("%s: valid %v, want %v: %v", c.doc, len(errs) == 0, c.valid, errs)
		}
	}
}
