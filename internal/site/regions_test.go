package site

import (
	"strings"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/civil"
)

// The repository's region pages: one per state and canton plus /regionen/,
// with the year's holidays, Brückentage (Fenstertage in Austria), partial
// holidays marked, Ferienbeginn for German states, the feed, and the
// definition in German.
func TestRegionPages(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the whole catalogue")
	}
	in := loadInput(t, "../..", civil.Of(2026, time.March, 1), "https://user.github.io/anlass/")
	dir, _ := renderTo(t, in)
	files := readTree(t, dir)
	n := 0
	for name := range files {
		if strings.HasPrefix(name, "regionen/") && strings.HasSuffix(name, "/index.html") && name != "regionen/index.html" {
			n++
		}
	}
	if n != 16+9+26 {
		t.Errorf("%d region pages, want 51", n)
	}
	for page, wants := range map[string][]string{
		"regionen/index.html": {
			`href="../regionen/de-by/">Bayern</a>`, `href="../regionen/ch-zh/">Zürich</a>`, `href="../regionen/at-9/">Wien</a>`,
			`id="brueckentag"`, "in Österreich <strong>Fenstertag</strong>",
		},
		"regionen/de-by/index.html": {
			"<h1>Feiertage, Brückentage und Ferienbeginn in Bayern</h1>",
			`<time datetime="2026-05-15">Freitag, 15. Mai 2026</time>`,
			"zwischen Christi Himmelfahrt (Do 14.05.2026) und dem Wochenende; mit einem Urlaubstag 4 freie Tage am Stück",
			"Mariä Himmelfahrt (teilweise)",
			`href="webcal://user.github.io/anlass/feeds/regions/de-by.ics"`,
			`<time datetime="2026-11-02">Montag, 2. November 2026</time></td><td>Herbstferien`,
			`id="jahr-2027"`,
			"Was hier als Brückentag zählt",
		},
		"regionen/at-9/index.html": {
			"<h1>Feiertage und Fenstertage in Wien</h1>", "Was hier als Fenstertag zählt",
			"Leopolditag (Landespatron)", "kein allgemein arbeitsfreier Tag",
		},
		"regionen/ch-ne/index.html": {"Fronleichnam (teilweise)", "nur in der Gemeinde Le Landeron"},
	} {
		got := string(files[page])
		if got == "" {
			t.Errorf("%s was not rendered", page)
			continue
		}
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q", page, w)
			}
		}
	}
	if strings.Contains(string(files["regionen/at-9/index.html"]), "Ferienbeginn") {
		t.Errorf("an Austrian page shows Ferienbeginn")
	}
}

// A project without public holidays has no region pages.
func TestNoRegionPagesWithoutHolidays(t *testing.T) {
	dir, _ := renderTo(t, fixture(t))
	if files := readTree(t, dir); files["regionen/index.html"] != nil {
		t.Errorf("region pages rendered for a project without holidays")
	}
}

// A region page starts at today (this year's past days one click away) and
// lists the occasions that apply there; in December the planner link opens
// the next year.
func TestRegionPageStartsToday(t *testing.T) {
	today := civil.Of(2026, 12, 5)
	in := loadInput(t, "../..", today, "")
	dir, _ := renderTo(t, in)
	files := readTree(t, dir)
	ag := string(files["regionen/ch-ag/index.html"])
	by := string(files["regionen/de-by/index.html"])
	for _, want := range []string{`<h2 id="jahr-2026">2026 ab heute</h2>`, `<summary>Vergangene Termine 2026</summary>`,
		`<h2 id="demnaechst">Anlässe der nächsten acht Wochen</h2>`, `anlaesse/nikolaus/`} {
		if !strings.Contains(by, want) {
			t.Errorf("de-by lacks %s", want)
		}
	}
	// The table of 2026 starts at today: no holiday before 5 December there.
	year := by[strings.Index(by, `id="jahr-2026"`):strings.Index(by, `id="jahr-2027"`)]
	if strings.Contains(year, "2026-10-03") || !strings.Contains(year, `datetime="2026-12-25"`) {
		t.Error("the 2026 section of de-by does not start at today")
	}
	// Berchtoldstag applies in the Swiss cantons only.
	if !strings.Contains(ag, `<h2 id="eigene">`) || !strings.Contains(ag, "anlaesse/berchtoldstag/") {
		t.Error("ch-ag does not list the Berchtoldstag among its own occasions")
	}
	if strings.Contains(by[strings.Index(by, `<h2 id="demnaechst">`):], "anlaesse/berchtoldstag/") {
		t.Error("de-by lists the Swiss Berchtoldstag")
	}
	if home := string(files["index.html"]); !strings.Contains(home, `href="planer/2027/"`) {
		t.Error("in December the planner link should open the next year")
	}
}
