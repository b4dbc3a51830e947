package site

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenFiles are the outputs of the fixture compared byte for byte (after
// masking asset hashes, so a stylesheet edit does not touch every file).
var goldenFiles = []string{
	"index.html",
	"404.html",
	"anlaesse/index.html",
	"anlaesse/pi-tag/index.html",
	"anlaesse/raunaechte/index.html",
	"anlaesse/schalttag/index.html",
	"anlaesse/tag-der-klammer/index.html",
	"kategorien/quirky/index.html",
	"ideen/index.html",
	"ideen/antizyklisch/index.html",
	"ideen/messen/index.html",
	"themen/index.html",
	"themen/it/index.html",
	"planer/2026/index.html",
	"abonnieren/index.html",
	"suche/index.html",
	"daten/index.html",
	"suche/index.json",
	"sitemap.xml",
	"robots.txt",
	"ideen/atom.xml",
	"daten/anlaesse.json",
	"daten/2026.json",
	"daten/2026.csv",
}

var assetHash = regexp.MustCompile(`\?v=[0-9a-f]{10}`)

// TestGolden renders the fixture site and compares it with testdata/golden.
// Run `go test ./internal/site -run Golden -update` after an intended change
// and review the diff.
func TestGolden(t *testing.T) {
	dir, st := renderTo(t, fixture(t))
	files := readTree(t, dir)

	var list []string
	for p := range files {
		list = append(list, p)
	}
	slices.Sort(list)
	listing := []byte(strings.Join(list, "\n") + "\n")
	check(t, "files.txt", listing)

	pages := 0
	for _, p := range list {
		if strings.HasSuffix(p, ".html") {
			pages++
		}
	}
	if st.Pages != pages || st.Files != len(list) {
		t.Errorf("Stats = %+v, but the output has %d pages in %d files", st, pages, len(list))
	}
	for _, name := range goldenFiles {
		data, ok := files[name]
		if !ok {
			t.Errorf("%s was not rendered", name)
			continue
		}
		check(t, name, assetHash.ReplaceAll(data, []byte("?v=HASH")))
	}
}

func check(t *testing.T, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", "golden", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Errorf("%s: %v (run with -update to create it)", name, err)
		return
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (run with -update and review the diff):\n%s", name, golden, firstDiff(want, got))
	}
}

// firstDiff shows the first differing line.
func firstDiff(want, got []byte) string {
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(no line differs)"
}
