package customer

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/anlass/anlass/internal/testutil"
)

// show writes a customer on one line for comparison:
// line|id|name|company|birthday|since|region|note.
func show(c Customer) string {
	return fmt.Sprintf("%d|%s|%s|%s|%s|%s|%s|%s", c.Line, c.ID, c.Name, c.Company, c.Birthday, c.Since, c.Region, strings.ReplaceAll(c.Note, "\n", `\n`))
}

func TestFixtures(t *testing.T) {
	for _, tc := range []struct {
		file      string
		format    string // Kind/Encoding/Separator
		customers []string
		diags     []string
		ignored   string
	}{
		{"excel-de-1252.csv", "CSV/Windows-1252/;", []string{
			"2|K-1001|Jördis Äbelmann|Bäckerei Äbelmann GmbH|29.02.1984|15.03.2011|DE-BY|Mag Süßes, keine Blumen",
			"3|K-1002|Ömer Güldenstein|Güldenstein & Söhne KG|31.08.1977|01.09.2019|DE-NW|",
			"4|K-1003|Ulla Überreiter|Überreiter Gärten|24.12.|29.02.2016|DE-TH|Büro; nur vormittags",
		}, nil, "Anrede"},
		{"excel-de-utf8bom.csv", "CSV/UTF-8 mit BOM/;", []string{
			`2|4711|Zoë Krämer|Krämer; Lindqvist AG|30.12.1990|01.07.2020|DE-HH|Erste Zeile\nzweite Zeile`,
			"5|4712|Malte Öztürk|Fjordblick Reisen|05.05.1965||CH-ZH|",
		}, nil, ""},
		{"excel-unicode-text.txt", "CSV/UTF-16LE/\t", []string{
			"2|CH-07|Hélène Dufour|Atelier Léman Sàrl|14.07.1972|02.01.2018|CH-GE|",
			"3|CH-08|Jürg Bächli|Bächli Holzbau AG|31.12.1969|31.03.2020|CH-BE|", // BE in a column "Kanton": Bern
		}, nil, ""},
		{"libreoffice.csv", "CSV/UTF-8/,", []string{
			"2||Ewald, Konrad|Konrad Fensterbau|30.11.1958|29.02.2012|DE-SN|",
			`3||Ida Nørgaard|Nørgaard "Hygge" Design|29.02.||DE-NI|`,
		}, nil, ""},
		{"google-contacts.csv", "CSV/UTF-8/,", []string{
			"2||Timo Quandt|Quandt Logistik|30.06.1988||DE-BY|",
			"3||Petra Wendehals|Wendehals Verlag|31.08.||AT|Liest gern; Krimis",
		}, nil, "Middle Name"},
		{"hubspot.csv", "CSV/UTF-8/,", []string{
			"2|90210001|Mira Sonnleitner|Sonnleitner Optik|31.03.1979|04.10.2021|AT-9|",
			"3|90210002|Karl Ostwind|Ostwind Energie||22.05.2017|DE|",
		}, nil, "Lifecycle Stage"},
		{"pipedrive.csv", "CSV/UTF-8/,", []string{
			"2|17|Greta Hufnagel|Hufnagel Metall|31.01.1992|31.08.2023||",
		}, nil, ""},
		{"outlook-en.csv", "CSV/UTF-8/,", []string{
			// 12/31/1970 shows that the file writes the month first: 4/3/1981 is 3 April.
			"2||Nora Brightwater|Brightwater Ltd|03.04.1981||DE-HE|",
			"3||Olaf Grünberg|Grünberg IT|31.12.1970|14.05.2015||",
		}, nil, ""},
		{"outlook-de.csv", "CSV/Windows-1252/;", []string{
			"2||Rüdiger Maaß|Maaß Druck|17.04.1966||DE-BY|",
		}, nil, ""},
		{"outlook-21.vcf", "vCard/Windows-1252/", []string{
			`1||Brünhilde Köhler-Weißenfels von der Grünen Aue zu Oberstdorf|Köhler Präzisionsteile GmbH|29.02.1984|11.03.2008|DE-BY|Trinkt Tee.\nKeine Anrufe montags.`,
			"13||Arno Lenz|Lenz Bürobedarf|31.08.1970|||",
		}, nil, ""},
		{"apple-30.vcf", "vCard/UTF-8/", []string{
			"1|8D2C1F0A-1111-4A7E-9C55-0123456789AB|Fenja Schönleben|Schönleben Weinhandel|15.03.|30.09.2014|DE-BY|",
			"13|||Zederholz Möbelwerkstatt||29.02.2000|AT-7|",
		}, []string{"apple-30.vcf:22: warning: a contact group, not a customer: left out"}, ""},
		{"google-40.vcf", "vCard/UTF-8/", []string{
			"1|urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1|Wiebke Ahlgrimm|Ahlgrimm Segelmacherei|31.08.|29.02.2016|DE-SH|Segelt im Sommer, Anruf besser im Winter.",
			"12||Bo Trelleborg|Trelleborg Fisk AB|30.12.|||",
		}, []string{`google-40.vcf:17: warning: ADR: "Schweden" is not a country anlass knows (Deutschland, Österreich, Schweiz); the holidays of Germany are used`}, ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data := fixture(t, tc.file)
			r := Load(tc.file, data)
			sep := ""
			if r.Format.Separator != 0 {
				sep = string(r.Format.Separator)
			}
			if got := r.Format.Kind + "/" + r.Format.Encoding + "/" + sep; got != tc.format {
				t.Errorf("format %q, want %q", got, tc.format)
			}
			var got []string
			for _, c := range r.Customers {
				got = append(got, show(c))
			}
			compare(t, "customers", got, tc.customers)
			compare(t, "diagnostics", strs(r.Diags), tc.diags)
			if g := strings.Join(r.Ignored, ","); g != tc.ignored {
				t.Errorf("ignored %q, want %q", g, tc.ignored)
			}
			if len(r.Skipped) > 0 {
				t.Errorf("skipped %v", r.Skipped)
			}
			testutil.CheckDiagnostics(t, tc.file, data, r.Diags)
		})
	}
}

