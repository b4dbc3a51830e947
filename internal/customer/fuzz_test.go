package customer

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/testutil"
)

// FuzzLoad feeds arbitrary bytes to the reader, as a CSV and as a vCard
// file. It must never panic; every diagnostic must name the file and a
// line of it; every customer must be complete and valid (a name or a
// company, real dates, a Kunde-seit date with its year, a known region)
// and start on a line of the file; every skipped row must have an error in
// it, and no row is both kept and skipped.
//
//	go test ./internal/customer -run '^$' -fuzz '^FuzzLoad$' -fuzztime 30s
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, file := range files {
		if st, err := os.Stat(file); err != nil || st.IsDir() {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, filepath.Ext(file) == ".vcf")
	}
	for _, s := range []string{
		"", "sep=", "sep=\"\nName\nA", "sep=;\n", "Name\n\"", "Name;Geburtstag\nA;29.02.", "Name,Geburtstag\nA,03/04/80\nB,13/01/80\nC,01/13/80",
		"\xff\xfeN\x00", "\xfe\xff\x00N", "\xef\xbb\xbfName\r\rA\r", "Name\tFirma\n\"a\tb\"\tc\n",
		"BEGIN:VCARD\r\nFN;ENCODING=QUOTED-PRINTABLE:=\r\n", "BEGIN:VCARD\nFN:a\nEND:VCARD\nBEGIN:VCARD\nFN:a\nEND:VCARD\n",
		"BEGIN:VCARD\nN;QUOTED-PRINTABLE;CHARSET=x:=E4=\n=\nEND:VCARD", "BEGIN:VCARD\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29\nFN:x\nEND:VCARD",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, vcf bool) {
		name := "kunden.csv"
		if vcf {
			name = "kunden.vcf"
		}
		r := Load(name, data)
		testutil.CheckDiagnostics(t, name, data, r.Diags)
		lines := testutil.Lines(data)
		errorsAt := map[int]bool{}
		for _, d := range r.Diags {
			if d.Severity == diag.Error {
				errorsAt[d.Line] = true
			}
		}
		kept := map[int]bool{}
		for _, c := range r.Customers {
			if c.Line < 1 || c.Line > lines {
				t.Errorf("customer on line %d of %d", c.Line, lines)
			}
			kept[c.Line] = true
			if c.Name == "" && c.Company == "" {
				t.Errorf("line %d: customer without name and company", c.Line)
			}
			for _, d := range []Date{c.Birthday, c.Since} {
				if !d.IsZero() && (d.Day < 1 || d.Month < 1 || d.Month > 12 || d.Day > 31) {
					t.Errorf("line %d: impossible date %+v", c.Line, d)
				}
				if cd, ok := d.Civil(); ok {
					if y, m, day := cd.YMD(); y != d.Year || m != d.Month || day != d.Day {
						t.Errorf("line %d: %v is not a real day", c.Line, d)
					}
				}
			}
			if !c.Since.IsZero() && !c.Since.HasYear() {
				t.Errorf("line %d: Kunde seit without year", c.Line)
			}
			if _, ok := regioncode.Lookup(c.Region); c.Region != "" && !ok {
				t.Errorf("line %d: unknown region %q", c.Line, c.Region)
			}
		}
		// A skipped row or vCard has an error between its first line and
		// the start of the next one.
		var starts []int
		for _, c := range r.Customers {
			starts = append(starts, c.Line)
		}
		for _, s := range r.Skipped {
			starts = append(starts, s.Line)
		}
		slices.Sort(starts)
		for _, s := range r.Skipped {
			next := lines + 1
			if i, _ := slices.BinarySearch(starts, s.Line+1); i < len(starts) {
				next = starts[i]
			}
			found := false
			for l := s.Line; l < next && !found; l++ {
				found = errorsAt[l]
			}
			if !found {
				t.Errorf("line %d skipped without an error", s.Line)
			}
			if kept[s.Line] {
				t.Errorf("line %d both kept and skipped", s.Line)
			}
		}
	})
}
