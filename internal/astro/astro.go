// Package astro computes the instants of the equinoxes and solstices
// (Meeus, Astronomical Algorithms, 2nd ed., chapter 27) and the calendar date
// on which each falls in Europe/Berlin.
//
// The chapter-27 method is accurate to about a minute over 1951–2050 and stays
// within a few minutes over 1000–3000; the instant is converted from dynamical
// time (TT) to UT with the Espenak–Meeus polynomials for ΔT.
package astro

import (
	"math"
	"time"
	_ "time/tzdata" // Europe/Berlin must resolve even where the OS has no zoneinfo.

	"github.com/anlass/anlass/internal/civil"
)

// Event is one of the four cardinal points of the Sun's path.
type Event int

const (
	MarchEquinox Event = iota
	JuneSolstice
	SeptemberEquinox
	DecemberSolstice
)

func (e Event) String() string {
	return [...]string{"march-equinox", "june-solstice", "september-equinox", "december-solstice"}[e]
}

// Berlin is the zone whose calendar date anlass reports.
var Berlin = mustLoad("Europe/Berlin")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // unreachable: time/tzdata is linked in
	}
	return loc
}

// Table 27.B: mean instants (JDE) for years +1000 … +3000, polynomial in Y = (year-2000)/1000.
var meanTerms = [4][5]float64{
	{2451623.80984, 365242.37404, 0.05169, -0.00411, -0.00057},
	{2451716.56767, 365241.62603, 0.00325, 0.00888, -0.00030},
	{2451810.21715, 365242.01767, -0.11575, 0.00337, 0.00078},
	{2451900.05952, 365242.74049, -0.06223, -0.00823, 0.00032},
}

// Table 27.C: periodic terms A, B (degrees), C (degrees per Julian century).
var periodic = [24][3]float64{
	{485, 324.96, 1934.136}, {203, 337.23, 32964.467}, {199, 342.08, 20.186},
	{182, 27.85, 445267.112}, {156, 73.14, 45036.886}, {136, 171.52, 22518.443},
	{77, 222.54, 65928.934}, {74, 296.72, 3034.906}, {70, 243.58, 9037.513},
	{58, 119.81, 33718.147}, {52, 297.17, 150.678}, {50, 21.02, 2281.226},
	{45, 247.54, 29929.562}, {44, 325.15, 31555.956}, {29, 60.93, 4443.417},
	{18, 155.12, 67555.328}, {17, 288.79, 4562.452}, {16, 198.04, 62894.029},
	{14, 199.76, 31436.921}, {12, 95.39, 14577.848}, {12, 287.11, 31931.756},
	{12, 320.81, 34777.259}, {9, 227.73, 1222.114}, {8, 15.45, 16859.074},
}

// JDE returns the Julian Ephemeris Day of event e in year (1000 … 3000).
func JDE(year int, e Event) float64 {
	y := (float64(year) - 2000) / 1000
	c := meanTerms[e]
	jde0 := c[0] + y*(c[1]+y*(c[2]+y*(c[3]+y*c[4])))
	t := (jde0 - 2451545.0) / 36525
	w := deg(35999.373*t - 2.47)
	dl := 1 + 0.0334*math.Cos(w) + 0.0007*math.Cos(2*w)
	var s float64
	for _, p := range periodic {
		s += p[0] * math.Cos(deg(p[1]+p[2]*t))
	}
	return jde0 + 0.00001*s/dl
}

func deg(x float64) float64 { return x * math.Pi / 180 }

// Instant returns the moment of event e in year as a UTC time, to the second.
func Instant(year int, e Event) time.Time {
	jde := JDE(year, e)
	dt := DeltaT(float64(year) + (float64(e)*3+2.7)/12) // the event's fraction of the year
	jd := jde - dt/86400
	secs := (jd - 2440587.5) * 86400
	return time.Unix(int64(math.Round(secs)), 0).UTC()
}

// Date returns the calendar date in Europe/Berlin on which event e of year falls.
func Date(year int, e Event) civil.Date {
	return civil.FromTime(Instant(year, e).In(Berlin))
}

// DeltaT returns TT−UT in seconds for a decimal year, after the polynomial
// expressions of Espenak and Meeus (NASA, "Polynomial Expressions for Delta T").
func DeltaT(y float64) float64 {
	switch {
	case y < 1600:
		u := (y - 1000) / 100
		return 1574.2 - 556.01*u + 71.23472*u*u + 0.319781*math.Pow(u, 3) -
			0.8503463*math.Pow(u, 4) - 0.005050998*math.Pow(u, 5) + 0.0083572073*math.Pow(u, 6)
	case y < 1700:
		t := y - 1600
		return 120 - 0.9808*t - 0.01532*t*t + math.Pow(t, 3)/7129
	case y < 1800:
		t := y - 1700
		return 8.83 + 0.1603*t - 0.0059285*t*t + 0.00013336*math.Pow(t, 3) - math.Pow(t, 4)/1174000
	case y < 1860:
		t := y - 1800
		return 13.72 - 0.332447*t + 0.0068612*t*t + 0.0041116*math.Pow(t, 3) - 0.00037436*math.Pow(t, 4) +
			0.0000121272*math.Pow(t, 5) - 0.0000001699*math.Pow(t, 6) + 0.000000000875*math.Pow(t, 7)
	case y < 1900:
		t := y - 1860
		return 7.62 + 0.5737*t - 0.251754*t*t + 0.01680668*math.Pow(t, 3) -
			0.0004473624*math.Pow(t, 4) + math.Pow(t, 5)/233174
	case y < 1920:
		t := y - 1900
		return -2.79 + 1.494119*t - 0.0598939*t*t + 0.0061966*math.Pow(t, 3) - 0.000197*math.Pow(t, 4)
	case y < 1941:
		t := y - 1920
		return 21.20 + 0.84493*t - 0.076100*t*t + 0.0020936*math.Pow(t, 3)
	case y < 1961:
		t := y - 1950
		return 29.07 + 0.407*t - t*t/233 + math.Pow(t, 3)/2547
	case y < 1986:
		t := y - 1975
		return 45.45 + 1.067*t - t*t/260 - math.Pow(t, 3)/718
	case y < 2005:
		t := y - 2000
		return 63.86 + 0.3345*t - 0.060374*t*t + 0.0017275*math.Pow(t, 3) +
			0.000651814*math.Pow(t, 4) + 0.00002373599*math.Pow(t, 5)
	case y < 2050:
		t := y - 2000
		return 62.92 + 0.32217*t + 0.005589*t*t
	case y < 2150:
		u := (y - 1820) / 100
		return -20 + 32*u*u - 0.5628*(2150-y)
	default:
		u := (y - 1820) / 100
		return -20 + 32*u*u
	}
}
