package build

import (
	"github.com/anlass/anlass/internal/feed"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/schedule"
)

// regionCalendars returns the per-region feeds (public holidays, Brückentage, Ferienbeginn).
func regionCalendars(fb feed.Builder, p *project.Project, w *schedule.Window) []feed.Calendar {
	return nil
}
