package customer

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"
)

var update = flag.Bool("update", false, "rewrite testdata/ fixtures from the definitions in fixtures_test.go")

// The fixture files under testdata/ are exactly the bytes that the
// programs named write. They are defined here as text plus an encoding
// done by hand (not with golang.org/x/text, which the reader uses), so the
// reader's decoding is checked against an independent encoder; -update
// writes them, and TestFixturesAreCurrent keeps files and definitions
// together. All people and companies are invented.
var fixtures = []struct {
	file string
	enc  func(string) []byte
	text string
}{
	{"excel-de-1252.csv", cp1252, "" +
		"Kundennummer;Anrede;Vorname;Nachname;Firma;Geburtstag;Kunde seit;Bundesland;Notiz\r\n" +
		"K-1001;Frau;Jördis;Äbelmann;Bäckerei Äbelmann GmbH;29.02.1984;15.03.2011;Bayern;Mag Süßes, keine Blumen\r\n" +
		"K-1002;Herr;Ömer;Güldenstein;Güldenstein & Söhne KG;31.08.77;01.09.2019;NRW;\r\n" +
		"K-1003;Frau;Ulla;Überreiter;Überreiter Gärten;24.12.;29.02.2016;Thüringen;\"Büro; nur vormittags\"\r\n" +
		";;;;;;;;\r\n"},
	{"excel-de-utf8bom.csv", utf8BOM, "" +
		"Name;Firma;Geburtstag;Kunde seit;Region;Kundennummer;Notiz\r\n" +
		"Zoë Krämer;\"Krämer; Lindqvist AG\";30.12.1990;01.07.2020;DE-HH;4711;\"Erste Zeile\r\nzweite Zeile\"\r\n" +
		"\r\n" +
		"Malte Öztürk;Fjordblick Reisen;05.05.1965;;Zürich;4712;\r\n" +
		";;;;;;\r\n"},
	{"excel-unicode-text.txt", utf16LE, "" +
		"Ansprechpartner\tUnternehmen\tGeburtsdatum\tKunde seit\tKanton\tID\r\n" +
		"Hélène Dufour\tAtelier Léman Sàrl\t14.07.1972\t02.01.2018\tGenève\tCH-07\r\n" +
		"Jürg Bächli\tBächli Holzbau AG\t31.12.1969\t31.03.2020\tBE\tCH-08\r\n"},
	{"libreoffice.csv", plainUTF8, "" +
		"Name,Firma,Geburtstag,Kunde seit,Bundesland\n" +
		"\"Ewald, Konrad\",Konrad Fensterbau,1958-11-30,2012-02-29,Sachsen\n" +
		"Ida Nørgaard,\"Nørgaard \"\"Hygge\"\" Design\",--02-29,,Niedersachsen\n"},
	{"google-contacts.csv", plainUTF8, "" +
		"First Name,Middle Name,Last Name,Birthday,Organization Name,Address 1 - Region,Address 1 - Country,Notes\n" +
		"Timo,,Quandt,1988-06-30,Quandt Logistik,Bavaria,Germany,\n" +
		"Petra,,Wendehals,--08-31,Wendehals Verlag,,Österreich,\"Liest gern; Krimis\"\n"},
	{"hubspot.csv", plainUTF8, "" +
		"Record ID,First Name,Last Name,Company Name,Date of birth,Became a Customer Date,State/Region,Country/Region,Lifecycle Stage\n" +
		"90210001,Mira,Sonnleitner,Sonnleitner Optik,1979-03-31,2021-10-04 09:15,Wien,Austria,customer\n" +
		"90210002,Karl,Ostwind,Ostwind Energie,,2017-05-22,,Germany,customer\n"},
	{"pipedrive.csv", plainUTF8, "" +
		"Person - ID,Person - Name,Person - Organization,Person - Birthday,Person - Customer since\n" +
		"17,Greta Hufnagel,Hufnagel Metall,1992-01-31,2023-08-31\n"},
	{"outlook-en.csv", plainUTF8, "" +
		"\"First Name\",\"Last Name\",\"Company\",\"Birthday\",\"Anniversary\",\"Business State\"\n" +
		"\"Nora\",\"Brightwater\",\"Brightwater Ltd\",\"4/3/1981\",\"0/0/00\",\"Hesse\"\n" +
		"\"Olaf\",\"Grünberg\",\"Grünberg IT\",\"12/31/1970\",\"5/14/2015\",\"\"\n"},
	{"outlook-de.csv", cp1252, "" +
		"\"Vorname\";\"Nachname\";\"Firma\";\"Geburtstag\";\"Jahrestag\";\"Bundesland/Kanton geschäftlich\";\"Land/Region geschäftlich\"\r\n" +
		"\"Rüdiger\";\"Maaß\";\"Maaß Druck\";\"17.4.1966\";\"0.0.00\";\"Bayern\";\"Deutschland\"\r\n"},
	{"outlook-21.vcf", cp1252, "" +
		"BEGIN:VCARD\r\n" +
		"VERSION:2.1\r\n" +
		"N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:K=F6hler;Br=FCnhilde\r\n" +
		"FN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Br=FCnhilde K=F6hler-Wei=DFenfels von der Gr=FCnen Aue zu O=\r\n" +
		"berstdorf\r\n" +
		"ORG:Köhler Präzisionsteile GmbH;Einkauf\r\n" +
		"TEL;WORK;VOICE:+49 89 0000000\r\n" +
		"ADR;WORK;PREF;ENCODING=QUOTED-PRINTABLE:;;Am M=FChlbach 3;M=FCnchen;Bayern;80331;Deutschland\r\n" +
		"BDAY:19840229\r\n" +
		"X-MS-ANNIVERSARY:20080311\r\n" +
		"NOTE;ENCODING=QUOTED-PRINTABLE:Trinkt Tee.=0D=0AKeine Anrufe montags.\r\n" +
		"END:VCARD\r\n" +
		"BEGIN:VCARD\r\n" +
		"VERSION:2.1\r\n" +
		"N:Lenz;Arno\r\n" +
		"FN:Arno Lenz\r\n" +
		"ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Lenz B=C3=BCrobedarf\r\n" +
		"BDAY:19700831\r\n" +
		"END:VCARD\r\n"},
	{"apple-30.vcf", plainUTF8, "" +
		"BEGIN:VCARD\r\n" +
		"VERSION:3.0\r\n" +
		"PRODID:-//Apple Inc.//macOS 14.0//EN\r\n" +
		"N:Schönleben;Fenja;;;\r\n" +
		"FN:Fenja Schönleben\r\n" +
		"ORG:Schönleben Weinhandel;\r\n" +
		"BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15\r\n" +
		"item1.X-ABDATE;type=pref:2014-09-30\r\n" +
		"item1.X-ABLabel:_$!<Anniversary>!$_\r\n" +
		"item2.ADR;type=WORK;type=pref:;;Rebenweg 2;Würzburg;BY;97070;Deutschland\r\n" +
		"UID:8D2C1F0A-1111-4A7E-9C55-0123456789AB\r\n" +
		"END:VCARD\r\n" +
		"BEGIN:VCARD\r\n" +
		"VERSION:3.0\r\n" +
		"N:;;;;\r\n" +
		"FN:Zederholz Möbelwerkstatt\r\n" +
		"ORG:Zederholz Möbelwerkstatt;\r\n" +
		"X-ABShowAs:COMPANY\r\n" +
		"X-ANNIVERSARY:2000-02-29\r\n" +
		"ADR;TYPE=WORK:;;Sägeweg 1;Innsbruck;Tirol;6020;Österreich\r\n" +
		"END:VCARD\r\n" +
		"BEGIN:VCARD\r\n" +
		"VERSION:3.0\r\n" +
		"FN:Stammkunden\r\n" +
		"X-ADDRESSBOOKSERVER-KIND:group\r\n" +
		"END:VCARD\r\n"},
	{"google-40.vcf", plainUTF8, "" +
		"BEGIN:VCARD\r\n" +
		"VERSION:4.0\r\n" +
		"UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n" +
		"FN:Wiebke Ahlgrimm\r\n" +
		"N:Ahlgrimm;Wiebke;;;\r\n" +
		"ORG:Ahlgrimm Segelmacherei\r\n" +
		"BDAY:--0831\r\n" +
		"ANNIVERSARY:20160229\r\n" +
		"ADR;TYPE=work:;;Kai 4;Kiel;Schleswig-Holstein;24103;Deutschland\r\n" +
		"NOTE:Segelt im Sommer\\, Anruf besser im Winter.\r\n" +
		"END:VCARD\r\n" +
		"BEGIN:VCARD\r\n" +
		"VERSION:4.0\r\n" +
		"FN:Bo Trelleborg\r\n" +
		"ORG:Trelleborg Fisk AB\r\n" +
		"BDAY:--12-30\r\n" +
		"ADR;TYPE=work:;;Hamngatan 1;Malmö;;21122;Schweden\r\n" +
		"END:VCARD\r\n"},
	{"broken.csv", utf8BOM, "" +
		"Name;Firma;Geburtstag;Kunde seit;Region\r\n" +
		"Alma Zuber;Zuber Bau;31.02.1980;01.01.2010;Bayern\r\n" +
		"Bernd Ufer;Ufer Glas;03/04/1980;;Hessen\r\n" +
		"Cora Vogt;Vogt Sattlerei;12.12.1975;01.03.;Süd\r\n" +
		"Dirk Wald;Wald Forst \"Nord\" GmbH;01.01.1970;;Sachsen\r\n" +
		"Alma Zuber;Zuber Bau;01.05.1980;;Bayern\r\n" +
		";;01.01.1990;;\r\n" +
		"Egon Feld;Feld Agrar;Mitte Mai;2015-13-01;Berlin;zu viel\r\n" +
		"Frida Holm;Holm Design;17.06.1985;2019-04-01;BE\r\n" +
		"Alma Zuber;Zuber Bau;02.02.1982;;Bayern\r\n"},
}

func TestFixturesAreCurrent(t *testing.T) {
	for _, f := range fixtures {
		want := f.enc(f.text)
		path := filepath.Join("testdata", f.file)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from its definition (run go test -update)", path)
		}
	}
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func plainUTF8(s string) []byte { return []byte(s) }
func utf8BOM(s string) []byte   { return append([]byte("\xef\xbb\xbf"), s...) }

// utf16LE writes what Excel's "Unicode-Text" writes: a byte order mark,
// then UTF-16 little endian.
func utf16LE(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		out = binary.LittleEndian.AppendUint16(out, u)
	}
	return out
}

// cp1252 encodes the characters the fixtures use in Windows-1252: Latin-1
// is the identity there; the few others come from the code page's table.
func cp1252(s string) []byte {
	special := map[rune]byte{'€': 0x80, '„': 0x84, '–': 0x96, '“': 0x93, '”': 0x94}
	var out []byte
	for _, r := range s {
		switch b, ok := special[r]; {
		case ok:
			out = append(out, b)
		case r < 0x80 || (r >= 0xa0 && r <= 0xff):
			out = append(out, byte(r))
		default:
			panic(fmt.Sprintf("%q has no Windows-1252 byte", r))
		}
	}
	return out
}
