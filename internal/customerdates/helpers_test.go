package customerdates

import (
	"sync"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/customer"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/regiondays"
)

// The tests take their holidays from the project's own data, as the CLI
// will: every holiday that is a day off in the region, in all of it or in a
// part (a gift should not arrive where part of the region is closed).
var (
	bookOnce sync.Once
	offDays  map[string]map[civil.Date]bool // region → its days off
	bookErr  error
)

// Years the tests ask holidays for.
const firstTestYear, lastTestYear = 2024, 2031

func projectHolidays(t testing.TB) Holidays {
	t.Helper()
	bookOnce.Do(func() {
		p, l := project.Load("../..")
		if l.HasErrors() {
			bookErr = l.Err()
			return
		}
		from, to := civil.Of(firstTestYear-1, 1, 1), civil.Of(lastTestYear+1, 12, 31)
		var b *regiondays.Book
		if b, bookErr = regiondays.ForRange(p.Engine, nil, from, to); bookErr != nil {
			return
		}
		// Looked up once: the fairness test asks millions of times.
		offDays = map[string]map[civil.Date]bool{}
		for _, r := range b.All() {
			days := map[civil.Date]bool{}
			for d := from; d <= to; d++ {
				for _, h := range r.HolidaysOn(d) {
					if h.DayOff() {
						days[d] = true
					}
				}
			}
			offDays[r.Code] = days
		}
	})
	if bookErr != nil {
		t.Fatal(bookErr)
	}
	return HolidayFunc(func(region string, d civil.Date) bool {
		if d.Year() < firstTestYear-1 || d.Year() > lastTestYear+1 {
			panic("holiday asked for " + d.String() + ", outside the years the test loaded")
		}
		days, ok := offDays[region]
		if !ok {
			panic("holiday asked for unknown region " + region)
		}
		return days[d]
	})
}

func day(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func date(y int, m time.Month, d int) customer.Date { return customer.Date{Year: y, Month: m, Day: d} }
