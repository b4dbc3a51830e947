// Package serve is `anlass serve`: it builds the site in memory
// (build.Snapshot, each file rendered on its first request), serves it on a
// local address, rebuilds when an input file changes, and reloads the open
// browser tabs through Server-Sent Events. Changes are found by file-system
// events, or by polling where events do not arrive (see watcher).
//
// A failed build keeps the last good site online; its problems go to the
// terminal and, over the same event stream, into an overlay in the page.
// Only the files of the current build are ever served; nothing is written
// to disk.
package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/anlass/anlass/internal/build"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
)

// DefaultPort is the port `anlass serve` uses when none is given (Hugo's).
const DefaultPort = 1313

// Options configure a server.
type Options struct {
	Source   string        // project directory
	Bind     string        // interface address; default 127.0.0.1
	Port     int           // 0 picks a free port
	Now      string        // YYYY-MM-DD to build as if it were that day
	Drafts   bool          // include draft articles
	BaseURL  string        // the site's URL in links and feeds; default http://<bind>:<port>/
	Debounce time.Duration // quiet time after a change before rebuilding; default 20 ms
	Poll     time.Duration // > 0: find changes by looking this often, not by file-system events
	Stdout   io.Writer     // progress: builds, the address
	Stderr   io.Writer     // problems
	// Ready, if set, is called with the site's URL once the first build has
	// finished and requests are answered.
	Ready func(url string)

	events func() (eventSource, error) // file-system events; nil: fsnotify (tests replace it)
}

// State is what the event stream and /__anlass/status report after each build.
type State struct {
	// Version names the build being served; empty before the first good build.
	// A page reloads when it was served from another version.
	Version  string    `json:"version"`
	OK       bool      `json:"ok"`                 // the latest build succeeded
	Summary  string    `json:"summary,omitempty"`  // the latest build's summary line
	Error    string    `json:"error,omitempty"`    // why the latest build failed, when not an input problem
	Problems []Problem `json:"problems,omitempty"` // the latest build's diagnostics
}

// Problem is one diagnostic of a build.
type Problem struct {
	Path     string `json:"path"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"` // error or warning
	Message  string `json:"message"`
	Text     string `json:"text"` // path:line:col: message, as the terminal shows it
}

// Server serves one project. Use Run; the type is exported for tests.
type Server struct {
	opts    Options
	baseURL string // http://127.0.0.1:1313/
	session string // tells this run's versions from a previous run's

	mu       sync.Mutex
	cur      *generation   // last good build; nil before the first
	retired  []*generation // earlier builds, kept while requests may still read them
	state    State
	builds   int
	warnings []string // the last build's warnings, printed again only when they change
	subs     map[chan struct{}]struct{}
	cache    *occasion.ParseCache // parsed files, re-parsed only when they change
}

// generation is one good build, held in memory and rendered lazily
// (build.Snapshot): a request right after a change is answered as soon as
// the project is loaded and the occurrences computed.
type generation struct {
	version string
	fsys    *rootFS
}

// Run builds and serves the project until ctx is cancelled (Ctrl-C).
func Run(ctx context.Context, o Options) error {
	if o.Bind == "" {
		o.Bind = "127.0.0.1"
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(o.Bind, strconv.Itoa(o.Port)))
	if err != nil {
		return fmt.Errorf("%w (is another server running there? choose one with --port)", err)
	}
	defer func() { _ = ln.Close() }()
	s, err := New(o, ln.Addr().(*net.TCPAddr).Port)
	if err != nil {
		return err
	}
	defer func() { _ = s.Close() }()

	w, err := newWatcher(o.Source, o.Poll, s.opts.Stderr, o.events)
	if err != nil {
		return fmt.Errorf("watching the project: %w", err)
	}
	defer func() { _ = w.Close() }() // nothing to lose when stopping
	how := ""
	if every, ok := w.Polling(); ok {
		how = " (polling every " + every.String() + ")"
	}
	fmt.Fprintf(s.opts.Stdout, "Watching %s for changes%s\n", strings.Join(w.Watched(), ", "), how)

	s.Rebuild()

	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx }, // ends event streams on Ctrl-C
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	local := "http://" + ln.Addr().String() + "/"
	if ip := net.ParseIP(o.Bind); ip != nil && ip.IsUnspecified() {
		local = "http://" + net.JoinHostPort("127.0.0.1", strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)) + "/"
	}
	fmt.Fprintf(s.opts.Stdout, "Serving %s (Ctrl-C stops)\n", local)
	if o.Ready != nil {
		o.Ready(local)
	}

	err = w.Loop(ctx, s.opts.Debounce, func(changed []string) {
		fmt.Fprintf(s.opts.Stdout, "\nChanged: %s\n", describe(changed))
		s.Rebuild()
	})
	shutCtx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if serr := srv.Shutdown(shutCtx); serr != nil && err == nil {
		err = serr
	}
	if serr := <-served; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		return serr
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	fmt.Fprintln(s.opts.Stdout, "Stopped.")
	return nil
}

