package site

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/markdown"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/regioncode"
	"github.com/anlass/anlass/internal/regiondays"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/siteurl"
	"github.com/anlass/anlass/internal/vocab"
)

// nextYears is how many coming dates an occasion page lists.
const nextYears = 5

// upcomingDays is how far the home page's "coming up" list reaches: eight weeks.
const upcomingDays = 56

// index is everything pages share, computed once per build.
type index struct {
	occs     []*occView // by id
	byID     map[string]*occView
	arts     []*artView // newest first, then by slug
	bySlug   map[string]*artView
	tags     []*tagView // by label
	byTag    map[string]*tagView
	groups   []*groupView // in the vocabulary's order
	byGroup  map[string]*groupView
	cats     []*catView // display order
	years    []int
	upcoming []card
	all      Subscription
	prep     Subscription // the preparation feed of all occasions
}

// occView is an occasion with what its pages show about it.
type occView struct {
	O        *occasion.Occasion
	Next     []schedule.Occurrence // up to nextYears, not ended before today
	Plain    string                // the summary as text
	Teaser   string                // its first sentence
	Articles []*artView            // articles that list the occasion
	Regions  []string              // German names of the regions
	Where    string                // "nur in der Schweiz", "nur in Bayern, Berlin"; empty when everywhere
	sortKey  string
}

// NextOcc is the next (or current) occurrence, nil when the window has none.
func (o *occView) NextOcc() *schedule.Occurrence {
	if len(o.Next) == 0 {
		return nil
	}
	return &o.Next[0]
}

// Idea is the idea shown on cards: the first one.
func (o *occView) Idea() *occasion.Idea {
	if len(o.O.Ideas) == 0 {
		return nil
	}
	return &o.O.Ideas[0]
}

// artView is an article with its linked occasions.
type artView struct {
	A       *content.Article
	Occs    []*occView
	Minutes int // reading time
}

// tagView is a topic (data/themen.yaml) with its occasions, by next date,
// and its articles.
type tagView struct {
	Name  string // the slug
	Label string // "Rückblick"
	Occs  []*occView
	Arts  []*artView
	Sub   Subscription // the topic's feed; only when it has a page
}

// Count is the number of occasions and articles with the topic.
func (t *tagView) Count() int { return len(t.Occs) + len(t.Arts) }

// HasPage reports whether the topic has a page (/themen/<tag>/) and a feed:
// from vocab.MinOccasions occasions on. A topic of a single occasion is
// plain text on it, and the Themen overview links the occasion itself.
func (t *tagView) HasPage() bool { return len(t.Occs) >= vocab.MinOccasions }

// groupView is a target group (data/zielgruppen.yaml) with the occasions
// that have an idea for it, by next date, and its feed.
type groupView struct {
	vocab.Term
	Occs []*occView
	Sub  Subscription
}

type catView struct {
	Cat  occasion.Category
	Occs []*occView // by next date; those without one last, by name
	Sub  Subscription
	Prep Subscription // the category's preparation feed
}

// card is an occurrence on the home page or in lists.
type card struct {
	Oc schedule.Occurrence
	V  *occView
}

