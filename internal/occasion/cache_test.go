package occasion_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/testutil"
)

func writeOccasion(t *testing.T, root, id, name, date string) {
	t.Helper()
	src := `id: ` + id + `
name: {de: "` + name + `"}
category: quirky
date: ` + date + `
summary: Ein Anlass für den Test des Zwischenspeichers, lang genug für die Prüfung der Länge. Zweiter Satz.
greeting: {sie: Ein Gruß an Ihr Team zu diesem Tag. Danke für die gute Zusammenarbeit., du: Ein Gruß an euer Team zu diesem Tag. Danke für die gute Zusammenarbeit.}
ideas:
  - {kind: gift, title: Karte, text: Eine Karte.}
  - {kind: contact, title: Anruf, text: Ein Anruf.}
lead_time: 1w
sources: [{url: "https://example.org/", title: Beispiel}]
`
	testutil.WriteFile(t, filepath.Join(root, "occasions", "quirky", id+".yaml"), src)
}

// With a cache, an unchanged file is not parsed again (the same *Occasion
// comes back), a changed one is, and diagnostics of cached files are still
// reported on every load.
func TestParseCache(t *testing.T) {
	root := t.TempDir()
	writeOccasion(t, root, "a", "A", "06-14")
	writeOccasion(t, root, "b", "B", "06-15")
	writeOccasion(t, root, "kaputt", "Kaputt", "02-30")
	cache := occasion.NewParseCache()
	c1, l1 := occasion.LoadCached(root, cache)
	c2, l2 := occasion.LoadCached(root, cache)
	if c1.Get("a") != c2.Get("a") || c1.Get("b") != c2.Get("b") {
		t.Error("unchanged files were parsed again")
	}
	if len(l1) != 1 || len(l2) != 1 || l1[0] != l2[0] || !strings.Contains(l2[0].Msg, "02-30 does not exist") {
		t.Fatalf("diagnostics: %v / %v", l1, l2)
	}
	writeOccasion(t, root, "b", "B neu", "06-15")
	later := time.Now().Add(2 * time.Second) // a coarse file-system clock must still see a change
	if err := os.Chtimes(filepath.Join(root, "occasions/quirky/b.yaml"), later, later); err != nil {
		t.Fatal(err)
	}
	c3, _ := occasion.LoadCached(root, cache)
	if c3.Get("a") != c1.Get("a") {
		t.Error("an unchanged file was parsed again")
	}
	if got := c3.Get("b").Name.De; got != "B neu" {
		t.Errorf("changed file: name %q, want the new one", got)
	}
	if err := os.Remove(filepath.Join(root, "occasions/quirky/a.yaml")); err != nil {
		t.Fatal(err)
	}
	if c4, _ := occasion.LoadCached(root, cache); c4.Get("a") != nil {
		t.Error("a removed file is still loaded")
	}
}
