package site

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The year planner prints on one A4 landscape page with every name whole:
// in print layout (280 × 192 mm of printable area) no month's list is cut
// off and no name is shortened.
func TestBrowserPlannerPrint(t *testing.T) {
	b := openSite(t, "../..", fixtureToday, 5*time.Minute)
	b.run("print media", command(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}), chromedp.EmulateViewport(1058, 726))
	years := 0
	for _, p := range b.pages() {
		if !strings.HasPrefix(p, "planer/") || p == "planer/" {
			continue
		}
		years++
		b.run(p, chromedp.Navigate(b.base+p))
		cut := evaluate[[]string](b, p, `(() => {
  const out = [];
  const planner = document.querySelector(".planner");
  if (planner.scrollHeight > planner.clientHeight + 1) out.push("the planner is taller than the page");
  for (const m of document.querySelectorAll(".month")) {
    if (m.scrollHeight > m.clientHeight + 1) out.push(m.querySelector("h2").textContent.trim() + ": list cut off");
    for (const a of m.querySelectorAll("li a")) {
      if (a.scrollWidth > a.clientWidth + 1 || getComputedStyle(a).textOverflow === "ellipsis") out.push(a.textContent.trim() + ": name shortened");
    }
  }
  return out;
})()`)
		for _, c := range cut {
			t.Errorf("%s in print: %s", p, c)
		}
	}
	if years < 5 {
		t.Fatalf("only %d planner pages", years)
	}
}
