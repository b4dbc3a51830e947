package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/anlass/anlass/internal/civil"
)

// browserSite is a rendered site served under /anlass/ (as GitHub Pages
// serves a project site; a missing file gets 404.html) and a headless
// Chromium that records every problem a user would not see: exceptions,
// console errors, failed requests and requests to other hosts.
//
// Browser tests run only with ANLASS_BROWSER=1 and need Debian's chromium
// (apt-get install -y chromium; ANLASS_CHROMIUM overrides the path).
type browserSite struct {
	t         testing.TB
	ctx       context.Context
	in        Input
	dir       string // the rendered site
	base      string // http://127.0.0.1:port/anlass/
	host      string
	mu        sync.Mutex
	problems  []string
	expect404 string // a URL whose 404 is expected
}

// chromium returns the browser to use, skipping the test when browser tests
// are off.
func chromium(t testing.TB) string {
	t.Helper()
	if os.Getenv("ANLASS_BROWSER") != "1" {
		t.Skip("set ANLASS_BROWSER=1 to run the headless-browser tests")
	}
	exe := os.Getenv("ANLASS_CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	if _, err := os.Stat(exe); err != nil {
		t.Fatalf("chromium not found at %s (apt-get install -y chromium): %v", exe, err)
	}
	return exe
}

// openSite renders the project at root as built on today and opens a
// browser on it. It is closed when the test ends; problems are reported then.
func openSite(t testing.TB, root string, today civil.Date, timeout time.Duration) *browserSite {
	return openBuilt(t, "", func(b *browserSite) {
		b.in = loadInput(t, root, today, b.base)
		b.dir, _ = renderTo(t, b.in)
	}, timeout)
}

// openBuilt serves the site in dir (rendered by render when dir is "") and
// opens a browser on it.
func openBuilt(t testing.TB, dir string, render func(*browserSite), timeout time.Duration) *browserSite {
	exe := chromium(t)
	b := &browserSite{t: t, dir: dir}
	const sub = "/anlass/"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, sub) {
			http.NotFound(w, r)
			return
		}
		p := filepath.Join(b.dir, filepath.FromSlash(strings.TrimPrefix(r.URL.Path, sub)))
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			p = filepath.Join(p, "index.html")
		}
		if _, err := os.Stat(p); err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			data, _ := os.ReadFile(filepath.Join(b.dir, "404.html"))
			_, _ = w.Write(data)
			return
		}
		http.ServeFile(w, r, p)
	}))
	t.Cleanup(srv.Close)
	b.base = srv.URL + sub
	b.host = strings.TrimPrefix(srv.URL, "http://")
	if render != nil {
		render(b)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	b.ctx = ctx
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, p := range b.problems {
			t.Error(p)
		}
	})
	if err := chromedp.Listen(ctx, b.listen); err != nil {
		t.Fatal(err)
	}
	b.run("enable the events", command(network.Enable, network.EnableParams{}), command(cdplog.Enable, cdp.Empty{}), command(runtime.Enable, cdp.Empty{}))
	return b
}

func (b *browserSite) problem(s string) {
	b.mu.Lock()
	b.problems = append(b.problems, s)
	b.mu.Unlock()
}

// expectNotFound marks a URL whose 404 answer is the point of the test.
func (b *browserSite) expectNotFound(u string) {
	b.mu.Lock()
	b.expect404 = u
	b.mu.Unlock()
}

func (b *browserSite) isExpected404(u string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.expect404 != "" && u == b.expect404
}

func (b *browserSite) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		b.problem("exception: " + (&chromedp.ExceptionError{ExceptionDetails: ev.ExceptionDetails}).Error())
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value))
			}
			b.problem("console." + string(ev.Type) + ": " + strings.Join(parts, " "))
		}
	case *cdplog.EventEntryAdded:
		if (ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning) && !b.isExpected404(ev.Entry.URL) {
			b.problem("log " + string(ev.Entry.Level) + ": " + ev.Entry.Text + " " + ev.Entry.URL)
		}
	case *page.EventJavascriptDialogOpening:
		b.problem("a dialog opened (script ran?): " + ev.Message)
		// Listen's func must not send commands itself.
		go func() {
			_, _ = chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}()
	case *network.EventRequestWillBeSent:
		u, err := url.Parse(ev.Request.URL)
		if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != b.host {
			b.problem("request to a third party: " + ev.Request.URL)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 && !b.isExpected404(ev.Response.URL) {
			b.problem("HTTP " + strconv.FormatInt(ev.Response.Status, 10) + ": " + ev.Response.URL)
		}
	}
}

// run runs chromedp actions in the browser, failing the test on an error.
func (b *browserSite) run(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// value runs an action that returns a value, failing the test on an error.
func value[T any](b *browserSite, what string, action chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, action)
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// evaluate runs a script in the page and returns its result.
func evaluate[T any](b *browserSite, what, script string, opts ...chromedp.EvaluateOption) T {
	b.t.Helper()
	return value(b, what, chromedp.Evaluate[T](script, opts...))
}

// command is an action that sends one protocol command.
func command[P, R any](cmd cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}

// pages lists the site paths of every HTML page of the rendered site.
func (b *browserSite) pages() []string {
	var out []string
	_ = filepath.WalkDir(b.dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(b.dir, p)
			rel = filepath.ToSlash(rel)
			out = append(out, strings.TrimSuffix(rel, "index.html"))
		}
		return nil
	})
	return out
}
