package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/anlass/anlass/internal/agenda"
	"github.com/anlass/anlass/internal/calendar"
	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/clock"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/regioncode"
)

func init() {
	register(command{name: "list", summary: "print every occurrence in a date range (text, json or ics)", run: runList})
}

// listFlag collects repeatable, comma-separated values.
type listFlag []string

func (f *listFlag) String() string { return strings.Join(*f, ",") }
func (f *listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*f = append(*f, v)
		}
	}
	return nil
}

func runList(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("list", "[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--category C ...] [--region CODE] [--budget EUR] [--zielgruppe S ...] [--format text|json|ics]", stderr)
	source := fs.String("source", ".", "project `directory`")
	fs.StringVar(source, "s", ".", "shorthand for --source")
	from := fs.String("from", "", "first `day` (YYYY-MM-DD; default today)")
	to := fs.String("to", "", "last `day`, inclusive (YYYY-MM-DD; default one year after --from)")
	format := fs.String("format", "text", "output `format`: text, json or ics")
	now := fs.String("now", "", "take this `day` (YYYY-MM-DD) as today")
	var cats listFlag
	fs.Var(&cats, "category", "only this `category` (mainstream, seasonal, quirky, mystic); repeatable or comma-separated")
	regionCode := fs.String("region", "", "only occasions that apply in this `region` (DE, AT, CH or a state or canton such as DE-BY, AT-9, CH-ZH),\nplus its public holidays, Brückentage and (German states) Ferienbeginn, whatever --category says")
	budget := fs.Int("budget", -1, "only occasions with an idea that costs at most `euros` per recipient (its minimum; 0: without cost)")
	var groups listFlag
	fs.Var(&groups, "zielgruppe", "only occasions with an idea for this target `group` (a slug of data/zielgruppen.yaml, e.g. it, empfang); repeatable or comma-separated: any of them")
	remote := fs.Bool("remote", false, "only occasions with an idea that works without a visit")
	kind := fs.String("art", "", "only occasions with an idea of this `kind`: geschenk or kontakt")
	prepare := fs.Bool("vorlauf", false, "only occurrences whose preparation starts today (--now) or later: still enough time to prepare")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	usageErr := func(format string, a ...any) error {
		fmt.Fprintf(stderr, "anlass list: "+format+"\n", a...)
		return exitError(2)
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q", fs.Arg(0))
	}
	var q agenda.Query
	var err error
	if q.Categories, err = agenda.ParseCategories(cats); err != nil {
		return usageErr("%v", err)
	}
	if *regionCode != "" {
		r, ok := regioncode.Lookup(*regionCode)
		if !ok {
			return usageErr("unknown region %q: expected DE, AT, CH or an ISO 3166-2 code such as DE-BY, AT-9, CH-ZH", *regionCode)
		}
		q.Region = &r
	}
	if *budget >= 0 {
		q.Ideas.Budget = budget
	} else if *budget != -1 {
		return usageErr("--budget %d: expected euros per recipient, 0 or more", *budget)
	}
	q.Ideas.Zielgruppen = groups
	q.Ideas.Remote = *remote
	switch *kind {
	case "":
	case "geschenk", "gift":
		q.Ideas.Kind = "gift"
	case "kontakt", "contact":
		q.Ideas.Kind = "contact"
	default:
		return usageErr("--art %q: expected geschenk or kontakt", *kind)
	}
	if !slices.Contains([]string{"text", "json", "ics"}, *format) {
		return usageErr("unknown format %q: expected text, json or ics", *format)
	}
	clk, err := clock.New(*now, nil)
	if err != nil {
		return usageErr("%v", err)
	}
	if q.From, q.To, err = listRange(*from, *to, clk.Today); err != nil {
		return usageErr("%v", err)
	}
	if *prepare {
		q.PrepareFrom = clk.Today
	}

	p, l := project.Load(*source)
	if l.HasErrors() {
		for _, d := range l {
			fmt.Fprintln(stderr, d)
		}
		fmt.Fprintln(stderr, "anlass list: fix the errors above (anlass check lists them all)")
		return exitError(1)
	}
	for _, z := range groups {
		if p.Vocab.Zielgruppe(z) == nil {
			msg := fmt.Sprintf("unknown target group %q", z)
			if s := closest(z, p.Vocab.ZielgruppenSlugs()); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return usageErr("--zielgruppe: %s; the target groups are in data/zielgruppen.yaml", msg)
		}
	}
	list, err := agenda.Make(p, q)
	if err != nil {
		return err
	}
	if list.Region != nil {
		if note := list.Region.UnknownNote(); note != "" {
			fmt.Fprintln(stderr, "anlass list: note: "+note)
		}
	}
	switch *format {
	case "json":
		return writeListJSON(stdout, list.Items)
	case "ics":
		cb := calendar.Builder{Config: p.Config, Stamp: clk.Stamp}
		return cb.Write(stdout, cb.Listing(list.Occurrences, q.Categories, list.Region))
	}
	return writeListText(stdout, list.Items)
}

