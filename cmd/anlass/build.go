package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/anlass/anlass/internal/build"
)

func init() {
	register(command{name: "build", summary: "render the site and calendar feeds into public/", run: runBuild})
}

func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "[--source DIR] [--destination DIR] [--now YYYY-MM-DD] [--baseURL URL]", stderr)
	var o build.Options
	fs.StringVar(&o.Source, "source", ".", "project `directory`")
	fs.StringVar(&o.Source, "s", ".", "shorthand for --source")
	fs.StringVar(&o.Destination, "destination", "", "output `directory` (default <source>/public)")
	fs.StringVar(&o.Destination, "d", "", "shorthand for --destination")
	fs.StringVar(&o.Now, "now", "", "build as if today were this `day` (YYYY-MM-DD); also fixes the build time (default: SOURCE_DATE_EPOCH)")
	fs.StringVar(&o.BaseURL, "baseURL", "", "override base_url from anlass.yaml, e.g. https://user.github.io/anlass/")
	fs.BoolVar(&o.Drafts, "buildDrafts", false, "include draft articles")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	fs.BoolVar(&o.Verbose, "verbose", false, "print more detail")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	res, diags, err := build.Build(o)
	for _, d := range diags {
		if d.Severity == 0 || !*quiet {
			fmt.Fprintln(stderr, d)
		}
	}
	if errors.Is(err, build.ErrInvalidInput) {
		fmt.Fprintln(stderr, "anlass build: the project has errors; nothing was written (the previous output is untouched)")
		return exitError(1)
	}
	if errors.Is(err, build.ErrPartlyUpdated) {
		fmt.Fprintf(stderr, "anlass build: %v\n", err)
		return exitError(1)
	}
	if err != nil {
		fmt.Fprintf(stderr, "anlass build: %v; the previous output is untouched\n", err)
		return exitError(1)
	}
	if !*quiet {
		printSummary(stdout, res, o.Verbose)
	}
	return nil
}

func printSummary(w io.Writer, r build.Result, verbose bool) {
	fmt.Fprintf(w, "anlass build\n\n")
	fmt.Fprintf(w, "  Occasions  %5d\n  Holidays   %5d\n  Articles   %5d\n  Pages      %5d\n  Feeds      %5d\n  Files      %5d  (%.1f MB)\n",
		r.Occasions, r.Holidays, r.Articles, r.Pages, r.Feeds, r.Files, float64(r.Bytes)/1e6)
	if verbose {
		fmt.Fprintf(w, "  Window     %s … %s\n", r.From, r.To)
	}
	if verbose {
		fmt.Fprintf(w, "\n  Stage      ms\n")
		for _, st := range r.Stages {
			fmt.Fprintf(w, "  %-8s %4d\n", st.Name, st.Took.Milliseconds())
		}
	}
	dest, _ := filepath.Abs(r.Dest)
	fmt.Fprintf(w, "\nBuilt %s in %d ms\n", dest, r.Took.Milliseconds())
	fmt.Fprintf(w, "Look at it with '%s serve' (http://127.0.0.1:%d/) or any static web server.\n", self(), defaultPort)
}

// self is how the user can run anlass again: "go run ./cmd/anlass" when this
// process is a binary that go run built in a temporary folder (there is no
// anlass on the PATH then), else "anlass".
func self() string {
	exe, err := os.Executable()
	if err == nil && strings.Contains(filepath.ToSlash(exe), "/go-build") {
		return "go run ./cmd/anlass"
	}
	return "anlass"
}