// A file with many problems gets every one reported, by line, and no row
// with a problem is kept.
func TestBrokenFileReportsEverything(t *testing.T) {
	data := fixture(t, "broken.csv")
	r := Load("kunden.csv", data)
	compare(t, "diagnostics", strs(r.Diags), []string{
		`kunden.csv:2: column "Geburtstag": "31.02.1980" is not a date`,
		`kunden.csv:3: column "Geburtstag": "03/04/1980" could be 3. April or 4. März, and no other date in the file decides: write it as 03.04.1980 or 04.03.1980`,
		`kunden.csv:4: column "Kunde seit": "01.03." has no year: the anniversaries count from it (write it as 01.03.2015)`,
		`kunden.csv:4: column "Region": "Süd" is not a country, state or canton anlass knows (expected a code such as DE-BY or a name such as Bayern)`,
		`kunden.csv:5: a " inside a field that does not start with one: put the whole field in double quotes and write each " inside twice ("Firma ""Sonne"" GmbH")`,
		`kunden.csv:6: "Alma Zuber (Zuber Bau)" is also on line 10, and neither has an ID: which one is meant? Remove one, or give each an ID (Kundennummer)`,
		`kunden.csv:7: no name and no company: which customer is this?`,
		`kunden.csv:8: column "Geburtstag": "Mitte Mai" is not a date`,
		`kunden.csv:8: column "Kunde seit": "2015-13-01" is not a date`,
		`kunden.csv:8: has 6 fields, but the header has 5: a field that contains ';' must be in double quotes`,
		`kunden.csv:9: column "Region": "BE" could be DE-BE (Berlin) or CH-BE (Bern): write the full code`,
		`kunden.csv:10: "Alma Zuber (Zuber Bau)" is also on line 6, and neither has an ID: which one is meant? Remove one, or give each an ID (Kundennummer)`,
	})
	if len(r.Customers) != 0 {
		t.Errorf("kept %d customers from rows with errors: %v", len(r.Customers), r.Customers)
	}
	var skipped []string
	for _, s := range r.Skipped {
		skipped = append(skipped, fmt.Sprintf("%d %s", s.Line, s.Label))
	}
	compare(t, "skipped", skipped, []string{
		"2 Alma Zuber (Zuber Bau)", "3 Bernd Ufer (Ufer Glas)", "4 Cora Vogt (Vogt Sattlerei)", "5 ",
		"6 Alma Zuber (Zuber Bau)", "7 ", "8 Egon Feld (Feld Agrar)", "9 Frida Holm (Holm Design)", "10 Alma Zuber (Zuber Bau)",
	})
	testutil.CheckDiagnostics(t, "kunden.csv", data, r.Diags)
}

