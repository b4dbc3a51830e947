package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/anlass/anlass/internal/serve"
)

const defaultPort = serve.DefaultPort

func init() {
	register(command{name: "serve", summary: "build, serve on 127.0.0.1 and rebuild on change", run: runServe})
}

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "[--source DIR] [--port N] [--bind ADDR] [--baseURL URL] [--now YYYY-MM-DD] [--buildDrafts=false]", stderr)
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
	if err := parseFlags(fs, args, stdout); err != nil {
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
