// Package project loads everything a build reads — configuration, occasions,
// holidays, articles — and checks what spans several of them.
package project

import (
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/config"
	"github.com/anlass/anlass/internal/content"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/schedule"
	"github.com/anlass/anlass/internal/schoolholidays"
	"github.com/anlass/anlass/internal/vocab"
	"github.com/anlass/anlass/internal/yamlfile"
)

// Project is a loaded project.
type Project struct {
	Root     string
	Config   config.Config
	Catalog  *occasion.Catalog
	Articles []*content.Article // drafts included
	Pages    []*content.Page    // standalone pages (Impressum, Datenschutz), drafts included
	Vocab    *vocab.Vocab       // target groups and topics (data/)
	Engine   *schedule.Engine
	School   []*schoolholidays.State // school holidays per German state; nil without school-holidays/
}

// Load reads the project at root. The diagnostics include every problem
// found; the project must not be rendered when they contain errors.
func Load(root string) (*Project, diag.List) { return LoadCached(root, nil) }

// LoadCached is Load with a cache of parsed occasion and holiday files (nil:
// none), so that `anlass serve` re-parses only the files that changed.
func LoadCached(root string, cache *occasion.ParseCache) (*Project, diag.List) {
	p := &Project{Root: root}
	var l diag.List
	var cl diag.List
	p.Config, cl = config.Load(root)
	l = append(l, cl...)
	// The three kinds of input are independent: read them at the same time
	// (the occasions, most of the work, on all CPUs themselves).
	var ol, al, pl, sl, vl diag.List
	var wg sync.WaitGroup
	wg.Go(func() { p.Vocab, vl = vocab.Load(root) })
	wg.Go(func() {
		p.Articles, al = content.Load(root)
		p.Pages, pl = content.LoadPages(root)
	})
	wg.Go(func() { p.School, sl = schoolholidays.Load(root) })
	p.Catalog, ol = occasion.LoadCached(root, cache)
	wg.Wait()
	l = append(l, ol...)
	l = append(l, al...)
	l = append(l, pl...)
	l = append(l, vl...)
	l = append(l, sl...)
	p.Engine = schedule.New(p.Catalog)
	l = append(l, checkVocab(p)...)
	for _, a := range p.Articles {
		for i, id := range a.Occasions {
			if o := p.Catalog.Get(id); o == nil || o.Kind != occasion.Catalogue {
				l.Errorf(a.Path, a.OccPos[i][0], a.OccPos[i][1], "occasions: unknown occasion %q", id)
			}
		}
	}
	l.Sort()
	return p, l
}

// Check is Load plus the expensive checks `anlass check` runs: every rule is
// evaluated in every year it may occur in (1583–2999), not only in the
// build's window. today is the day the data is judged from (coverage of the
// feed window a build made that day would have).
func Check(root string, today civil.Date) (*Project, diag.List) {
	p, l := Load(root)
	if !l.HasErrors() {
		l = append(l, schedule.Validate(p.Engine)...)
		// School holidays are published a few years ahead: warn when they
		// end before the feed window a build made today would have.
		from, to := schedule.FeedWindow(today, p.Config.YearsBefore, p.Config.YearsAfter)
		l = append(l, schoolholidays.Coverage(p.School, from, to)...)
		l = append(l, checkImpressum(p)...)
		l = append(l, checkDatesTables(p, today)...)
		l.Sort()
	}
	return p, l
}

// checkImpressum warns when a site published at a public address has no
// Impressum: in Germany every business website needs one (§ 5 DDG), in
// Austria and Switzerland an equivalent notice.
func checkImpressum(p *Project) diag.List {
	var l diag.List
	if !isPublic(p.Config.Host()) {
		return nil
	}
	if pg := content.Find(p.Pages, "impressum"); pg == nil || pg.Draft {
		l.Warnf(config.File, 0, 0, "base_url %s is a public address, but there is no %s/impressum.md: a site run by a company in Germany needs an Impressum (§ 5 DDG); anlass new page impressum writes one to fill in", p.Config.BaseURL, content.PagesDir)
	}
	return l
}

