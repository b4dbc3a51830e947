// Package occasion is the model of an occasion and its loader: it reads the
// YAML files under occasions/ (the catalogue) and holidays/ (public holidays
// per region), validates them, and reports every problem with its position.
package occasion

import (
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/rule"
)

// Category groups occasions into the four subscribable feeds.
type Category string

const (
	Mainstream Category = "mainstream"
	Seasonal   Category = "seasonal"
	Quirky     Category = "quirky"
	Mystic     Category = "mystic"
)

// Categories lists the categories in display order.
var Categories = []Category{Mainstream, Seasonal, Quirky, Mystic}

// Label is the German name shown on the site and in feeds.
func (c Category) Label() string {
	switch c {
	case Mainstream:
		return "Klassiker"
	case Seasonal:
		return "Jahreszeiten"
	case Quirky:
		return "Kuriose Tage"
	case Mystic:
		return "Mystisches"
	}
	return string(c)
}

// Blurb is a one-sentence German description of the category.
func (c Category) Blurb() string {
	switch c {
	case Mainstream:
		return "Die großen Feiertage, Feste und Handelstage, die alle kennen – hier zählt, es anders zu machen als alle."
	case Seasonal:
		return "Jahreszeiten, Zeitumstellung, Fasching, Erntedank: Anlässe, die der Lauf des Jahres von selbst bringt."
	case Quirky:
		return "Aktions- und Welttage vom Weltspartag bis zum Pi-Tag – oft unerwartet und ideal für einen Gruß mit Augenzwinkern."
	case Mystic:
		return "Raunächte, Lostage und alte Bräuche: Geschichten für stille, persönliche Gesten."
	}
	return ""
}

// Valid reports whether c is one of the four categories.
func (c Category) Valid() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

// Kind tells catalogue occasions from public holidays.
type Kind int

const (
	Catalogue Kind = iota // occasions/: ideas, lead time, a category
	Holiday               // holidays/: a public holiday in some regions
)

// Occasion is one occasion (or public holiday) as defined by its file.
type Occasion struct {
	Kind     Kind
	Path     string // relative to the project, e.g. occasions/quirky/pi-tag.yaml
	ID       string
	Name     Names
	Category Category // catalogue only

	Rule  *rule.Rule       // nil when only Dates define it
	Dates map[int]YearRule // explicit per-year rules; win over Rule

	Since, Until, Every int // 0 = not set

	Regions []RegionRef
	DayOff  bool // holidays: a general day off (default true)

	Origin  string
	Summary string // Markdown
	// SummaryText is Summary as plain text on one line (markup and raw HTML
	// dropped), made once at load time for feeds, meta tags and search.
	SummaryText string
	Ideas       []Idea
	Greeting    Greeting
	LeadDays    int
	Sources     []Source
	Tags        []string // topics: slugs of data/themen.yaml (checked by the project)
	TagPos      []Pos
	Note        string
	// SameAs (holidays) is the catalogue occasion that is this holiday:
	// `occasion: neujahr` in de-neujahr. Lists that show both merge them
	// into one row; its dates must agree with the holiday's.
	SameAs    string
	SameAsPos Pos

	// Positions for diagnostics found after loading (references, evaluation).
	RulePos  Pos
	DatesPos map[int]Pos
}

// Names are the occasion's names.
type Names struct {
	De string
	En string
}

// YearRule is one entry of the dates table: a rule, or None.
type YearRule struct {
	Rule *rule.Rule
	None bool
}

// RegionRef marks where an occasion or holiday applies.
type RegionRef struct {
	Code    string
	Partial string // non-empty: applies only in part of the region; says where
	// Since and Until (holidays only; 0 = open) limit the years in which the
	// entry applies, within the holiday's own since/until. A holiday that a
	// region dropped and brought back lists the region once per period.
	Since, Until int
}

// In reports whether the entry applies in year.
func (r RegionRef) In(year int) bool {
	return (r.Since == 0 || year >= r.Since) && (r.Until == 0 || year <= r.Until)
}

// Idea is a gift or contact idea.
type Idea struct {
	Kind     string // gift | contact
	Title    string
	Text     string
	Audience string
	Budget   *Budget // nil when the file gives none
	// Zielgruppen are the target groups the idea suits: slugs of
	// data/zielgruppen.yaml (checked by the project, which loads it).
	Zielgruppen   []string
	ZielgruppePos []Pos
	Remote        *bool
}

// Greeting is a short card text to adapt, in the formal and the informal
// address. Both are set or neither.
type Greeting struct {
	Sie string
	Du  string
}

// Source is a page where the date or rule can be checked.
type Source struct {
	URL   string
	Title string
}

// Pos is a place in a file.
type Pos struct{ Line, Col int }

// RuleFor returns the rule that applies in year, and false when the occasion
// does not occur that year (outside since/until/every, or `none` in the table).
func (o *Occasion) RuleFor(year int) (*rule.Rule, bool) {
	if o.Since != 0 && year < o.Since || o.Until != 0 && year > o.Until {
		return nil, false
	}
	if o.Every > 1 && (year-o.Since)%o.Every != 0 {
		return nil, false
	}
	if yr, ok := o.Dates[year]; ok {
		if yr.None {
			return nil, false
		}
		return yr.Rule, true
	}
	if o.Rule == nil {
		return nil, false
	}
	return o.Rule, true
}

// AppliesIn reports whether the occasion applies in r: an occasion without
// regions applies everywhere, and a country code covers its states.
func (o *Occasion) AppliesIn(r regioncode.Region) bool {
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

// IdeasOfKind returns the ideas of one kind (gift or contact), in file order.
func (o *Occasion) IdeasOfKind(kind string) []Idea {
	var out []Idea
	for _, i := range o.Ideas {
		if i.Kind == kind {
			out = append(out, i)
		}
	}
	return out
}
