// Package vocab reads the shared vocabularies in data/: the target groups
// of ideas (data/zielgruppen.yaml: industries and roles) and the topics of
// occasions (data/themen.yaml), each term a slug with its German label. The
// slugs are part of URLs (/zielgruppen/<slug>/, /themen/<slug>/) and feed
// paths, so they never change once published.
package vocab

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/yamlfile"
)

// Dir is the folder of the vocabularies, relative to the project root.
const Dir = "data"

// Files of the vocabularies, relative to the project root.
const (
	ZielgruppenFile = Dir + "/zielgruppen.yaml"
	ThemenFile      = Dir + "/themen.yaml"
)

// Art tells industries from roles among the target groups.
type Art string

const (
	Branche Art = "branche" // an industry: it, handwerk, gastronomie
	Rolle   Art = "rolle"   // a role at the customer: empfang, einkauf
)

// Everyone is the target group of ideas that suit every industry. It is a
// target group of its own: a filter on one industry does not include it.
const Everyone = "alle-branchen"

// Term is one entry of a vocabulary.
type Term struct {
	Slug  string
	Label string // German, as the site shows it: "IT", "Rückblick"
	Art   Art    // target groups only
	Line  int    // where the slug is, for messages
	Col   int
}

// Vocab holds both vocabularies.
type Vocab struct {
	Zielgruppen  []Term // in file order
	Themen       []Term // in file order
	ziel, themen map[string]*Term
}

// Load reads both files below root. A project without data/ has empty
// vocabularies (and then no idea may name a target group, no occasion a
// topic).
func Load(root string) (*Vocab, diag.List) {
	var l diag.List
	v := &Vocab{ziel: map[string]*Term{}, themen: map[string]*Term{}}
	v.Zielgruppen = load(root, ZielgruppenFile, true, &l)
	v.Themen = load(root, ThemenFile, false, &l)
	for i := range v.Zielgruppen {
		v.ziel[v.Zielgruppen[i].Slug] = &v.Zielgruppen[i]
	}
	for i := range v.Themen {
		t := &v.Themen[i]
		v.themen[t.Slug] = t
		if z := v.ziel[t.Slug]; z != nil {
			l.Errorf(ThemenFile, t.Line, t.Col, "%q is a target group too (%s:%d): a topic and a target group never share a slug", t.Slug, ZielgruppenFile, z.Line)
		}
	}
	return v, l
}

func load(root, rel string, groups bool, l *diag.List) []Term {
	data, err := yamlfile.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		l.Errorf(rel, 0, 0, "%v", err)
		return nil
	}
	n := yamlfile.Parse(rel, data, l)
	if n == nil {
		return nil
	}
	key := "themen"
	keys := []string{"slug", "label"}
	if groups {
		key, keys = "zielgruppen", []string{"slug", "label", "art"}
	}
	m := yamlfile.NewMap(rel, n, l, "", key)
	var out []Term
	seen := map[string]int{}
	for _, it := range m.Seq(key, true) {
		if it.Kind != yaml.MappingNode {
			m.Errorf(it, "each entry must be a mapping with %s", strings.Join(keys, ", "))
			continue
		}
		em := yamlfile.NewMap(rel, it, l, "entry", keys...)
		var t Term
		var sn *yaml.Node
		t.Slug, sn = em.String("slug", true)
		t.Label, _ = em.String("label", true)
		if sn == nil || t.Slug == "" {
			continue
		}
		t.Line, t.Col = sn.Line, yamlfile.ValueColumn(sn)
		if !yamlfile.IsSlug(t.Slug) {
			em.Errorf(sn, "slug %q: use lower-case ASCII letters, digits and single hyphens (ä → ae, ß → ss)", t.Slug)
			continue
		}
		if line, dup := seen[t.Slug]; dup {
			em.Errorf(sn, "slug %q is listed twice (first on line %d)", t.Slug, line)
			continue
		}
		seen[t.Slug] = sn.Line
		if groups {
			art, an := em.String("art", true)
			t.Art = Art(art)
			if an != nil && art != "" && t.Art != Branche && t.Art != Rolle {
				em.Errorf(an, "art %q: expected branche or rolle", art)
			}
		}
		out = append(out, t)
	}
	return out
}

// Zielgruppe returns the target group with slug, or nil.
func (v *Vocab) Zielgruppe(slug string) *Term { return v.ziel[slug] }

// Thema returns the topic with slug, or nil.
func (v *Vocab) Thema(slug string) *Term { return v.themen[slug] }

// ZielgruppenSlugs and ThemenSlugs list the slugs, for suggestions.
func (v *Vocab) ZielgruppenSlugs() []string { return slugs(v.Zielgruppen) }
func (v *Vocab) ThemenSlugs() []string      { return slugs(v.Themen) }

func slugs(ts []Term) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, t.Slug)
	}
	return out
}

// Label returns the German label of a topic or target group slug; the slug
// itself when it is in neither vocabulary.
func (v *Vocab) Label(slug string) string {
	if t := v.themen[slug]; t != nil {
		return t.Label
	}
	if t := v.ziel[slug]; t != nil {
		return t.Label
	}
	return slug
}

// MinOccasions is how many occasions a topic needs for a page and a feed
// of its own: a page listing one occasion only leads back to it.
const MinOccasions = 2

// Selection is a term with the catalogue occasions it selects, in the
// catalogue's order (by id).
type Selection struct {
	Term
	Occasions []*occasion.Occasion
}

// TopicSelections returns every topic with at least MinOccasions occasions
// tagged with it, in the vocabulary's order.
func (v *Vocab) TopicSelections(cat *occasion.Catalog) []Selection {
	var out []Selection
	for _, t := range v.Themen {
		sel := Selection{Term: t}
		for _, o := range cat.Occasions {
			if slices.Contains(o.Tags, t.Slug) {
				sel.Occasions = append(sel.Occasions, o)
			}
		}
		if len(sel.Occasions) >= MinOccasions {
			out = append(out, sel)
		}
	}
	return out
}

// GroupSelections returns every target group that an idea names, with the
// occasions that have such an idea, in the vocabulary's order. An idea for
// every industry (Everyone) counts for that entry only: a group's page
// shows what was thought for it.
func (v *Vocab) GroupSelections(cat *occasion.Catalog) []Selection {
	var out []Selection
	for _, t := range v.Zielgruppen {
		sel := Selection{Term: t}
		for _, o := range cat.Occasions {
			if slices.ContainsFunc(o.Ideas, func(i occasion.Idea) bool { return slices.Contains(i.Zielgruppen, t.Slug) }) {
				sel.Occasions = append(sel.Occasions, o)
			}
		}
		if len(sel.Occasions) > 0 {
			out = append(out, sel)
		}
	}
	return out
}
