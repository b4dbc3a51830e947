// Command anlass builds the anlass occasion catalogue and calendar feeds.
//
//	anlass build    render the site and feeds into public/
//	anlass check    validate occasions and articles, report every problem
//	anlass list     print the occurrences in a date range
//	anlass serve    build, serve on 127.0.0.1 and rebuild on change
//	anlass new      write a ready-to-fill occasion or article
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/anlass/anlass/internal/yamlfile"
)

type command struct {
	name, summary string
	run           func(args []string, stdout, stderr io.Writer) error
}

var commands []command

func register(c command) { commands = append(commands, c) }

// exitError carries an exit code without printing anything more.
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit %d", int(e)) }

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "--help", "-help":
		usage(stdout)
		return 0
	case "help":
		if len(args) == 1 {
			usage(stdout)
			return 0
		}
		// anlass help list: the help of list.
		args = []string{args[1], "--help"}
	case "version", "--version":
		fmt.Fprintln(stdout, "anlass", version())
		return 0
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "anlass: unknown command %q", args[0])
		if s := closest(args[0], commandNames()); s != "" {
			fmt.Fprintf(stderr, " (did you mean %q?)", s)
		}
		fmt.Fprintf(stderr, "\nRun 'anlass help' for the commands.\n")
		return 2
	}
	err := c.run(args[1:], stdout, stderr)
	var code exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &code):
		return int(code)
	case errors.Is(err, flag.ErrHelp):
		return 0
	default:
		fmt.Fprintf(stderr, "anlass %s: %v\n", c.name, err)
		return 1
	}
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func commandNames() []string {
	var out []string
	for _, c := range commands {
		out = append(out, c.name)
	}
	return out
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "anlass finds the right occasion to surprise a customer, and publishes it as a site and calendar feeds.")
	fmt.Fprintln(w, "\nUsage: anlass <command> [flags]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'anlass help <command>' for the flags of a command.")
}

// newFlags returns a flag set whose usage goes to its output (stderr, or
// stdout when help was asked for; see parseFlags).
func newFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("anlass "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: anlass %s %s\n\nFlags:\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses a command's flags. --help prints the usage to stdout
// and returns flag.ErrHelp (exit 0); a mistake gets one line that names it,
// with a suggestion for a mistyped flag, and exit 2.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	out := fs.Output()
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(out)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		fs.SetOutput(out)
		return flag.ErrHelp
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		msg = "unknown flag --" + name
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if s := closest(name, names); s != "" {
			msg += " (did you mean --" + s + "?)"
		}
	}
	cmd := strings.TrimPrefix(fs.Name(), "anlass ")
	fmt.Fprintf(out, "%s: %s\nRun 'anlass help %s' for its flags.\n", fs.Name(), msg, cmd)
	return exitError(2)
}

// closest suggests the candidate a mistyped word was meant to be: one edit
// away, or two for words of five letters or more ("tilte" → "title").
func closest(word string, candidates []string) string {
	limit := 2
	if len(word) >= 5 {
		limit = 3
	}
	return yamlfile.Closest(word, candidates, limit)
}

func version() string { return "0.1.0" }