func TestCSVCases(t *testing.T) {
	for _, tc := range []struct {
		name, in  string
		customers []string
		diags     []string
	}{
		{"sep line", "sep=,\r\nName,Firma\r\nA B,C;D\r\n", []string{"3||A B|C;D||||"}, nil},
		{"old Mac line ends", "Name;Geburtstag\rAnna;01.02.1990\rBert;02.03.1991\r", []string{"2||Anna||01.02.1990|||", "3||Bert||02.03.1991|||"}, nil},
		{"day first decided by another row", "Name;Geburtstag\nA;03/04/1980\nB;25/12/1970\n", []string{"2||A||03.04.1980|||", "3||B||25.12.1970|||"}, nil},
		{"slash dates decided across columns", "Name;Geburtstag;Kunde seit\nA;03/04/1980;12/13/2010\n", []string{"2||A||04.03.1980|13.12.2010||"}, nil},
		{"same day and month is never ambiguous", "Name;Geburtstag\nA;05/05/1980\n", []string{"2||A||05.05.1980|||"}, nil},
		{"ISO year-month-day with slashes", "Name;Geburtstag\nA;1980/12/31\n", []string{"2||A||31.12.1980|||"}, nil},
		{"two-digit years like Excel", "Name;Geburtstag;Kunde seit\nA;01.01.30;01.01.29\nB;31.12.99;31.12.00\n",
			[]string{"2||A||01.01.1930|01.01.2029||", "3||B||31.12.1999|31.12.2000||"}, nil},
		{"first and last name", "Vorname;Nachname;Kundennr.\nAnna;Beispiel;7\n", []string{"2|7|Anna Beispiel|||||"}, nil},
		{"name column wins over first and last", "Name;Vorname;Nachname\nDr. Anna Beispiel;Anna;Beispiel\n", []string{"2||Dr. Anna Beispiel|||||"}, nil},
		{"company only", "Firma;Kunde seit\nBeispiel GmbH;2015-01-02\n", []string{"2|||Beispiel GmbH||02.01.2015||"}, nil},
		{"two columns for the name", "Name;Ansprechpartner\nA;B\n", []string{"2||A|||||"},
			[]string{`k.csv:1: warning: column "Ansprechpartner" means the same as "Name"; only "Name" is read`}},
		{"no name column", "Geburtstag;Ort\n01.01.1980;Kiel\n", nil,
			[]string{`k.csv:1: no column for the customer: expected a header such as Name, Ansprechpartner, Vorname and Nachname, or Firma (the first row has "Geburtstag", "Ort")`}},
		{"empty", "", nil, []string{"k.csv: no customers: the file is empty"}},
		{"only blank lines", "\r\n\r\n;;;\r\n", nil, []string{"k.csv: no customers: the file is empty"}},
		{"same ID twice", "ID;Name\n1;A\n1;B\n", nil, []string{
			`k.csv:2: ID "1" is also on line 3: which one is meant? Give each customer its own ID`,
			`k.csv:3: ID "1" is also on line 2: which one is meant? Give each customer its own ID`}},
		{"same name and company with IDs is fine", "ID;Name;Firma\n1;Anna Beispiel;X\n2;Anna Beispiel;X\n", []string{"2|1|Anna Beispiel|X||||", "3|2|Anna Beispiel|X||||"}, nil},
		{"duplicates ignore case, spaces and Unicode form", "Name;Firma\nAnna  Müller;X GmbH\nanna mu\u0308ller;x gmbh\n", nil, []string{
			`k.csv:2: "Anna  Müller (X GmbH)" is also on line 3, and neither has an ID: which one is meant? Remove one, or give each an ID (Kundennummer)`,
			`k.csv:3: "anna müller (x gmbh)" is also on line 2, and neither has an ID: which one is meant? Remove one, or give each an ID (Kundennummer)`}},
		{"unclosed quote", "Name;Firma\n\"Anna;X\nBert;Y\n", nil, []string{
			`k.csv:2: the quoted field that starts on this line is never closed: a " is missing`}},
		{"quoted field closed lines later", "Name;Notiz\nAnna;\"eins\nzwei\" drei\nBert;ok\n", []string{"4||Bert|||||ok"}, []string{
			`k.csv:2: the quoted field that starts on this line has text after its closing " on line 3: check its double quotes`}},
		{"country abroad is a warning", "Name;Land\nAnna;Frankreich\n", []string{"2||Anna|||||"}, []string{
			`k.csv:2: warning: column "Land": "Frankreich" is not a country anlass knows (Deutschland, Österreich, Schweiz); the holidays of Germany are used`}},
		{"region and country disagree", "Name;Bundesland;Land\nAnna;Bayern;Schweiz\n", nil, []string{
			`k.csv:2: column "Bundesland": "Bayern" (DE-BY) is not in Schweiz`}},
		{"Outlook empty dates", "Name;Geburtstag;Jahrestag\nA;0.0.00;00.00.0000\n", []string{"2||A|||||"}, nil},
		{"date with time", "Name;Kunde seit\nA;2019-03-01T10:32:00Z\n", []string{"2||A|||01.03.2019||"}, nil},
		{"29 February only in leap years", "Name;Geburtstag\nA;29.02.2000\nB;29.02.1900\nC;29.02.\n", []string{"2||A||29.02.2000|||", "4||C||29.02.|||"},
			[]string{`k.csv:3: column "Geburtstag": "29.02.1900" is not a date`}},
		{"year 0000", "Name;Geburtstag\nA;0000-05-01\n", nil, []string{`k.csv:2: column "Geburtstag": "0000-05-01" is not a date`}},
		{"stray quote at the end of a line", "Name;Firma\n\"Anna\"x;X\nBert;Y\n", []string{"3||Bert|Y||||"}, []string{
			`k.csv:2: a quoted field must end with " followed by ';' or the end of the line`}},
		{"unknown columns are listed, not errors", "Name;Lieblingsfarbe;;Notiz\nA;blau;x;hallo\n", []string{"2||A|||||hallo"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Load("k.csv", []byte(tc.in))
			var got []string
			for _, c := range r.Customers {
				got = append(got, show(c))
			}
			compare(t, "customers", got, tc.customers)
			compare(t, "diagnostics", strs(r.Diags), tc.diags)
			testutil.CheckDiagnostics(t, "k.csv", []byte(tc.in), r.Diags)
		})
	}
}

