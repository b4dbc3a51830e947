package regioncode

import (
	"time"

	"github.com/anlass/anlass/internal/civil"
)

// The first day for which the public holiday data under holidays/ has been
// researched, per country, and for the regions that joined later. Before it
// anlass shows no public holidays, Brückentage or Ferienbeginn for a region
// and says so, instead of projecting today's law into the past. Moving a date
// back means checking every holiday of the country for the added years, with
// sources, and extending the oracle tables in internal/regiondays/testdata.
var holidaysFrom = map[string]civil.Date{
	// Germany: every holiday file is checked back to 1990 (Buß- und Bettag in
	// all states until 1994, the 17 June until 1990, the 3 October since 1990 …).
	"DE": civil.Of(1990, time.January, 1),
	// The five new states and Berlin as a whole became states of the Federal
	// Republic with the accession on 3 October 1990 (Einigungsvertrag Art. 1);
	// before that GDR law applied there (in Berlin: to its eastern part), which
	// the data does not describe.
	"DE-BB": civil.Of(1990, time.October, 3),
	"DE-BE": civil.Of(1990, time.October, 3),
	"DE-MV": civil.Of(1990, time.October, 3),
	"DE-SN": civil.Of(1990, time.October, 3),
	"DE-ST": civil.Of(1990, time.October, 3),
	"DE-TH": civil.Of(1990, time.October, 3),
	// Austria: the general holidays have stood unchanged since 1967
	// (Feiertagsruhegesetz 1957 with the Nationalfeiertag of 1967, ARG § 7),
	// but the patron saints' days are known only from 2004 on, when Upper
	// Austria exchanged St Leopold for St Florian (school-free from the school
	// year 2004/05; derStandard/APA, 4 May 2004).
	"AT": civil.Of(2004, time.January, 1),
	// Switzerland: the cantonal laws cited in holidays/ch as they stand since
	// Vaud added Berchtoldstag and Pfingstmontag in 2008; earlier cantonal
	// changes are not researched.
	"CH": civil.Of(2008, time.January, 1),
}

// HolidaysFrom returns the first day for which anlass knows r's public
// holidays: r's own date, or its country's.
func HolidaysFrom(r Region) civil.Date {
	if d, ok := holidaysFrom[r.Code]; ok {
		return d
	}
	return holidaysFrom[r.Country]
}
