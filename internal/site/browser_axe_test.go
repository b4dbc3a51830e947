package site

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeResult is what the axe scan reports of one page.
type axeResult struct {
	ID, Impact, Help string
	Nodes            []string // selectors and the failure summary
}

// axeRun injects axe-core and scans the page; only serious and critical
// findings are returned.
const axeRun = `(async () => {
  const r = await axe.run(document, {resultTypes: ["violations"]});
  return JSON.stringify(r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => ({
    ID: v.id, Impact: v.impact, Help: v.help,
    Nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ").slice(0, 160)),
  })));
})()`

// An axe-core scan of a sample of every page type, in light and dark mode:
// no serious or critical finding (colour contrast, names of controls,
// landmarks …). ANLASS_AXE names axe.min.js (.ci/run installs axe-core from
// npm).
func TestBrowserAxe(t *testing.T) {
	chromium(t)
	axePath := os.Getenv("ANLASS_AXE")
	if axePath == "" {
		t.Fatal("set ANLASS_AXE to axe-core's axe.min.js (npm install axe-core; .ci/run does)")
	}
	axeJS, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	b := openSite(t, "../..", fixtureToday, 10*time.Minute)
	// One page of each kind: the first of each folder, and a second level
	// where a folder holds pages of its own (an occasion, an article …).
	seen := map[string]bool{}
	var sample []string
	for _, p := range b.pages() {
		parts := strings.Split(strings.TrimSuffix(p, "/"), "/")
		kind := parts[0]
		if len(parts) > 1 {
			kind += "/*"
		}
		if !seen[kind] {
			seen[kind] = true
			sample = append(sample, p)
		}
	}
	if len(sample) < 15 {
		t.Fatalf("only %d page kinds: %v", len(sample), sample)
	}
	for _, scheme := range []string{"light", "dark"} {
		b.run("colour scheme", command(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}))
		for _, p := range sample {
			b.run(p, chromedp.Navigate(b.base+p), chromedp.Evaluate[chromedp.Void](string(axeJS)))
			js := evaluate[string](b, p, axeRun, chromedp.EvalAwaitPromise)
			var res []axeResult
			if err := json.Unmarshal([]byte(js), &res); err != nil {
				t.Fatalf("%s: %v: %s", p, err, js)
			}
			for _, r := range res {
				t.Errorf("%s (%s): %s %s – %s\n  %s", p, scheme, r.Impact, r.ID, r.Help, strings.Join(r.Nodes, "\n  "))
			}
		}
	}
	t.Logf("axe-core on %d page kinds, light and dark", len(sample))
}