func TestIgnoredColumns(t *testing.T) {
	r := Load("k.csv", []byte("Name;Lieblingsfarbe;;Notiz\nA;blau;x;hallo\n"))
	if got := strings.Join(r.Ignored, "|"); got != "Lieblingsfarbe|Spalte C" {
		t.Errorf("ignored %q", got)
	}
}

func TestHeaders(t *testing.T) {
	for title, want := range map[string]field{
		"Name": fName, "ANSPRECHPARTNER": fName, "Person - Name": fName, "Vorname": fFirst, "First Name": fFirst,
		"Nachname": fLast, "Last Name": fLast, "Firma": fCompany, "Company": fCompany, "Unternehmen": fCompany,
		"Organization 1 - Name": fCompany, "Geburtstag": fBirthday, "Birthday": fBirthday, "Geb.-Datum": fBirthday,
		"Date of birth": fBirthday, "Kunde seit": fSince, "Kunde_seit": fSince, "Customer since": fSince,
		"Became a Customer Date": fSince, "Region": fRegion, "Bundesland": fRegion, "Kanton": fRegion,
		"Address 1 - Region": fRegion, "Business State": fRegion, "Bundesland/Kanton geschäftlich": fRegion,
		"Land": fCountry, "Country/Region": fCountry, "Land/Region geschäftlich": fCountry, "ID": fID,
		"Kundennummer": fID, "Kunden-Nr.": fID, "Record ID": fID, "Notiz": fNote, "Note": fNote, "Bemerkungen": fNote,
		"Geburtstag (ohne Jahr möglich)": fBirthday, "Kunde seit [TT.MM.JJJJ]": fSince, "(Kunde seit)": noField,
		"Lieblingsfarbe": noField, "Ort": noField, "Weitere Vornamen": noField,
	} {
		if got := fieldOf(title); got != want {
			t.Errorf("fieldOf(%q) = %d, want %d", title, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in      string
		order   slashOrder
		want    Date
		problem dateProblem
	}{
		{"31.12.1980", orderUnknown, Date{1980, 12, 31}, dateOK},
		{"1.2.1980", orderUnknown, Date{1980, 2, 1}, dateOK},
		{"31. 12. 1980", orderUnknown, Date{1980, 12, 31}, dateOK},
		{"31.12.80", orderUnknown, Date{1980, 12, 31}, dateOK},
		{"01.01.29", orderUnknown, Date{2029, 1, 1}, dateOK},
		{"01.01.30", orderUnknown, Date{1930, 1, 1}, dateOK},
		{"31.12.", orderUnknown, Date{0, 12, 31}, dateOK},
		{"31.12", orderUnknown, Date{0, 12, 31}, dateOK},
		{"29.02.", orderUnknown, Date{0, 2, 29}, dateOK},
		{"30.02.", orderUnknown, Date{}, dateInvalid},
		{"1980-12-31", orderUnknown, Date{1980, 12, 31}, dateOK},
		{"19801231", orderUnknown, Date{1980, 12, 31}, dateOK},
		{"1980-12-31T23:00:00Z", orderUnknown, Date{1980, 12, 31}, dateOK},
		{"1980-12-31 00:00", orderUnknown, Date{1980, 12, 31}, dateOK},
		{"--12-31", orderUnknown, Date{0, 12, 31}, dateOK},
		{"--1231", orderUnknown, Date{0, 12, 31}, dateOK},
		{"--0229", orderUnknown, Date{0, 2, 29}, dateOK},
		{"---31", orderUnknown, Date{}, dateInvalid},
		{"--12", orderUnknown, Date{}, dateInvalid},
		{"12/31/1980", orderUnknown, Date{1980, 12, 31}, dateOK},
		{"31/12/1980", orderUnknown, Date{1980, 12, 31}, dateOK},
		{"03/04/1980", orderUnknown, Date{}, dateAmbiguous},
		{"03/04/1980", dayFirst, Date{1980, 4, 3}, dateOK},
		{"03/04/1980", monthFirst, Date{1980, 3, 4}, dateOK},
		{"3/4/80", monthFirst, Date{1980, 3, 4}, dateOK},
		{"13/13/1980", orderUnknown, Date{}, dateInvalid},
		{"31.02.1980", orderUnknown, Date{}, dateInvalid},
		{"29.02.1900", orderUnknown, Date{}, dateInvalid},
		{"29.02.2000", orderUnknown, Date{2000, 2, 29}, dateOK},
		{"29.02.2100", orderUnknown, Date{}, dateInvalid},
		{"29.02.2024", orderUnknown, Date{2024, 2, 29}, dateOK},
		{"29.02.2023", orderUnknown, Date{}, dateInvalid},
		{"31.04.2024", orderUnknown, Date{}, dateInvalid},
		{"00.01.2024", orderUnknown, Date{}, dateInvalid},
		{"1980", orderUnknown, Date{}, dateInvalid},
		{"29586", orderUnknown, Date{}, dateInvalid},
		{"31.12.1980.", orderUnknown, Date{}, dateInvalid},
		{"31.12.198", orderUnknown, Date{}, dateInvalid},
		{"", orderUnknown, Date{}, dateEmpty},
		{"0.0.00", orderUnknown, Date{}, dateEmpty},
		{"0/0/00", orderUnknown, Date{}, dateEmpty},
	} {
		got, problem := parseDate(tc.in, tc.order)
		if got != tc.want || problem != tc.problem {
			t.Errorf("parseDate(%q, %d) = %v, %d; want %v, %d", tc.in, tc.order, got, problem, tc.want, tc.problem)
		}
	}
}

func TestDateCivil(t *testing.T) {
	d := Date{1980, time.December, 31}
	if c, ok := d.Civil(); !ok || c.String() != "1980-12-31" {
		t.Errorf("Civil = %v, %v", c, ok)
	}
	if _, ok := (Date{0, time.December, 31}).Civil(); ok {
		t.Error("a date without year has a civil date")
	}
}

func TestKeyAndLabel(t *testing.T) {
	a := Customer{Name: "Anna  Müller", Company: "X GmbH"}
	b := Customer{Name: "anna mu\u0308ller", Company: "x gmbh "}
	if a.Key() != b.Key() {
		t.Errorf("keys differ: %q %q", a.Key(), b.Key())
	}
	if c := (Customer{ID: "7", Name: "Anna"}); c.Key() != "id:7" {
		t.Errorf("key with ID %q", c.Key())
	}
	for c, want := range map[Customer]string{
		{Name: "A", Company: "B"}: "A (B)", {Name: "A"}: "A", {Company: "B"}: "B",
	} {
		if c.Label() != want {
			t.Errorf("Label %q, want %q", c.Label(), want)
		}
	}
}

func TestVCardCases(t *testing.T) {
	card := func(lines ...string) string {
		return "BEGIN:VCARD\r\nVERSION:3.0\r\n" + strings.Join(lines, "\r\n") + "\r\nEND:VCARD\r\n"
	}
	for _, tc := range []struct {
		name, in  string
		customers []string
		diags     []string
	}{
		{"bad birthday points at its line", card("FN:Anna", "BDAY:1980-02-30"), nil, []string{`k.vcf:4: BDAY: "1980-02-30" is not a date`}},
		{"anniversary needs a year", card("FN:Anna", "ANNIVERSARY:--0301"), nil, []string{`k.vcf:4: ANNIVERSARY: "--0301" has no year: the anniversaries count from it`}},
		{"no name", card("BDAY:1980-01-01"), nil, []string{`k.vcf:1: no name (FN or N) and no organisation (ORG): which customer is this?`}},
		{"name from N", card("N:Beispiel;Anna;;;", "ORG:X\\; Y;Abteilung"), []string{"1||Anna Beispiel|X; Y||||"}, nil},
		{"omit-year only for the year named", card("FN:A", "BDAY;X-APPLE-OMIT-YEAR=1604:1980-03-15"), []string{"1||A||15.03.1980|||"}, nil},
		{"missing END", "BEGIN:VCARD\r\nFN:A\r\n", nil, []string{"k.vcf:1: this vCard has no END:VCARD"}},
		{"missing END before next", "BEGIN:VCARD\r\nFN:A\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n", []string{"3||B|||||"},
			[]string{"k.vcf:1: this vCard has no END:VCARD before the next BEGIN:VCARD on line 3"}},
		{"stray text", card("FN:A") + "hallo\r\n", []string{"1||A|||||"}, []string{"k.vcf:5: expected BEGIN:VCARD: a vCard file holds nothing but vCards"}},
		{"folded line", card("FN:Anna Bei", " spiel"), []string{"1||Anna Beispiel|||||"}, nil},
		{"region abroad but known country", card("FN:A", "ADR;TYPE=work:;;;;Lombardia;;Schweiz"), []string{"1||A||||CH|"},
			[]string{`k.vcf:4: warning: ADR region: "Lombardia" is not a country, state or canton anlass knows (expected a code such as DE-BY or a name such as Bayern); the holidays of Schweiz are used`}},
		{"work address first", card("FN:A", "ADR;TYPE=home:;;;;Bayern;;DE", "ADR;TYPE=work:;;;;Wien;;AT"), []string{"1||A||||AT-9|"}, nil},
		{"KIND org", "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Beispiel AG\r\nEND:VCARD\r\n", []string{"1|||Beispiel AG||||"}, nil},
		{"empty file", "", nil, []string{"k.vcf: no customers: the file is empty"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Load("k.vcf", []byte(tc.in))
			var got []string
			for _, c := range r.Customers {
				got = append(got, show(c))
			}
			compare(t, "customers", got, tc.customers)
			compare(t, "diagnostics", strs(r.Diags), tc.diags)
			testutil.CheckDiagnostics(t, "k.vcf", []byte(tc.in), r.Diags)
		})
	}
}

func strs[T fmt.Stringer](list []T) []string {
	var out []string
	for _, x := range list {
		out = append(out, x.String())
	}
	return out
}

func compare(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n  %s\nwant:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
