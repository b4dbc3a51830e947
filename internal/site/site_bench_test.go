package site_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/anlass/anlass/internal/site"
	"github.com/anlass/anlass/internal/testutil"
)

// BenchmarkRender renders every page and data file of the real content into
// a fresh folder: templates parsed once per build, pages on NumCPU workers,
// Markdown through goldmark (on the file system of the temporary folder).
//
//	go test ./internal/site -run '^$' -bench Render -benchmem
func BenchmarkRender(b *testing.B) {
	p, clock, w := testutil.Window(b, "../..", "2026-11-22")
	var articles = p.Articles[:0:0]
	for _, a := range p.Articles {
		if !a.Draft {
			articles = append(articles, a)
		}
	}
	in := site.Input{Project: p, Window: w, Clock: clock, Articles: articles}
	dir := filepath.Join(b.TempDir(), "public")
	var st site.Stats
	var err error
	for b.Loop() {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		if st, err = site.Render(in, dir); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := os.RemoveAll(dir); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(st.Pages), "pages/op")
	b.ReportMetric(float64(st.Files), "files/op")
}
