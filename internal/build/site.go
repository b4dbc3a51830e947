package build

import (
	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/site"
)

// renderSite renders the HTML catalogue and its data files into dir.
func renderSite(p *project.Project, w *schedule.Window, clock project.Clock, articles []*content.Article, dir string) (int, error) {
	st, err := site.Render(site.Input{Project: p, Window: w, Clock: clock, Articles: articles}, dir)
	return st.Pages, err
}
