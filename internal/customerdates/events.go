// Package customerdates computes the customer calendar: each customer's
// birthday, half birthday, customer anniversary and Geschenk-ohne-Grund
// day, and a preparation event a lead time before each, for a window of
// days. It is the compute stage between internal/customer (load) and the
// calendar and CSV writers (render), and, like the loader, uses no file
// system, network or clock, so that the CLI and the page compiled to
// WebAssembly compute the same events.
//
// Every event is one all-day event. Its UID is stable across runs and
// reorderings of the list (see UID), and the events come sorted, so the same
// list gives the same output byte for byte.
package customerdates

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/customer"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/siteurl"
)

// DefaultLeadDays is the lead time of preparation events unless the user
// chooses another.
const DefaultLeadDays = 14

// MaxWindowDays bounds the window: ten years of events is more than any
// calendar app wants in one import.
const MaxWindowDays = 3653

// Options are the choices of one computation.
type Options struct {
	// From and To are the window, both inclusive. An event belongs to it
	// when its own date lies in it; that holds for preparation events
	// too, whose occasion may lie after To.
	From, To civil.Date
	// LeadDays is how many days before each occasion its preparation
	// event lies; 0 gives none.
	LeadDays int
	Feb29    Feb29
	// Holidays are the public holidays that a Geschenk-ohne-Grund day
	// avoids, for every year from HolidayYears.
	Holidays Holidays
	// UIDDomain ends every UID (the site's uid_domain).
	UIDDomain string
	// BaseURL is the site's address; events link the idea articles under it.
	BaseURL string
}

// HolidayYears are the years whose holidays Compute asks Holidays about:
// those of the window and of occasions up to the lead time after it.
func (o Options) HolidayYears() (first, last int) {
	return o.From.Year(), o.To.AddDays(max(o.LeadDays, 0)).Year()
}

// wants reports whether an occasion on day, or its preparation, lies in
// the window.
func (o Options) wants(day civil.Date) bool {
	in := func(d civil.Date) bool { return d >= o.From && d <= o.To }
	return in(day) || (o.LeadDays > 0 && in(day.AddDays(-o.LeadDays)))
}

// Event is one all-day event of the customer calendar, ready for the
// calendar package (iCalendar) and for CSV.
type Event struct {
	UID  string
	Kind Kind
	// For is the kind of the occasion a Preparation event prepares; for
	// the others it equals Kind.
	For Kind
	// Start and End are the event's day: End is inclusive and equals Start
	// (the iCalendar writer turns it into the exclusive DTEND, Start+1).
	Start, End civil.Date
	// Occasion is the day of the occasion: Start, except for preparations.
	Occasion    civil.Date
	Summary     string
	Description string // plain text, paragraphs separated by a blank line
	URL         string // the idea article for the occasion
	Categories  []string
	Customer    customer.Customer
	// Years is the age reached at a birthday or the years as a customer at
	// an anniversary; 0 when not known or not counted.
	Years int
	Round bool // a round customer anniversary (1, 5, 10, 15 …)
}

// Compute returns the events of the customers in the window, sorted by day,
// then kind, then customer, then UID.
func Compute(customers []customer.Customer, o Options) ([]Event, error) {
	switch {
	case o.To < o.From:
		return nil, errors.New("the window ends before it starts")
	case o.To.Sub(o.From) > MaxWindowDays:
		return nil, errors.New("the window is longer than ten years")
	case o.LeadDays < 0:
		return nil, errors.New("the lead time is negative")
	case o.Holidays == nil:
		return nil, errors.New("no holiday data")
	case o.UIDDomain == "":
		return nil, errors.New("no UID domain")
	}
	first, last := o.HolidayYears()
	var events []Event
	var labels []string // each event's customer label, for sorting
	in := func(d civil.Date) bool { return d >= o.From && d <= o.To }
	for _, c := range customers {
		key, label := c.Key(), c.Label()
		hash := hashKey(key)
		for y := first; y <= last; y++ {
			for _, ev := range occasionsIn(c, key, y, o) {
				ev.UID = uid(hash, ev.Kind, y, o.UIDDomain)
				if o.LeadDays > 0 {
					if p := preparation(ev, o.LeadDays); in(p.Start) {
						events, labels = append(events, p), append(labels, label)
					}
				}
				if in(ev.Start) {
					events, labels = append(events, ev), append(labels, label)
				}
			}
		}
	}
	order := make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &events[i], &events[j]
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.For, b.For),
			strings.Compare(labels[i], labels[j]), strings.Compare(a.UID, b.UID))
	})
	sorted := make([]Event, len(events))
	for i, j := range order {
		sorted[i] = events[j]
	}
	return sorted, nil
}

// customerHash names a customer in UIDs without personal data: the first
// 64 bits of SHA-256 of the customer's key, in hex.
func customerHash(c customer.Customer) string { return hashKey(c.Key()) }

func hashKey(key string) string {
	sum := sha256.Sum256([]byte("anlass-kunde\x00" + key))
	return hex.EncodeToString(sum[:8])
}

