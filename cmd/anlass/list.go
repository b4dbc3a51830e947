package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/feed"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
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
	// With --region: the region, and where a partial holiday applies.
	Region  string `json:"region,omitempty"`
	Partial string `json:"partial,omitempty"`
}

func runList(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("list", "[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--category C ...] [--region CODE] [--format text|json|ics]", stderr)
	source := fs.String("source", ".", "project `directory`")
	fs.StringVar(source, "s", ".", "shorthand for --source")
	from := fs.String("from", "", "first `day` (YYYY-MM-DD; default today)")
	to := fs.String("to", "", "last `day`, inclusive (YYYY-MM-DD; default one year after --from)")
	format := fs.String("format", "text", "output `format`: text, json or ics")
	now := fs.String("now", "", "take this `day` (YYYY-MM-DD) as today")
	var cats listFlag
	fs.Var(&cats, "category", "only this `category` (mainstream, seasonal, quirky, mystic); repeatable or comma-separated")
	regionCode := fs.String("region", "", "only occasions that apply in this `region` (DE, AT, CH or a state or canton such as DE-BY, AT-9, CH-ZH),\nplus its public holidays, Brückentage and (German states) Ferienbeginn, whatever --category says")
	if err := fs.Parse(args); err != nil {
		return exitError(2)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "anlass list: unexpected argument %q\n", fs.Arg(0))
		return exitError(2)
	}
	for _, c := range cats {
		if !occasion.Category(c).Valid() {
			fmt.Fprintf(stderr, "anlass list: unknown category %q: expected mainstream, seasonal, quirky or mystic\n", c)
			return exitError(2)
		}
	}
	var reg regioncode.Region
	if *regionCode != "" {
		r, ok := regioncode.Lookup(*regionCode)
		if !ok {
			fmt.Fprintf(stderr, "anlass list: unknown region %q: expected DE, AT, CH or an ISO 3166-2 code such as DE-BY, AT-9, CH-ZH\n", *regionCode)
			return exitError(2)
		}
		reg = r
	}
	if !slices.Contains([]string{"text", "json", "ics"}, *format) {
		fmt.Fprintf(stderr, "anlass list: unknown format %q: expected text, json or ics\n", *format)
		return exitError(2)
	}
	clock, err := project.NewClock(*now, time.Now)
	if err != nil {
		fmt.Fprintf(stderr, "anlass list: --now: %v\n", err)
		return exitError(2)
	}
	start, end, err := listRange(*from, *to, clock.Today)
	if err != nil {
		fmt.Fprintf(stderr, "anlass list: %v\n", err)
		return exitError(2)
	}

	p, l := project.Load(*source)
	if l.HasErrors() {
		for _, d := range l {
			fmt.Fprintln(stderr, d)
		}
		fmt.Fprintln(stderr, "anlass list: fix the errors above (anlass check lists them all)")
		return exitError(1)
	}
	keep := func(o *occasion.Occasion) bool {
		return (len(cats) == 0 || slices.Contains(cats, string(o.Category))) && (reg.Code == "" || appliesIn(o, reg))
	}
	occs, err := p.Engine.Range(p.Catalog.Occasions, start, end, keep)
	if err != nil {
		return err
	}
	var days *regiondays.Region
	if reg.Code != "" {
		book, err := regiondays.ForRange(p.Engine, p.School, start, end)
		if err != nil {
			return err
		}
		days = book.Get(reg.Code)
		if note := days.UnknownNote(); note != "" {
			fmt.Fprintln(stderr, "anlass list: note: "+note)
		}
	}
	switch *format {
	case "json":
		return writeListJSON(stdout, occs, days)
	case "ics":
		if days != nil {
			return writeRegionListICS(stdout, p, occs, days, clock)
		}
		return writeListICS(stdout, p, occs, clock, cats)
	}
	return writeListText(stdout, occs, days)
}

