package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// Commands for the serve scripts. Every wait is bounded: a script fails
// rather than hangs when the server never answers as expected.
func init() {
	scriptCmds["freeport"] = cmdFreeport
	scriptCmds["httpget"] = cmdHTTPGet
	scriptCmds["sse"] = cmdSSE
}

// freeport VAR: set $VAR to a TCP port that is free on 127.0.0.1 right now.
func cmdFreeport(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: freeport VAR")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	port := ln.Addr().(*net.TCPAddr).Port
	ts.Check(ln.Close())
	ts.Setenv(args[0], strconv.Itoa(port))
}

// httpget [-status N] [-timeout D] URL [REGEXP]: fetch URL until it answers
// with status N (default 200) and a body matching REGEXP, or, as
// `! httpget`, a body not matching it; fail after the timeout (default 30 s).
// The last body becomes the command's stdout.
func cmdHTTPGet(ts *testscript.TestScript, neg bool, args []string) {
	fs := flag.NewFlagSet("httpget", flag.ContinueOnError)
	status := fs.Int("status", 200, "")
	timeout := fs.Duration("timeout", 30*time.Second, "")
	if err := fs.Parse(args); err != nil || fs.NArg() < 1 || fs.NArg() > 2 || (neg && fs.NArg() != 2) {
		ts.Fatalf("usage: [!] httpget [-status N] [-timeout D] URL [REGEXP]")
	}
	url := fs.Arg(0)
	var re *regexp.Regexp
	if fs.NArg() == 2 {
		re = regexp.MustCompile("(?m)" + fs.Arg(1))
	}
	client := &http.Client{
		Timeout:       5 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	deadline := time.Now().Add(*timeout)
	var last string
	for {
		resp, err := client.Get(url)
		if err != nil {
			last = err.Error()
		} else {
			body, _ := io.ReadAll(resp.Body)
			_ = resp.Body.Close()
			last = fmt.Sprintf("status %d\n%s", resp.StatusCode, body)
			if resp.StatusCode == *status && (re == nil || re.Match(body) != neg) {
				_, _ = ts.Stdout().Write(body)
				return
			}
		}
		if time.Now().After(deadline) {
			what := "status " + strconv.Itoa(*status)
			if re != nil {
				what += fmt.Sprintf(" and a body that %smatches %q", map[bool]string{true: "no longer ", false: ""}[neg], re)
			}
			ts.Fatalf("httpget %s: no %s after %s; last answer:\n%s", url, what, *timeout, clip(last))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// sse [-timeout D] URL REGEXP: read the Server-Sent Events stream at URL
// until a data line matches REGEXP; that line becomes the stdout.
func cmdSSE(ts *testscript.TestScript, neg bool, args []string) {
	fs := flag.NewFlagSet("sse", flag.ContinueOnError)
	timeout := fs.Duration("timeout", 30*time.Second, "")
	if err := fs.Parse(args); err != nil || neg || fs.NArg() != 2 {
		ts.Fatalf("usage: sse [-timeout D] URL REGEXP")
	}
	re := regexp.MustCompile(fs.Arg(1))
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	var seen []string
	for ctx.Err() == nil {
		req, err := http.NewRequestWithContext(ctx, "GET", fs.Arg(0), nil)
		ts.Check(err)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			time.Sleep(100 * time.Millisecond) // not listening yet
			continue
		}
		lines := bufio.NewScanner(resp.Body)
		lines.Buffer(nil, 1<<20)
		for lines.Scan() {
			data, ok := strings.CutPrefix(lines.Text(), "data: ")
			if !ok {
				continue
			}
			seen = append(seen, data)
			if re.MatchString(data) {
				_ = resp.Body.Close()
				fmt.Fprintln(ts.Stdout(), data)
				return
			}
		}
		_ = resp.Body.Close()
	}
	ts.Fatalf("sse %s: no event matching %q within %s; events seen:\n%s", fs.Arg(0), re, *timeout, clip(strings.Join(seen, "\n")))
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + " …"
	}
	return s
}

// --poll stands alone or takes its interval as the next argument, as in
// Hugo; anything else after it is left to the flag package.
func TestJoinPoll(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"--poll", "--poll=true"},
		{"--poll 700ms", "--poll=700ms"},
		{"-poll 2s --port 0", "-poll=2s --port 0"},
		{"--poll --port 0", "--poll=true --port 0"},
		{"--poll=1s", "--poll=1s"},
		{"--poll 700", "--poll=700"}, // Set says that the unit is missing
		{"--poll public", "--poll=true public"},
		{"--port 0 --poll", "--port 0 --poll=true"},
		{"-- --poll 1s", "-- --poll 1s"},
	} {
		if got := strings.Join(joinPoll(strings.Fields(c.in)), " "); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}
