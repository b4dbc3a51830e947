package site_test

import (
	"testing"

	"github.com/anlass/anlass/internal/parallel"
	"github.com/anlass/anlass/internal/site"
	"github.com/anlass/anlass/internal/testutil"
)

// BenchmarkRender prepares the site of the real content (templates parsed
// and the project indexed once per build) and renders every page and data
// file into memory on NumCPU workers, Markdown through goldmark. Writing the
// files is measured with the whole build (internal/build).
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
	var files []site.File
	var bytes int64
	for b.Loop() {
		var err error
		if files, err = site.Files(in); err != nil {
			b.Fatal(err)
		}
		sizes := make([]int, len(files))
		err = parallel.Each(len(files), func(i int) error {
			data, err := files[i].Render()
			sizes[i] = len(data)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		bytes = 0
		for _, n := range sizes {
			bytes += int64(n)
		}
	}
	b.ReportMetric(float64(len(files)), "files/op")
	b.ReportMetric(float64(bytes), "bytes/op")
}
