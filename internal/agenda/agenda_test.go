package agenda_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/agenda"
	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/testutil"
)

// A small project: a quirky day everywhere, a Swiss-only classic, a public
// holiday in Bayern on a Thursday (so the Friday after is a Brückentag) and
// Bayern's school holidays.
const small = `
-- anlass.yaml --
title: Test
-- data/zielgruppen.yaml --
zielgruppen:
  - {slug: alle-branchen, label: "alle Branchen", art: branche}
  - {slug: it, label: "IT", art: branche}
  - {slug: handwerk, label: "Handwerk", art: branche}
-- occasions/quirky/pi-tag.yaml --
id: pi-tag
name: {de: Pi-Tag}
category: quirky
date: 03-14
summary: Ein Anlass für die Tests der Liste, mit genug Text für die Mindestlänge der Zusammenfassung.
ideas:
  - {kind: gift, title: Ein Kuchen, text: Ein runder Kuchen., budget: {min: 20, max: 30}, zielgruppen: [it]}
  - {kind: contact, title: Ein Anruf, text: Ein kurzer Anruf ohne Verkaufsabsicht., budget: {min: 0}, zielgruppen: [alle-branchen], remote: true}
lead_time: 1w
sources: [{url: "https://example.org/quelle", title: Quelle}]
-- occasions/mainstream/berchtoldstag.yaml --
id: berchtoldstag
name: {de: Berchtoldstag}
category: mainstream
date: 01-02
regions: [CH]
summary: Ein Schweizer Anlass für die Tests der Liste, mit genug Text für die Mindestlänge der Zusammenfassung.
ideas:
  - {kind: gift, title: Eine Karte, text: Eine handgeschriebene Karte.}
  - {kind: contact, title: Ein Anruf, text: Ein kurzer Anruf ohne Verkaufsabsicht.}
lead_time: 1w
sources: [{url: "https://example.org/quelle", title: Quelle}]
-- holidays/de/de-testtag.yaml --
id: de-testtag
name: {de: Testtag}
date: 03-12
regions: [DE-BY]
sources: [{url: "https://example.org/quelle", title: Quelle}]
-- school-holidays/de/de-by.yaml --
region: DE-BY
name: Bayern
sources: [{url: "https://example.org/ferien", title: Ferien}]
periods:
  - name: Osterferien
    start: 2026-03-14
    end: 2026-03-20
`

func load(t *testing.T) *project.Project {
	t.Helper()
	p, l := project.Load(testutil.Project(t, small))
	if l.HasErrors() {
		t.Fatal(l.Err())
	}
	return p
}

func rows(items []agenda.Item) string {
	var b strings.Builder
	for _, it := range items {
		fmt.Fprintf(&b, "%s %s %s|", it.Start, it.Kind, it.ID)
	}
	return b.String()
}

func TestMake(t *testing.T) {
	p := load(t)
	by, _ := regioncode.Lookup("DE-BY")
	zh, _ := regioncode.Lookup("CH-ZH")
	for _, tc := range []struct {
		name string
		q    agenda.Query
		want string
	}{
		{"everything in a range, by date",
			agenda.Query{From: civil.Of(2026, 1, 1), To: civil.Of(2026, 12, 31)},
			"2026-01-02 occasion berchtoldstag|2026-03-14 occasion pi-tag|"},
		{"a category",
			agenda.Query{From: civil.Of(2026, 1, 1), To: civil.Of(2026, 12, 31), Categories: []occasion.Category{occasion.Quirky}},
			"2026-03-14 occasion pi-tag|"},
		{"a region drops occasions of other regions and adds its days; on one day occasions first",
			agenda.Query{From: civil.Of(2026, 1, 1), To: civil.Of(2026, 12, 31), Region: &by},
			"2026-03-12 holiday de-testtag|2026-03-13 brueckentag brueckentag-de-by-20260313|2026-03-14 occasion pi-tag|2026-03-14 ferienbeginn ferienbeginn-de-by-20260314|"},
		{"a canton keeps its country's occasions",
			agenda.Query{From: civil.Of(2026, 1, 1), To: civil.Of(2026, 1, 31), Region: &zh},
			"2026-01-02 occasion berchtoldstag|"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := agenda.Make(p, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := rows(l.Items); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if (tc.q.Region != nil) != (l.Region != nil) {
				t.Errorf("Region = %v for query region %v", l.Region, tc.q.Region)
			}
			for _, it := range l.Items {
				if (it.Kind == agenda.KindOccasion) != (it.Occurrence != nil) || (it.Kind != agenda.KindOccasion) != (it.Entry != nil) {
					t.Errorf("%s: an occasion carries its occurrence, a region day its entry", it.ID)
				}
			}
		})
	}
}

