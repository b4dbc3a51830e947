package customerdates

import (
	"crypto/sha256"
	"encoding/binary"
	"math/bits"
	"strconv"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/customer"
)

// Geschenk ohne Grund: one day per customer and year.
//
// The day is a Monday to Friday in January–November, no public holiday in
// the customer's region (Germany's nationwide holidays when the region is
// unknown), and at least MinGiftDistance days away from each of the
// customer's own occasions: birthday, half birthday and customer
// anniversary, those of the neighbouring years included (a gift on
// 5 January keeps its distance from a birthday on 28 December). A date on
// 29 February counts on both 28 February and 1 March in common years, so
// that the 29-February option never moves a gift; the lead time does not
// count either.
//
// Stability. The day depends on the customer's key (ID, else name and
// company), the year, the customer's own dates and region, and the holiday
// data, and on nothing else: adding, removing or reordering other
// customers never moves it.
//
// Spread. The day is drawn in two steps from a stream of SHA-256 outputs
// seeded with the key and the year. First a week, uniformly among
// GiftWeeks(year); a week without an allowed day for this customer is
// rejected and the next one drawn, so the result is uniform over the
// customer's allowed weeks and moves only when those change. Then a day,
// uniformly among the week's allowed days. Drawing the week first gives a
// week with a holiday the same share as any other.
//
// What that can promise, and what not. Since each customer's week depends
// only on its own key, and SHA-256 of distinct keys behaves like
// independent uniform numbers, the weeks of a list are a fair draw: N balls
// thrown independently into W bins. No rule that looks at one customer at a
// time can spread better, because keeping two customers apart needs to know
// both; and whoever chooses names after hashing them can fill any week. A
// fair draw puts Binomial(N, 1/W) customers into a week (a little more in
// weeks that few customers have to avoid), and its busiest week carries
// about N/W + √(2·(N/W)·ln W). So the bound max(3, ⌈3·N/W⌉) holds in
// nearly every small list (N ≤ 10) and every large one (N ≥ 300, where
// 3·N/W outgrows the spread), but a fair draw breaks it in many lists of
// 20–150 customers: with N = W ≈ 47 four customers share some week in
// about 60 % of lists. fairness_test.go shows what holds: every list's
// busiest week stays within the Chernoff bound of a fair draw at 10⁻⁹, the
// weeks of many lists together are uniform, and lists of every size keep
// max(3, ⌈3·N/W⌉) as often as independent random draws of the same
// customers do.

// MinGiftDistance is the least number of days between a customer's gift
// and each of the customer's other occasions.
const MinGiftDistance = 21

// Holidays tells public holidays. region is a regioncode code (DE-BY,
// AT-9, CH-ZH, or a country: DE, AT, CH); for a customer without region the
// engine asks for "DE".
type Holidays interface {
	IsHoliday(region string, d civil.Date) bool
}

// HolidayFunc is a function used as Holidays.
type HolidayFunc func(region string, d civil.Date) bool

// IsHoliday calls f.
func (f HolidayFunc) IsHoliday(region string, d civil.Date) bool { return f(region, d) }

// DefaultRegion is the region whose holidays count for a customer without
// one: Germany's nationwide holidays.
const DefaultRegion = "DE"

// GiftWeeks returns the Mondays of the weeks a gift of year can fall in:
// every week with a weekday in January–November of that year.
func GiftWeeks(year int) []civil.Date {
	first, last := civil.Of(year, time.January, 1), civil.Of(year, time.November, 30)
	monday := first.AddDays(-((int(first.Weekday()) + 6) % 7))
	var weeks []civil.Date
	for m := monday; m <= last; m = m.AddDays(7) {
		if m.AddDays(4) >= first { // some Monday–Friday of the week lies in the year
			weeks = append(weeks, m)
		}
	}
	return weeks
}

// GiftDay returns the customer's Geschenk-ohne-Grund day in year; ok is
// false only when no day of the year is allowed (the holiday data would
// have to close every week).
func GiftDay(c customer.Customer, year int, hol Holidays) (civil.Date, bool) {
	return giftDay(c, c.Key(), year, hol)
}