// isPublic reports whether host is an address on the internet rather than
// this machine or a reserved test name.
func isPublic(host string) bool {
	h := strings.ToLower(host)
	if i := strings.LastIndex(h, ":"); i >= 0 && !strings.Contains(h, "]") {
		h = h[:i]
	}
	h = strings.Trim(h, "[]")
	if ip := net.ParseIP(h); ip != nil {
		return !ip.IsLoopback() && !ip.IsPrivate() && !ip.IsUnspecified() && !ip.IsLinkLocalUnicast()
	}
	if h == "localhost" || !strings.Contains(h, ".") {
		return false
	}
	for _, suffix := range []string{".localhost", ".local", ".test", ".invalid", ".example", ".internal", ".lan", ".home.arpa"} {
		if strings.HasSuffix(h, suffix) {
			return false
		}
	}
	switch h {
	case "example.org", "example.com", "example.net":
		return false
	}
	return true
}

// checkDatesTables warns about occasions set anew each year whose `dates:`
// table has run out: no entry for this year or the next, and no rule to
// fall back on. Until someone adds the dates, the occasion vanishes from
// the site and the feeds.
func checkDatesTables(p *Project, today civil.Date) diag.List {
	var l diag.List
	for _, o := range p.Catalog.Occasions {
		if len(o.Dates) == 0 || o.Rule != nil {
			continue
		}
		last := 0
		for y := range o.Dates {
			last = max(last, y)
		}
		var missing []string
		for _, y := range []int{today.Year(), today.Year() + 1} {
			if _, listed := o.Dates[y]; listed || o.Until != 0 && y > o.Until {
				continue
			}
			if o.Every > 1 && (y-o.Since)%o.Every != 0 {
				continue
			}
			missing = append(missing, strconv.Itoa(y))
		}
		if len(missing) == 0 {
			continue
		}
		pos := o.DatesPos[last]
		l.Warnf(o.Path, pos.Line, pos.Col, "the dates table ends with %d and there is no rule: %s has no date in %s; add `%s: MM-DD` with a source (or `%s: none` if it does not take place)",
			last, o.ID, strings.Join(missing, " and "), missing[0], missing[0])
		l[len(l)-1].Note = "Occasions set anew every year (a `dates:` table without a `date:` rule) disappear from the site and the feeds once their table runs out. " +
			"Add the announced dates with their source; `anlass check --now YYYY-MM-DD` shows how the data looks on another day."
	}
	return l
}

// checkVocab checks every target group of an idea and every topic of an
// occasion or article against the vocabularies in data/.
func checkVocab(p *Project) diag.List {
	var l diag.List
	v := p.Vocab
	for _, o := range p.Catalog.Occasions {
		for _, idea := range o.Ideas {
			for i, z := range idea.Zielgruppen {
				checkTerm(v, targetGroups, o.Path, z, idea.ZielgruppePos[i].Line, idea.ZielgruppePos[i].Col, &l)
			}
		}
		for i, t := range o.Tags {
			checkTerm(v, topics, o.Path, t, o.TagPos[i].Line, o.TagPos[i].Col, &l)
		}
	}
	for _, a := range p.Articles {
		for i, t := range a.Tags {
			checkTerm(v, topics, a.Path, t, a.TagPos[i][0], a.TagPos[i][1], &l)
		}
	}
	return l
}

// termKind is one of the two vocabularies, as checkTerm needs it.
type termKind struct {
	what      string // "target group"
	file      string // where its slugs are
	own       func(*vocab.Vocab, string) *vocab.Term
	other     func(*vocab.Vocab, string) *vocab.Term // the other vocabulary
	otherHint string                                 // what to say when the slug is in the other one
	slugs     func(*vocab.Vocab) []string
}

var (
	targetGroups = termKind{"target group", vocab.ZielgruppenFile, (*vocab.Vocab).Zielgruppe, (*vocab.Vocab).Thema,
		"it is a topic (tags:), not a target group", (*vocab.Vocab).ZielgruppenSlugs}
	topics = termKind{"topic", vocab.ThemenFile, (*vocab.Vocab).Thema, (*vocab.Vocab).Zielgruppe,
		"it is a target group; name it in the ideas' zielgruppen", (*vocab.Vocab).ThemenSlugs}
)

// checkTerm reports a slug that is not in the vocabulary of kind k, with
// the likely fix.
func checkTerm(v *vocab.Vocab, k termKind, path, slug string, line, col int, l *diag.List) {
	if k.own(v, slug) != nil {
		return
	}
	msg := fmt.Sprintf("unknown %s %q", k.what, slug)
	if k.other(v, slug) != nil {
		msg += ": " + k.otherHint
	} else if s := yamlfile.Closest(slug, k.slugs(v), 3); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	} else {
		msg += ": add it to " + k.file + " or choose one of its slugs"
	}
	l.Errorf(path, line, col, "%s", msg)
}
