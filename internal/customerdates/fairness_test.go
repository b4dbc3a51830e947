package customerdates

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/civil"
)

// TestGiftSpreadsLikeAFairDraw checks, over many invented lists of 1 to
// 2000 customers, what gift.go promises about the spread of the
// Geschenk-ohne-Grund days (see the reasoning there):
//
//  1. No week of any list carries more customers than a fair draw would
//     put there with probability 10⁻⁹: the Chernoff bound
//     P(X ≥ k) ≤ e^−μ·(e·μ/k)^k for the week's expected load μ, the sum
//     over the list of each customer's chance of that week (1/its number
//     of allowed weeks). A rule that favours some weeks (the first allowed
//     one, say) breaks it at once.
//  2. Pooled over all lists, the weeks are hit as often as expected: a χ²
//     test at the 0.1 % level.
//  3. Against an independent fair draw — each customer's week drawn with
//     math/rand from the same allowed weeks — the lists of each size keep
//     the hoped-for bound max(3, ⌈3·N/W⌉) as often, and their busiest week
//     is as busy, within a few standard errors.
//  4. Lists of 300 customers and more keep max(3, ⌈3·N/W⌉) every time.
//
// It logs, per size, how often the hoped-for bound held.
func TestGiftSpreadsLikeAFairDraw(t *testing.T) {
	hol := projectHolidays(t)
	const year = 2027
	weeks := GiftWeeks(year)
	weekOf := map[civil.Date]int{}
	for i, m := range weeks {
		weekOf[m] = i
	}
	// W: the weeks with a day that is allowed in Germany as a whole.
	w := 0
	for _, m := range weeks {
		for d := m; d < m.AddDays(5); d++ {
			if d.Year() == year && d <= civil.Of(year, 11, 30) && !hol.IsHoliday("DE", d) {
				w++
				break
			}
		}
	}
	bound := func(n int) int { return max(3, (3*n+w-1)/w) }

	small, reps, bigReps := 60, 12, 3
	if testing.Short() {
		small, reps, bigReps = 30, 4, 1
	}
	type list struct{ size, reps int }
	var lists []list
	for n := 1; n <= small; n++ {
		lists = append(lists, list{n, reps})
	}
	for _, n := range []int{75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000} {
		lists = append(lists, list{n, bigReps})
	}
	type bucket struct {
		name                   string
		lists, hashOK, fairOK  int
		diffSum, diffSq        float64 // busiest week: hash minus fair draw
		hashMaxSum, fairMaxSum int
	}
	buckets := []*bucket{{name: "1–10"}, {name: "11–30"}, {name: "31–60"}, {name: "75–200"}, {name: "300–2000"}}
	bucketOf := func(n int) *bucket {
		switch {
		case n <= 10:
			return buckets[0]
		case n <= 30:
			return buckets[1]
		case n <= 60:
			return buckets[2]
		case n <= 200:
			return buckets[3]
		}
		return buckets[4]
	}
	fair := rand.New(rand.NewPCG(2027, 11))
	observed, fairObserved, expected := make([]float64, len(weeks)), make([]float64, len(weeks)), make([]float64, len(weeks))
	eps := 1e-9 / float64(len(weeks))
	seed := uint64(1000)
	for _, l := range lists {
		for r := 0; r < l.reps; r++ {
			seed++
			cs := testCustomers(l.size, seed)
			load, fairLoad, mu := make([]int, len(weeks)), make([]int, len(weeks)), make([]float64, len(weeks))
			for _, c := range cs {
				g := newGiftRules(c, year, hol)
				var allowed []int
				for i, m := range weeks {
					if len(g.days(m)) > 0 {
						allowed = append(allowed, i)
					}
				}
				for _, i := range allowed {
					mu[i] += 1 / float64(len(allowed))
				}
				d, ok := GiftDay(c, year, hol)
				if !ok {
					t.Fatalf("%s: no gift day", c.Label())
				}
				load[weekOf[d.AddDays(-((int(d.Weekday())+6)%7))]]++
				fairLoad[allowed[fair.IntN(len(allowed))]]++
			}
			for i := range weeks {
				if k := chernoffLimit(mu[i], eps); load[i] >= k {
					t.Errorf("list of %d (seed %d): week of %s has %d gifts, expected %.2f; a fair draw reaches %d with probability < 1e-9",
						len(cs), seed, weeks[i], load[i], mu[i], k)
				}
				observed[i] += float64(load[i])
				fairObserved[i] += float64(fairLoad[i])
				expected[i] += mu[i]
			}
			hashMax, fairMax := maxOf(load), maxOf(fairLoad)
			b := bucketOf(len(cs))
			b.lists++
			if hashMax <= bound(len(cs)) {
				b.hashOK++
			} else if len(cs) >= 300 {
				t.Errorf("list of %d (seed %d): busiest week has %d gifts, more than max(3, ⌈3·%d/%d⌉) = %d", len(cs), seed, hashMax, len(cs), w, bound(len(cs)))
			}
			if fairMax <= bound(len(cs)) {
				b.fairOK++
			}
			diff := float64(hashMax - fairMax)
			b.diffSum += diff
			b.diffSq += diff * diff
			b.hashMaxSum += hashMax
			b.fairMaxSum += fairMax
		}
	}

	var chi2, fairChi2 float64
	df := -1
	for i := range weeks {
		if expected[i] > 0 {
			chi2 += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i]
			fairChi2 += (fairObserved[i] - expected[i]) * (fairObserved[i] - expected[i]) / expected[i]
			df++
		} else if observed[i] > 0 {
			t.Errorf("week of %s has %v gifts although no customer may have one there", weeks[i], observed[i])
		}
	}
	if crit := chiSquareCritical(df, 3.09); chi2 > crit {
		t.Errorf("weeks pooled over all lists: χ² = %.1f with %d degrees of freedom, above %.1f (0.1 %% level): the weeks are not hit evenly", chi2, df, crit)
	}

	var report strings.Builder
	fmt.Fprintf(&report, "W = %d weeks; χ² = %.1f, fair draw %.1f (df %d)\n", w, chi2, fairChi2, df)
	fmt.Fprintf(&report, "%-9s %6s %22s %22s %16s\n", "size", "lists", "max(3,⌈3N/W⌉) held", "fair draw: held", "busiest week")
	for _, b := range buckets {
		if b.lists == 0 {
			continue
		}
		n := float64(b.lists)
		fmt.Fprintf(&report, "%-9s %6d %21.1f%% %21.1f%% %7.2f vs %5.2f\n", b.name, b.lists,
			100*float64(b.hashOK)/n, 100*float64(b.fairOK)/n, float64(b.hashMaxSum)/n, float64(b.fairMaxSum)/n)
		// Held the bound as often as a fair draw: the difference of two
		// counts of rare-ish events, allowed three standard deviations.
		hashFail, fairFail := b.lists-b.hashOK, b.lists-b.fairOK
		if float64(hashFail-fairFail) > 3*math.Sqrt(float64(hashFail+fairFail))+2 {
			t.Errorf("lists of %s: the bound failed %d times, a fair draw only %d times", b.name, hashFail, fairFail)
		}
		// The busiest week as busy as in a fair draw (paired by list).
		mean := b.diffSum / n
		sd := math.Sqrt(max(b.diffSq/n-mean*mean, 0))
		if math.Abs(mean) > 4*sd/math.Sqrt(n)+0.05 {
			t.Errorf("lists of %s: busiest week differs from a fair draw by %.2f on average (sd %.2f)", b.name, mean, sd)
		}
	}
	t.Log("\n" + report.String())
}

