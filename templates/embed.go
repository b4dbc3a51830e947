// Package templates holds the site's page templates (html/template) and its
// static assets (static/). A site owner restyles the site by editing these
// files; anlass reads them from the project's templates/ folder and falls
// back to this built-in copy when a project has none.
package templates

import "embed"

// The customer calendar's page runs the Go code compiled to WebAssembly
// (static/kundenkalender.wasm); regenerate it after changing that code.
//
//go:generate go run ../internal/kundenkalender/wasmgen

// FS is the built-in copy of the templates and static/ assets.
//
//go:embed *.html static
var FS embed.FS
