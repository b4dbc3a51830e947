package site

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

func TestDevShots(t *testing.T) {
	urls := os.Getenv("SHOT_URLS")
	if urls == "" {
		t.Skip()
	}
	w, _ := strconv.Atoi(os.Getenv("SHOT_W"))
	h, _ := strconv.Atoi(os.Getenv("SHOT_H"))
	dark := os.Getenv("SHOT_DARK") == "1"
	actx, cancel := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath("/usr/bin/chromium"), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Flag("hide-scrollbars", true))
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	for i, u := range strings.Fields(urls) {
		var buf []byte
		var sw int
		var over string
		acts := []chromedp.Action{chromedp.EmulateViewport(int64(w), int64(h))}
		if dark {
			acts = append(acts, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}))
		}
		acts = append(acts, chromedp.Navigate(u), chromedp.Sleep(300*time.Millisecond),
			chromedp.Evaluate(`document.documentElement.scrollWidth`, &sw),
			chromedp.Evaluate(`Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > innerWidth+1).slice(0,8).map(e => e.tagName+"."+e.className+" "+Math.round(e.getBoundingClientRect().width)).join(" | ")`, &over),
			chromedp.CaptureScreenshot(&buf))
		if err := chromedp.Run(ctx, acts...); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(fmt.Sprintf("/tmp/shot%d.png", i), buf, 0o644)
		t.Logf("%s scrollWidth=%d over: %s", u, sw, over)
	}
}