// giftDay is GiftDay with the customer's key computed once by the caller.
func giftDay(c customer.Customer, key string, year int, hol Holidays) (civil.Date, bool) {
	g := newGiftRules(c, year, hol)
	weeks := GiftWeeks(year)
	s := newDraws("geschenk-ohne-grund", key, strconv.Itoa(year))
	// The customer's occasions close at most about 20 of the ~48 weeks, so
	// a draw fails with probability below one half; after 200 failed draws
	// (less likely than 2⁻²⁰⁰) every week is tried in turn.
	for range 200 {
		if days := g.days(weeks[s.intn(len(weeks))]); len(days) > 0 {
			return days[s.intn(len(days))], true
		}
	}
	start := s.intn(len(weeks))
	for i := range weeks {
		if days := g.days(weeks[(start+i)%len(weeks)]); len(days) > 0 {
			return days[s.intn(len(days))], true
		}
	}
	return 0, false
}

// giftRules decide which days of a year may carry a customer's gift.
type giftRules struct {
	first, last civil.Date   // 1 January and 30 November
	busy        []civil.Date // the customer's occasions around the year
	region      string
	hol         Holidays
}

func newGiftRules(c customer.Customer, year int, hol Holidays) giftRules {
	region := c.Region
	if region == "" {
		region = DefaultRegion
	}
	return giftRules{civil.Of(year, time.January, 1), civil.Of(year, time.November, 30), occasionDays(c, year), region, hol}
}

func (g giftRules) allowed(d civil.Date) bool {
	if d < g.first || d > g.last || d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		return false
	}
	for _, b := range g.busy {
		if abs(d.Sub(b)) < MinGiftDistance {
			return false
		}
	}
	return !g.hol.IsHoliday(g.region, d)
}

// days returns the allowed days of the week that starts on monday.
func (g giftRules) days(monday civil.Date) []civil.Date {
	var days []civil.Date
	for i := 0; i < 5; i++ {
		if d := monday.AddDays(i); g.allowed(d) {
			days = append(days, d)
		}
	}
	return days
}

// occasionDays are the customer's occasions from the year before to the
// year after, with a 29 February date on both of its stand-in days.
func occasionDays(c customer.Customer, year int) []civil.Date {
	var days []civil.Date
	for y := year - 1; y <= year+1; y++ {
		for _, rule := range []Feb29{Feb29OnFeb28, Feb29OnMar1} {
			if d, _, ok := BirthdayIn(c.Birthday, y, rule); ok {
				days = append(days, d)
			}
			if d, _, ok := AnniversaryIn(c.Since, y, rule); ok {
				days = append(days, d)
			}
		}
		if d, ok := HalfBirthdayIn(c.Birthday, y); ok {
			days = append(days, d)
		}
	}
	return days
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// draws is a deterministic stream of uniform numbers: SHA-256 of a seed
// and a counter, eight bytes at a time.
type draws struct {
	seed  []byte
	n     uint32
	block [sha256.Size]byte
	pos   int
}

// newDraws seeds a stream with the parts, each prefixed by its length so
// that no two lists of parts give the same seed.
func newDraws(parts ...string) *draws {
	var seed []byte
	for _, p := range parts {
		seed = binary.BigEndian.AppendUint32(seed, uint32(len(p)))
		seed = append(seed, p...)
	}
	return &draws{seed: seed, pos: sha256.Size}
}

func (s *draws) uint64() uint64 {
	if s.pos+8 > len(s.block) {
		s.block = sha256.Sum256(binary.BigEndian.AppendUint32(append([]byte(nil), s.seed...), s.n))
		s.n++
		s.pos = 0
	}
	v := binary.BigEndian.Uint64(s.block[s.pos:])
	s.pos += 8
	return v
}

// intn returns a number in [0, n): the high word of a 64×64-bit product,
// whose bias (n/2⁶⁴) is far below anything a calendar can show.
func (s *draws) intn(n int) int {
	hi, _ := bits.Mul64(s.uint64(), uint64(n))
	return int(hi)
}
