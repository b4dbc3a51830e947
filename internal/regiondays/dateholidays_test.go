package regiondays_test

import (
	"slices"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/civil"
)

// date-holidays (github.com/commenthol/date-holidays) is the second oracle:
// a JavaScript implementation with its own data per German state, Austrian
// state and Swiss canton, independent of ours and of rickar's. Its table is
// generated once (testdata/date-holidays: npm ci && npm run generate, version
// in the table's first line) and committed, so the test needs no network.
const dateHolidaysTable = "testdata/date-holidays.txt"

func dateHolidays(t *testing.T) *oracle { return readTable(t, "date-holidays", dateHolidaysTable) }

// christmasOn: 25 December falls on one of the weekdays.
func christmasOn(days ...time.Weekday) func(int) bool {
	return func(y int) bool { return slices.Contains(days, civil.Of(y, time.December, 25).Weekday()) }
}

// inYears: one of the listed years.
func inYears(years ...int) func(int) bool {
	return func(y int) bool { return slices.Contains(years, y) }
}

// naefelsYears are the years in which date-holidays' Näfelser Fahrt ("Thursday
// after 04-02", moved off its own observances) differs from the first
// Thursday of April, a week later in Holy Week.
var naefelsYears = inYears(2012, 2015, 2023, 2026, 2027, 2032, 2034, 2037, 2038, 2039, 2042, 2045, 2048, 2049, 2050, 2053, 2055,
	2060, 2061, 2064, 2066, 2072, 2075, 2077, 2080, 2088, 2091, 2100)

const (
	allStatesDE    = "DE DE-BW DE-BY DE-BB DE-BE DE-HB DE-HH DE-HE DE-MV DE-NI DE-NW DE-RP DE-SL DE-ST DE-SH DE-TH"
	oldStatesDE    = "DE DE-BW DE-BY DE-HB DE-HH DE-HE DE-NI DE-NW DE-RP DE-SL DE-SH"
	allCantons     = "CH-AG CH-AI CH-AR CH-BE CH-BL CH-BS CH-FR CH-GE CH-GL CH-GR CH-JU CH-LU CH-NE CH-NW CH-OW CH-SG CH-SH CH-SO CH-SZ CH-TG CH-TI CH-UR CH-VD CH-VS CH-ZG CH-ZH"
	cantonsButGEGL = "CH-AG CH-AI CH-AR CH-BE CH-BL CH-BS CH-FR CH-GR CH-JU CH-LU CH-NE CH-NW CH-OW CH-SG CH-SH CH-SO CH-SZ CH-TG CH-TI CH-UR CH-VD CH-VS CH-ZG CH-ZH"
	dhPartialWhy   = "ours marks the day as applying only in part of the state/canton (see the holiday's `partial`); date-holidays lists it as state/canton-wide"
	dhMissingPart  = "ours marks the day as partial (see the holiday's `partial`); date-holidays has no such day for the state/canton"
)

