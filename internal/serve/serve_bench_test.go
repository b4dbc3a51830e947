package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/testutil"
)

// BenchmarkChangeToPage measures what a contributor waits for in `anlass
// serve` with the repo's real content: from saving an occasion file to
// receiving the changed page — the watcher's debounce, the rebuild and the
// page's rendering included. One op is one save.
//
//	go test ./internal/serve -run '^$' -bench ChangeToPage -benchtime 20x
func BenchmarkChangeToPage(b *testing.B) {
	dir := b.TempDir()
	for _, in := range project.Inputs {
		if fi, err := os.Stat(filepath.Join("../..", in)); err == nil && fi.IsDir() {
			testutil.CopyDir(b, filepath.Join("../..", in), filepath.Join(dir, in))
		}
	}
	data, err := os.ReadFile("../../anlass.yaml")
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "anlass.yaml"), data, 0o644); err != nil {
		b.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Source: dir, Port: 0, Ready: func(url string) { ready <- url }})
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		b.Fatal(err)
	case <-time.After(30 * time.Second):
		b.Fatal("no first build")
	}
	version := func() string {
		resp, err := http.Get(url + strings.TrimPrefix(statusPath, "/"))
		if err != nil {
			b.Fatal(err)
		}
		defer func() { _ = resp.Body.Close() }()
		var st State
		if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
			b.Fatal(err)
		}
		return st.Version
	}
	file := filepath.Join(dir, "occasions/quirky/pi-tag.yaml")
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	name := regexp.MustCompile(`(?m)^  de: .*$`)
	i := 0
	for b.Loop() {
		i++
		before := version()
		want := fmt.Sprintf("Pi-Tag Nr. %d", i)
		testutil.WriteFile(b, file, string(name.ReplaceAll(orig, []byte("  de: "+want))))
		deadline := time.Now().Add(10 * time.Second)
		for version() == before {
			if time.Now().After(deadline) {
				b.Fatal("no rebuild within 10 s")
			}
			time.Sleep(time.Millisecond)
		}
		resp, err := http.Get(url + "anlaesse/pi-tag/")
		if err != nil {
			b.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if !strings.Contains(string(page), want) {
			b.Fatalf("the page does not show %q", want)
		}
		b.StopTimer()
		time.Sleep(100 * time.Millisecond) // let the watcher settle before the next save
		b.StartTimer()
	}
}
