package occasion

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/anlass/anlass/internal/yamlfile"
)

// Budget is what an idea costs per recipient, in whole euros:
// `budget: {min: 15, max: 25, note: pro Team}`. An idea priced in Swiss
// francs gives the euro equivalent and keeps the francs in the note.
type Budget struct {
	Min, Max int // EUR per recipient, Min ≤ Max; only when HasFigures
	// HasFigures is false for a budget that is only a note ("je nach
	// Umfang"): such an idea never matches a budget filter.
	HasFigures bool
	Note       string // what the figures do not say: "pro Team", "(Ihre Zeit)"
}

// budgetKeys are the keys of a budget mapping.
var budgetKeys = []string{"min", "max", "note"}

// MaxBudget bounds the figures: more per recipient is a typo.
const MaxBudget = 10_000

// String is the budget as the site shows it: "15–25 € pro Team", "0 €",
// "bis 5 € (Porto)" (min 0 with a max), or the note alone.
func (b *Budget) String() string {
	if b == nil {
		return ""
	}
	var s string
	switch {
	case !b.HasFigures:
	case b.Min == 0 && b.Max > 0:
		s = "bis " + strconv.Itoa(b.Max) + " €"
	case b.Max != b.Min:
		s = strconv.Itoa(b.Min) + "–" + strconv.Itoa(b.Max) + " €"
	default:
		s = strconv.Itoa(b.Min) + " €"
	}
	if b.Note != "" {
		if s != "" {
			s += " "
		}
		s += b.Note
	}
	return s
}

// Fits reports whether the idea can be done with at most b euros per
// recipient: its minimum is b or less. A budget without figures fits none.
func (b *Budget) Fits(euros int) bool { return b != nil && b.HasFigures && b.Min <= euros }

// parseBudget reads an idea's `budget:`; nil when absent.
func parseBudget(im *yamlfile.Map) *Budget {
	n := im.Get("budget")
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		im.Errorf(n, "budget %q: write the figures in euros per recipient, e.g. budget: {min: 15, max: 25, note: pro Team} (min: 0 for no cost)", n.Value)
		return nil
	}
	bm := im.Mapping("budget", false, "budget", budgetKeys...)
	if bm == nil {
		return nil
	}
	b := &Budget{}
	for _, key := range budgetKeys {
		if v := bm.Get(key); v != nil && v.Tag == "!!null" {
			bm.Errorf(v, "budget %s is empty: give it or leave the key out", key)
		}
	}
	b.Note, _ = bm.String("note", false)
	b.Note = strings.TrimSpace(b.Note)
	if strings.Contains(b.Note, "\n") {
		bm.Errorf(bm.Get("note"), "budget note is one line")
	}
	figure := func(key string) (int, *yaml.Node, bool) {
		v := bm.Get(key)
		if v == nil || v.Tag == "!!null" {
			return 0, v, false
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!float" {
			bm.Errorf(v, "budget %s %s: write whole euros, e.g. %s: %d", key, v.Value, key, int(parseFloat(v.Value)+0.5))
			return 0, v, false
		}
		x, _, ok := bm.Int(key, false)
		if ok && (x < 0 || x > MaxBudget) {
			bm.Errorf(v, "budget %s %d: expected 0 … %d euros per recipient", key, x, MaxBudget)
			return 0, v, false
		}
		return x, v, ok
	}
	minV, minN, hasMin := figure("min")
	maxV, maxN, hasMax := figure("max")
	switch {
	case hasMax && !hasMin && minN == nil:
		bm.Errorf(maxN, "budget has max but no min: give the least it costs, e.g. min: 0")
	case hasMin && hasMax && maxV < minV:
		bm.Errorf(maxN, "budget max %d is less than min %d", maxV, minV)
	case hasMin:
		b.Min, b.Max, b.HasFigures = minV, minV, true
		if hasMax {
			b.Max = maxV
		}
	case minN == nil && maxN == nil && b.Note == "":
		im.Errorf(n, "budget is empty: give min (and max) in euros, or a note")
	}
	return b
}

func parseFloat(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}
