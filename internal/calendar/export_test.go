package calendar

import (
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
)

// For the external tests in package calendar_test (which may import
// packages that import calendar).
var (
	Lint       = lint       // the linter of subscription feeds
	LintImport = lintImport // the linter of files for import
)

// Calendars makes every catalogue feed of a build (without regions), for tests.
func (b Builder) Calendars(cat *occasion.Catalog, w *schedule.Window) []Calendar {
	var out []Calendar
	for _, f := range b.Feeds(cat, w, nil, nil) {
		out = append(out, f.Make())
	}
	return out
}
