package calendar

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/anlass/anlass/internal/civil"
)

// contentLine is one unfolded line: NAME;PARAMS:VALUE.
type contentLine struct {
	name, params, value string
	line                int
}

var dateValue = regexp.MustCompile(`^\d{8}$`)

// lint checks a subscription feed against the rules in the feeds guide,
// mechanically, and returns every problem found.
func lint(data []byte) []string { return lintAs(data, false) }

// lintImport checks a file meant for import (a single event, a Merkliste):
// the same rules, but no calendar-wide subscription properties.
func lintImport(data []byte) []string { return lintAs(data, true) }

// subscriptionOnly are the calendar properties of a subscription feed that a
// file for import must not have: with them Outlook may create a separate
// calendar for the file.
var subscriptionOnly = []string{"NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC", "URL", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"}

func lintAs(data []byte, importFile bool) []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	if len(data) >= MaxBytes {
		bad("size %d bytes, limit %d", len(data), MaxBytes)
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		bad("does not end with CRLF")
	}
	phys := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	var lines []contentLine
	for i, l := range phys {
		n := i + 1
		if strings.ContainsAny(l, "\r\n") {
			bad("line %d: bare CR or LF (lines must end in CRLF)", n)
		}
		if len(l) > 75 {
			bad("line %d: %d octets, limit 75", n, len(l))
		}
		if !utf8.ValidString(l) {
			bad("line %d: not valid UTF-8 on its own (a fold split a character)", n)
		}
		for _, r := range l {
			if r < 0x20 && r != '\t' || r == 0x7f {
				bad("line %d: control character %U", n, r)
			}
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(lines) == 0 {
				bad("line %d: continuation without a line to continue", n)
				continue
			}
			lines[len(lines)-1].value += l[1:]
			continue
		}
		name, rest, ok := strings.Cut(l, ":")
		if !ok {
			bad("line %d: no colon", n)
			continue
		}
		params := ""
		if i := strings.IndexByte(name, ';'); i >= 0 {
			name, params = name[:i], name[i+1:]
		}
		lines = append(lines, contentLine{name, params, rest, n})
	}
	if len(lines) < 2 || lines[0].name+":"+lines[0].value != "BEGIN:VCALENDAR" || lines[len(lines)-1].name+":"+lines[len(lines)-1].value != "END:VCALENDAR" {
		bad("not wrapped in BEGIN:VCALENDAR … END:VCALENDAR")
		return probs
	}
	calCount := map[string]int{}
	calValue := map[string]string{}
	uids := map[string]bool{}
	var prevStart string
	var ev map[string][]contentLine
	inEvent := false
	for _, cl := range lines[1 : len(lines)-1] {
		switch {
		case cl.name == "BEGIN" && cl.value == "VEVENT":
			inEvent, ev = true, map[string][]contentLine{}
			continue
		case cl.name == "END" && cl.value == "VEVENT":
			inEvent = false
			probs = append(probs, lintEvent(ev, uids, &prevStart)...)
			continue
		case cl.name == "BEGIN":
			bad("line %d: unexpected component %s (no VALARM, VTIMEZONE or others in public feeds)", cl.line, cl.value)
			continue
		}
		if cl.params != "" && cl.params != "VALUE=DATE" && !(cl.name == "REFRESH-INTERVAL" && cl.params == "VALUE=DURATION") {
			bad("line %d: parameter %q on %s (only VALUE=DATE is allowed)", cl.line, cl.params, cl.name)
		}
		if inEvent {
			ev[cl.name] = append(ev[cl.name], cl)
		} else {
			calCount[cl.name]++
			calValue[cl.name] = cl.value
		}
	}
	want := map[string]string{"VERSION": "2.0", "CALSCALE": "GREGORIAN", "PRODID": ""}
	if importFile {
		for _, name := range subscriptionOnly {
			if calCount[name] > 0 {
				bad("a file for import has the subscription property %s", name)
			}
		}
	} else {
		for name, v := range map[string]string{"REFRESH-INTERVAL": "P1D", "X-PUBLISHED-TTL": "P1D", "NAME": "", "X-WR-CALNAME": "",
			"DESCRIPTION": "", "X-WR-CALDESC": "", "URL": ""} {
			want[name] = v
		}
	}
	for name, v := range want {
		if calCount[name] != 1 {
			bad("calendar has %d %s properties, want exactly 1", calCount[name], name)
		} else if v != "" && calValue[name] != v {
			bad("calendar %s is %q, want %q", name, calValue[name], v)
		}
	}
	// METHOD makes the file an iTIP message (RFC 5546), and PUBLISH then
	// requires an ORGANIZER, which an occasion has not; without METHOD it is
	// a plain calendar, which every client subscribes and imports (docs/feeds.md).
	if calCount["METHOD"] > 0 {
		bad("calendar has METHOD:%s: the files are not iTIP messages", calValue["METHOD"])
	}
	return probs
}

func lintEvent(ev map[string][]contentLine, uids map[string]bool, prevStart *string) []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	uid := ""
	if u := ev["UID"]; len(u) == 1 {
		uid = u[0].value
	}
	for _, name := range []string{"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL", "TRANSP", "CLASS"} {
		if n := len(ev[name]); n != 1 {
			bad("event %s: %d %s properties, want exactly 1", uid, n, name)
		}
	}
	if len(ev["CATEGORIES"]) == 0 {
		bad("event %s: no CATEGORIES", uid)
	}
	for _, name := range []string{"RRULE", "RDATE", "EXDATE", "DURATION", "ORGANIZER", "ATTENDEE"} {
		if len(ev[name]) > 0 {
			bad("event %s: %s not allowed (one VEVENT per occurrence, DTEND given, no scheduling)", uid, name)
		}
	}
	for _, c := range uid {
		if c > 0x7e {
			bad("event %s: UID is not ASCII", uid)
			break
		}
	}
	if uids[uid] {
		bad("UID %s is used twice", uid)
	}
	uids[uid] = true
	if t := ev["TRANSP"]; len(t) == 1 && t[0].value != "TRANSPARENT" {
		bad("event %s: TRANSP %s", uid, t[0].value)
	}
	if c := ev["CLASS"]; len(c) == 1 && c[0].value != "PUBLIC" {
		bad("event %s: CLASS %s", uid, c[0].value)
	}
	if d := ev["DTSTAMP"]; len(d) == 1 && !regexp.MustCompile(`^\d{8}T\d{6}Z$`).MatchString(d[0].value) {
		bad("event %s: DTSTAMP %q is not a UTC date-time", uid, d[0].value)
	}
	var start, end civil.Date
	for _, name := range []string{"DTSTART", "DTEND"} {
		if len(ev[name]) != 1 {
			continue
		}
		cl := ev[name][0]
		if cl.params != "VALUE=DATE" || !dateValue.MatchString(cl.value) {
			bad("event %s: %s must be VALUE=DATE:YYYYMMDD, found %s;%s:%s", uid, name, name, cl.params, cl.value)
			continue
		}
		d, err := civil.Parse(cl.value[:4] + "-" + cl.value[4:6] + "-" + cl.value[6:])
		if err != nil {
			bad("event %s: %s %s: %v", uid, name, cl.value, err)
		}
		if name == "DTSTART" {
			start = d
		} else {
			end = d
		}
	}
	if end <= start {
		bad("event %s: DTEND %s is not after DTSTART %s", uid, end, start)
	}
	if s := start.String(); s < *prevStart {
		bad("event %s: starts %s, before the previous event (%s): events must be sorted", uid, s, *prevStart)
	} else {
		*prevStart = s
	}
	return probs
}
