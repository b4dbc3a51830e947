package calendar

import (
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
)

// Lint is the feed linter, for the external tests in x
var Lint = lint

// Clean is the control-character filter, for the golang-ical comparison.
var Clean = clean

// Calendars makes every catalogue feed of a build (without regions), for tests.
func (b Builder) Calendars(cat *occasion.Catalog, w *schedule.Window) []Calendar {
	var out []Calendar
	for _, f := range b.Feeds(cat, w, nil) {
		out = append(out, f.Make())
	}
	return out
}
