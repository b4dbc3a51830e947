package build

import "github.com/anlass/anlass/internal/site"

// renderSite renders the HTML catalogue and its data files into dir.
func renderSite(in site.Input, dir string) (int, error) {
	st, err := site.Render(in, dir)
	return st.Pages, err
}
