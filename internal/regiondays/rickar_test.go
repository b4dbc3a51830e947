package regiondays_test

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/aa"
	"github.com/rickar/cal/v2/at"
	"github.com/rickar/cal/v2/ch"
	"github.com/rickar/cal/v2/de"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/regioncode"
)

// rickar/cal (github.com/rickar/cal/v2) has its own holiday lists per German
// state and Swiss canton and a national list for Austria (no lists for the
// Austrian states, so each state is compared with the national list).
// Switzerland as a whole is not compared: rickar's ch.Holidays is the union
// of all cantons, not the national days. rickar has no start or end years.
var rickarLists = map[string][]*cal.Holiday{
	"DE": de.Holidays, "DE-BW": de.HolidaysBW, "DE-BY": de.HolidaysBY, "DE-BE": de.HolidaysBE, "DE-BB": de.HolidaysBB,
	"DE-HB": de.HolidaysHB, "DE-HH": de.HolidaysHH, "DE-HE": de.HolidaysHE, "DE-MV": de.HolidaysMV, "DE-NI": de.HolidaysNI,
	"DE-NW": de.HolidaysNW, "DE-RP": de.HolidaysRP, "DE-SL": de.HolidaysSL, "DE-SN": de.HolidaysSN, "DE-ST": de.HolidaysST,
	"DE-SH": de.HolidaysSH, "DE-TH": de.HolidaysTH,
	"AT": at.Holidays, "AT-1": at.Holidays, "AT-2": at.Holidays, "AT-3": at.Holidays, "AT-4": at.Holidays, "AT-5": at.Holidays,
	"AT-6": at.Holidays, "AT-7": at.Holidays, "AT-8": at.Holidays, "AT-9": at.Holidays,
	"CH-AG": ch.HolidaysAG, "CH-AI": ch.HolidaysAI, "CH-AR": ch.HolidaysAR, "CH-BE": ch.HolidaysBE, "CH-BL": ch.HolidaysBL,
	"CH-BS": ch.HolidaysBS, "CH-FR": ch.HolidaysFR, "CH-GE": ch.HolidaysGE, "CH-GL": ch.HolidaysGL, "CH-GR": ch.HolidaysGR,
	"CH-JU": ch.HolidaysJU, "CH-LU": ch.HolidaysLU, "CH-NE": ch.HolidaysNE, "CH-NW": ch.HolidaysNW, "CH-OW": ch.HolidaysOW,
	"CH-SG": ch.HolidaysSG, "CH-SH": ch.HolidaysSH, "CH-SO": ch.HolidaysSO, "CH-SZ": ch.HolidaysSZ, "CH-TG": ch.HolidaysTG,
	"CH-TI": ch.HolidaysTI, "CH-UR": ch.HolidaysUR, "CH-VD": ch.HolidaysVD, "CH-VS": ch.HolidaysVS, "CH-ZG": ch.HolidaysZG,
	"CH-ZH": ch.HolidaysZH,
}

// rickarOracle evaluates rickar's rules for every year compared.
func rickarOracle() *oracle {
	o := &oracle{name: "rickar/cal", public: map[string]map[civil.Date][]string{}}
	for code, list := range rickarLists {
		r, _ := regioncode.Lookup(code)
		days := map[civil.Date][]string{}
		for y := regioncode.HolidaysFrom(r).Year(); y <= oracleTo; y++ {
			for _, h := range list {
				if d, _ := h.Calc(y); !d.IsZero() {
					days[civil.FromTime(d)] = append(days[civil.FromTime(d)], h.Name)
				}
			}
		}
		o.public[code] = days
	}
	return o
}

// Every region's public holidays over the vouched years equal rickar/cal's,
// except for the listed deliberate differences.
func TestHolidaysAgainstRickar(t *testing.T) {
	for _, p := range compare(t, repoBook(t), rickarOracle(), rickarExceptions) {
		t.Error(p)
	}
}

// The comparison itself catches data mistakes.
func TestRickarComparisonCatchesMistakes(t *testing.T) {
	testMutations(t, rickarOracle(), rickarExceptions)
}

