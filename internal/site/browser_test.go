package site

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowser opens the rendered site in a real headless Chromium, served
// under a sub-path like GitHub Pages serves a project site. It runs only
// with ANLASS_BROWSER=1 (and needs Debian's chromium: apt-get install -y
// chromium; ANLASS_CHROMIUM overrides the path). With
// ANLASS_SCREENSHOTS=<dir> it also saves screenshots at phone and desktop
// width.
func TestBrowser(t *testing.T) {
	for _, c := range []struct{ name, root, occasion, query, want string }{
		{"fixture", "testdata/fixture", "pi-tag", "pi", "anlaesse/pi-tag/"},
		{"repo", "../..", "raunaechte", "raunächte", "anlaesse/raunaechte/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			browse(t, c.root, c.occasion, c.query, c.want)
		})
	}
}

func browse(t *testing.T, root, occ, query, want string) {
	b := openSite(t, root, fixtureToday, 90*time.Second)
	ctx, base, in := b.ctx, b.base, b.in
	shots := os.Getenv("ANLASS_SCREENSHOTS")
	shoot := func(name string) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			if shots == "" {
				return nil
			}
			for _, w := range []int64{390, 1280} {
				var buf []byte
				if err := chromedp.Run(ctx, chromedp.EmulateViewport(w, 900), chromedp.Sleep(150*time.Millisecond), chromedp.FullScreenshot(&buf, 90)); err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(shots, name+"-"+strconv.FormatInt(w, 10)+".jpg"), buf, 0o644); err != nil {
					return err
				}
			}
			return chromedp.EmulateViewport(1280, 900).Do(ctx)
		})
	}

	// Home: the upcoming occasions and the stylesheet arrived.
	var title string
	var cards int
	var cssRules int
	err := chromedp.Run(ctx,
		chromedp.Navigate(base),
		chromedp.WaitVisible("main#inhalt", chromedp.ByQuery),
		chromedp.Title(&title),
		chromedp.Evaluate(`document.querySelectorAll("ol.cards > li").length`, &cards),
		chromedp.Evaluate(`Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0)`, &cssRules),
		shoot("home"),
	)
	if err != nil {
		t.Fatalf("home: %v", err)
	}
	if title != in.Project.Config.Title {
		t.Errorf("home title = %q", title)
	}
	if cards == 0 {
		t.Error("home shows no upcoming occasions")
	}
	if cssRules < 50 {
		t.Errorf("stylesheet not applied (%d rules)", cssRules)
	}

	// Occasion: the subscribe links carry the right URLs; the copy button appears.
	var webcal, google, outlook, office string
	var ok bool
	var copyHidden bool
	sel := func(class string, v *string) chromedp.Action {
		return chromedp.AttributeValue("a."+class, "href", v, &ok, chromedp.ByQuery)
	}
	err = chromedp.Run(ctx,
		chromedp.Navigate(base+"anlaesse/"+occ+"/"),
		chromedp.WaitVisible("h1", chromedp.ByQuery),
		sel("sub-webcal", &webcal), sel("sub-google", &google), sel("sub-outlook", &outlook), sel("sub-office", &office),
		chromedp.Evaluate(`document.querySelector("button.copy").hidden`, &copyHidden),
		shoot("occasion"),
	)
	if err != nil {
		t.Fatalf("occasion page: %v", err)
	}
	feed := base + "feeds/anlaesse/" + occ + ".ics"
	wantWebcal := "webcal://" + strings.TrimPrefix(feed, "http://")
	if webcal != wantWebcal {
		t.Errorf("webcal link = %q, want %q", webcal, wantWebcal)
	}
	if u, err := url.Parse(google); err != nil || u.Host != "calendar.google.com" || u.Query().Get("cid") != wantWebcal {
		t.Errorf("Google link = %q", google)
	}
	for h, link := range map[string]string{"outlook.live.com": outlook, "outlook.office.com": office} {
		if u, err := url.Parse(link); err != nil || u.Host != h || u.Path != "/calendar/0/addfromweb" || u.Query().Get("url") != feed || u.Query().Get("name") == "" {
			t.Errorf("%s link = %q", h, link)
		}
	}
	if copyHidden {
		t.Error("the copy button stayed hidden: site.js did not run")
	}

	// Search: typing shows results that link to the right page.
	var n int
	var first string
	err = chromedp.Run(ctx,
		chromedp.Navigate(base+"suche/"),
		chromedp.WaitVisible("#q", chromedp.ByQuery),
		chromedp.SendKeys("#q", query, chromedp.ByQuery),
		chromedp.WaitVisible("#suche-ergebnisse li a", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("#suche-ergebnisse li").length`, &n),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("#suche-ergebnisse li a")).map(a => a.href).join(" ")`, &first),
	)
	if err != nil {
		t.Fatalf("search: %v", err)
	}
	if n == 0 || !strings.Contains(first, base+want) {
		t.Errorf("search for %q: %d results, links %s; want one to %s", query, n, first, base+want)
	}
	// The header form sends ?q= to the search page.
	err = chromedp.Run(ctx,
		chromedp.Navigate(base+"suche/?q="+url.QueryEscape(query)),
		chromedp.WaitVisible("#suche-ergebnisse li a", chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("search with ?q=: %v", err)
	}

	// 404 at a deep path still finds its stylesheet.
	missing := base + "gibt/es/nicht/"
	b.expectNotFound(missing)
	err = chromedp.Run(ctx,
		chromedp.Navigate(missing),
		chromedp.WaitVisible("h1", chromedp.ByQuery),
		chromedp.Evaluate(`Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0)`, &cssRules),
	)
	if err != nil {
		t.Fatalf("404: %v", err)
	}
	if cssRules < 50 {
		t.Errorf("404 page without stylesheet (%d rules)", cssRules)
	}

}
