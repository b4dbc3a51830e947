package build

import (
	"os"
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

// BenchmarkBuildSource builds the project in $ANLASS_BENCH_SOURCE, e.g. one
// made by bench/gen, for profiling large builds:
//
//	go run ./bench/gen -n 1000 -out /tmp/b1000
//	ANLASS_BENCH_SOURCE=/tmp/b1000/anlass go test ./internal/build -run '^$' \
//	  -bench BuildSource -benchtime 3x -cpuprofile cpu.out
func BenchmarkBuildSource(b *testing.B) {
	src := os.Getenv("ANLASS_BENCH_SOURCE")
	if src == "" {
		b.Skip("set ANLASS_BENCH_SOURCE to a project folder")
	}
	dest := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, l, err := Build(Options{Source: src, Destination: dest, Now: testNow}); err != nil {
			b.Fatalf("%v\n%v", err, l.Err())
		}
	}
}
