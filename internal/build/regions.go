package build

import (
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/schedule"
)

// regionBook computes every region's holidays, Brückentage and Ferienbeginn
// once per build, from the window's holiday occurrences.
func regionBook(p *project.Project, w *schedule.Window) *regiondays.Book {
	if len(p.Catalog.Holidays) == 0 {
		return nil
	}
	return regiondays.ForWindow(p.Engine, w, p.School)
}