func buildIndex(s *site) (*index, error) {
	cat := s.in.Project.Catalog
	ix := &index{byID: map[string]*occView{}, bySlug: map[string]*artView{}, byTag: map[string]*tagView{}, byGroup: map[string]*groupView{}}
	for _, o := range cat.Occasions {
		v := &occView{O: o, Next: s.w.Next(o.ID, nextYears), sortKey: sortKey(o.Name.De)}
		v.Plain = o.SummaryText
		v.Teaser = teaser(v.Plain, 180)
		for _, r := range o.Regions {
			name := r.Code
			if reg, ok := regioncode.Lookup(r.Code); ok {
				name = reg.Name
			}
			if r.Partial != "" {
				name += " (" + r.Partial + ")"
			}
			v.Regions = append(v.Regions, name)
		}
		if len(o.Regions) > 0 {
			var in []string
			for _, r := range o.Regions {
				if reg, ok := regioncode.Lookup(r.Code); ok {
					in = append(in, strings.TrimPrefix(regiondays.In(reg), "in "))
				}
			}
			v.Where = "nur in " + strings.Join(in, ", ")
		}
		ix.occs = append(ix.occs, v)
		ix.byID[o.ID] = v
	}
	for _, a := range s.in.Articles {
		av := &artView{A: a, Minutes: max(1, (a.Words()+199)/200)}
		for _, id := range a.Occasions {
			if v := ix.byID[id]; v != nil {
				av.Occs = append(av.Occs, v)
				v.Articles = append(v.Articles, av)
			}
		}
		ix.arts = append(ix.arts, av)
		ix.bySlug[a.Slug] = av
	}
	slices.SortStableFunc(ix.arts, func(a, b *artView) int {
		return cmp.Or(cmp.Compare(b.A.Date, a.A.Date), strings.Compare(a.A.Slug, b.A.Slug))
	})
	for _, v := range ix.occs {
		slices.SortStableFunc(v.Articles, func(a, b *artView) int {
			return cmp.Or(cmp.Compare(b.A.Date, a.A.Date), strings.Compare(a.A.Slug, b.A.Slug))
		})
	}

	tag := func(name string) *tagView {
		t := ix.byTag[name]
		if t == nil {
			t = &tagView{Name: name, Label: s.in.Project.Vocab.Label(name)}
			ix.byTag[name] = t
			ix.tags = append(ix.tags, t)
		}
		return t
	}
	for _, v := range ix.occs {
		for _, t := range v.O.Tags {
			if validSlug(t) {
				tv := tag(t)
				tv.Occs = append(tv.Occs, v)
			}
		}
	}
	for _, a := range ix.arts {
		for _, t := range a.A.Tags {
			if validSlug(t) {
				tv := tag(t)
				tv.Arts = append(tv.Arts, a)
			}
		}
	}
	slices.SortFunc(ix.tags, func(a, b *tagView) int {
		return cmp.Or(strings.Compare(sortKey(a.Label), sortKey(b.Label)), strings.Compare(a.Name, b.Name))
	})
	for _, t := range ix.tags {
		sortByNext(t.Occs)
		if t.HasPage() {
			t.Sub = subscription(s.cfg.Title+": Thema "+t.Label, s.cfg.Abs(siteurl.FeedTopic(t.Name)), "thema-"+t.Name)
		}
	}
	for _, sel := range s.in.Project.Vocab.GroupSelections(s.in.Project.Catalog) {
		g := &groupView{Term: sel.Term,
			Sub: subscription(s.cfg.Title+": für "+sel.Label, s.cfg.Abs(siteurl.FeedGroup(sel.Slug)), "gruppe-"+sel.Slug)}
		for _, o := range sel.Occasions {
			g.Occs = append(g.Occs, ix.byID[o.ID])
		}
		sortByNext(g.Occs)
		ix.groups = append(ix.groups, g)
		ix.byGroup[g.Slug] = g
	}

	for _, c := range occasion.Categories {
		cv := &catView{Cat: c, Sub: subscription(s.cfg.Title+": "+c.Label(), s.cfg.Abs(siteurl.FeedCategory(string(c))), string(c)),
			Prep: subscription(s.cfg.Title+": Vorbereitung "+c.Label(), s.cfg.Abs(siteurl.FeedPrep(string(c))), "vorlauf-"+string(c))}
		for _, v := range ix.occs {
			if v.O.Category == c {
				cv.Occs = append(cv.Occs, v)
			}
		}
		sortByNext(cv.Occs)
		ix.cats = append(ix.cats, cv)
	}
	ix.all = subscription(s.cfg.Title+": alle Anlässe", s.cfg.Abs(siteurl.FeedAll()), "alle")
	ix.prep = subscription(s.cfg.Title+": Vorbereitung", s.cfg.Abs(siteurl.FeedPrep("")), "vorlauf")
	ix.years = s.w.Years()
	for _, oc := range s.w.Upcoming(upcomingDays, nil) {
		ix.upcoming = append(ix.upcoming, card{Oc: oc, V: ix.byID[oc.Occasion.ID]})
	}
	return ix, nil
}

func sortByName(vs []*occView) {
	slices.SortFunc(vs, func(a, b *occView) int {
		return cmp.Or(strings.Compare(a.sortKey, b.sortKey), strings.Compare(a.O.ID, b.O.ID))
	})
}

func sortByNext(vs []*occView) {
	slices.SortFunc(vs, func(a, b *occView) int {
		an, bn := a.NextOcc(), b.NextOcc()
		switch {
		case an != nil && bn == nil:
			return -1
		case an == nil && bn != nil:
			return 1
		case an != nil && bn != nil && an.Start != bn.Start:
			return cmp.Compare(an.Start, bn.Start)
		}
		return cmp.Or(strings.Compare(a.sortKey, b.sortKey), strings.Compare(a.O.ID, b.O.ID))
	})
}

// sortKey orders German names as in a dictionary (DIN 5007-1): umlauts as
// their base letter, ß as ss, case ignored.
func sortKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'ä':
			b.WriteByte('a')
		case 'ö':
			b.WriteByte('o')
		case 'ü':
			b.WriteByte('u')
		case 'ß':
			b.WriteString("ss")
		default:
			if r < utf8.RuneSelf || unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(markdown.FoldAccent(r))
			}
		}
	}
	return b.String()
}

// letterOf is the A–Z group of a name: "Ä…" → "A", digits → "0–9".
func letterOf(key string) string {
	r, _ := utf8.DecodeRuneInString(key)
	switch {
	case r >= 'a' && r <= 'z':
		return string(unicode.ToUpper(r))
	case r >= '0' && r <= '9':
		return "0–9"
	}
	return "#"
}

// teaser cuts text after its first sentence, or at a word near limit.
func teaser(text string, limit int) string {
	for i := 0; i+2 <= len(text); i++ {
		if (text[i] == '.' || text[i] == '!' || text[i] == '?') && (i+1 == len(text) || text[i+1] == ' ') && i > 40 {
			// Skip abbreviations such as "z. B." or "St." by requiring a
			// lower-case-free previous word of more than three letters.
			w := text[strings.LastIndexByte(text[:i], ' ')+1 : i]
			if utf8.RuneCountInString(w) > 3 {
				if utf8.RuneCountInString(text[:i+1]) <= limit {
					return text[:i+1]
				}
				break
			}
		}
	}
	return truncate(text, limit)
}

// truncate shortens text to at most limit runes at a word boundary, adding "…".
func truncate(text string, limit int) string {
	if utf8.RuneCountInString(text) <= limit {
		return text
	}
	r := []rune(text)[:limit]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > limit/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:–-") + " …"
}

func validSlug(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
