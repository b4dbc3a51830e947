package customer

import (
	"io"
	"mime/quotedprintable"
	"strconv"
	"strings"

	"github.com/emersion/go-vcard"

	"github.com/anlass/anlass/internal/regioncode"
)

// A vCard file is parsed by github.com/emersion/go-vcard. What that library
// leaves to its callers is done around it, before and after:
//
//   - line numbers: the file is cut into its cards here (BEGIN:VCARD …
//     END:VCARD), each card is decoded on its own, and each property's line
//     is remembered, so that messages point at the line to fix and one
//     broken card does not hide the others;
//   - vCard 2.1 (classic Outlook): quoted-printable values continue on the
//     next line after a soft break ("=" at the end of a line), which is
//     joined here; their bytes are decoded with mime/quotedprintable and
//     the CHARSET parameter after decoding. 2.1's parameters without a name
//     (TEL;WORK;VOICE, ADR;HOME;QUOTED-PRINTABLE) are written out as TYPE=
//     and ENCODING= first, because the library reads only named ones.

// vline is a logical (unfolded) line of a vCard file.
type vline struct {
	line int // where it starts
	text string
}

// vcardLines unfolds the file's lines: a line that starts with a space or
// tab continues the previous one (RFC 6350 3.2), and a quoted-printable
// value that ends in "=" continues on the next line (vCard 2.1).
func vcardLines(text string) []vline {
	phys := strings.Split(text, "\n")
	for i, l := range phys {
		phys[i] = strings.TrimSuffix(l, "\r")
	}
	var out []vline
	for i := 0; i < len(phys); i++ {
		l := phys[i]
		if l != "" && (l[0] == ' ' || l[0] == '\t') && len(out) > 0 {
			out[len(out)-1].text += l[1:]
			continue
		}
		start := i
		if quotedPrintable(l) {
			for strings.HasSuffix(l, "=") && i+1 < len(phys) {
				i++
				l = l[:len(l)-1] + phys[i]
			}
		}
		out = append(out, vline{line: start + 1, text: l})
	}
	return out
}

// nameAndParams splits a content line at the colon that ends the name and
// parameters (a colon inside a quoted parameter value does not count).
func nameAndParams(l string) (head, value string, ok bool) {
	quoted := false
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '"':
			quoted = !quoted
		case ':':
			if !quoted {
				return l[:i], l[i+1:], true
			}
		}
	}
	return l, "", false
}

// propertyName is the upper-case name of a content line, without a group
// ("item1.X-ABDATE" → "X-ABDATE").
func propertyName(l string) string {
	head, _, _ := nameAndParams(l)
	if i := strings.IndexByte(head, ';'); i >= 0 {
		head = head[:i]
	}
	if i := strings.LastIndexByte(head, '.'); i >= 0 {
		head = head[i+1:]
	}
	return strings.ToUpper(strings.TrimSpace(head))
}

func quotedPrintable(l string) bool {
	head, _, ok := nameAndParams(l)
	return ok && strings.Contains(strings.ToUpper(head), "QUOTED-PRINTABLE")
}

// encodings are the values of 2.1's ENCODING parameter, which 2.1 allows
// without the name.
var encodings = map[string]bool{"QUOTED-PRINTABLE": true, "BASE64": true, "8BIT": true, "7BIT": true, "B": true}

// nameParams writes vCard 2.1's nameless parameters with their names.
func nameParams(l string) string {
	head, value, ok := nameAndParams(l)
	if !ok || !strings.Contains(head, ";") {
		return l
	}
	parts := strings.Split(head, ";")
	changed := false
	for i := 1; i < len(parts); i++ {
		p := strings.TrimSpace(parts[i])
		if p == "" || strings.Contains(p, "=") {
			continue
		}
		if encodings[strings.ToUpper(p)] {
			parts[i] = "ENCODING=" + p
		} else {
			parts[i] = "TYPE=" + p
		}
		changed = true
	}
	if !changed {
		return l
	}
	return strings.Join(parts, ";") + ":" + value
}

// vcard is one card's lines.
type vcardChunk struct {
	begin int
	lines []vline
}

