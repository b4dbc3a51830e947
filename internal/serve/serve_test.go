package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/anlass/anlass/internal/testutil"
)

const piTag = `id: pi-tag
name: {de: %s}
category: quirky
date: 03-14
summary: Am 14. März feiern Mathematikbegeisterte die Kreiszahl Pi. Ein runder Anlass für technische Kunden.
greeting: {sie: Zum Pi-Tag ein runder Gruß an Ihr Team. Danke für die genaue Arbeit., du: Zum Pi-Tag ein runder Gruß an euer Team. Danke für die genaue Arbeit.}
ideas:
  - {kind: gift, title: Runder Kuchen, text: Ein kleiner runder Kuchen.}
  - {kind: contact, title: Knobelaufgabe, text: Eine kleine Aufgabe per Mail.}
lead_time: 2w
sources: [{url: "https://en.wikipedia.org/wiki/Pi_Day", title: Pi Day}]
`

const piPath = "occasions/quirky/pi-tag.yaml"

// testProject writes a one-occasion project and returns its directory.
func testProject(t *testing.T, name string) string {
	t.Helper()
	return testutil.Project(t, "-- anlass.yaml --\ntitle: test\nfeeds: {years_before: 0, years_after: 1}\n-- "+piPath+" --\n"+fmt.Sprintf(piTag, name))
}

// write replaces a file of the project, as an editor saves it.
func write(t *testing.T, dir, rel, text string) {
	t.Helper()
	testutil.WriteFile(t, filepath.Join(dir, filepath.FromSlash(rel)), text)
}