// chernoffLimit is the least k > μ with e^−μ·(e·μ/k)^k ≤ eps: a sum of
// independent 0/1 draws with mean μ reaches k with probability at most eps.
func chernoffLimit(mu, eps float64) int {
	if mu == 0 {
		return 1
	}
	for k := int(math.Floor(mu)) + 1; ; k++ {
		kf := float64(k)
		if -mu+kf*math.Log(math.E*mu/kf) <= math.Log(eps) {
			return k
		}
	}
}

// chiSquareCritical approximates the χ² quantile for df degrees of freedom
// at the standard normal quantile z (Wilson–Hilferty).
func chiSquareCritical(df int, z float64) float64 {
	d := float64(df)
	a := 2 / (9 * d)
	return d * math.Pow(1-a+z*math.Sqrt(a), 3)
}

func maxOf(xs []int) int {
	m := 0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func TestChernoffLimit(t *testing.T) {
	// P(X ≥ k) for a Poisson(1) variable (the limit of many small draws)
	// must lie below eps at the limit: an independent check of the
	// formula's direction.
	for _, mu := range []float64{0.1, 1, 5, 42} {
		k := chernoffLimit(mu, 1e-9)
		tail, term := 0.0, math.Exp(-mu)
		for i := 0; i < k+200; i++ {
			if i >= k {
				tail += term
			}
			term *= mu / float64(i+1)
		}
		if tail > 1e-9 || k <= int(mu) {
			t.Errorf("μ = %v: limit %d, Poisson tail %g", mu, k, tail)
		}
	}
	if got := chiSquareCritical(47, 3.09); math.Abs(got-82.7) > 1.5 {
		t.Errorf("χ² critical value for df 47 at 0.1 %%: %.1f, tables give about 82.7", got)
	}
}