func loadVCard(name, text string) Result {
	r := Result{Format: Format{Kind: "vCard"}}
	var chunks []vcardChunk
	var open *vcardChunk
	strayReported := false
	for _, l := range vcardLines(text) {
		prop := propertyName(l.text)
		_, val, _ := nameAndParams(l.text)
		isBegin := prop == "BEGIN" && strings.EqualFold(strings.TrimSpace(val), "VCARD")
		switch {
		case isBegin:
			if open != nil {
				r.Diags.Errorf(name, open.begin, 0, "this vCard has no END:VCARD before the next BEGIN:VCARD on line %d", l.line)
				r.Skipped = append(r.Skipped, Skip{Line: open.begin})
			}
			open = &vcardChunk{begin: l.line}
			open.lines = append(open.lines, l)
			strayReported = false
		case open != nil:
			open.lines = append(open.lines, l)
			if prop == "END" && strings.EqualFold(strings.TrimSpace(val), "VCARD") {
				chunks = append(chunks, *open)
				open = nil
			}
		case strings.TrimSpace(l.text) != "" && !strayReported:
			r.Diags.Errorf(name, l.line, 0, "expected BEGIN:VCARD: a vCard file holds nothing but vCards")
			strayReported = true
		}
	}
	if open != nil {
		r.Diags.Errorf(name, open.begin, 0, "this vCard has no END:VCARD")
		r.Skipped = append(r.Skipped, Skip{Line: open.begin})
	}
	for _, ch := range chunks {
		c, ok, skip := readCard(name, ch, &r)
		switch {
		case skip:
		case ok:
			r.Customers = append(r.Customers, c)
		default:
			r.Skipped = append(r.Skipped, Skip{Line: ch.begin, Label: c.Label()})
		}
	}
	switch {
	case strings.TrimSpace(text) == "":
		r.Diags.Errorf(name, 0, 0, "no customers: the file is empty")
	case len(chunks) == 0 && len(r.Diags) == 0:
		r.Diags.Errorf(name, 0, 0, "no customers: the file has no vCard")
	}
	sortSkipped(r.Skipped)
	return r
}

// readCard turns one vCard into a customer. ok is false when the card has
// an error; skip is true for cards that are no customer (contact groups).
func readCard(name string, ch vcardChunk, r *Result) (c Customer, ok, skip bool) {
	c = Customer{Line: ch.begin}
	ok = true
	lineOf := map[string]int{}
	var b strings.Builder
	for _, l := range ch.lines {
		p := propertyName(l.text)
		if _, seen := lineOf[p]; !seen {
			lineOf[p] = l.line
		}
		b.WriteString(nameParams(l.text))
		b.WriteString("\r\n")
	}
	at := func(prop string) int {
		if n, found := lineOf[prop]; found {
			return n
		}
		return ch.begin
	}
	card, err := vcard.NewDecoder(strings.NewReader(b.String())).Decode()
	if err != nil && err != io.EOF {
		r.Diags.Errorf(name, ch.begin, 0, "this vCard cannot be read: %v", err)
		return c, false, false
	}
	for prop, fields := range card {
		for _, f := range fields {
			if msg := decodeValue(f); msg != "" {
				r.Diags.Warnf(name, at(prop), 0, "%s: %s", prop, msg)
			}
		}
	}
	if strings.EqualFold(card.Value(vcard.FieldKind), "group") || strings.EqualFold(card.Value("X-ADDRESSBOOKSERVER-KIND"), "group") {
		r.Diags.Warnf(name, ch.begin, 0, "a contact group, not a customer: left out")
		return c, false, true
	}

	org := ""
	if f := card.Get(vcard.FieldOrganization); f != nil {
		org = clean(unescape(components(f.Value)[0]), false)
	}
	fn := clean(unescape(card.Value(vcard.FieldFormattedName)), false)
	person := fn
	if person == "" {
		if n := card.Name(); n != nil {
			person = clean(unescape(strings.TrimSpace(n.GivenName+" "+n.FamilyName)), false)
		}
	}
	if strings.EqualFold(card.Value(vcard.FieldKind), "org") || strings.EqualFold(card.Value("X-ABSHOWAS"), "COMPANY") {
		// A card for the company itself (vCard 4 KIND:org; Apple's "show as company").
		if org == "" {
			org = fn
		}
		person = ""
	}
	c.Name, c.Company = person, org
	c.ID = clean(card.Value(vcard.FieldUID), false)
	if f := card.Get(vcard.FieldNote); f != nil {
		c.Note = clean(unescape(f.Value), true)
	}
	if c.Name == "" && c.Company == "" {
		r.Diags.Errorf(name, ch.begin, 0, "no name (FN or N) and no organisation (ORG): which customer is this?")
		ok = false
	}

	readDate := func(prop string, f *vcard.Field, needYear bool) Date {
		raw := strings.TrimSpace(f.Value)
		d, problem := parseDate(raw, orderUnknown)
		if problem == dateOK && d.HasYear() {
			if omit := f.Params.Get("X-APPLE-OMIT-YEAR"); omit != "" && omit == strconv.Itoa(d.Year) {
				d.Year = 0 // Apple's stand-in year for a birthday without one
			}
		}
		switch {
		case problem == dateInvalid || problem == dateAmbiguous:
			r.Diags.Errorf(name, at(prop), 0, "%s: %q is not a date", prop, raw)
			ok = false
		case problem == dateOK && needYear && !d.HasYear():
			r.Diags.Errorf(name, at(prop), 0, "%s: %q has no year: the anniversaries count from it", prop, raw)
			ok = false
		}
		return d
	}
	if f := card.Get(vcard.FieldBirthday); f != nil {
		c.Birthday = readDate(vcard.FieldBirthday, f, false)
	}
	if prop, f := anniversary(card); f != nil {
		c.Since = readDate(prop, f, true)
	}
	c.Region = cardRegion(name, card, at(vcard.FieldAddress), r)
	return c, ok, false
}

