package site

import (
	"testing"

	"github.com/anlass/anlass/internal/testutil"
)

// BenchmarkSearchIndex builds the search's files (internal/search: words,
// stems, compounds, shards) for the real content; it is part of every
// build.
//
//	go test ./internal/site -run '^$' -bench SearchIndex -benchmem
func BenchmarkSearchIndex(b *testing.B) {
	p, clock, w := testutil.Window(b, "../..", "2026-11-22")
	var articles = p.Articles[:0:0]
	for _, a := range p.Articles {
		if !a.Draft {
			articles = append(articles, a)
		}
	}
	s, err := newSite(Input{Project: p, Window: w, Clock: clock, Articles: articles})
	if err != nil {
		b.Fatal(err)
	}
	pages := s.outputs()
	var n, bytes int
	for b.Loop() {
		outs := s.searchOutputs(pages)
		n, bytes = len(outs), 0
		for _, o := range outs {
			data, err := o.render()
			if err != nil {
				b.Fatal(err)
			}
			bytes += len(data)
		}
	}
	b.ReportMetric(float64(n), "files/op")
	b.ReportMetric(float64(bytes), "bytes/op")
}