var dateHolidaysExceptions = []exception{
	// --- Germany: history date-holidays does not model ---
	{regions: allStatesDE, side: oursOnly, name: "de-buss-und-bettag", from: 1990, to: 1994, on: busstag,
		why: "Buß- und Bettag was a holiday in every state until 1994 (in the new states again since 1990), since 1995 only in Saxony (MDR Zeitreise, Handelsblatt); date-holidays has it in Saxony only, without years"},
	{regions: oldStatesDE, side: oursOnly, name: "de-tag-der-deutschen-einheit-17-juni", from: 1990, to: 1990, on: fixed(time.June, 17),
		why: "17 June was the Federal Republic's holiday until 1990 (Einigungsvertrag Art. 2 replaced it by 3 October); date-holidays starts with 3 October"},
	{regions: "DE-ST", side: oracleOnly, name: "Heilige Drei Könige", ours: "de-heilige-drei-koenige", from: 1991, to: 1992,
		why: "Epiphany is a holiday in Saxony-Anhalt only since 1993 (FeiertG LSA of 1992; MDR 2024, Stuttgarter Nachrichten 2023); date-holidays has no start year"},
	{regions: "DE-BW", side: oursOnly, name: "de-reformationstag-2017", from: 2017, to: 2017, on: fixed(time.October, 31),
		why: "31 October 2017 was a holiday in every state (500 years of the Reformation); date-holidays' Baden-Württemberg entry for 31 October (a school day) hides its own national one-off day"},
	// --- Germany: partial days date-holidays keeps below state level ---
	{regions: "DE-BY", side: oursOnly, name: "de-mariae-himmelfahrt", partOnly: true, from: first, to: oracleTo, on: fixed(time.August, 15),
		why: dhMissingPart + " (date-holidays: only in its sub-regions Augsburg and KATH)"},
	{regions: "DE-BY", side: oursOnly, name: "de-augsburger-friedensfest", partOnly: true, from: first, to: oracleTo, on: fixed(time.August, 8),
		why: dhMissingPart + " (date-holidays: only in its sub-region Stadt Augsburg)"},
	{regions: "DE-SN", side: oursOnly, name: "de-fronleichnam", partOnly: true, from: 1993, to: oracleTo, on: easter(60),
		why: dhMissingPart + " (date-holidays: only in its sub-region Landkreis Bautzen; FronleichnamsVO since 1993)"},
	{regions: "DE-TH", side: oursOnly, name: "de-fronleichnam", partOnly: true, from: 1995, to: oracleTo, on: easter(60),
		why: dhMissingPart + " (date-holidays: only in its sub-regions Eichsfeld, Unstrut-Hainich, Wartburgkreis; ThürFGtG of December 1994)"},

	// --- Austria: state days that are not general days off ---
	{regions: "AT-1", side: oursOnly, name: "at-martinitag", partOnly: true, from: first, to: oracleTo, on: fixed(time.November, 11), why: patronWhy},
	{regions: "AT-2", side: oursOnly, name: "at-tag-der-volksabstimmung", partOnly: true, from: first, to: oracleTo, on: fixed(time.October, 10), why: patronWhy},
	{regions: "AT-4", side: oursOnly, name: "at-florianitag", partOnly: true, from: 2005, to: oracleTo, on: fixed(time.May, 4),
		why: patronWhy + " (Florian is patron of Upper Austria since 2004, school-free from the school year 2004/05)"},
	{regions: "AT-5", side: oursOnly, name: "at-rupertitag", partOnly: true, from: first, to: oracleTo, on: fixed(time.September, 24), why: patronWhy},

	// --- Switzerland: Sunday holidays and the national list ---
	{regions: "CH " + allCantons, side: oracleOnly, name: "Ostersonntag|Pfingstsonntag", from: first, to: oracleTo, why: sundayWhy},
	{regions: "CH " + cantonsButGEGL, side: oracleOnly, name: "Eidg. Dank-, Buss- und Bettag", from: first, to: oracleTo,
		why: sundayWhy + " (date-holidays leaves it out in Geneva and Glarus)"},
	{regions: "CH", side: oracleOnly, name: "Karfreitag|Ostermontag|Pfingstmontag|Stephanstag", from: first, to: oracleTo,
		ours: "ch-karfreitag|ch-ostermontag|ch-pfingstmontag|ch-stephanstag",
		why:  "date-holidays' national list has days most cantons keep; nationwide are only 1 August by federal law and Neujahr, Auffahrt and Weihnachtstag in every cantonal law (Bundesamt für Justiz, kantonale Übersicht)"},

	// --- Switzerland: days the cantonal law does not list ---
	{regions: "CH-GL", side: oracleOnly, name: "Heiliger Abend|Silvester", from: first, to: oracleTo,
		why: "not in Glarus' law (GS IX B/21/1 Art. 2); rickar/cal agrees with us"},
	{regions: "CH-VS", side: oracleOnly, name: "Heiliger Abend", from: first, to: oracleTo,
		why: "not in Valais' ordinance (OcTr art. 7); rickar/cal agrees with us"},
	{regions: "CH-AG CH-VS", side: oracleOnly, name: "Tag der Arbeit", ours: "ch-tag-der-arbeit", from: first, to: oracleTo,
		why: "1 May is not in the law of Aargau (EG ArR § 6) or Valais (OcTr art. 7); rickar/cal agrees with us"},
	{regions: "CH-NE", side: oracleOnly, name: "Ostermontag", ours: "ch-ostermontag", from: first, to: oracleTo,
		why: "Easter Monday is not in Neuchâtel's law (RSN 941.02 art. 3); rickar/cal agrees with us"},
	{regions: "CH-VS", side: oracleOnly, name: "Pfingstmontag", ours: "ch-pfingstmontag", from: first, to: oracleTo,
		why: "Whit Monday is not in Valais' ordinance (OcTr art. 7); rickar/cal agrees with us"},
	{regions: "CH-GL", side: oracleOnly, name: "Näfelser Fahrt", ours: "ch-naefelser-fahrt", from: first, to: oracleTo, when: naefelsYears,
		why: "date-holidays computes the Näfelser Fahrt as the Thursday after 2 April; it is the first Thursday of April, a week later in Holy Week (Canton of Glarus; python-holidays agrees; the rickar test checks our date independently)"},
	{regions: "CH-GL", side: oursOnly, name: "ch-naefelser-fahrt", from: first, to: oracleTo, when: naefelsYears, why: "see the entry above"},
	{regions: "CH-AR", side: oracleOnly, name: "2. Weihnachtstag", ours: "ch-stephanstag-appenzell-ausserrhoden", from: first, to: oracleTo,
		when: christmasOn(time.Monday, time.Friday),
		why:  "Appenzell Ausserrhoden: St Stephen's Day is not kept when Christmas falls on a Monday or a Friday (bGS 822.11 Art. 7); date-holidays drops it only when it is a Monday"},
	{regions: "CH-AR", side: oursOnly, name: "ch-stephanstag-appenzell-ausserrhoden", from: first, to: oracleTo, when: christmasOn(time.Sunday),
		why: "see the entry above: the law keeps St Stephen's Day on a Monday (Christmas on Sunday)"},
	{regions: "CH-AI", side: oursOnly, name: "ch-stephanstag", from: first, to: oracleTo, when: christmasOn(time.Monday, time.Friday),
		why: "Appenzell Innerrhoden keeps St Stephen's Day 'unless three rest days follow each other' (GS 822.200 Art. 2); the canton itself lists 26 December 2026 after a Friday Christmas, so our data keeps it every year; date-holidays drops it when Christmas is a Monday or Friday"},
	{regions: "CH-UR", side: oursOnly, name: "ch-stephanstag", from: first, to: oracleTo, when: christmasOn(time.Sunday, time.Thursday),
		why: "Uri's law (KAV, RB 20.1111) has no exception for St Stephen's Day; date-holidays drops it when it falls on a Monday or Friday"},
	{regions: "CH-AI", side: oursOnly, name: "ch-mariae-empfaengnis", from: first, to: oracleTo, on: fixed(time.December, 8),
		why: "Appenzell Innerrhoden's law lists 8 December as a public rest day (GS 822.200 Art. 2); rickar/cal agrees with us"},
	{regions: "CH-GR", side: oursOnly, name: "ch-karfreitag", from: first, to: oracleTo, on: easter(-2),
		why: "Graubünden's EGzArG (BR 530.100 Art. 7) names Good Friday; date-holidays has it only as optional"},

	// --- Switzerland: partial days ---
	{regions: "CH-GR", side: oursOnly, name: "ch-allerheiligen|ch-fronleichnam|ch-heilige-drei-koenige|ch-josefstag|ch-mariae-empfaengnis|ch-mariae-himmelfahrt",
		partOnly: true, from: first, to: oracleTo, why: dhMissingPart + " (municipalities that keep the day)"},
	{regions: "CH-LU", side: oursOnly, name: "ch-josefstag", partOnly: true, from: first, to: oracleTo, on: fixed(time.March, 19),
		why: dhMissingPart + " (municipalities that keep the day)"},
	{regions: "CH-AG", side: notFull, name: "ch-allerheiligen|ch-berchtoldstag|ch-fronleichnam|ch-mariae-empfaengnis|ch-mariae-himmelfahrt|ch-ostermontag|ch-pfingstmontag|ch-stephanstag",
		from: first, to: oracleTo, why: dhPartialWhy + " (Aargau sets these days by district)"},
	{regions: "CH-FR", side: notFull, name: "ch-allerheiligen|ch-fronleichnam|ch-mariae-empfaengnis|ch-mariae-himmelfahrt", from: first, to: oracleTo,
		why: dhPartialWhy + " (Catholic municipalities only)"},
	{regions: "CH-SO", side: notFull, name: "ch-allerheiligen|ch-fronleichnam|ch-mariae-himmelfahrt", from: first, to: oracleTo,
		why: dhPartialWhy + " (not in the district of Bucheggberg)"},
	{regions: "CH-SO", side: notFull, name: "ch-josefstag", from: first, to: oracleTo, why: dhPartialWhy + " (a few municipalities)"},
	{regions: "CH-SO", side: notFull, name: "ch-tag-der-arbeit", from: first, to: oracleTo, why: dhPartialWhy + " (1 May from noon only)"},
	{regions: "CH-NE", side: notFull, name: "ch-fronleichnam", from: first, to: oracleTo, why: dhPartialWhy + " (only Le Landeron)"},
	{regions: "CH-AI", side: notFull, name: "ch-mauritiustag", from: first, to: oracleTo, why: dhPartialWhy + " (not in the district of Oberegg)"},
}

// Every region's public holidays over the vouched years equal
// date-holidays', except for the listed deliberate differences.
func TestHolidaysAgainstDateHolidays(t *testing.T) {
	for _, p := range compare(t, repoBook(t), dateHolidays(t), dateHolidaysExceptions) {
		t.Error(p)
	}
}

// The comparison itself catches data mistakes.
func TestDateHolidaysComparisonCatchesMistakes(t *testing.T) {
	testMutations(t, dateHolidays(t), dateHolidaysExceptions)
}
