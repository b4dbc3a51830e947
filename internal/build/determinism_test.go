package build

import (
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// The repo's real content, built twice with the same build time, gives
// byte-identical trees: the same files, the same bytes, the same modes. The
// second build runs on one CPU so that the order of parallel work cannot
// leak into the output.
func TestDeterministicBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the real content four times")
	}
	for _, c := range []struct {
		name, now, epoch string
	}{
		{"--now", testNow, ""},
		// 2026-11-22T18:30:00Z: today is the 22nd in UTC.
		{"SOURCE_DATE_EPOCH", "", "1795372200"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.epoch != "" {
				t.Setenv("SOURCE_DATE_EPOCH", c.epoch)
			}
			tmp := t.TempDir()
			a, b := filepath.Join(tmp, "a", "public"), filepath.Join(tmp, "b", "public")
			ra := mustBuild(t, Options{Source: "../..", Destination: a, Now: c.now})
			procs := runtime.GOMAXPROCS(1)
			rb := mustBuild(t, Options{Source: "../..", Destination: b, Now: c.now})
			runtime.GOMAXPROCS(procs)

			if ra.From != rb.From || ra.From != "2025-01-01" {
				t.Errorf("feed windows start %s and %s, want 2025-01-01 (a year before today, from %s)", ra.From, rb.From, c.name)
			}
			sa, sb := snapshot(t, a), snapshot(t, b)
			if len(sa) < 200 {
				t.Fatalf("only %d entries built", len(sa))
			}
			if la, lb := sortedKeys(sa), sortedKeys(sb); !slices.Equal(la, lb) {
				t.Errorf("the file lists differ: %d and %d entries", len(la), len(lb))
			}
			assertSameTree(t, "the second build", sa, sb)
		})
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
