package occasion_test

import (
	"fmt"
	"testing"

	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
)

// A valid budget, as written in a file, reads back as the site shows it and
// fits exactly the euro limits at or above its minimum.
func TestBudget(t *testing.T) {
	for _, tc := range []struct {
		yaml   string
		shown  string
		fits   []int // limits it fits
		misses []int // limits it does not fit
	}{
		{"{min: 15, max: 25, note: pro Team}", "15–25 € pro Team", []int{15, 20, 100}, []int{0, 14}},
		{"{min: 0}", "0 €", []int{0, 5}, nil},
		{"{min: 0, max: 5}", "bis 5 €", []int{0, 5}, nil},
		{"{min: 0, max: 5, note: (Porto)}", "bis 5 € (Porto)", []int{0}, nil},
		{"{min: 12}", "12 €", []int{12}, []int{11}},
		{"{min: 0, note: (Ihre Zeit)}", "0 € (Ihre Zeit)", []int{0}, nil},
		{"{note: je nach Umfang}", "je nach Umfang", nil, []int{0, 10_000}},
		{"{min: 22, max: 38, note: \"(20–35 CHF)\"}", "22–38 € (20–35 CHF)", []int{22}, []int{21}},
	} {
		t.Run(tc.yaml, func(t *testing.T) {
			src := fmt.Sprintf(`id: t
name: {de: T}
category: quirky
date: 06-01
summary: Ein Anlass für Tests, der lang genug ist, um die Prüfung der Länge zu bestehen. Zwei Sätze.
lead_time: 1w
sources: [{url: "https://example.org/", title: Beispiel}]
ideas:
  - kind: gift
    title: Eins
    text: Eins.
    budget: %s
  - kind: contact
    title: Zwei
    text: Zwei.
`, tc.yaml)
			var l diag.List
			o := occasion.Parse("occasions/quirky/t.yaml", []byte(src), occasion.Catalogue, &l)
			if l.HasErrors() || o == nil {
				t.Fatalf("errors: %v", l)
			}
			b := o.Ideas[0].Budget
			if got := b.String(); got != tc.shown {
				t.Errorf("shown %q, want %q", got, tc.shown)
			}
			for _, e := range tc.fits {
				if !b.Fits(e) {
					t.Errorf("does not fit %d €", e)
				}
			}
			for _, e := range tc.misses {
				if b.Fits(e) {
					t.Errorf("fits %d €", e)
				}
			}
			if o.Ideas[1].Budget != nil || o.Ideas[1].Budget.Fits(10_000) || o.Ideas[1].Budget.String() != "" {
				t.Errorf("an idea without a budget: %+v", o.Ideas[1].Budget)
			}
		})
	}
}