// New makes a server for the project that will be reachable on port. It
// builds nothing yet; call Rebuild.
func New(o Options, port int) (*Server, error) {
	if o.Bind == "" {
		o.Bind = "127.0.0.1"
	}
	if o.Debounce <= 0 {
		o.Debounce = 20 * time.Millisecond
	}
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	if o.Source == "" {
		o.Source = "."
	}
	if fi, err := os.Stat(o.Source); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", o.Source)
	}
	host := o.Bind
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1" // listening everywhere; links still point at this machine
	}
	baseURL := "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + "/"
	if o.BaseURL != "" {
		baseURL = strings.TrimSuffix(o.BaseURL, "/") + "/"
	}
	return &Server{
		opts:    o,
		baseURL: baseURL,
		session: strconv.FormatInt(time.Now().UnixNano()%1e9, 36),
		subs:    map[chan struct{}]struct{}{},
		cache:   occasion.NewParseCache(),
	}, nil
}

// URL is the site's base URL.
func (s *Server) URL() string { return s.baseURL }

// Close drops every build.
func (s *Server) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cur, s.retired = nil, nil
	return nil
}

// State returns the state after the latest build.
func (s *Server) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

// Rebuild builds the project into a fresh directory. On success the new
// build is served from then on; on failure the previous one stays. Either
// way the open pages hear about it.
func (s *Server) Rebuild() {
	s.mu.Lock()
	s.builds++
	n := s.builds
	s.mu.Unlock()

	snap, diags, err := build.Prepare(build.Options{
		Source:  s.opts.Source,
		Now:     s.opts.Now,
		BaseURL: s.baseURL,
		Drafts:  s.opts.Drafts,
		Cache:   s.cache,
	})
	var g *generation
	var res build.Result
	if err == nil {
		g = &generation{version: s.session + "-" + strconv.Itoa(n), fsys: &rootFS{snap}}
		res = snap.Result
	}
	st := State{OK: err == nil, Problems: problems(diags)}
	if err != nil && !errors.Is(err, build.ErrInvalidInput) {
		st.Error = err.Error()
	}
	if err == nil {
		st.Summary = fmt.Sprintf("Build %d in %d ms: %s, %s, %s, %s, %s", n, res.Took.Milliseconds(),
			plural(res.Occasions, "occasion"), plural(res.Holidays, "holiday"), plural(res.Articles, "article"),
			plural(res.Pages, "page"), plural(res.Feeds, "feed"))
	}

	s.mu.Lock()
	if g != nil {
		if s.cur != nil {
			s.retired = append(s.retired, s.cur)
		}
		s.cur = g
		s.pruneLocked()
	}
	if s.cur != nil {
		st.Version = s.cur.version
	}
	s.state = st
	s.report(st, diags)
	for ch := range s.subs {
		select {
		case ch <- struct{}{}:
		default: // a notice is already pending; the reader picks up the latest state
		}
	}
	s.mu.Unlock()
}

// pruneLocked drops builds older than the previous one: a request that
// started on the previous build may still be reading it.
func (s *Server) pruneLocked() {
	if len(s.retired) > 1 {
		s.retired = slices.Clone(s.retired[len(s.retired)-1:])
	}
}

// report prints the outcome of a build to the terminal.
func (s *Server) report(st State, diags diag.List) {
	var warnings []string
	for _, d := range diags {
		if d.Severity == diag.Warning {
			warnings = append(warnings, d.String())
		}
	}
	if st.OK {
		line := st.Summary
		if len(warnings) > 0 {
			line += ", " + plural(len(warnings), "warning")
		}
		if !slices.Equal(warnings, s.warnings) {
			for _, w := range warnings {
				fmt.Fprintln(s.opts.Stderr, w)
			}
		}
		s.warnings = warnings
		fmt.Fprintln(s.opts.Stdout, line)
		return
	}
	s.warnings = nil
	for _, d := range diags {
		fmt.Fprintln(s.opts.Stderr, d)
	}
	if st.Error != "" {
		fmt.Fprintf(s.opts.Stderr, "build failed: %s\n", st.Error)
	}
	errs, _ := diags.Count()
	what := "Build failed"
	if errs > 0 {
		what = "Build failed with " + plural(errs, "error")
	}
	if st.Version != "" {
		fmt.Fprintf(s.opts.Stderr, "%s; still serving the last good build. Fix the file and save: the page recovers by itself.\n", what)
	} else {
		fmt.Fprintf(s.opts.Stderr, "%s; the page shows the problems until the first good build.\n", what)
	}
}

func problems(l diag.List) []Problem {
	var out []Problem
	for _, d := range l {
		sev := "error"
		if d.Severity == diag.Warning {
			sev = "warning"
		}
		out = append(out, Problem{Path: d.Path, Line: d.Line, Col: d.Col, Severity: sev, Message: d.Msg, Text: d.String()})
	}
	return out
}

// current returns the build being served, or nil.
func (s *Server) current() *generation {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cur
}

func (s *Server) subscribe() chan struct{} {
	ch := make(chan struct{}, 1)
	s.mu.Lock()
	s.subs[ch] = struct{}{}
	s.mu.Unlock()
	return ch
}

func (s *Server) unsubscribe(ch chan struct{}) {
	s.mu.Lock()
	delete(s.subs, ch)
	s.mu.Unlock()
}

func (st State) json() []byte {
	b, _ := json.Marshal(st)
	return b
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// describe lists changed files for the terminal, at most three by name.
func describe(changed []string) string {
	if len(changed) <= 3 {
		return strings.Join(changed, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(changed[:3], ", "), len(changed)-3)
}
