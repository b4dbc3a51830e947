package occasion

import (
	"slices"

	"go.yaml.in/yaml/v3"
)

// The keys each mapping of an occasion file may have. Load rejects any other.
var (
	nameKeys     = []string{"de", "en"}
	ideaKeys     = []string{"kind", "title", "text", "audience", "zielgruppen", "budget", "remote"}
	sourceKeys   = []string{"url", "title"}
	greetingKeys = []string{"sie", "du"}
	ideaKinds    = []string{"gift", "contact"}
)

// FileKeys lists the keys allowed in a catalogue occasion file, per mapping.
type FileKeys struct {
	Top, Name, Idea, Source, Greeting, Budget []string
}

// Keys returns the keys the loader accepts in occasions/ files. Tools that
// describe the format (the JSON Schema in schema/ and its test) use it to stay
// in step with the loader.
func Keys() FileKeys {
	return FileKeys{
		Top:      slices.Clone(catalogueKeys),
		Name:     slices.Clone(nameKeys),
		Idea:     slices.Clone(ideaKeys),
		Source:   slices.Clone(sourceKeys),
		Greeting: slices.Clone(greetingKeys),
		Budget:   slices.Clone(budgetKeys),
	}
}

// IdeaKinds returns the allowed values of an idea's kind.
func IdeaKinds() []string { return slices.Clone(ideaKinds) }

// isBlank reports whether a value is absent, null, blank text or an empty
// mapping: `date:` left empty counts as no date.
func isBlank(n *yaml.Node) bool {
	switch {
	case n == nil:
		return true
	case n.Kind == yaml.ScalarNode:
		return n.Tag == "!!null" || len(n.Value) == 0 || isSpace(n.Value)
	case n.Kind == yaml.MappingNode:
		return len(n.Content) == 0
	}
	return false
}

func isSpace(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}

// HolidayFileKeys lists the keys allowed in a holidays/ file, per mapping.
type HolidayFileKeys struct {
	Top, Name, Region, Source []string
}

// HolidayKeys returns the keys the loader accepts in holidays/ files, for the
// JSON Schema of holiday files and its test.
func HolidayKeys() HolidayFileKeys {
	return HolidayFileKeys{
		Top:    slices.Clone(holidayKeys),
		Name:   slices.Clone(nameKeys),
		Region: slices.Clone(regionKeys),
		Source: slices.Clone(sourceKeys),
	}
}
