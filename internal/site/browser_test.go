package site

import (
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
	base, in := b.base, b.in
	shots := os.Getenv("ANLASS_SCREENSHOTS")
	shoot := func(name string) {
		if shots == "" {
			return
		}
		for _, w := range []int64{390, 1280} {
			b.run("screenshot", chromedp.EmulateViewport(w, 900), chromedp.Sleep(150*time.Millisecond))
			buf := value(b, "screenshot", chromedp.FullScreenshot(90))
			if err := os.WriteFile(filepath.Join(shots, name+"-"+strconv.FormatInt(w, 10)+".jpg"), buf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		b.run("screenshot", chromedp.EmulateViewport(1280, 900))
	}
	const cssRules = `Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0)`

	// Home: the upcoming occasions and the stylesheet arrived.
	b.run("home", chromedp.Navigate(base), chromedp.WaitVisible(chromedp.CSS("main#inhalt")))
	if title := value(b, "home", chromedp.Title()); title != in.Project.Config.Title {
		t.Errorf("home title = %q", title)
	}
	if cards := evaluate[int](b, "home", `document.querySelectorAll("ol.cards > li").length`); cards == 0 {
		t.Error("home shows no upcoming occasions")
	}
	if n := evaluate[int](b, "home", cssRules); n < 50 {
		t.Errorf("stylesheet not applied (%d rules)", n)
	}
	shoot("home")

	// Occasion: the subscribe links carry the right URLs; the copy button appears.
	b.run("occasion page", chromedp.Navigate(base+"anlaesse/"+occ+"/"), chromedp.WaitVisible(chromedp.CSS("h1")))
	href := func(class string) string {
		return value(b, "occasion page", chromedp.AttributeValue(chromedp.CSS("a."+class), "href")).Value
	}
	webcal, google, outlook, office := href("sub-webcal"), href("sub-google"), href("sub-outlook"), href("sub-office")
	copyHidden := evaluate[bool](b, "occasion page", `document.querySelector("button.copy").hidden`)
	shoot("occasion")
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
	b.run("search",
		chromedp.Navigate(base+"suche/"),
		chromedp.WaitVisible(chromedp.CSS("#q")),
		chromedp.SendKeys(chromedp.CSS("#q"), query),
		chromedp.WaitVisible(chromedp.CSS("#suche-ergebnisse li a")),
	)
	n := evaluate[int](b, "search", `document.querySelectorAll("#suche-ergebnisse li").length`)
	links := evaluate[string](b, "search", `Array.from(document.querySelectorAll("#suche-ergebnisse li a")).map(a => a.href).join(" ")`)
	if n == 0 || !strings.Contains(links, base+want) {
		t.Errorf("search for %q: %d results, links %s; want one to %s", query, n, links, base+want)
	}
	// The header form sends ?q= to the search page.
	b.run("search with ?q=",
		chromedp.Navigate(base+"suche/?q="+url.QueryEscape(query)),
		chromedp.WaitVisible(chromedp.CSS("#suche-ergebnisse li a")),
	)

	// 404 at a deep path still finds its stylesheet.
	missing := base + "gibt/es/nicht/"
	b.expectNotFound(missing)
	b.run("404", chromedp.Navigate(missing), chromedp.WaitVisible(chromedp.CSS("h1")))
	if n := evaluate[int](b, "404", cssRules); n < 50 {
		t.Errorf("404 page without stylesheet (%d rules)", n)
	}
}
