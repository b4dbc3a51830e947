// Package schema holds the JSON Schemas (draft-07) of the files contributors
// write: occasion.schema.json for occasions/**/*.yaml, holiday.schema.json for
// holidays/**/*.yaml and article.schema.json for the front matter of
// content/*.md. Each file points at its schema in a
// first-line comment, `# yaml-language-server: $schema=…`, so that editors
// that use the YAML language server (VS Code's YAML extension, Neovim, Helix,
// Zed) complete keys and underline mistakes while typing.
//
// The schemas describe what the loaders in internal/occasion and
// internal/content accept; schema_test.go keeps the two in step.
package schema

import "embed"

// Files holds the schemas.
//
//go:embed *.schema.json
var Files embed.FS