// occasionsIn returns the customer's occasions in year, without UIDs.
func occasionsIn(c customer.Customer, key string, year int, o Options) []Event {
	who := c.Label()
	var out []Event
	add := func(k Kind, day civil.Date, summary string, desc []string, years int) {
		if !o.wants(day) {
			return // neither the occasion nor its preparation lies in the window
		}
		url := articleURL(o.BaseURL, k)
		if c.Note != "" {
			desc = append(desc, "Notiz: "+c.Note)
		}
		desc = append(desc, "Ideen: "+url)
		out = append(out, Event{Kind: k, For: k, Start: day, End: day, Occasion: day, Summary: summary,
			Description: strings.Join(desc, "\n\n"), URL: url, Categories: []string{k.Label()}, Customer: c,
			Years: years, Round: k == Anniversary && Round(years)})
	}
	if day, age, ok := BirthdayIn(c.Birthday, year, o.Feb29); ok {
		desc := []string{who + " hat Geburtstag."}
		if age > 0 {
			desc[0] = who + " hat Geburtstag und wird " + strconv.Itoa(age) + "."
		}
		if _, shifted := Yearly(year, c.Birthday.Month, c.Birthday.Day, o.Feb29); shifted {
			desc = append(desc, "Geboren an einem 29. Februar: in Jahren ohne diesen Tag steht der Geburtstag hier am "+german.DayMonth(day)+".")
		}
		add(Birthday, day, "Geburtstag: "+who, desc, age)
	}
	if day, ok := HalfBirthdayIn(c.Birthday, year); ok {
		born := german.DayMonth(civil.Of(2000, c.Birthday.Month, c.Birthday.Day)) // 2000 is a leap year: 29 February exists
		desc := []string{"Ein halbes Jahr nach dem Geburtstag am " + born + "."}
		if c.Birthday.HasYear() {
			from := year // the birthday six months before
			if c.Birthday.Month > 6 {
				from--
			}
			desc[0] = "Ein halbes Jahr nach dem Geburtstag am " + born + ": " + who + " wird heute " + strconv.Itoa(from-c.Birthday.Year) + "½."
		}
		if _, m, d := day.YMD(); d != c.Birthday.Day {
			desc = append(desc, "Einen "+strconv.Itoa(c.Birthday.Day)+". "+german.Month(m)+" gibt es nicht: der halbe Geburtstag steht am letzten Tag des Monats.")
		}
		add(HalfBirthday, day, "Halber Geburtstag: "+who, desc, 0)
	}
	if day, years, ok := AnniversaryIn(c.Since, year, o.Feb29); ok {
		since, _ := c.Since.Civil()
		count := yearsText(years)
		label := count
		desc := []string{who + " ist seit dem " + german.Date(since) + " Kunde: heute " + count + "."}
		if Round(years) {
			label += ", rund"
			desc = append(desc, "Ein rundes Jubiläum.")
		}
		if _, shifted := Yearly(year, c.Since.Month, c.Since.Day, o.Feb29); shifted {
			desc = append(desc, "Die Zusammenarbeit begann an einem 29. Februar: in Jahren ohne diesen Tag steht das Jubiläum hier am "+german.DayMonth(day)+".")
		}
		add(Anniversary, day, "Kundenjubiläum ("+label+"): "+who, desc, years)
	}
	if day, ok := giftDay(c, key, year, o.Holidays); ok {
		add(Gift, day, "Geschenk ohne Grund: "+who, []string{
			"Ein Tag für ein Geschenk ohne Grund an " + who + ": ein Werktag ohne Feiertag, mindestens drei Wochen entfernt von den anderen Anlässen dieses Kunden.",
		}, 0)
	}
	return out
}

// preparation is the event a lead time before an occasion: its own UID,
// its own day, what to prepare and the article with ideas.
func preparation(ev Event, lead int) Event {
	day := ev.Start.AddDays(-lead)
	what := prepareWhat[ev.Kind] + ev.Customer.Label()
	if ev.Kind == Anniversary {
		what += " (" + yearsText(ev.Years) + ")"
	}
	desc := []string{
		upperFirst(what) + " am " + german.DateLong(ev.Start) + ", in " + german.Days(lead) + ".",
		"Jetzt vorbereiten: " + ev.Kind.Prepare(),
	}
	if ev.Customer.Note != "" {
		desc = append(desc, "Notiz: "+ev.Customer.Note)
	}
	desc = append(desc, "Ideen: "+ev.URL)
	return Event{
		UID:         strings.Replace(ev.UID, "@", "-vorbereiten@", 1),
		Kind:        Preparation,
		For:         ev.Kind,
		Start:       day,
		End:         day,
		Occasion:    ev.Start,
		Summary:     "Vorbereiten: " + what + " am " + german.DayMonth(ev.Start),
		Description: strings.Join(desc, "\n\n"),
		URL:         ev.URL,
		Categories:  []string{Preparation.Label(), ev.Kind.Label()},
		Customer:    ev.Customer,
		Years:       ev.Years,
		Round:       ev.Round,
	}
}

var prepareWhat = map[Kind]string{
	Birthday:     "Geburtstag von ",
	HalfBirthday: "halber Geburtstag von ",
	Anniversary:  "Kundenjubiläum von ",
	Gift:         "Geschenk ohne Grund für ",
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

func yearsText(n int) string {
	if n == 1 {
		return "1 Jahr"
	}
	return strconv.Itoa(n) + " Jahre"
}

// articleURL is the address of the idea article for a kind.
func articleURL(base string, k Kind) string {
	return strings.TrimSuffix(base, "/") + siteurl.Article(k.Article())
}

// UID returns the UID of a customer's occasion of kind k in year (the year
// of the occasion, also for its preparation event, which adds
// "-vorbereiten"): "kunde-<hash>-geburtstag-2027@<domain>". The hash comes
// from the customer's key (ID, else name and company), so the UID survives
// reordering and edits of other columns, carries no personal data in clear
// text, and cannot meet a UID of the public feeds, which never start with
// "kunde-" followed by a hash.
func UID(c customer.Customer, k Kind, year int, domain string) string {
	return uid(customerHash(c), k, year, domain)
}

func uid(hash string, k Kind, year int, domain string) string {
	return "kunde-" + hash + "-" + k.Slug() + "-" + strconv.Itoa(year) + "@" + domain
}