// anniversary finds the date the customer relationship began: vCard 4's
// ANNIVERSARY, the X-ANNIVERSARY of vCard 3 apps, Outlook's
// X-MS-ANNIVERSARY, or Apple's X-ABDATE labelled as anniversary.
func anniversary(card vcard.Card) (string, *vcard.Field) {
	for _, p := range []string{vcard.FieldAnniversary, "X-ANNIVERSARY", "X-MS-ANNIVERSARY"} {
		if f := card.Get(p); f != nil {
			return p, f
		}
	}
	for _, f := range card["X-ABDATE"] {
		for _, label := range card["X-ABLABEL"] {
			if f.Group != "" && label.Group == f.Group && strings.Contains(strings.ToLower(label.Value), "anniversary") {
				return "X-ABDATE", f
			}
		}
	}
	return "", nil
}

// cardRegion reads the region of the customer's address: the work address
// if there is one, else the preferred one. An address abroad or a region
// that is not understood leaves the region to the country or to Germany, with
// a warning: the user typed these for letters, not for this calendar.
func cardRegion(name string, card vcard.Card, line int, r *Result) string {
	var adr *vcard.Address
	for _, a := range card.Addresses() {
		if a.Params.HasType("work") {
			adr = a
			break
		}
	}
	if adr == nil {
		adr = card.Address()
	}
	if adr == nil {
		return ""
	}
	region, country := clean(unescape(adr.Region), false), clean(unescape(adr.Country), false)
	if region == "" && country == "" {
		return ""
	}
	if country != "" {
		if _, err := regioncode.Match("", country); err != nil {
			r.Diags.Warnf(name, line, 0, "ADR: %v; the holidays of Germany are used", err)
			return ""
		}
	}
	reg, err := regioncode.Match(region, country)
	if err != nil {
		fallback, _ := regioncode.Match("", country)
		where := "Germany"
		if fallback.Code != "" {
			where = fallback.Name
		}
		r.Diags.Warnf(name, line, 0, "ADR region: %v; the holidays of %s are used", err, where)
		return fallback.Code
	}
	return reg.Code
}

// decodeValue undoes a quoted-printable encoding and applies the CHARSET
// parameter; it returns a warning when the value could not be decoded.
func decodeValue(f *vcard.Field) string {
	if !strings.EqualFold(f.Params.Get("ENCODING"), "QUOTED-PRINTABLE") {
		return ""
	}
	raw, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(f.Value)))
	if err != nil {
		return "the quoted-printable value cannot be decoded (" + err.Error() + "); it is read as written"
	}
	text, known := decodeCharset(raw, f.Params.Get("CHARSET"))
	f.Value = text
	delete(f.Params, "ENCODING")
	if !known {
		return "unknown CHARSET " + strconv.Quote(f.Params.Get("CHARSET")) + ": read as UTF-8 or Windows-1252"
	}
	return ""
}

// components splits a structured value (ORG, N, ADR) at the semicolons that
// are not escaped.
func components(v string) []string {
	var out []string
	start := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case ';':
			out = append(out, v[start:i])
			start = i + 1
		}
	}
	return append(out, v[start:])
}

// unescape removes the backslashes that the library leaves in TEXT values
// (\; and \: — it undoes only \\, \n and \,).
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return strings.NewReplacer(`\;`, ";", `\:`, ":", `\N`, "\n").Replace(s)
}
