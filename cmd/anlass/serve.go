package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/anlass/anlass/internal/serve"
)

const defaultPort = serve.DefaultPort

func init() {
	register(command{name: "serve", summary: "build, serve on 127.0.0.1 and rebuild on change", run: runServe})
}

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "[--source DIR] [--port N] [--bind ADDR] [--baseURL URL] [--now YYYY-MM-DD] [--buildDrafts=false] [--poll [INTERVAL]]", stderr)
	o := serve.Options{Stdout: stdout, Stderr: stderr}
	fs.StringVar(&o.Source, "source", ".", "project `directory`")
	fs.StringVar(&o.Source, "s", ".", "shorthand for --source")
	fs.IntVar(&o.Port, "port", defaultPort, "`port` to listen on (0 picks a free one)")
	fs.IntVar(&o.Port, "p", defaultPort, "shorthand for --port")
	fs.StringVar(&o.Bind, "bind", "127.0.0.1", "interface `address` to listen on (0.0.0.0 for your local network)")
	fs.StringVar(&o.BaseURL, "baseURL", "", "the site's `URL` in links and feeds (default http://<bind>:<port>/); for a preview on another device use http://<this machine's address>:<port>/")
	fs.StringVar(&o.Now, "now", "", "build as if today were this `day` (YYYY-MM-DD)")
	fs.BoolVar(&o.Drafts, "buildDrafts", true, "include draft articles (a preview shows your work in progress)")
	fs.BoolVar(&o.Drafts, "D", true, "shorthand for --buildDrafts")
	fs.Var(pollFlag{&o.Poll}, "poll", "find changes by polling every `interval` (--poll alone: "+serve.DefaultPollInterval.String()+") instead of by file-system events, which network drives and shared folders (WSL's /mnt/c, Docker volumes) do not send; serve also polls by itself where it detects such a folder or watching fails")
	if err := parseFlags(fs, joinPoll(args), stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitError(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl-C ends the program at once
	}()
	return serve.Run(ctx, o)
}

// pollFlag is --poll. Alone it polls every serve.DefaultPollInterval; with
// an interval, as Hugo's --poll 700ms, every that long.
type pollFlag struct{ every *time.Duration }

func (p pollFlag) String() string {
	if p.every == nil || *p.every == 0 {
		return ""
	}
	return p.every.String()
}

func (p pollFlag) Set(s string) error {
	switch s {
	case "true":
		*p.every = serve.DefaultPollInterval
		return nil
	case "false":
		*p.every = 0
		return nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("expected an interval with its unit, such as 700ms or 2s")
	}
	if d < serve.MinPollInterval {
		return fmt.Errorf("%s is too often: every poll looks at every input file; choose %s or more", s, serve.MinPollInterval)
	}
	*p.every = d
	return nil
}

// joinPoll lets --poll stand alone or take its interval as the next
// argument (--poll 700ms, as in Hugo): the flag package knows only
// --poll=700ms for a flag with a value.
func joinPoll(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		if a != "--poll" && a != "-poll" {
			out = append(out, a)
			continue
		}
		if i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
			if _, err := time.ParseDuration(args[i+1]); err == nil || isNumber(args[i+1]) {
				out = append(out, a+"="+args[i+1]) // a number without a unit gets Set's message
				i++
				continue
			}
		}
		out = append(out, a+"=true")
	}
	return out
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}