// appliesIn reports whether a catalogue occasion applies in r: occasions
// without regions apply everywhere, a country code covers its states.
func appliesIn(o *occasion.Occasion, r regioncode.Region) bool {
	if len(o.Regions) == 0 {
		return true
	}
	for _, ref := range o.Regions {
		if regioncode.Covers(ref.Code, r) {
			return true
		}
	}
	return false
}

func listRange(from, to string, today civil.Date) (civil.Date, civil.Date, error) {
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
	if start.Year() < occasion.MinYear || end.Year() > occasion.MaxYear {
		return 0, 0, fmt.Errorf("dates must lie in the years %d … %d", occasion.MinYear, occasion.MaxYear)
	}
	return start, end, nil
}

func toItems(occs []schedule.Occurrence, days *regiondays.Region) []listItem {
	items := make([]listItem, 0, len(occs))
	for _, oc := range occs {
		o := oc.Occasion
		kind := "occasion"
		if o.Kind == occasion.Holiday {
			kind = "holiday"
		}
		items = append(items, listItem{
			ID: o.ID, Name: o.Name.De, NameEn: o.Name.En, Category: string(o.Category), Kind: kind,
			Year: oc.Year, Start: oc.Start.String(), End: oc.End.String(), Days: oc.Days(),
			URL: siteurl.Occasion(o.ID),
		})
	}
	if days == nil {
		return items
	}
	for _, e := range days.Entries() {
		it := listItem{ID: e.ID, Name: e.Summary, Kind: string(e.Kind), Year: e.Year, Start: e.Start.String(), End: e.End.String(),
			Days: e.End.Sub(e.Start) + 1, URL: siteurl.Region(days.Code), Region: days.Code}
		if e.Holiday != nil {
			it.NameEn, it.Partial = e.Holiday.Occasion.Name.En, e.Holiday.Partial
		}
		items = append(items, it)
	}
	// Region days join the occasions by date; on the same day occasions come first.
	rank := map[string]int{"occasion": 0, string(regiondays.KindHoliday): 1, string(regiondays.KindBridge): 2, string(regiondays.KindSchoolStart): 3}
	slices.SortStableFunc(items, func(a, b listItem) int {
		return cmp.Or(strings.Compare(a.Start, b.Start), cmp.Compare(rank[a.Kind], rank[b.Kind]))
	})
	return items
}

func writeListJSON(w io.Writer, occs []schedule.Occurrence, days *regiondays.Region) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(toItems(occs, days))
}

func writeListText(w io.Writer, occs []schedule.Occurrence, days *regiondays.Region) error {
	items := toItems(occs, days)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tDAY\tNAME\tCATEGORY\tID")
	for _, it := range items {
		date := it.Start
		if it.End != it.Start {
			date += " – " + it.End
		}
		start, _ := civil.Parse(it.Start)
		category := it.Category
		if it.Kind != "occasion" {
			category = it.Kind
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", date, german.WeekdayShort(start), it.Name, category, it.ID)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(items) == 0 {
		fmt.Fprintln(w, "(no occasions in this range)")
	}
	return nil
}

// writeRegionListICS writes the listed occasions and the region's days as
// one calendar, built like the published feeds.
func writeRegionListICS(w io.Writer, p *project.Project, occs []schedule.Occurrence, days *regiondays.Region, clock project.Clock) error {
	fb := feed.Builder{Config: p.Config, Clock: clock}
	cal := days.Calendar(fb)
	cal.Name = p.Config.Title + ": " + days.Name
	cal.Description = fmt.Sprintf("%d Anlässe aus %s und die Feiertage %s", len(occs), p.Config.Title, regiondays.In(days.Region))
	for _, oc := range occs {
		cal.Events = append(cal.Events, fb.EventOf(oc))
	}
	slices.SortStableFunc(cal.Events, func(a, b feed.Event) int { return cmp.Compare(a.Start, b.Start) })
	return fb.Write(w, cal)
}
