package build

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBuildRealContent measures the whole pipeline on the repo's own
// content: load and check, compute, write feeds and pages, apply.
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

// BenchmarkFileSystem is the file-system part of a build of the repo's
// content alone: the same folders and files, with their bytes rendered
// before the timer starts, put in place as Build does (Snapshot.output).
// "cold" writes them into a folder that does not exist yet; "unchanged"
// over a previous output with the same bytes, as a rebuild without changes
// does. It is the floor of a whole build on the file system it runs on (set
// TMPDIR to choose one):
//
//	go test ./internal/build -run '^$' -bench FileSystem -benchtime 20x
//	TMPDIR=/dev/shm go test ./internal/build -run '^$' -bench FileSystem -benchtime 20x
func BenchmarkFileSystem(b *testing.B) {
	snap, l, err := Prepare(Options{Source: "../..", Now: testNow})
	if err != nil {
		b.Fatalf("%v\n%v", err, l.Err())
	}
	floor := &Snapshot{files: map[string]*lazyFile{}, dirs: snap.dirs}
	var bytes int64
	for name, f := range snap.files {
		data, err := f.render()
		if err != nil {
			b.Fatal(err)
		}
		bytes += int64(len(data))
		floor.files[name] = &lazyFile{render: func() ([]byte, error) { return data, nil }}
	}
	for _, mode := range []string{"cold", "unchanged"} {
		b.Run(mode, func(b *testing.B) {
			dest := filepath.Join(b.TempDir(), "public")
			if _, err := floor.output(dest, nil); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if mode == "cold" {
					b.StopTimer()
					if err := os.RemoveAll(dest); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				if _, err := floor.output(dest, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(floor.files)), "files/op")
			b.ReportMetric(float64(bytes), "bytes/op")
		})
	}
}
