package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/anlass/anlass/internal/clock"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/project"
)

func init() {
	register(command{name: "check", summary: "validate occasions, holidays and articles; report every problem", run: runCheck})
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "[--source DIR] [--format text|github] [--now YYYY-MM-DD]", stderr)
	source := fs.String("source", ".", "project `directory`")
	fs.StringVar(source, "s", ".", "shorthand for --source")
	format := fs.String("format", "text", "output `format`: text (path:line:col: message) or github (Actions annotations)")
	now := fs.String("now", "", "judge the data as of this `day` (YYYY-MM-DD; default: SOURCE_DATE_EPOCH, else today)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(stderr, "anlass check: unknown format %q: expected text or github\n", *format)
		return exitError(2)
	}
	clk, err := clock.New(*now, nil)
	if err != nil {
		fmt.Fprintf(stderr, "anlass check: %v\n", err)
		return exitError(2)
	}
	p, l := project.Check(*source, clk.Today)
	for _, d := range l {
		if *format == "github" {
			fmt.Fprintln(stdout, githubAnnotation(d))
		} else {
			fmt.Fprintln(stdout, d)
		}
	}
	errs, warns := l.Count()
	articles := 0
	for _, a := range p.Articles {
		if !a.Draft {
			articles++
		}
	}
	fmt.Fprintf(stderr, "%d occasions, %d holidays, %d articles: %s, %s\n",
		len(p.Catalog.Occasions), len(p.Catalog.Holidays), articles, plural(errs, "error"), plural(warns, "warning"))
	// Explain each kind of problem once: what it means, whether it matters.
	notes, counts := l.Notes()
	for i, n := range notes {
		fmt.Fprintf(stderr, "\n%s: %s\n", plural(counts[i], "warning"), n)
	}
	if warns > 0 && errs == 0 {
		fmt.Fprintln(stderr, "\nWarnings do not stop a build; errors do.")
	}
	if errs > 0 {
		return exitError(1)
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// githubAnnotation formats a diagnostic as a GitHub Actions workflow command.
func githubAnnotation(d diag.Diagnostic) string {
	level := "error"
	if d.Severity == diag.Warning {
		level = "warning"
	}
	var props []string
	props = append(props, "file="+escapeProp(d.Path))
	if d.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Line))
	}
	if d.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", d.Col))
	}
	return fmt.Sprintf("::%s %s::%s", level, strings.Join(props, ","), escapeData(d.Msg))
}

// Escaping as the Actions toolkit does (core/command.ts).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
