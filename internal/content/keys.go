package content

import "slices"

// frontMatterKeys are the keys an article's front matter may have.
var frontMatterKeys = []string{"title", "summary", "date", "occasions", "tags", "widget", "draft"}

// Widgets are the interactive pieces an article may name in `widget:`; the
// article template renders the one named (templates/partials.html,
// "widget-<name>").
var Widgets = []string{"kundenbindungsrate"}

// FrontMatterKeys returns the keys the loader accepts in front matter, for
// tools that describe the format (the JSON Schema in schema/ and its test).
func FrontMatterKeys() []string { return slices.Clone(frontMatterKeys) }
