package schoolholidays_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/schoolholidays"
	"github.com/anlass/anlass/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the .want files")

func lines(l diag.List) string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return strings.Join(out, "\n") + "\n"
}

// Every file in testdata/invalid must produce exactly the diagnostics in its
// .want file — no more, no fewer, no panic.
func TestInvalidFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/invalid/*.yaml")
	if len(files) < 20 {
		t.Fatalf("only %d invalid fixtures", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var l diag.List
			schoolholidays.Parse(filepath.ToSlash(f), data, &l)
			got := lines(l)
			want := strings.TrimSuffix(f, ".yaml") + ".want"
			if *update {
				testutil.WriteFile(t, want, got)
				return
			}
			wb, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run with -update and review)", err)
			}
			if !l.HasErrors() {
				t.Fatalf("no error for an invalid file")
			}
			if got != string(wb) {
				t.Errorf("diagnostics differ\n--- got ---\n%s--- want ---\n%s", got, wb)
			}
		})
	}
}

// Load checks what spans files: one file per state, in its proper place.
func TestLoadTree(t *testing.T) {
	states, l := schoolholidays.Load("testdata/tree")
	want := `school-holidays/at/de-be.yaml:1:1: the file for region DE-BE must be school-holidays/de/de-be.yaml
school-holidays/de/bayern.yaml:1:1: the file for region DE-BY must be school-holidays/de/de-by.yaml
school-holidays/de/bayern.yaml:1:1: region DE-BY already has school holidays in school-holidays/de/de-by.yaml: keep one file per state
`
	if got := lines(l); got != want {
		t.Errorf("diagnostics differ\n--- got ---\n%s--- want ---\n%s", got, want)
	}
	if len(states) != 2 || states[0].Region.Code != "DE-BE" || states[1].Path != "school-holidays/de/de-by.yaml" {
		t.Fatalf("states = %v", states)
	}
	by := states[1]
	if len(by.Periods) != 4 || by.Periods[1].Name != "Weihnachtsferien" || by.Periods[1].Start != civil.Of(2025, 12, 22) || by.Periods[1].End != civil.Of(2026, 1, 5) {
		t.Errorf("periods = %+v", by.Periods)
	}
}

// Without a school-holidays folder a project simply has none: no warning.
func TestLoadWithoutFolder(t *testing.T) {
	states, l := schoolholidays.Load(t.TempDir())
	if states != nil || len(l) != 0 {
		t.Errorf("states %v, diagnostics %v", states, l)
	}
	if l := schoolholidays.Coverage(nil, civil.Of(2025, 1, 1), civil.Of(2030, 12, 31)); len(l) != 0 {
		t.Errorf("coverage without data: %v", l)
	}
}

// Coverage warns per state: a missing file, data that starts after the
// window starts, data that ends before it ends.
func TestCoverage(t *testing.T) {
	states, _ := schoolholidays.Load("testdata/tree")
	l := schoolholidays.Coverage(states, civil.Of(2025, 1, 1), civil.Of(2026, 12, 31))
	got := lines(l)
	for _, want := range []string{
		"school-holidays/de/de-by.yaml:6:5: warning: the school holidays of Bayern start 2025-11-03, after the start of the feed window (2025-01-01): holidays before are missing\n",
		"school-holidays/de/de-by.yaml:9:5: warning: the school holidays of Bayern end 2026-09-14 (Sommerferien), before the end of the feed window (2026-12-31): add the next school years\n",
		"school-holidays/de: warning: no school holidays for DE-HH (Hamburg): its feed and page have no Ferienbeginn; add school-holidays/de/de-hh.yaml\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing warning %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "Berlin") {
		t.Errorf("Berlin's data (2024-10-21 … 2030-08-22) covers the window, but:\n%s", got)
	}
	if n := strings.Count(got, "no school holidays for"); n != 14 {
		t.Errorf("%d states reported missing, want 14", n)
	}
}

// The repository's own school holidays load without a problem and cover
// the school years 2025/26 to 2027/28 for every state.
func TestRepositoryData(t *testing.T) {
	states, l := schoolholidays.Load("../..")
	for _, d := range l {
		t.Error(d)
	}
	if len(states) != 16 {
		t.Fatalf("%d states, want 16", len(states))
	}
	for _, s := range states {
		if s.First() > civil.Of(2025, 9, 30) || s.Last() < civil.Of(2028, 7, 31) {
			t.Errorf("%s covers %s … %s, want at least the school years 2025/26 to 2027/28", s.Path, s.First(), s.Last())
		}
		if len(s.Sources) == 0 {
			t.Errorf("%s cites no source", s.Path)
		}
		summer := 0
		for _, p := range s.Periods {
			if p.Name == "Sommerferien" {
				summer++
			}
		}
		if summer < 3 {
			t.Errorf("%s has %d Sommerferien, want one per school year", s.Path, summer)
		}
	}
}
