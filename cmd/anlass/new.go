package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/clock"
	"github.com/anlass/anlass/internal/scaffold"
)

func init() {
	register(command{name: "new", summary: "write a ready-to-fill occasion, idea article or page", run: runNew})
}

const newUsage = `occasion <id> --category mainstream|seasonal|quirky|mystic [--name NAME]
       anlass new idea <slug> [--title TITLE] [--date YYYY-MM-DD]
       anlass new page <slug> [--title TITLE]

Writes occasions/<category>/<id>.yaml, content/<slug>.md or pages/<slug>.md
with every field explained in a comment. Fill in the empty fields, then run
'anlass check'. 'anlass new page impressum' and 'anlass new page datenschutz'
write a starting text to check and complete. An existing file is never
overwritten.`

func runNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("new", newUsage, stderr)
	source := fs.String("source", ".", "project `directory`")
	fs.StringVar(source, "s", ".", "shorthand for --source")
	category := fs.String("category", "", "occasion: the `category` (mainstream, seasonal, quirky or mystic)")
	fs.StringVar(category, "c", "", "shorthand for --category")
	name := fs.String("name", "", "occasion: the German `name`, if you know it already")
	title := fs.String("title", "", "idea: the `title`, if you know it already")
	date := fs.String("date", "", "idea: the publication `day` (YYYY-MM-DD, default today)")
	pos, err := parseInterspersed(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		fs.Usage()
		return exitError(2)
	}
	var rel string
	switch kind, id := pos[0], pos[1]; kind {
	case "occasion":
		rel, err = scaffold.Occasion{ID: id, Category: *category, Name: *name}.Create(*source)
	case "idea", "article":
		var day civil.Date
		if *date != "" {
			if day, err = civil.Parse(*date); err != nil {
				fmt.Fprintf(stderr, "anlass new: --date: %v\n", err)
				return exitError(2)
			}
		} else {
			clk, err := clock.New("", nil)
			if err != nil {
				fmt.Fprintf(stderr, "anlass new: %v\n", err)
				return exitError(2)
			}
			day = clk.Today
		}
		rel, err = scaffold.Idea{Slug: id, Title: *title, Date: day}.Create(*source)
	case "page":
		rel, err = scaffold.Page{Slug: id, Title: *title}.Create(*source)
	default:
		fmt.Fprintf(stderr, "anlass new: unknown kind %q: expected occasion, idea or page\n", kind)
		return exitError(2)
	}
	var ue *scaffold.UsageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "anlass new: %v\n", err)
		return exitError(2)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Created %s\n\nFill in the empty fields (each is explained in a comment), then:\n", rel)
	fmt.Fprintf(stdout, "  %s check    lists every field that is still missing\n", self())
	fmt.Fprintf(stdout, "  %s serve    previews the site at http://127.0.0.1:%d/\n", self(), defaultPort)
	return nil
}

// parseInterspersed parses flags anywhere among the arguments, so that
// `anlass new occasion x --category quirky` works as well as flags first.
func parseInterspersed(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args, stdout); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		args = rest
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