// listRange resolves --from and --to (dateRange) within the years the
// rules are checked for.
func listRange(from, to string, today civil.Date) (civil.Date, civil.Date, error) {
	start, end, err := dateRange(from, to, today)
	if err != nil {
		return 0, 0, err
	}
	if start.Year() < occasion.MinYear || end.Year() > occasion.MaxYear {
		return 0, 0, fmt.Errorf("dates must lie in the years %d … %d", occasion.MinYear, occasion.MaxYear)
	}
	return start, end, nil
}

// dateRange resolves the --from and --to of list and kunden: from today
// unless --from says otherwise, and one year long (to the day before the
// same date a year later) unless --to says otherwise.
func dateRange(from, to string, today civil.Date) (civil.Date, civil.Date, error) {
	start := today
	if from != "" {
		d, err := civil.Parse(from)
		if err != nil {
			return 0, 0, fmt.Errorf("--from: %v", err)
		}
		start = d
	}
	y, m, d := start.YMD()
	end := civil.Of(y+1, m, d).AddDays(-1)
	if to != "" {
		e, err := civil.Parse(to)
		if err != nil {
			return 0, 0, fmt.Errorf("--to: %v", err)
		}
		end = e
	}
	if end < start {
		return 0, 0, fmt.Errorf("--to %s is before --from %s", end, start)
	}
	return start, end, nil
}

// listItem is one row of `anlass list --format json`.
type listItem struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	NameEn   string `json:"name_en,omitempty"`
	Category string `json:"category,omitempty"`
	Kind     string `json:"kind"`
	Year     int    `json:"year"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Days     int    `json:"days"`
	URL      string `json:"url"`
	// Occasions: the day preparing should start, its lead time before start.
	PrepareFrom string `json:"prepare_from,omitempty"`
	// With --region: the region, and where a partial holiday applies.
	Region  string `json:"region,omitempty"`
	Partial string `json:"partial,omitempty"`
	// With --region, on an occasion: the region's holidays that are this
	// occasion and share its row (one day, one row).
	Holidays []listHoliday `json:"holidays,omitempty"`
}

// listHoliday is a holiday merged into an occasion's row.
type listHoliday struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Year    int    `json:"year"`
	Start   string `json:"start"`
	End     string `json:"end"`
	Partial string `json:"partial,omitempty"`
	DayOff  bool   `json:"day_off"`
}

func writeListJSON(w io.Writer, items []agenda.Item) error {
	out := make([]listItem, 0, len(items))
	for _, it := range items {
		li := listItem{ID: it.ID, Name: it.Name, NameEn: it.NameEn, Category: string(it.Category), Kind: string(it.Kind),
			Year: it.Year, Start: it.Start.String(), End: it.End.String(), Days: it.Days(), URL: it.URL, Region: it.Region, Partial: it.Partial}
		if it.Occurrence != nil {
			li.PrepareFrom = calendar.PrepDay(*it.Occurrence).String()
		}
		for _, e := range it.Holidays {
			li.Holidays = append(li.Holidays, listHoliday{ID: e.ID, Name: e.Summary, Year: e.Year, Start: e.Start.String(), End: e.End.String(), Partial: e.Holiday.Partial, DayOff: e.Holiday.DayOff()})
		}
		out = append(out, li)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func writeListText(w io.Writer, items []agenda.Item) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tDAY\tNAME\tCATEGORY\tID")
	for _, it := range items {
		date := it.Start.String()
		if it.End != it.Start {
			date += " – " + it.End.String()
		}
		category := string(it.Category)
		if it.Kind != agenda.KindOccasion {
			category = string(it.Kind)
		}
		name := it.Name
		if len(it.Holidays) > 0 {
			name += " (Feiertag)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", date, german.WeekdayShort(it.Start), name, category, it.ID)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(items) == 0 {
		fmt.Fprintln(w, "(no occasions in this range)")
	}
	return nil
}
