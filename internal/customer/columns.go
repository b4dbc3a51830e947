package customer

import (
	"strings"

	"github.com/anlass/anlass/internal/textkey"
)

// field is what a column holds.
type field int

const (
	noField field = iota
	fName
	fFirst
	fLast
	fCompany
	fBirthday
	fSince
	fRegion
	fCountry
	fID
	fNote
	nFields
)

// headers are the column titles each field is known by, in German and
// English, including those of Outlook, Google Contacts, HubSpot and
// Pipedrive exports, written as textkey.Of folds them.
var headers = map[field][]string{
	fName: {"name", "ansprechpartner", "ansprechpartnerin", "ansprechperson", "kontaktperson", "kontakt", "kontaktname",
		"vollername", "vollstandigername", "fullname", "contactname", "contact", "displayname", "anzeigename", "person"},
	fFirst:   {"vorname", "firstname", "givenname", "rufname"},
	fLast:    {"nachname", "lastname", "familyname", "surname", "familienname", "zuname"},
	fCompany: {"firma", "company", "unternehmen", "organisation", "organization", "companyname", "organizationname", "organisationname", "organization1name", "firmenname", "accountname", "account"},
	fBirthday: {"geburtstag", "birthday", "geburtsdatum", "dateofbirth", "birthdate", "gebdatum", "gebtag", "geb", "dob",
		"birth"},
	fSince: {"kundeseit", "kundinseit", "kundenseit", "kundeab", "customersince", "clientsince", "becameacustomerdate", "becameacustomer",
		"beginnderzusammenarbeit", "zusammenarbeitseit", "jahrestag", "anniversary"},
	fRegion:  {"region", "bundesland", "kanton", "bundeslandkanton", "state", "canton", "province", "provinz", "stateprovince", "stateregion", "regionbundesland"},
	fCountry: {"land", "country", "staat", "landregion", "countryregion"},
	fID:      {"id", "kundennummer", "kundennr", "kdnr", "knr", "kundenid", "customerid", "customernumber", "customerno", "recordid", "kontaktid", "contactid", "uid"},
	fNote:    {"notiz", "notizen", "note", "notes", "bemerkung", "bemerkungen", "kommentar", "anmerkung", "anmerkungen", "comment", "comments", "hinweis"},
}

// Prefixes and suffixes that exports put around a known title: Pipedrive's
// "Person - Name", Google's "Address 1 - Region", Outlook's "Business State"
// and "Bundesland/Kanton geschäftlich".
var (
	headerPrefixes = []string{"person", "contact", "kontakt", "business", "home", "address1", "address", "adresse1", "adresse"}
	headerSuffixes = []string{"geschaftlich", "privat", "business", "home"}
)

var byHeader = func() map[string]field {
	m := map[string]field{}
	for f, names := range headers {
		for _, n := range names {
			m[n] = f
		}
	}
	return m
}()

// fieldOf finds the field a column title names. Text in brackets is a
// hint for whoever fills in the list and does not count: "Geburtstag (ohne
// Jahr möglich)" is the birthday.
func fieldOf(title string) field {
	k := textkey.Of(withoutBrackets(title))
	if f, ok := byHeader[k]; ok {
		return f
	}
	for _, p := range headerPrefixes {
		if f, ok := byHeader[strings.TrimPrefix(k, p)]; ok && strings.HasPrefix(k, p) {
			return f
		}
	}
	for _, s := range headerSuffixes {
		if f, ok := byHeader[strings.TrimSuffix(k, s)]; ok && strings.HasSuffix(k, s) {
			return f
		}
	}
	return noField
}

// withoutBrackets removes "(…)" and "[…]" from a title.
func withoutBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// columns maps the fields to the columns of a header row.
type columns struct {
	index   [nFields]int    // column of each field, -1 when absent
	title   [nFields]string // its title as written
	ignored []string        // titles of unused columns
	doubles []string        // "Ansprechpartner" (also the name, like "Name"): warnings
	// country is the country a region column's title implies: "Kanton"
	// is Swiss, "Bundesland" German (or Austrian). It decides short codes
	// such as BE when the row names no country.
	country string
}

func mapColumns(header []string) columns {
	var c columns
	for i := range c.index {
		c.index[i] = -1
	}
	for i, h := range header {
		title := clean(h, false)
		f := fieldOf(title)
		switch {
		case f == noField:
			if title == "" {
				title = "Spalte " + itoaCol(i)
			}
			c.ignored = append(c.ignored, title)
		case c.index[f] >= 0:
			c.doubles = append(c.doubles, `column "`+title+`" means the same as "`+c.title[f]+`"; only "`+c.title[f]+`" is read`)
		default:
			c.index[f], c.title[f] = i, title
		}
	}
	if i := c.index[fRegion]; i >= 0 {
		k := textkey.Of(c.title[fRegion])
		switch canton, state := strings.Contains(k, "kanton") || strings.Contains(k, "canton"), strings.Contains(k, "bundesland"); {
		case canton && !state:
			c.country = "CH"
		case state && !canton:
			c.country = "DE"
		}
	}
	return c
}

// known counts the fields a header names.
func (c columns) known() int {
	n := 0
	for _, i := range c.index[1:] {
		if i >= 0 {
			n++
		}
	}
	return n
}

// hasName reports whether the header names the customer somehow.
func (c columns) hasName() bool {
	return c.index[fName] >= 0 || c.index[fFirst] >= 0 || c.index[fLast] >= 0 || c.index[fCompany] >= 0
}

func itoaCol(i int) string {
	// Spreadsheet column letters: A … Z, AA …
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