func newServer(t *testing.T, dir string) (*Server, *httptest.Server) {
	t.Helper()
	s, err := New(Options{Source: dir, Now: "2026-03-01"}, 1313)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

const feed = "/feeds/anlaesse/pi-tag.ics"

func TestRebuildKeepsLastGoodBuild(t *testing.T) {
	dir := testProject(t, "Pi-Tag")
	s, ts := newServer(t, dir)
	s.Rebuild()
	st := s.State()
	if !st.OK || st.Version == "" {
		t.Fatalf("first build: %+v", st)
	}
	if code, body := get(t, ts.URL+feed); code != 200 || !strings.Contains(body, "SUMMARY:Pi-Tag") {
		t.Fatalf("GET %s: %d\n%s", feed, code, body)
	}
	// The feeds link to the preview server, not to the configured site.
	if _, body := get(t, ts.URL+feed); !strings.Contains(body, "http://127.0.0.1:1313/") {
		t.Errorf("feed does not use the preview base URL:\n%s", body)
	}

	write(t, dir, piPath, strings.Replace(fmt.Sprintf(piTag, "Pi-Tag"), "03-14", "02-30", 1))
	s.Rebuild()
	bad := s.State()
	if bad.OK || bad.Version != st.Version {
		t.Fatalf("broken build: %+v (want not ok, still version %s)", bad, st.Version)
	}
	if len(bad.Problems) == 0 || !strings.HasPrefix(bad.Problems[0].Text, piPath+":4:7: ") {
		t.Fatalf("problems: %+v", bad.Problems)
	}
	if code, body := get(t, ts.URL+feed); code != 200 || !strings.Contains(body, "SUMMARY:Pi-Tag") {
		t.Fatalf("the last good build is gone: %d\n%s", code, body)
	}

	write(t, dir, piPath, fmt.Sprintf(piTag, "Pi-Tag neu"))
	s.Rebuild()
	good := s.State()
	if !good.OK || good.Version == st.Version || len(good.Problems) != 0 {
		t.Fatalf("fixed build: %+v", good)
	}
	if _, body := get(t, ts.URL+feed); !strings.Contains(body, "SUMMARY:Pi-Tag neu") {
		t.Fatalf("not the new build:\n%s", body)
	}
	// Only the current and the previous build are kept.
	s.Rebuild()
	s.Rebuild()
	s.mu.Lock()
	kept := len(s.retired)
	s.mu.Unlock()
	if kept > 1 {
		t.Errorf("%d earlier builds kept, want at most 1", kept)
	}
}

func TestScriptOnlyInServedHTML(t *testing.T) {
	s, ts := newServer(t, testProject(t, "Pi-Tag"))
	s.Rebuild()
	// Serve a build whose files this test chooses, beside a real feed.
	page := "<!doctype html><html><head><title>x</title></head><BODY><h1>Hallo</h1></BODY></html>\n"
	feedData, err := fs.ReadFile(s.current().fsys, strings.TrimPrefix(feed, "/"))
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{
		"anlaesse/pi-tag/index.html":  {Data: []byte(page)},
		"404.html":                    {Data: []byte("<html><body>Nicht gefunden</body></html>")},
		strings.TrimPrefix(feed, "/"): {Data: feedData},
	}
	s.mu.Lock()
	s.cur = &generation{version: s.cur.version, fsys: &rootFS{files}}
	s.mu.Unlock()

	code, body := get(t, ts.URL+"/anlaesse/pi-tag/")
	want := `<h1>Hallo</h1><script src="/__anlass/live.js?v=` + s.State().Version + `"></script>` + "\n</BODY>"
	if code != 200 || !strings.Contains(body, want) {
		t.Fatalf("GET page: %d\n%s\nwant it to contain %s", code, body, want)
	}
	if string(files["anlaesse/pi-tag/index.html"].Data) != page {
		t.Errorf("the built file changed:\n%s", files["anlaesse/pi-tag/index.html"].Data)
	}
	if _, body := get(t, ts.URL+feed); strings.Contains(body, "live.js") {
		t.Error("the script was added to a calendar file")
	}
	if code, body := get(t, ts.URL+"/gibt-es-nicht/"); code != 404 || !strings.Contains(body, "Nicht gefunden") || !strings.Contains(body, "live.js") {
		t.Errorf("missing page: %d\n%s", code, body)
	}
	if code, body := get(t, ts.URL+scriptPath); code != 200 || !strings.Contains(body, "EventSource") {
		t.Errorf("live.js: %d", code)
	}
}

func TestErrorPageBeforeFirstGoodBuild(t *testing.T) {
	dir := testProject(t, "Pi-Tag")
	write(t, dir, piPath, strings.Replace(fmt.Sprintf(piTag, "Pi-Tag"), "03-14", "02-30", 1))
	s, ts := newServer(t, dir)
	s.Rebuild()
	code, body := get(t, ts.URL+"/")
	if code != 500 || !strings.Contains(body, piPath+":4:7: 02-30 does not exist") || !strings.Contains(body, `live.js?v="`) {
		t.Fatalf("GET /: %d\n%s", code, body)
	}
	write(t, dir, piPath, fmt.Sprintf(piTag, "Pi-Tag"))
	s.Rebuild()
	if code, _ := get(t, ts.URL+feed); code != 200 {
		t.Fatalf("after the fix: %d", code)
	}
}

func TestNothingOutsideTheBuild(t *testing.T) {
	dir := testProject(t, "Pi-Tag")
	s, ts := newServer(t, dir)
	s.Rebuild()
	// The build lives in memory: files beside it in the project, or links
	// placed in the project, are never served.
	secret := filepath.Join(dir, "secret.txt")
	testutil.WriteFile(t, secret, "GEHEIM")
	if err := os.Symlink(secret, filepath.Join(dir, "link.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, p := range []string{"/secret.txt", "/link.txt", "/anlass.yaml", "/occasions/quirky/pi-tag.yaml"} {
		code, body := get(t, ts.URL+p)
		if code == 200 || strings.Contains(body, "GEHEIM") || strings.Contains(body, "secret.txt") {
			t.Errorf("GET %s: %d\n%s", p, code, body)
		}
	}
	// Raw requests, not cleaned by a client.
	for _, target := range []string{"/../anlass.yaml", "/..%2fanlass.yaml", "/%2e%2e/anlass.yaml", "/feeds/../../anlass.yaml", "..\\anlass.yaml"} {
		conn, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", target)
		_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
		resp, _ := io.ReadAll(conn)
		_ = conn.Close()
		if strings.HasPrefix(string(resp), "HTTP/1.1 200") || strings.Contains(string(resp), "feeds: {years_before") {
			t.Errorf("GET %s:\n%s", target, resp)
		}
	}
}

func TestEventStream(t *testing.T) {
	dir := testProject(t, "Pi-Tag")
	s, ts := newServer(t, dir)
	s.Rebuild()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	states := eventStream(t, ctx, ts.URL+eventsPath)
	next := func() State {
		t.Helper()
		st, ok := <-states
		if !ok {
			t.Fatal("the stream ended")
		}
		return st
	}
	first := next()
	if !first.OK || first.Version != s.State().Version {
		t.Fatalf("first event: %+v", first)
	}
	write(t, dir, piPath, "id: pi-tag\nname: [\n")
	s.Rebuild()
	if st := next(); st.OK || st.Version != first.Version || len(st.Problems) == 0 {
		t.Fatalf("after breaking: %+v", st)
	}
	write(t, dir, piPath, fmt.Sprintf(piTag, "Pi"))
	s.Rebuild()
	if st := next(); !st.OK || st.Version == first.Version {
		t.Fatalf("after fixing: %+v", st)
	}
}

// running is a server started by startRun.
type running struct {
	t           *testing.T
	url         string
	out, errOut strings.Builder // read after stop
	cancel      context.CancelFunc
	done        chan error
}

// startRun runs the whole server (Run) on o.Source and returns once the
// first build is served. It is stopped when the test ends, if not before.
func startRun(t *testing.T, o Options) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{t: t, cancel: cancel, done: make(chan error, 1)}
	ready := make(chan string, 1)
	o.Now, o.Ready = "2026-03-01", func(url string) { ready <- url }
	o.Stdout, o.Stderr = &syncWriter{w: &r.out}, &syncWriter{w: &r.errOut}
	go func() { r.done <- Run(ctx, o) }()
	t.Cleanup(func() { _ = r.stop() })
	select {
	case r.url = <-ready:
	case err := <-r.done:
		t.Fatalf("Run: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("no first build after 20 s")
	}
	return r
}

// stop ends the server like Ctrl-C and returns what Run returned.
func (r *running) stop() error {
	r.cancel()
	select {
	case err := <-r.done:
		r.done <- err // for a second stop
		return err
	case <-time.After(10 * time.Second):
		r.t.Fatal("Run did not stop")
		return nil
	}
}

// waitFor fetches path until its body satisfies ok, for up to 20 s.
func (r *running) waitFor(path, what string, ok func(body string) bool) {
	r.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	last := ""
	for time.Now().Before(deadline) {
		if resp, err := http.Get(r.url + strings.TrimPrefix(path, "/")); err == nil {
			b, _ := io.ReadAll(resp.Body)
			_ = resp.Body.Close()
			if last = string(b); resp.StatusCode == 200 && ok(last) {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	r.t.Fatalf("%s: not seen after 20 s; last answer:\n%s", what, last)
}

func has(s string) func(string) bool { return func(b string) bool { return strings.Contains(b, s) } }

// TestRun runs the whole server: watch, rebuild on a change, stop.
func TestRun(t *testing.T) {
	dir := testProject(t, "Pi-Tag")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // nothing may be left there
	r := startRun(t, Options{Source: dir})
	r.waitFor(feed, "first build", has("SUMMARY:Pi-Tag\r\n"))
	write(t, dir, piPath, fmt.Sprintf(piTag, "Pi-Tag zwei"))
	r.waitFor(feed, "rebuild after a change", has("SUMMARY:Pi-Tag zwei"))

	// A folder created while serving is watched too.
	raunacht := strings.NewReplacer("pi-tag", "raunacht", "quirky", "mystic")
	write(t, dir, "occasions/mystic/raunacht.yaml", raunacht.Replace(fmt.Sprintf(piTag, "Raunacht")))
	r.waitFor("/feeds/anlaesse/raunacht.ics", "a new folder", has("SUMMARY:Raunacht"))
	write(t, dir, "occasions/mystic/raunacht.yaml", raunacht.Replace(fmt.Sprintf(piTag, "Raunacht zwei")))
	r.waitFor("/feeds/anlaesse/raunacht.ics", "a change in the new folder", has("SUMMARY:Raunacht zwei"))

	if err := r.stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if !strings.Contains(r.out.String(), "Stopped.") {
		t.Errorf("stdout:\n%s", r.out.String())
	}
	if strings.Contains(r.out.String(), "polling") || r.errOut.Len() > 0 {
		t.Errorf("not watching by events:\n%s\n%s", r.out.String(), r.errOut.String())
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("files left behind in %s: %v", tmp, left)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("serve wrote public/")
	}
}

// Where no file-system events arrive, serve still sees every change and the
// open pages reload: with --poll, and by itself when watching fails. The
// events here never arrive, so only polling can find the change.
func TestRunWithoutEvents(t *testing.T) {
	for _, c := range []struct {
		name      string
		poll      time.Duration
		fail      bool // watching the project folder fails
		wantOut   string
		wantNotes string
	}{
		{name: "--poll 100ms", poll: 100 * time.Millisecond, wantOut: "Watching anlass.yaml, occasions/ for changes (polling every 100ms)\n"},
		{name: "watching fails", fail: true, wantOut: "Watching anlass.yaml, occasions/ for changes (polling every 500ms)\n",
			wantNotes: ": no space left on device"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := testProject(t, "Pi-Tag")
			fail := func(string) error { return nil }
			if c.fail {
				fail = func(string) error { return &os.SyscallError{Syscall: "inotify_add_watch", Err: syscall.ENOSPC} }
			}
			r := startRun(t, Options{Source: dir, Poll: c.poll, events: newSilentEvents(fail)})
			r.waitFor("/anlaesse/pi-tag/", "first build", has("<h1>Pi-Tag</h1>"))

			// The page's script reloads it when a build of another version
			// is announced on the event stream (live.js).
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			states := eventStream(t, ctx, r.url+strings.TrimPrefix(eventsPath, "/"))
			first := <-states
			if !first.OK || first.Version == "" {
				t.Fatalf("first state: %+v", first)
			}
			write(t, dir, piPath, fmt.Sprintf(piTag, "Pi-Tag per Abfrage"))
			for st := range states {
				if st.OK && st.Version != first.Version {
					break
				}
			}
			if ctx.Err() != nil {
				t.Fatal("no new build announced within 20 s")
			}
			r.waitFor("/anlaesse/pi-tag/", "the changed page", has("<h1>Pi-Tag per Abfrage</h1>"))

			if err := r.stop(); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(r.out.String(), c.wantOut) {
				t.Errorf("stdout:\n%s\nwant %q", r.out.String(), c.wantOut)
			}
			if notes := r.errOut.String(); (c.wantNotes == "") != (notes == "") || !strings.Contains(notes, c.wantNotes) {
				t.Errorf("stderr:\n%s\nwant %q", notes, c.wantNotes)
			}
		})
	}
}

// eventStream reads the Server-Sent Events at url and sends each state on
// the channel, which is closed when the stream or ctx ends.
func eventStream(t *testing.T, ctx context.Context, url string) <-chan State {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		_ = resp.Body.Close()
		t.Fatalf("Content-Type %q", ct)
	}
	out := make(chan State)
	go func() {
		defer close(out)
		defer func() { _ = resp.Body.Close() }()
		lines := bufio.NewScanner(resp.Body)
		for lines.Scan() {
			if data, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
				var st State
				if json.Unmarshal([]byte(data), &st) != nil {
					return // the receiver sees the stream end
				}
				select {
				case out <- st:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
