package build

import (
	"github.com/anlass/anlass/internal/feed"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/regions"
	"github.com/anlass/anlass/internal/schedule"
)

// regionCalendars returns the per-region feeds (public holidays, Brückentage,
// Ferienbeginn); a project without public holidays has none.
func regionCalendars(fb feed.Builder, p *project.Project, w *schedule.Window) []feed.Calendar {
	if len(p.Catalog.Holidays) == 0 {
		return nil
	}
	return regionBook(p, w).Calendars(fb)
}

// regionBook computes every region's holidays, Brückentage and Ferienbeginn
// from the window's holiday occurrences.
func regionBook(p *project.Project, w *schedule.Window) *regions.Book {
	book, err := regions.FromWindow(p.Engine, w, p.School)
	if err != nil {
		// Only the few days beyond the window's edges can fail here (the
		// window itself was computed without error, and `anlass check`
		// evaluates every rule in every year). Without them, a Brückentag
		// on the window's first or last days can be missed, never invented.
		book = regions.New(w.Holidays, p.School, w.From, w.To)
	}
	return book
}
