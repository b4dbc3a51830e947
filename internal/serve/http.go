package serve

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
)

// The server's own endpoints live under this prefix; the site never uses it.
const (
	prefix     = "/__anlass/"
	eventsPath = prefix + "events"
	scriptPath = prefix + "live.js"
	statusPath = prefix + "status"
)

//go:embed live.js
var liveJS []byte

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+eventsPath, s.events)
	mux.HandleFunc("GET "+scriptPath, serveScript)
	mux.HandleFunc("GET "+statusPath, s.status)
	mux.HandleFunc(prefix, http.NotFound)
	mux.HandleFunc("/", s.site)
	return mux
}

// rootFS reports anything that is neither there nor readable (a link out of
// the build directory, say) as forbidden rather than as a server error.
type rootFS struct{ fs fs.FS }

func (r *rootFS) Open(name string) (fs.File, error) {
	f, err := r.fs.Open(name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f, err
}

// Request headers dropped so that every response is complete and current: a
// preview has no use for caches or ranges, and HTML must be rewritten whole.
var uncached = []string{"If-Modified-Since", "If-Unmodified-Since", "If-None-Match", "If-Match", "Range", "If-Range"}

// site serves the current build, with the reload script added to HTML.
func (s *Server) site(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	g := s.current()
	if g == nil {
		s.errorPage(w, r)
		return
	}
	for _, h := range uncached {
		r.Header.Del(h)
	}
	snippet := scriptTag(g.version)
	// A missing page gets the site's own 404 page, as GitHub Pages does.
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	if _, err := fs.Stat(g.fsys, name); errors.Is(err, fs.ErrNotExist) {
		if page, err := fs.ReadFile(g.fsys, "404.html"); err == nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			page = inject(page, snippet)
			w.Header().Set("Content-Length", strconv.Itoa(len(page)))
			w.WriteHeader(http.StatusNotFound)
			if r.Method != http.MethodHead {
				_, _ = w.Write(page)
			}
			return
		}
	}
	files := http.FileServerFS(g.fsys)
	if r.Method == http.MethodHead {
		files.ServeHTTP(w, r)
		return
	}
	iw := &injectWriter{ResponseWriter: w, snippet: snippet}
	files.ServeHTTP(iw, r)
	iw.finish()
}

// scriptTag is the markup added to every HTML response: it loads live.js,
// which listens for new builds. version is the build the page came from.
func scriptTag(version string) []byte {
	return []byte(`<script src="` + scriptPath + `?v=` + url.QueryEscape(version) + `"></script>`)
}

// inject puts snippet before the last </body>, or at the end.
func inject(page, snippet []byte) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(snippet)+1)
	out = append(out, page[:i]...)
	out = append(out, snippet...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// injectWriter holds back an HTML response to add the script; anything else
// passes straight through.
type injectWriter struct {
	http.ResponseWriter
	snippet     []byte
	wroteHeader bool
	html        bool
	status      int
	buf         bytes.Buffer
}

func (w *injectWriter) WriteHeader(code int) {
	if w.wroteHeader {
		return
	}
	w.wroteHeader = true
	if strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		w.html, w.status = true, code
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *injectWriter) Write(p []byte) (int, error) {
	if !w.wroteHeader {
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", http.DetectContentType(p))
		}
		w.WriteHeader(http.StatusOK)
	}
	if w.html {
		return w.buf.Write(p)
	}
	return w.ResponseWriter.Write(p)
}

func (w *injectWriter) finish() {
	if !w.html {
		return
	}
	page := inject(w.buf.Bytes(), w.snippet)
	w.Header().Set("Content-Length", strconv.Itoa(len(page)))
	w.ResponseWriter.WriteHeader(w.status)
	_, _ = w.ResponseWriter.Write(page)
}

func serveScript(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(liveJS)
}

// status reports the latest build as JSON, the same document the event stream sends.
func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(s.State().json())
	_, _ = w.Write([]byte("\n"))
}

// events is the Server-Sent Events stream live.js listens to: the current
// state at once, then the state after each build.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	ch := s.subscribe()
	defer s.unsubscribe(ch)
	send := func() error {
		if _, err := fmt.Fprintf(w, "data: %s\n\n", s.State().json()); err != nil {
			return err
		}
		return rc.Flush()
	}
	fmt.Fprint(w, "retry: 1000\n\n")
	if send() != nil {
		return
	}
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ch:
			if send() != nil {
				return
			}
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}

var errorTmpl = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build fehlgeschlagen – anlass serve</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.4rem; color: #b3261e; }
pre { background: #fdf0ef; border-left: 4px solid #b3261e; padding: 1rem; overflow-x: auto; white-space: pre-wrap; }
</style>
</head>
<body>
<h1>Build fehlgeschlagen</h1>
<p>Es gibt noch keinen gelungenen Build, den <code>anlass serve</code> zeigen könnte. Behebe die Probleme und speichere die Datei: Diese Seite lädt sich dann von selbst neu.</p>
<pre>{{range .Problems}}{{.Text}}
{{end}}{{with .Error}}{{.}}
{{end}}</pre>
</body>
</html>
`))

// errorPage answers every page request while there has never been a good build.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	if err := errorTmpl.Execute(&b, s.State()); err != nil {
		b.Reset()
		b.WriteString("<!DOCTYPE html><title>anlass serve</title><p>The build failed; see the terminal.")
	}
	page := inject(b.Bytes(), scriptTag(""))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	if r.Method != http.MethodHead {
		_, _ = w.Write(page)
	}
}
