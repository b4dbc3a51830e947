package serve

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// In a real browser, an open page reloads by itself after a change that
// only polling can find: the file-system events never arrive. Runs with
// ANLASS_BROWSER=1 and Debian's chromium (ANLASS_CHROMIUM overrides the
// path), as the site's browser tests do.
func TestBrowserReloadsWhenPolling(t *testing.T) {
	if os.Getenv("ANLASS_BROWSER") != "1" {
		t.Skip("set ANLASS_BROWSER=1 to run the headless-browser tests")
	}
	exe := os.Getenv("ANLASS_CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	dir := testProject(t, "Pi-Tag")
	r := startRun(t, Options{Source: dir, Poll: 200 * time.Millisecond, events: newSilentEvents(nil)})

	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun)
	defer cancelAlloc()
	ctx, cancelCtx := chromedp.NewContext(actx)
	defer cancelCtx()
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()

	// A mark in the page's memory: a reload clears it.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(r.url+"anlaesse/pi-tag/"),
		chromedp.WaitVisible(chromedp.CSS("h1")),
		chromedp.Evaluate[chromedp.Void](`window.notReloaded = true`),
	); err != nil {
		t.Fatal(err)
	}
	write(t, dir, piPath, fmt.Sprintf(piTag, "Pi-Tag neu"))
	// Asked again and again: a question asked while the page reloads fails.
	const reloaded = `!window.notReloaded && document.querySelector("h1")?.textContent === "Pi-Tag neu"`
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](reloaded)); err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			h1, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("h1").textContent + (window.notReloaded ? " (not reloaded)" : "")`))
			t.Fatalf("the page did not reload with the change within 20 s; it shows %q (%v)", h1, err)
		}
	}
}
