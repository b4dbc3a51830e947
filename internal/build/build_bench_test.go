package build

import (
	"path/filepath"
	"testing"
)

// BenchmarkBuildRealContent measures the whole pipeline on the repo's own
// content: load and check, compute, write feeds and pages, swap.
//
//	go test ./internal/build -run '^$' -bench BuildRealContent -benchtime 10x
func BenchmarkBuildRealContent(b *testing.B) {
	dest := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, l, err := Build(Options{Source: "../..", Destination: dest, Now: testNow}); err != nil {
			b.Fatalf("%v\n%v", err, l.Err())
		}
	}
}