var rickarExceptions = []exception{
	// --- Germany ---
	{regions: "DE-BB", side: oursOnly, name: "de-ostersonntag", from: 1991, to: oracleTo,
		on:  func(y int) civil.Date { return rickarDay(aa.Easter, y) },
		why: "Sunday holiday: Brandenburg names Easter Sunday in its law (FTG § 2); rickar leaves out holidays that always fall on a Sunday"},
	{regions: "DE-BB", side: oursOnly, name: "de-pfingstsonntag", from: 1991, to: oracleTo,
		on:  func(y int) civil.Date { return rickarDay(aa.Easter, y).AddDays(49) },
		why: "Sunday holiday: Brandenburg names Whit Sunday in its law; rickar leaves out holidays that always fall on a Sunday"},
	{regions: "DE DE-BW DE-BY DE-BE DE-HE DE-NW DE-RP DE-SL", side: oursOnly, name: "de-reformationstag-2017", from: 2017, to: 2017,
		on:  fixed(time.October, 31),
		why: "one-off holiday in all states for the 500th anniversary of the Reformation; rickar lacks one-off days (HB, HH, NI, SH: see the next two entries)"},
	{regions: "DE-HB DE-HH DE-NI DE-SH", side: oracleOnly, name: "Reformationstag", ours: "de-reformationstag-nord|de-reformationstag-2017", from: first, to: 2016,
		why: "Reformation Day is a holiday in these four states only since 2018 (2017 once everywhere); rickar has no start year"},
	{regions: "DE-BE", side: oracleOnly, name: "Frauentag", ours: "de-frauentag-berlin", from: 1991, to: 2018,
		why: "International Women's Day is a holiday in Berlin only since 2019; rickar has no start year"},
	{regions: "DE-MV", side: oursOnly, name: "de-frauentag-mv", from: 2023, to: oracleTo, on: fixed(time.March, 8),
		why: "International Women's Day is a holiday in Mecklenburg-Vorpommern since 2023; rickar predates the change"},
	{regions: "DE-BE", side: oursOnly, name: "de-tag-der-befreiung-berlin", from: 2020, to: 2025,
		when: func(y int) bool { return y == 2020 || y == 2025 }, on: fixed(time.May, 8),
		why: "one-off holidays in Berlin (75th and 80th anniversary of the end of the war); rickar lacks one-off days"},
	{regions: "DE-BE", side: oursOnly, name: "de-volksaufstand-17-juni-berlin", from: 2028, to: 2028, on: fixed(time.June, 17),
		why: "one-off holiday in Berlin (75th anniversary of 17 June 1953); rickar lacks one-off days"},
	{regions: "DE-BY", side: oursOnly, name: "de-mariae-himmelfahrt", partOnly: true, from: first, to: oracleTo, on: fixed(time.August, 15),
		why: "partial in Bavaria (only municipalities with a Catholic majority); rickar leaves it out of HolidaysBY"},
	{regions: "DE-BY", side: oursOnly, name: "de-augsburger-friedensfest", partOnly: true, from: first, to: oracleTo, on: fixed(time.August, 8),
		why: "partial: a holiday only in the city of Augsburg; rickar has no city-level days"},
	{regions: "DE-SN", side: oursOnly, name: "de-fronleichnam", partOnly: true, from: 1993, to: oracleTo, on: easter(60),
		why: "partial: Corpus Christi only in some Catholic municipalities of Saxony (FronleichnamsVO, since 1993); rickar leaves it out"},
	{regions: "DE-TH", side: oursOnly, name: "de-fronleichnam", partOnly: true, from: 1995, to: oracleTo, on: easter(60),
		why: "partial: Corpus Christi only in some Catholic municipalities of Thuringia (ThürFGtG of December 1994); rickar leaves it out"},
	{regions: "DE DE-BW DE-BY DE-BB DE-BE DE-HB DE-HH DE-HE DE-MV DE-NI DE-NW DE-RP DE-SL DE-ST DE-SH DE-TH", side: oursOnly,
		name: "de-buss-und-bettag", from: 1990, to: 1994, on: busstag,
		why: "Buß- und Bettag was a holiday in every state until 1994 (in the new states again since 1990), since 1995 only in Saxony; rickar has it in Saxony only, without years"},
	{regions: "DE DE-BW DE-BY DE-HB DE-HH DE-HE DE-NI DE-NW DE-RP DE-SL DE-SH", side: oursOnly, name: "de-tag-der-deutschen-einheit-17-juni",
		from: 1990, to: 1990, on: fixed(time.June, 17),
		why: "17 June was the Federal Republic's holiday until 1990 (replaced by 3 October in the Einigungsvertrag); rickar starts with 3 October"},
	{regions: "DE-ST", side: oracleOnly, name: "Heilige Drei Könige", ours: "de-heilige-drei-koenige", from: 1991, to: 1992,
		why: "Epiphany is a holiday in Saxony-Anhalt only since 1993 (FeiertG LSA of 1992; MDR, Stuttgarter Nachrichten); rickar has no start year"},

	// --- Austria (rickar: national list only) ---
	{regions: "AT AT-1 AT-2 AT-3 AT-4 AT-5 AT-6 AT-7 AT-8 AT-9", side: oursOnly, name: "at-karfreitag", partOnly: true, from: 2000, to: 2018,
		on:  func(y int) civil.Date { return rickarDay(aa.GoodFriday, y) },
		why: "until 2018 Good Friday was a holiday only for members of the Protestant and Old Catholic churches (partial); abolished 2019; rickar leaves it out"},
	{regions: "AT-1", side: oursOnly, name: "at-martinitag", partOnly: true, from: first, to: oracleTo, on: fixed(time.November, 11), why: patronWhy},
	{regions: "AT-2 AT-6 AT-7 AT-8", side: oursOnly, name: "at-josefitag", partOnly: true, from: first, to: oracleTo, on: fixed(time.March, 19), why: patronWhy},
	{regions: "AT-2", side: oursOnly, name: "at-tag-der-volksabstimmung", partOnly: true, from: first, to: oracleTo, on: fixed(time.October, 10), why: patronWhy},
	{regions: "AT-3 AT-9", side: oursOnly, name: "at-leopolditag", partOnly: true, from: first, to: oracleTo, on: fixed(time.November, 15), why: patronWhy},
	{regions: "AT-4", side: oursOnly, name: "at-florianitag", partOnly: true, from: 2005, to: oracleTo, on: fixed(time.May, 4),
		why: patronWhy + " (Florian is patron of Upper Austria since 2004, school-free from the school year 2004/05)"},
	{regions: "AT-5", side: oursOnly, name: "at-rupertitag", partOnly: true, from: first, to: oracleTo, on: fixed(time.September, 24), why: patronWhy},

	// --- Switzerland: days rickar does not know ---
	{regions: "CH-GE", side: oursOnly, name: "ch-jeune-genevois", from: first, to: oracleTo,
		on: func(y int) civil.Date {
			return civil.FromTime(cal.WeekdayN(y, time.September, time.Sunday, 1)).AddDays(4)
		},
		why: "Jeûne genevois (Thursday after the first Sunday of September), a Geneva holiday rickar lacks"},
	{regions: "CH-GE", side: oursOnly, name: "ch-restauration-genevoise", from: first, to: oracleTo, on: fixed(time.December, 31),
		why: "Restauration de la République (31 December), a Geneva holiday rickar lacks"},
	{regions: "CH-GL", side: oursOnly, name: "ch-naefelser-fahrt", from: first, to: oracleTo,
		on: func(y int) civil.Date {
			d := civil.FromTime(cal.WeekdayN(y, time.April, time.Thursday, 1))
			if d == rickarDay(aa.Easter, y).AddDays(-3) { // Maundy Thursday: a week later
				d = d.AddDays(7)
			}
			return d
		},
		why: "Näfelser Fahrt (first Thursday of April, a week later in Holy Week), a Glarus holiday rickar lacks"},
	{regions: "CH-JU", side: oursOnly, name: "ch-fete-de-l-independance", from: first, to: oracleTo, on: fixed(time.June, 23),
		why: "Fête de l'indépendance jurassienne (23 June), a Jura holiday rickar lacks"},
	{regions: "CH-NE", side: oursOnly, name: "ch-instauration-republique", from: first, to: oracleTo, on: fixed(time.March, 1),
		why: "Instauration de la République (1 March), a Neuchâtel holiday rickar lacks"},
	{regions: "CH-NE", side: oursOnly, name: "ch-berchtoldstag-ne", from: 2012, to: oracleTo, when: sunAn(time.January, 1), on: fixed(time.January, 2),
		why: "Neuchâtel: 2 January is a holiday when 1 January is a Sunday; rickar lacks it. The data's table starts with 2012 (2006 is not listed)"},
	{regions: "CH-NE", side: oursOnly, name: "ch-stephanstag-ne", from: 2011, to: oracleTo, when: sunAn(time.December, 25), on: fixed(time.December, 26),
		why: "Neuchâtel: 26 December is a holiday when Christmas is a Sunday; rickar lacks it. The data's table starts with 2011 (2005 is not listed)"},
	{regions: "CH-OW", side: oursOnly, name: "ch-bruder-klaus", from: first, to: oracleTo, on: fixed(time.September, 25),
		why: "Bruder-Klausen-Fest (25 September), an Obwalden holiday rickar lacks"},
	{regions: "CH-TI", side: oursOnly, name: "ch-peter-und-paul", from: first, to: oracleTo, on: fixed(time.June, 29),
		why: "Santi Pietro e Paolo (29 June), a Ticino holiday rickar lacks"},
	{regions: "CH-VD", side: oursOnly, name: "ch-lundi-du-jeune", from: first, to: oracleTo,
		on: func(y int) civil.Date {
			return civil.FromTime(cal.WeekdayN(y, time.September, time.Sunday, 3)).AddDays(1)
		},
		why: "Lundi du Jeûne fédéral (Monday after the third Sunday of September), a Vaud holiday rickar lacks"},
	{regions: "CH-AI", side: oursOnly, name: "ch-mauritiustag", partOnly: true, from: first, to: oracleTo, on: fixed(time.September, 22),
		why: "Mauritiustag (22 September), partial: only the inner part of Appenzell Innerrhoden; rickar lacks it"},
	{regions: "CH-SO", side: oursOnly, name: "ch-josefstag", partOnly: true, from: first, to: oracleTo, on: fixed(time.March, 19),
		why: "partial in Solothurn (a few municipalities); rickar leaves it out of HolidaysSO"},
	{regions: "CH-FR", side: oursOnly, name: "ch-berchtoldstag", partOnly: true, from: first, to: oracleTo, on: fixed(time.January, 2), why: "partial in Fribourg (Protestant municipalities); rickar leaves it out of HolidaysFR"},
	{regions: "CH-FR", side: oursOnly, name: "ch-ostermontag", partOnly: true, from: first, to: oracleTo, why: "partial in Fribourg (Protestant municipalities); rickar leaves it out of HolidaysFR"},
	{regions: "CH-FR", side: oursOnly, name: "ch-pfingstmontag", partOnly: true, from: first, to: oracleTo, why: "partial in Fribourg (Protestant municipalities); rickar leaves it out of HolidaysFR"},
	{regions: "CH-FR", side: oursOnly, name: "ch-stephanstag", partOnly: true, from: first, to: oracleTo, on: fixed(time.December, 26), why: "partial in Fribourg (Protestant municipalities); rickar leaves it out of HolidaysFR"},
	{regions: "CH-FR", side: oursOnly, name: "ch-mariae-empfaengnis", partOnly: true, from: first, to: oracleTo, on: fixed(time.December, 8), why: "partial in Fribourg (Catholic municipalities); rickar leaves it out of HolidaysFR"},

	// --- Switzerland: rickar lists a day the canton's law does not ---
	// Checked against a second implementation, python-holidays (vacanza/holidays, switzerland.py),
	// which agrees with our data in every case below.
	{regions: "CH-AR", side: oracleOnly, name: "Zweiter Weihnachtsfeiertag", ours: "ch-stephanstag-appenzell-ausserrhoden|ch-stephanstag", from: first, to: oracleTo,
		when: func(y int) bool {
			wd := civil.Of(y, time.December, 25).Weekday()
			return wd == time.Monday || wd == time.Friday
		},
		why: "Appenzell Ausserrhoden: St Stephen's Day is not kept when Christmas falls on a Monday or a Friday (bGS 822.11 Art. 7); rickar keeps it every year"},
	{regions: "CH-BL", side: oracleOnly, name: "Fronleichnam", ours: "ch-fronleichnam", from: first, to: oracleTo,
		why: "Corpus Christi is not a holiday in Basel-Landschaft (python-holidays agrees); rickar lists it"},
	{regions: "CH-BL", side: oracleOnly, name: "Mariä Himmelfahrt", ours: "ch-mariae-himmelfahrt", from: first, to: oracleTo,
		why: "Assumption is not a holiday in Basel-Landschaft (python-holidays agrees); rickar lists it"},
	{regions: "CH-FR", side: oracleOnly, name: "Tag der Arbeit", ours: "ch-tag-der-arbeit", from: first, to: oracleTo,
		why: "1 May is not a holiday in Fribourg (python-holidays agrees); rickar lists it"},
	{regions: "CH-GE", side: oracleOnly, name: "Fronleichnam", ours: "ch-fronleichnam", from: first, to: oracleTo,
		why: "Corpus Christi is not a holiday in Geneva (python-holidays agrees); rickar lists it"},
	{regions: "CH-SO", side: oracleOnly, name: "Pfingstmontag", ours: "ch-pfingstmontag", from: first, to: oracleTo,
		why: "Whit Monday is not in Solothurn's law (python-holidays agrees); rickar lists it"},
	{regions: "CH-SO", side: oracleOnly, name: "Zweiter Weihnachtsfeiertag", ours: "ch-stephanstag", from: first, to: oracleTo,
		why: "St Stephen's Day is not in Solothurn's law (python-holidays agrees); rickar lists it"},
	{regions: "CH-ZG", side: oracleOnly, name: "Ostermontag", ours: "ch-ostermontag", from: first, to: oracleTo,
		why: "rickar's HolidaysZG is a copy of Glarus' list: Easter Monday is not in Zug's law (python-holidays: optional only)"},
	{regions: "CH-ZG", side: oracleOnly, name: "Pfingstmontag", ours: "ch-pfingstmontag", from: first, to: oracleTo,
		why: "rickar's HolidaysZG is a copy of Glarus' list: Whit Monday is not in Zug's law (python-holidays: optional only)"},
	{regions: "CH-ZG", side: oracleOnly, name: "Zweiter Weihnachtsfeiertag", ours: "ch-stephanstag", from: first, to: oracleTo,
		why: "rickar's HolidaysZG is a copy of Glarus' list: St Stephen's Day is not in Zug's law (python-holidays: optional only)"},
	{regions: "CH-ZG", side: oursOnly, name: "ch-fronleichnam", from: first, to: oracleTo,
		why: "Zug (Catholic) keeps Corpus Christi (python-holidays agrees); rickar's copied list lacks it"},
	{regions: "CH-ZG", side: oursOnly, name: "ch-mariae-himmelfahrt", from: first, to: oracleTo, on: fixed(time.August, 15),
		why: "Zug keeps Assumption (python-holidays agrees); rickar's copied list lacks it"},
	{regions: "CH-ZG", side: oursOnly, name: "ch-mariae-empfaengnis", from: first, to: oracleTo, on: fixed(time.December, 8),
		why: "Zug keeps the Immaculate Conception (python-holidays agrees); rickar's copied list lacks it"},

	// --- Switzerland: partial days rickar lists as canton-wide ---
	{regions: "CH-AG", side: notFull, name: "ch-allerheiligen|ch-berchtoldstag|ch-fronleichnam|ch-mariae-empfaengnis|ch-mariae-himmelfahrt|ch-ostermontag|ch-pfingstmontag|ch-stephanstag",
		from: first, to: oracleTo, why: partialWhy + " (Aargau sets these days by district)"},
	{regions: "CH-FR", side: notFull, name: "ch-allerheiligen|ch-fronleichnam|ch-mariae-himmelfahrt", from: first, to: oracleTo,
		why: partialWhy + " (Catholic municipalities only)"},
	{regions: "CH-GR", side: notFull, name: "ch-allerheiligen|ch-fronleichnam|ch-heilige-drei-koenige|ch-josefstag|ch-mariae-empfaengnis|ch-mariae-himmelfahrt",
		from: first, to: oracleTo, why: partialWhy + " (municipalities that keep the day)"},
	{regions: "CH-LU", side: notFull, name: "ch-josefstag", from: first, to: oracleTo, why: partialWhy + " (municipalities that keep the day)"},
	{regions: "CH-NE", side: notFull, name: "ch-fronleichnam", from: first, to: oracleTo, why: partialWhy + " (only Le Landeron)"},
	{regions: "CH-SO", side: notFull, name: "ch-allerheiligen|ch-fronleichnam|ch-mariae-himmelfahrt", from: first, to: oracleTo,
		why: partialWhy + " (not in the district of Bucheggberg)"},
	{regions: "CH-SO", side: notFull, name: "ch-tag-der-arbeit", from: first, to: oracleTo, why: partialWhy + " (1 May from noon only)"},
}