// The idea filter keeps an occasion when one of its ideas passes every
// filter that is set (berchtoldstag's ideas have no budget and no groups).
func TestIdeaFilter(t *testing.T) {
	p := load(t)
	euros := func(n int) *int { return &n }
	for _, tc := range []struct {
		name string
		f    agenda.IdeaFilter
		want string
	}{
		{"no filter", agenda.IdeaFilter{}, "2026-01-02 occasion berchtoldstag|2026-03-14 occasion pi-tag|"},
		{"without cost", agenda.IdeaFilter{Budget: euros(0)}, "2026-03-14 occasion pi-tag|"},
		{"budget and kind in one idea", agenda.IdeaFilter{Budget: euros(10), Kind: "gift"}, ""},
		{"budget at the minimum", agenda.IdeaFilter{Budget: euros(20), Kind: "gift"}, "2026-03-14 occasion pi-tag|"},
		{"a target group", agenda.IdeaFilter{Zielgruppen: []string{"it"}}, "2026-03-14 occasion pi-tag|"},
		{"alle-branchen is its own group", agenda.IdeaFilter{Zielgruppen: []string{"handwerk"}}, ""},
		{"any of several groups", agenda.IdeaFilter{Zielgruppen: []string{"handwerk", "alle-branchen"}}, "2026-03-14 occasion pi-tag|"},
		{"group and kind must meet in one idea", agenda.IdeaFilter{Zielgruppen: []string{"it"}, Kind: "contact"}, ""},
		{"remote", agenda.IdeaFilter{Remote: true}, "2026-03-14 occasion pi-tag|"},
		{"remote gift", agenda.IdeaFilter{Remote: true, Kind: "gift"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := agenda.Make(p, agenda.Query{From: civil.Of(2026, 1, 1), To: civil.Of(2026, 12, 31), Ideas: tc.f})
			if err != nil {
				t.Fatal(err)
			}
			if got := rows(l.Items); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
	ideas := agenda.IdeaFilter{Budget: euros(0)}.Ideas(p.Catalog.Get("pi-tag"))
	if len(ideas) != 1 || ideas[0].Title != "Ein Anruf" {
		t.Errorf("Ideas = %+v", ideas)
	}
}

func TestItemFields(t *testing.T) {
	p := load(t)
	by, _ := regioncode.Lookup("DE-BY")
	l, err := agenda.Make(p, agenda.Query{From: civil.Of(2026, 3, 12), To: civil.Of(2026, 3, 12), Region: &by})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Items) != 1 {
		t.Fatalf("items %s", rows(l.Items))
	}
	it := l.Items[0]
	if it.Name != "Testtag" || it.Region != "DE-BY" || it.URL != "/regionen/de-by/" || it.Year != 2026 || it.Days() != 1 {
		t.Errorf("holiday item %+v", it)
	}
}

func TestParseCategories(t *testing.T) {
	got, err := agenda.ParseCategories([]string{"quirky", " mystic"})
	if err != nil || len(got) != 2 || got[0] != occasion.Quirky || got[1] != occasion.Mystic {
		t.Fatalf("ParseCategories = %v, %v", got, err)
	}
	if _, err := agenda.ParseCategories([]string{"funny"}); err == nil || err.Error() != `unknown category "funny": expected mainstream, seasonal, quirky or mystic` {
		t.Fatalf("err = %v", err)
	}
}

// One day, one row: a holiday that names its occasion joins the occasion's
// row when that row is listed and covers its day; otherwise (the category
// filter dropped the occasion) it keeps its own row.
func TestHolidayJoinsItsOccasion(t *testing.T) {
	p, l := project.Load(testutil.Project(t, small+`
-- holidays/de/de-pi.yaml --
id: de-pi
name: {de: Pi-Feiertag}
occasion: pi-tag
date: 03-14
regions: [{code: DE-BY, partial: nur in Rundstadt}]
sources: [{url: "https://example.org/quelle", title: Quelle}]
`))
	if l.HasErrors() {
		t.Fatal(l.Err())
	}
	by, _ := regioncode.Lookup("DE-BY")
	q := agenda.Query{From: civil.Of(2026, 3, 14), To: civil.Of(2026, 3, 14), Region: &by}
	list, err := agenda.Make(p, q)
	if err != nil {
		t.Fatal(err)
	}
	if got := rows(list.Items); got != "2026-03-14 occasion pi-tag|2026-03-14 ferienbeginn ferienbeginn-de-by-20260314|" {
		t.Fatalf("rows %s", got)
	}
	if h := list.Items[0].Holidays; len(h) != 1 || h[0].ID != "de-pi" || h[0].Holiday.Partial != "nur in Rundstadt" || !list.Items[0].Holiday() {
		t.Errorf("merged holidays %+v", h)
	}
	q.Categories = []occasion.Category{occasion.Mystic}
	list, err = agenda.Make(p, q)
	if err != nil {
		t.Fatal(err)
	}
	if got := rows(list.Items); got != "2026-03-14 holiday de-pi|2026-03-14 ferienbeginn ferienbeginn-de-by-20260314|" {
		t.Errorf("without its occasion: rows %s", got)
	}
}
