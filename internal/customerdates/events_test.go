package customerdates

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/customer"
)

func options(t testing.TB, from, to string) Options {
	return Options{From: day(from), To: day(to), LeadDays: DefaultLeadDays, Holidays: projectHolidays(t),
		UIDDomain: "anlass.example", BaseURL: "https://anlass.example/"}
}

var anna = customer.Customer{Line: 2, ID: "", Name: "Anna Beispiel", Company: "Beispiel GmbH",
	Birthday: date(1984, 2, 29), Since: date(2016, 2, 29), Region: "DE-BY", Note: "Mag Tee"}

// find returns the events of a kind (and, for preparations, of what they
// prepare) with their day.
func find(events []Event, k, prepared Kind) []Event {
	var out []Event
	for _, e := range events {
		if e.Kind == k && e.For == prepared {
			out = append(out, e)
		}
	}
	return out
}

func TestEventsOfOneCustomer(t *testing.T) {
	events, err := Compute([]customer.Customer{anna}, options(t, "2027-01-01", "2027-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	b := find(events, Birthday, Birthday)
	if len(b) != 1 || b[0].Start.String() != "2027-02-28" || b[0].End != b[0].Start {
		t.Fatalf("birthday: %+v", b)
	}
	e := b[0]
	if e.Summary != "Geburtstag: Anna Beispiel (Beispiel GmbH)" || e.Years != 43 || !slices.Equal(e.Categories, []string{"Geburtstag"}) {
		t.Errorf("birthday %q, %d years, %v", e.Summary, e.Years, e.Categories)
	}
	wantDesc := "Anna Beispiel (Beispiel GmbH) hat Geburtstag und wird 43.\n\n" +
		"Geboren an einem 29. Februar: in Jahren ohne diesen Tag steht der Geburtstag hier am 28. Februar.\n\n" +
		"Notiz: Mag Tee\n\nIdeen: https://anlass.example/ideen/kundengeburtstag/"
	if e.Description != wantDesc {
		t.Errorf("birthday description:\n%s\nwant:\n%s", e.Description, wantDesc)
	}
	if e.URL != "https://anlass.example/ideen/kundengeburtstag/" {
		t.Errorf("URL %q", e.URL)
	}
	if !regexp.MustCompile(`^kunde-[0-9a-f]{16}-geburtstag-2027@anlass\.example$`).MatchString(e.UID) {
		t.Errorf("UID %q", e.UID)
	}

	h := find(events, HalfBirthday, HalfBirthday)
	if len(h) != 1 || h[0].Start.String() != "2027-08-29" || h[0].Summary != "Halber Geburtstag: Anna Beispiel (Beispiel GmbH)" ||
		!strings.HasPrefix(h[0].Description, "Ein halbes Jahr nach dem Geburtstag am 29. Februar: Anna Beispiel (Beispiel GmbH) wird heute 43½.") {
		t.Errorf("half birthday: %+v", h)
	}

	a := find(events, Anniversary, Anniversary)
	if len(a) != 1 || a[0].Start.String() != "2027-02-28" || a[0].Summary != "Kundenjubiläum (11 Jahre): Anna Beispiel (Beispiel GmbH)" ||
		a[0].Years != 11 || a[0].Round || !strings.Contains(a[0].Description, "seit dem 29. Februar 2016 Kunde: heute 11 Jahre.") {
		t.Errorf("anniversary: %+v", a)
	}

	g := find(events, Gift, Gift)
	if len(g) != 1 || g[0].Summary != "Geschenk ohne Grund: Anna Beispiel (Beispiel GmbH)" || g[0].URL != "https://anlass.example/ideen/geschenk-ohne-grund/" {
		t.Errorf("gift: %+v", g)
	}

	p := find(events, Preparation, Birthday)
	if len(p) != 1 {
		t.Fatalf("birthday preparation: %+v", p)
	}
	if p[0].Start.String() != "2027-02-14" || p[0].Occasion.String() != "2027-02-28" ||
		p[0].Summary != "Vorbereiten: Geburtstag von Anna Beispiel (Beispiel GmbH) am 28. Februar" ||
		p[0].UID != strings.Replace(e.UID, "@", "-vorbereiten@", 1) ||
		!slices.Equal(p[0].Categories, []string{"Vorbereitung", "Geburtstag"}) || p[0].URL != e.URL {
		t.Errorf("preparation: %+v", p[0])
	}
	wantPrep := "Geburtstag von Anna Beispiel (Beispiel GmbH) am Sonntag, 28. Februar 2027, in 2 Wochen.\n\n" +
		"Jetzt vorbereiten: " + Birthday.Prepare() + "\n\nNotiz: Mag Tee\n\nIdeen: https://anlass.example/ideen/kundengeburtstag/"
	if p[0].Description != wantPrep {
		t.Errorf("preparation description:\n%s\nwant:\n%s", p[0].Description, wantPrep)
	}
	pa := find(events, Preparation, Anniversary)
	if len(pa) != 1 || pa[0].Summary != "Vorbereiten: Kundenjubiläum von Anna Beispiel (Beispiel GmbH) (11 Jahre) am 28. Februar" {
		t.Errorf("anniversary preparation: %+v", pa)
	}
}

func TestFeb29Option(t *testing.T) {
	o := options(t, "2027-01-01", "2027-12-31")
	o.Feb29 = Feb29OnMar1
	events, err := Compute([]customer.Customer{anna}, o)
	if err != nil {
		t.Fatal(err)
	}
	if b := find(events, Birthday, Birthday); len(b) != 1 || b[0].Start.String() != "2027-03-01" || !strings.Contains(b[0].Description, "hier am 1. März") {
		t.Errorf("birthday with 03-01: %+v", b)
	}
	if a := find(events, Anniversary, Anniversary); len(a) != 1 || a[0].Start.String() != "2027-03-01" {
		t.Errorf("anniversary with 03-01: %+v", a)
	}
	if h := find(events, HalfBirthday, HalfBirthday); len(h) != 1 || h[0].Start.String() != "2027-08-29" {
		t.Errorf("half birthday must ignore the option: %+v", h)
	}
	// In a leap year nothing moves, and nothing says it did.
	o.From, o.To = day("2028-01-01"), day("2028-12-31")
	events, _ = Compute([]customer.Customer{anna}, o)
	if b := find(events, Birthday, Birthday); len(b) != 1 || b[0].Start.String() != "2028-02-29" || strings.Contains(b[0].Description, "Jahren ohne") {
		t.Errorf("birthday in 2028: %+v", b)
	}
}

func TestRoundAnniversaryAndHalfBirthdayWithoutYear(t *testing.T) {
	c := customer.Customer{Name: "Bert Muster", Birthday: customer.Date{Month: 8, Day: 31}, Since: date(2016, 5, 2)}
	events, err := Compute([]customer.Customer{c}, options(t, "2026-01-01", "2026-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	a := find(events, Anniversary, Anniversary)
	if len(a) != 1 || a[0].Summary != "Kundenjubiläum (10 Jahre, rund): Bert Muster" || !a[0].Round || !strings.Contains(a[0].Description, "Ein rundes Jubiläum.") {
		t.Errorf("round anniversary: %+v", a)
	}
	h := find(events, HalfBirthday, HalfBirthday)
	if len(h) != 1 || h[0].Start.String() != "2026-02-28" ||
		!strings.HasPrefix(h[0].Description, "Ein halbes Jahr nach dem Geburtstag am 31. August.\n\nEinen 31. Februar gibt es nicht: der halbe Geburtstag steht am letzten Tag des Monats.") {
		t.Errorf("half birthday without year: %+v", h)
	}
	b := find(events, Birthday, Birthday)
	if len(b) != 1 || b[0].Years != 0 || !strings.HasPrefix(b[0].Description, "Bert Muster hat Geburtstag.\n") {
		t.Errorf("birthday without year: %+v", b)
	}
}

// An event belongs to the window when its own day lies in it: a
// preparation at the end of the window whose occasion lies after it is in,
// the occasion is not; an occasion at the start whose preparation lies
// before it is in without its preparation.
func TestWindowEdges(t *testing.T) {
	c := customer.Customer{Name: "Cora", Birthday: date(1990, 1, 10)}
	events, err := Compute([]customer.Customer{c}, options(t, "2027-01-05", "2027-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.Start < day("2027-01-05") || e.Start > day("2027-12-31") {
			t.Errorf("%s on %s outside the window", e.Summary, e.Start)
		}
	}
	if b := find(events, Birthday, Birthday); len(b) != 1 || b[0].Start.String() != "2027-01-10" {
		t.Errorf("birthday: %+v", b)
	}
	for _, p := range find(events, Preparation, Birthday) {
		if p.Occasion.Year() == 2027 {
			t.Errorf("preparation before the window: %+v", p)
		}
	}
	events, _ = Compute([]customer.Customer{c}, options(t, "2026-12-01", "2026-12-31"))
	p := find(events, Preparation, Birthday)
	if len(p) != 1 || p[0].Start.String() != "2026-12-27" || p[0].Occasion.String() != "2027-01-10" || !strings.HasSuffix(p[0].UID, "-geburtstag-2027-vorbereiten@anlass.example") {
		t.Errorf("preparation of next year's birthday: %+v", p)
	}
	if b := find(events, Birthday, Birthday); len(b) != 0 {
		t.Errorf("birthday after the window: %+v", b)
	}
	o := options(t, "2026-12-01", "2026-12-31")
	o.LeadDays = 0
	events, _ = Compute([]customer.Customer{c}, o)
	if p := find(events, Preparation, Birthday); len(p) != 0 {
		t.Errorf("preparations with lead 0: %+v", p)
	}
}

func TestComputeRefuses(t *testing.T) {
	o := options(t, "2027-01-01", "2027-12-31")
	for what, change := range map[string]func(*Options){
		"the window ends before it starts": func(o *Options) { o.From, o.To = o.To, o.From },
		"longer than ten years":            func(o *Options) { o.To = o.From.AddDays(MaxWindowDays + 1) },
		"lead time is negative":            func(o *Options) { o.LeadDays = -1 },
		"no holiday data":                  func(o *Options) { o.Holidays = nil },
		"no UID domain":                    func(o *Options) { o.UIDDomain = "" },
	} {
		bad := o
		change(&bad)
		if _, err := Compute(nil, bad); err == nil || !strings.Contains(err.Error(), what) {
			t.Errorf("%s: error %v", what, err)
		}
	}
}

// testCustomers are invented people: the same list in every test.
func testCustomers(n int, seed uint64) []customer.Customer {
	first := []string{"Anna", "Bert", "Cora", "Dieter", "Elif", "Frank", "Greta", "Hakan", "Ines", "Jonas", "Katrin", "Lars", "Mia", "Nils", "Olga", "Paul", "Rita", "Sven", "Tanja", "Uwe", "Vera", "Willi", "Xenia", "Yusuf", "Zoë", "Jürgen", "Gülay", "Björn"}
	last := []string{"Adler", "Brandt", "Claasen", "Dorn", "Eck", "Falk", "Gerber", "Haas", "Imhof", "Jäger", "Kunz", "Lorenz", "Maurer", "Nagel", "Ott", "Pohl", "Quast", "Reuter", "Sommer", "Thiel", "Ulrich", "Vogel", "Wolf", "Zander", "Öztürk", "Müller-Lüdenscheidt"}
	firms := []string{"Bau", "Druck", "Design", "Logistik", "Optik", "Holz", "Metall", "Beratung", "Reisen", "Gärten", "Elektro", "Software"}
	forms := []string{"GmbH", "AG", "KG", "e.K.", "GmbH & Co. KG", "Sàrl"}
	regions := []string{"", "", "", "DE", "DE-BY", "DE-NW", "DE-BE", "DE-SN", "DE-TH", "DE-HH", "AT", "AT-9", "AT-7", "CH", "CH-ZH", "CH-GE", "CH-TI"}
	r := rand.New(rand.NewPCG(seed, 2026))
	out := make([]customer.Customer, 0, n)
	for i := 0; i < n; i++ {
		l := last[r.IntN(len(last))]
		c := customer.Customer{
			Line:    i + 2,
			Name:    first[r.IntN(len(first))] + " " + l,
			Company: l + " " + firms[r.IntN(len(firms))] + " " + forms[r.IntN(len(forms))] + " " + string(rune('A'+r.IntN(26))) + strings.Repeat("x", r.IntN(3)),
			Region:  regions[r.IntN(len(regions))],
		}
		if r.IntN(10) < 8 {
			y := 1940 + r.IntN(65)
			d := civil.Of(y, 1, 1).AddDays(r.IntN(365 + boolInt(civil.IsLeap(y))))
			yy, m, dd := d.YMD()
			c.Birthday = customer.Date{Year: yy, Month: m, Day: dd}
			if r.IntN(8) == 0 {
				c.Birthday.Year = 0
			}
		}
		switch r.IntN(10) {
		case 0, 1, 2: // a CRM migration: many customers "since" the same day
			c.Since = date(2015, 1, 1)
		case 3, 4, 5, 6:
			d := civil.Of(1995, 1, 1).AddDays(r.IntN(30 * 365))
			yy, m, dd := d.YMD()
			c.Since = customer.Date{Year: yy, Month: m, Day: dd}
		}
		if r.IntN(50) == 0 {
			c.Birthday = date(1980+4*r.IntN(8), 2, 29)
		}
		if r.IntN(4) == 0 {
			c.ID = "K-" + string(rune('0'+r.IntN(10))) + string(rune('0'+r.IntN(10))) + string(rune('0'+r.IntN(10))) + string(rune('0'+r.IntN(10))) + string(rune('0'+r.IntN(10)))
		}
		out = append(out, c)
	}
	return dedupe(out)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// dedupe drops customers the loader would refuse as duplicates.
func dedupe(cs []customer.Customer) []customer.Customer {
	seen := map[string]bool{}
	out := cs[:0]
	for _, c := range cs {
		if !seen[c.Key()] {
			seen[c.Key()] = true
			out = append(out, c)
		}
	}
	return out
}

// The same list in another order gives the same events; two runs give the
// same events; the UIDs are unique, ASCII and without personal data.
func TestDeterministicAndStable(t *testing.T) {
	cs := testCustomers(300, 1)
	o := options(t, "2026-12-05", "2027-12-05")
	a, err := Compute(cs, o)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(cs)
	rand.New(rand.NewPCG(7, 7)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b, _ := Compute(shuffled, o)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("another order of the same customers gives other events")
	}
	c, _ := Compute(cs, o)
	if !reflect.DeepEqual(a, c) {
		t.Fatal("two runs differ")
	}
	uid := regexp.MustCompile(`^kunde-[0-9a-f]{16}-(geburtstag|halber-geburtstag|kundenjubilaeum|geschenk-ohne-grund)-20(26|27)(-vorbereiten)?@anlass\.example$`)
	seen := map[string]bool{}
	for _, e := range a {
		if !uid.MatchString(e.UID) {
			t.Errorf("UID %q", e.UID)
		}
		if seen[e.UID] {
			t.Errorf("UID %q twice", e.UID)
		}
		seen[e.UID] = true
		for _, word := range strings.Fields(strings.ToLower(e.Customer.Label())) {
			if len(word) > 3 && strings.Contains(e.UID, word) {
				t.Errorf("UID %q contains %q", e.UID, word)
			}
		}
	}
	if !slices.IsSortedFunc(a, func(x, y Event) int { return int(x.Start - y.Start) }) {
		t.Error("events not sorted by day")
	}
}

// A customer's UIDs and events depend on that customer only: removing
// others, adding others, or editing another column of the customer than
// the key (a note, the region) keeps its UIDs.
func TestUIDsSurviveEdits(t *testing.T) {
	cs := testCustomers(120, 3)
	o := options(t, "2027-01-01", "2027-12-31")
	all, _ := Compute(cs, o)
	half, _ := Compute(cs[:60], o)
	more, _ := Compute(append(slices.Clone(cs[:60]), testCustomers(80, 99)...), o)
	byUID := func(events []Event) map[string]Event {
		m := map[string]Event{}
		for _, e := range events {
			m[e.UID] = e
		}
		return m
	}
	a := byUID(all)
	for _, list := range [][]Event{half, more} {
		for uid, e := range byUID(list) {
			if x, ok := a[uid]; ok && (x.Start != e.Start || x.Summary != e.Summary || x.Description != e.Description) {
				t.Errorf("%s changed with other customers: %s %q → %s %q", uid, x.Start, x.Summary, e.Start, e.Summary)
			}
		}
	}
	for _, e := range half {
		if _, ok := a[e.UID]; !ok {
			t.Errorf("%s of a kept customer is gone", e.UID)
		}
	}
	edited := anna
	edited.Note, edited.Line = "Trinkt Kaffee", 40
	if UID(anna, Birthday, 2027, "x") != UID(edited, Birthday, 2027, "x") {
		t.Error("a note changed the UID")
	}
	withID := anna
	withID.ID = "K-1"
	renamed := withID
	renamed.Name = "Anna Beispiel-Neu"
	if UID(withID, Birthday, 2027, "x") != UID(renamed, Birthday, 2027, "x") || UID(withID, Birthday, 2027, "x") == UID(anna, Birthday, 2027, "x") {
		t.Error("with an ID, the UID must follow the ID, not the name")
	}
}

// The articles that events link exist.
func TestArticlesExist(t *testing.T) {
	for _, k := range Kinds {
		if _, err := os.Stat("../../content/" + k.Article() + ".md"); err != nil {
			t.Errorf("%s links %s: %v", k, k.Article(), err)
		}
	}
}

func TestCSV(t *testing.T) {
	events, err := Compute([]customer.Customer{anna}, options(t, "2027-02-01", "2027-02-28"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, events); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\ufeffDatum;Wochentag;Art;Termin;Name;Firma;Anlass am;Notiz;Link\r\n") {
		t.Fatalf("header: %q", out[:min(len(out), 120)])
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		CSVHeader,
		{"14.02.2027", "Sonntag", "Vorbereitung", "Vorbereiten: Geburtstag von Anna Beispiel (Beispiel GmbH) am 28. Februar", "Anna Beispiel", "Beispiel GmbH", "28.02.2027", "Mag Tee", "https://anlass.example/ideen/kundengeburtstag/"},
		{"14.02.2027", "Sonntag", "Vorbereitung", "Vorbereiten: Kundenjubiläum von Anna Beispiel (Beispiel GmbH) (11 Jahre) am 28. Februar", "Anna Beispiel", "Beispiel GmbH", "28.02.2027", "Mag Tee", "https://anlass.example/ideen/kundenjubilaeum/"},
		{"28.02.2027", "Sonntag", "Geburtstag", "Geburtstag: Anna Beispiel (Beispiel GmbH)", "Anna Beispiel", "Beispiel GmbH", "28.02.2027", "Mag Tee", "https://anlass.example/ideen/kundengeburtstag/"},
		{"28.02.2027", "Sonntag", "Kundenjubiläum", "Kundenjubiläum (11 Jahre): Anna Beispiel (Beispiel GmbH)", "Anna Beispiel", "Beispiel GmbH", "28.02.2027", "Mag Tee", "https://anlass.example/ideen/kundenjubilaeum/"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows:\n%q\nwant:\n%q", rows, want)
	}
}

// The example file through the whole engine, for the default window of a
// user on 5 December 2026: each rule on its customer.
func TestExampleFileEvents(t *testing.T) {
	data, err := os.ReadFile("../../examples/kunden-beispiel.csv")
	if err != nil {
		t.Fatal(err)
	}
	r := customer.Load("kunden-beispiel.csv", data)
	if len(r.Diags) > 0 {
		t.Fatal(r.Diags)
	}
	events, err := Compute(r.Customers, options(t, "2026-12-05", "2027-12-05"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	gifts := map[civil.Date]int{}
	for _, e := range events {
		got[e.Start.String()+" "+e.Summary] = true
		if e.Start < day("2026-12-05") || e.Start > day("2027-12-05") {
			t.Errorf("%s on %s outside the window", e.Summary, e.Start)
		}
		if e.Kind == Gift {
			gifts[e.Start.AddDays(-((int(e.Start.Weekday())+6)%7))]++
		}
	}
	for _, want := range []string{
		"2027-02-28 Geburtstag: Jördis Äbelmann (Bäckerei Äbelmann GmbH)",           // 29 February in a common year
		"2027-08-29 Halber Geburtstag: Jördis Äbelmann (Bäckerei Äbelmann GmbH)",    // 29 February + 6 months
		"2027-02-28 Halber Geburtstag: Ömer Güldenstein (Güldenstein & Söhne KG)",   // 31 August + 6 months
		"2027-02-28 Kundenjubiläum (11 Jahre): Ulla Überreiter (Überreiter Gärten)", // since 29 February 2016
		"2026-12-24 Geburtstag: Ulla Überreiter (Überreiter Gärten)",                // without year
		"2027-06-24 Halber Geburtstag: Ulla Überreiter (Überreiter Gärten)",
		"2027-06-30 Halber Geburtstag: Malte Kröger (Kröger Fenster & Türen)", // 30 December + 6 months
		"2027-01-14 Halber Geburtstag: Hélène Dufour-Lüthi (Atelier Léman Sàrl)",
		"2027-04-01 Kundenjubiläum (26 Jahre): Björn Hufnagel (Hufnagel Metallbau GmbH)",
		"2027-03-31 Kundenjubiläum (7 Jahre): Jürg Bächli (Bächli Holzbau AG)",
		"2027-07-01 Kundenjubiläum (7 Jahre): Malte Kröger (Kröger Fenster & Türen)",
		"2027-03-15 Kundenjubiläum (16 Jahre): Jördis Äbelmann (Bäckerei Äbelmann GmbH)",
		"2027-02-14 Vorbereiten: Geburtstag von Jördis Äbelmann (Bäckerei Äbelmann GmbH) am 28. Februar",
	} {
		if !got[want] {
			t.Errorf("missing %q", want)
		}
	}
	n := 0
	for _, c := range gifts {
		n += c
		if c > 3 {
			t.Errorf("%d of the 10 gifts in one week", c)
		}
	}
	if n != len(r.Customers) {
		t.Errorf("%d gifts for %d customers", n, len(r.Customers))
	}
}

// The rows of a file in another order give the same calendar: the same
// UIDs with the same days and texts (only the line numbers differ).
func TestFileRowsReordered(t *testing.T) {
	data, err := os.ReadFile("../../examples/kunden-beispiel.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimPrefix(string(data), "\ufeff"), "\r\n")
	header, rows := lines[0], slices.Clone(lines[1:len(lines)-1])
	slices.Reverse(rows)
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	reordered := "\ufeff" + header + strings.Join(rows, "")
	calendar := func(data string) []string {
		r := customer.Load("kunden.csv", []byte(data))
		if len(r.Diags) > 0 {
			t.Fatal(r.Diags)
		}
		events, err := Compute(r.Customers, options(t, "2026-12-05", "2027-12-05"))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range events {
			out = append(out, strings.Join([]string{e.UID, e.Start.String(), e.End.String(), e.Summary, e.Description, e.URL, strings.Join(e.Categories, ",")}, "|"))
		}
		return out
	}
	a, b := calendar(string(data)), calendar(reordered)
	if len(a) < 50 || !slices.Equal(a, b) {
		t.Errorf("%d events from the file, %d from the reordered file, or they differ", len(a), len(b))
	}
}
