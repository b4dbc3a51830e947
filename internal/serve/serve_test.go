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
	"testing"
	"testing/fstest"
	"time"
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
	dir := t.TempDir()
	write(t, dir, piPath, fmt.Sprintf(piTag, name))
	write(t, dir, "anlass.yaml", "title: test\nfeeds: {years_before: 0, years_after: 1}\n")
	return dir
}

func write(t *testing.T, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func newServer(t *testing.T, dir string) (*Server, *httptest.Server) {
	t.Helper()
	s, err := New(Options{Source: dir, Now: "2026-03-01"}, 1313)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
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
	defer resp.Body.Close()
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
	os.WriteFile(secret, []byte("GEHEIM"), 0o644)
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
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		resp, _ := io.ReadAll(conn)
		conn.Close()
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
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	lines := bufio.NewScanner(resp.Body)
	next := func() State {
		t.Helper()
		for lines.Scan() {
			if data, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
				var st State
				if err := json.Unmarshal([]byte(data), &st); err != nil {
					t.Fatal(err)
				}
				return st
			}
		}
		t.Fatalf("stream ended: %v", lines.Err())
		return State{}
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

// TestRun runs the whole server: watch, rebuild on a change, stop.
func TestRun(t *testing.T) {
	dir := testProject(t, "Pi-Tag")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where the builds go
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var out, errOut strings.Builder
	go func() {
		done <- Run(ctx, Options{Source: dir, Port: 0, Now: "2026-03-01", Stdout: &syncWriter{w: &out}, Stderr: &syncWriter{w: &errOut},
			Ready: func(url string) { ready <- url }})
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("no first build after 20 s")
	}
	waitFor := func(path, what string, ok func(body string) bool) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			if resp, err := http.Get(url + strings.TrimPrefix(path, "/")); err == nil {
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode == 200 && ok(string(b)) {
					return
				}
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("%s: not seen after 20 s", what)
	}
	has := func(s string) func(string) bool { return func(b string) bool { return strings.Contains(b, s) } }
	waitFor(feed, "first build", has("SUMMARY:Pi-Tag\r\n"))
	write(t, dir, piPath, fmt.Sprintf(piTag, "Pi-Tag zwei"))
	waitFor(feed, "rebuild after a change", has("SUMMARY:Pi-Tag zwei"))

	// A folder created while serving is watched too.
	raunacht := strings.NewReplacer("pi-tag", "raunacht", "quirky", "mystic")
	write(t, dir, "occasions/mystic/raunacht.yaml", raunacht.Replace(fmt.Sprintf(piTag, "Raunacht")))
	waitFor("/feeds/anlaesse/raunacht.ics", "a new folder", has("SUMMARY:Raunacht"))
	write(t, dir, "occasions/mystic/raunacht.yaml", raunacht.Replace(fmt.Sprintf(piTag, "Raunacht zwei")))
	waitFor("/feeds/anlaesse/raunacht.ics", "a change in the new folder", has("SUMMARY:Raunacht zwei"))

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop")
	}
	if !strings.Contains(out.String(), "Stopped.") {
		t.Errorf("stdout:\n%s", out.String())
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("builds left behind in %s: %v", tmp, left)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("serve wrote public/")
	}
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
