package occasion_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the .want files")

// Every file in testdata/invalid must produce exactly the diagnostics in its
// .want file — no more, no fewer, no panic. Each file is loaded as a
// one-file catalogue and then validated like `anlass check` does.
func TestInvalidFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/invalid/*.yaml")
	if len(files) < 25 {
		t.Fatalf("only %d invalid fixtures", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			rel, _ := filepath.Rel("testdata", f)
			cat, l := occasion.LoadFiles("testdata", []string{rel}, occasion.Catalogue)
			if !l.HasErrors() {
				l = append(l, schedule.Validate(schedule.New(cat))...)
			}
			var got []string
			for _, d := range l {
				got = append(got, d.String())
			}
			gotText := strings.Join(got, "\n") + "\n"
			want := strings.TrimSuffix(f, ".yaml") + ".want"
			if *update {
				testutil.WriteFile(t, want, gotText)
				return
			}
			wb, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run with -update and review)", err)
			}
			if len(got) == 0 || !l.HasErrors() {
				t.Fatalf("no error for an invalid file")
			}
			if gotText != string(wb) {
				t.Errorf("diagnostics differ\n--- got ---\n%s--- want ---\n%s", gotText, wb)
			}
		})
	}
}
