package occasion_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/testutil"
)

// anyStart answers every reference with a fixed day, so that rules with
// @references evaluate without a catalogue.
type anyStart struct{}

func (anyStart) Start(string, int) (civil.Date, bool, error) {
	return civil.Of(2025, 11, 28), true, nil
}

var fuzzSlug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// FuzzParse feeds arbitrary bytes to the occasion loader as a catalogue file
// (kind 0) or a holiday file (kind 1). It must never panic; a nil result must
// come with an error; every diagnostic must name the file and a line of it;
// an occasion without errors must have a slug id and a German name, and its
// rules must evaluate without panicking.
//
//	go test ./internal/occasion -run '^$' -fuzz '^FuzzParse$' -fuzztime 10s
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{
		"../../occasions/*/*.yaml", "../../holidays/*/*.yaml",
		"testdata/invalid/*.yaml", "../../testdata/hostile/*/occasions/*/*.yaml",
	} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			kind := byte(occasion.Catalogue)
			if filepath.Base(filepath.Dir(filepath.Dir(file))) == "holidays" {
				kind = byte(occasion.Holiday)
			}
			f.Add(data, kind)
		}
	}
	for _, s := range []string{"", "---", "id: x\n---\nid: y\n", "\xef\xbb\xbfid: x", "[", "{a: *b}", "a: &a [*a]", "dates: {2025: 06-01, 2026: none}"} {
		f.Add([]byte(s), byte(occasion.Catalogue))
	}
	f.Fuzz(func(t *testing.T, data []byte, kind byte) {
		const rel = "occasions/quirky/fuzz.yaml"
		k := occasion.Kind(kind % 2)
		var l diag.List
		o := occasion.Parse(rel, data, k, &l)
		if o == nil && !l.HasErrors() {
			t.Fatalf("nil occasion without an error")
		}
		testutil.CheckDiagnostics(t, rel, data, l)
		if o == nil {
			return
		}
		if !l.HasErrors() {
			if !fuzzSlug.MatchString(o.ID) || o.Name.De == "" {
				t.Errorf("accepted without id or name: %+v", o)
			}
			if o.Rule == nil && len(o.Dates) == 0 {
				t.Errorf("accepted without a date: %+v", o)
			}
		}
		for _, y := range []int{occasion.MinYear, 2025, 2026, occasion.MaxYear} {
			if r, ok := o.RuleFor(y); ok && r != nil {
				_, _, _, _ = r.Eval(y, anyStart{})
			}
		}
	})
}
