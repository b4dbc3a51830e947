package site

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// layoutProbe measures a page in the browser: whether it is wider than the
// viewport (and what is widest), and which controls are smaller than 24 × 24
// CSS pixels (WCAG 2.2, 2.5.8). Links inside running text are exempt, as the
// criterion exempts them: a link whose block has text of its own besides it.
const layoutProbe = `(() => {
  const vw = document.documentElement.clientWidth;
  const out = {width: document.documentElement.scrollWidth, vw, wide: "", small: []};
  if (out.width > vw) {
    let worst = null, right = vw;
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right + 0.5) { right = r.right; worst = el; }
    }
    if (worst) out.wide = worst.tagName.toLowerCase() + (worst.className ? "." + String(worst.className).trim().replace(/\s+/g, ".") : "") + " «" + (worst.textContent || "").trim().slice(0, 40) + "» to " + Math.round(right) + "px";
  }
  const inText = (a) => {
    const block = a.closest("p, li, dd, dt, td, th, figcaption, blockquote, h1, h2, h3, h4");
    if (!block) return false;
    const own = (a.textContent || "").trim();
    const all = (block.textContent || "").replace(/\s+/g, " ").trim();
    return all.length > own.length + 3;
  };
  const controls = document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [data-merken]");
  for (const el of controls) {
    const cs = getComputedStyle(el);
    if (cs.display === "none" || cs.visibility === "hidden" || el.closest("[hidden], .visually-hidden, .skip-link")) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (el.tagName === "A" && inText(el)) continue;
    if (r.width < 24 - 0.01 || r.height < 24 - 0.01) {
      out.small.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().replace(/\s+/g, ".") : "") + " «" + (el.textContent || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 30) + "» " + Math.round(r.width) + "×" + Math.round(r.height));
    }
  }
  return JSON.stringify(out);
})()`

type layout struct {
	Width, VW int
	Wide      string
	Small     []string
}

// Every page of the real site fits a 320 and a 360 px wide phone, and every
// control is at least 24 × 24 px there.
func TestBrowserPhones(t *testing.T) {
	b := openSite(t, "../..", fixtureToday, 20*time.Minute)
	pages := b.pages()
	if len(pages) < 300 { // the real site has some 380
		t.Fatalf("only %d pages", len(pages))
	}
	if os.Getenv("ANLASS_PHONE_SAMPLE") != "" { // a quick look: the first page of each folder
		seen := map[string]bool{}
		var sample []string
		for _, p := range pages {
			if k := strings.SplitN(p, "/", 2)[0]; !seen[k] {
				seen[k] = true
				sample = append(sample, p)
			}
		}
		pages = sample
	}
	wide := map[int][]string{}
	small := map[string]int{} // a kind of control → pages it is too small on
	examples := map[string]string{}
	for _, w := range []int64{320, 360} {
		b.run("viewport", chromedp.EmulateViewport(w, 800))
		for _, p := range pages {
			b.run(p, chromedp.Navigate(b.base+p))
			js := evaluate[string](b, p, layoutProbe)
			var l layout
			if err := json.Unmarshal([]byte(js), &l); err != nil {
				t.Fatal(err)
			}
			if l.Width > l.VW {
				wide[int(w)] = append(wide[int(w)], fmt.Sprintf("%s: %d px (%s)", p, l.Width, l.Wide))
			}
			if w == 360 {
				for _, s := range l.Small {
					kind := s[:strings.Index(s, " «")]
					if small[kind]++; small[kind] == 1 {
						examples[kind] = p + ": " + s
					}
				}
			}
		}
	}
	for w, ps := range wide {
		t.Errorf("%d of %d pages are wider than %d px, e.g.:\n  %s", len(ps), len(pages), w, strings.Join(ps[:min(len(ps), 8)], "\n  "))
	}
	for kind, n := range small {
		t.Errorf("%s is under 24 × 24 px on %d pages, e.g. %s", kind, n, examples[kind])
	}
	t.Logf("%d pages at 320 and 360 px", len(pages))

	// Every section is in the phone menu, Regionen included.
	b.run("menu", chromedp.EmulateViewport(320, 800), chromedp.Navigate(b.base))
	hidden := evaluate[[]string](b, "menu", `Array.from(document.querySelectorAll(".main-nav a")).filter(a => a.getBoundingClientRect().width === 0 || getComputedStyle(a).display === "none").map(a => a.textContent.trim())`)
	if len(hidden) > 0 {
		t.Errorf("menu entries hidden at 320 px: %v", hidden)
	}
}
