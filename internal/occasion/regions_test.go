package occasion_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
)

// holidayWith is a valid holiday file whose regions block is regions
// (starting on line 4) and with extra top-level lines before it.
func holidayWith(extra, regions string) string {
	return "id: h\nname: {de: H}\ndate: \"10-31\"\n" + extra + "regions:\n" + regions +
		"sources: [{url: \"https://example.org/\", title: Beispiel}]\n"
}

// Region entries with their own years: what the loader keeps, and every
// malformed entry reported at its position with what to write instead.
func TestHolidayRegionYears(t *testing.T) {
	for _, c := range []struct {
		name, extra, regions string
		want                 []occasion.RegionRef
		diags                []string
	}{
		{name: "plain codes", regions: "  - DE-BB\n  - DE-SN\n",
			want: []occasion.RegionRef{{Code: "DE-BB"}, {Code: "DE-SN"}}},
		{name: "country until, state since", regions: "  - code: DE\n    until: 1994\n  - code: DE-SN\n    since: 1995\n",
			want: []occasion.RegionRef{{Code: "DE", Until: 1994}, {Code: "DE-SN", Since: 1995}}},
		{name: "a gap: one code, two periods", regions: "  - {code: DE-BB, until: 2016}\n  - {code: DE-BB, since: 2018}\n",
			want: []occasion.RegionRef{{Code: "DE-BB", Until: 2016}, {Code: "DE-BB", Since: 2018}}},
		{name: "partial with years", regions: "  - {code: DE-SN, since: 1993, partial: nur in Bautzen}\n",
			want: []occasion.RegionRef{{Code: "DE-SN", Since: 1993, Partial: "nur in Bautzen"}}},
		{name: "one year", regions: "  - {code: DE, since: 2017, until: 2017}\n",
			want: []occasion.RegionRef{{Code: "DE", Since: 2017, Until: 2017}}},

		{name: "until before since", regions: "  - {code: DE-SN, since: 1995, until: 1994}\n",
			want:  []occasion.RegionRef{{Code: "DE-SN", Since: 1995}},
			diags: []string{"h.yaml:5:39: until 1994 is before since 1995"}},
		{name: "year out of range", regions: "  - code: DE-SN\n    since: 1200\n",
			want:  []occasion.RegionRef{{Code: "DE-SN"}},
			diags: []string{"h.yaml:6:12: since 1200 is outside the supported years 1583 … 2999"}},
		{name: "year as text", regions: "  - code: DE-SN\n    until: seit 1995\n",
			want:  []occasion.RegionRef{{Code: "DE-SN"}},
			diags: []string{`h.yaml:6:12: "until" must be a whole number, found "seit 1995"`}},
		{name: "unknown key in entry", regions: "  - code: DE-SN\n    from: 1995\n",
			want:  []occasion.RegionRef{{Code: "DE-SN"}},
			diags: []string{`h.yaml:6:5: unknown key "from" in region: expected one of code, partial, since, until`}},
		{name: "same code, same years", regions: "  - DE-BB\n  - DE-BB\n",
			want:  []occasion.RegionRef{{Code: "DE-BB"}},
			diags: []string{`h.yaml:6:5: region "DE-BB" is listed twice`}},
		{name: "same code, overlapping years", regions: "  - {code: DE-BB, until: 2017}\n  - {code: DE-BB, since: 2017}\n",
			want:  []occasion.RegionRef{{Code: "DE-BB", Until: 2017}},
			diags: []string{`h.yaml:6:12: region "DE-BB" is listed twice for 2017: give each entry since/until that do not overlap`}},
		{name: "country and state overlap", regions: "  - {code: DE, until: 1994}\n  - DE-SN\n",
			want:  []occasion.RegionRef{{Code: "DE", Until: 1994}},
			diags: []string{`h.yaml:6:5: regions "DE" and "DE-SN" both cover DE-SN for the years until 1994: a region needs one entry per year (give them since/until that do not overlap)`}},
		{name: "state before country", regions: "  - {code: CH-VD, since: 2008}\n  - {code: CH, since: 2000, until: 2010}\n",
			want:  []occasion.RegionRef{{Code: "CH-VD", Since: 2008}},
			diags: []string{`h.yaml:6:12: regions "CH-VD" and "CH" both cover CH-VD for 2008 … 2010: a region needs one entry per year (give them since/until that do not overlap)`}},
		{name: "other country does not overlap", regions: "  - AT\n  - DE\n",
			want: []occasion.RegionRef{{Code: "AT"}, {Code: "DE"}}},
		{name: "entry outside the holiday's years", extra: "since: 2000\n", regions: "  - {code: DE-SN, until: 1999}\n",
			want:  []occasion.RegionRef{{Code: "DE-SN", Until: 1999}},
			diags: []string{`h.yaml:6:12: warning: region "DE-SN": its years (the years until 1999) lie outside the holiday's since/until: the entry never applies`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var l diag.List
			o := occasion.Parse("h.yaml", []byte(holidayWith(c.extra, c.regions)), occasion.Holiday, &l)
			var got []string
			for _, d := range l {
				got = append(got, d.String())
			}
			if !slices.Equal(got, c.diags) {
				t.Errorf("diagnostics\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(c.diags, "\n      "))
			}
			if !slices.Equal(o.Regions, c.want) {
				t.Errorf("regions %+v, want %+v", o.Regions, c.want)
			}
		})
	}
}

// A catalogue occasion lists plain codes only: years per region are for
// holidays.
func TestOccasionRegionEntryIsRejected(t *testing.T) {
	var l diag.List
	occasion.Parse("o.yaml", []byte("regions:\n  - {code: DE, since: 2000}\n"), occasion.Catalogue, &l)
	want := "o.yaml:2:5: each region must be a code such as DE, DE-BY, AT-9 or CH-ZH"
	if !slices.ContainsFunc(l, func(d diag.Diagnostic) bool { return d.String() == want }) {
		t.Errorf("want %q among\n%v", want, l)
	}
}

// RegionRef.In: open ends and both bounds inclusive.
func TestRegionRefIn(t *testing.T) {
	for _, c := range []struct {
		ref  occasion.RegionRef
		year int
		want bool
	}{
		{occasion.RegionRef{}, 1583, true},
		{occasion.RegionRef{Until: 1994}, 1994, true},
		{occasion.RegionRef{Until: 1994}, 1995, false},
		{occasion.RegionRef{Since: 1995}, 1994, false},
		{occasion.RegionRef{Since: 1995}, 1995, true},
		{occasion.RegionRef{Since: 2017, Until: 2017}, 2017, true},
		{occasion.RegionRef{Since: 2017, Until: 2017}, 2018, false},
	} {
		if got := c.ref.In(c.year); got != c.want {
			t.Errorf("%+v.In(%d) = %v, want %v", c.ref, c.year, got, c.want)
		}
	}
}
