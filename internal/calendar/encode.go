package calendar

import (
	"strings"
	"unicode/utf8"

	"github.com/anlass/anlass/internal/civil"
)

// maxLine is the longest physical line in octets (RFC 5545 §3.1), CRLF not counted.
const maxLine = 75

// encoder appends iCalendar content lines to buf.
type encoder struct {
	buf     []byte
	scratch []byte // the unfolded line being written
}

// calendar writes c: the calendar's properties, its events in order, the end.
func (e *encoder) calendar(b Builder, c Calendar) {
	e.raw("BEGIN:VCALENDAR")
	e.text("VERSION", "2.0")
	e.text("PRODID", ProdID)
	e.text("CALSCALE", "GREGORIAN")
	e.text("METHOD", "PUBLISH")
	e.text("NAME", clean(c.Name))
	e.text("X-WR-CALNAME", clean(c.Name))
	e.text("DESCRIPTION", clean(c.Description))
	e.text("X-WR-CALDESC", clean(c.Description))
	e.value("URL", "", b.Config.Abs(c.Path))
	e.value("REFRESH-INTERVAL", ";VALUE=DURATION", "P1D")
	e.text("X-PUBLISHED-TTL", "P1D")
	stamp := b.Stamp.UTC().Format("20060102T150405Z")
	for _, ev := range c.Events {
		e.event(ev, stamp)
	}
	e.raw("END:VCALENDAR")
}

// event writes one VEVENT; stamp is the DTSTAMP value.
func (e *encoder) event(ev Event, stamp string) {
	e.raw("BEGIN:VEVENT")
	e.text("UID", ev.UID)
	e.value("DTSTAMP", "", stamp)
	e.value("DTSTART", ";VALUE=DATE", basicDate(ev.Start))
	e.value("DTEND", ";VALUE=DATE", basicDate(ev.End.AddDays(1)))
	e.text("SUMMARY", clean(ev.Summary))
	e.text("DESCRIPTION", clean(ev.Description))
	e.value("URL", "", ev.URL)
	for _, cat := range ev.Categories {
		e.text("CATEGORIES", clean(cat))
	}
	e.text("TRANSP", "TRANSPARENT")
	e.text("CLASS", "PUBLIC")
	e.raw("END:VEVENT")
}

// basicDate formats d as a DATE value, YYYYMMDD (anlass's years,
// 1583–2999, have four digits).
func basicDate(d civil.Date) string {
	y, m, day := d.YMD()
	return string([]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10),
		byte('0' + int(m)/10), byte('0' + int(m)%10),
		byte('0' + day/10), byte('0' + day%10),
	})
}

// raw writes a line that is known to be short and plain.
func (e *encoder) raw(line string) {
	e.buf = append(e.buf, line...)
	e.buf = append(e.buf, '\r', '\n')
}

// text writes a property with a TEXT value, escaped (RFC 5545 §3.3.11:
// backslash, newline, semicolon and comma).
func (e *encoder) text(name, value string) {
	if !strings.ContainsAny(value, "\\\n;,") {
		e.value(name, "", value)
		return
	}
	line := append(append(e.scratch[:0], name...), ':')
	for {
		i := strings.IndexAny(value, "\\\n;,")
		if i < 0 {
			line = append(line, value...)
			break
		}
		c := value[i]
		if c == '\n' {
			c = 'n'
		}
		line = append(append(line, value[:i]...), '\\', c)
		value = value[i+1:]
	}
	e.scratch = line
	e.fold(line)
}

// value writes name, params (";VALUE=DATE" or ""), a colon and the value as
// it is, folded.
func (e *encoder) value(name, params, value string) {
	if len(name)+len(params)+1+len(value) <= maxLine {
		e.buf = append(e.buf, name...)
		e.buf = append(e.buf, params...)
		e.buf = append(e.buf, ':')
		e.buf = append(e.buf, value...)
		e.buf = append(e.buf, '\r', '\n')
		return
	}
	line := append(append(append(append(e.scratch[:0], name...), params...), ':'), value...)
	e.scratch = line
	e.fold(line)
}

// fold writes a content line, folded: a physical line holds at most 75
// octets (continuations: a space and 74 octets), a UTF-8 character is never
// split, and a line preferably ends before the last space or "<", or after
// the last ">", that fits — as golang-ical folds.
func (e *encoder) fold(line []byte) {
	limit := maxLine
	for len(line) > limit {
		n := foldAt(line, limit)
		if limit < maxLine {
			e.buf = append(e.buf, ' ')
		}
		e.buf = append(e.buf, line[:n]...)
		e.buf = append(e.buf, '\r', '\n')
		line = line[n:]
		limit = maxLine - 1
	}
	if limit < maxLine {
		e.buf = append(e.buf, ' ')
	}
	e.buf = append(e.buf, line...)
	e.buf = append(e.buf, '\r', '\n')
}

// foldAt returns how many octets of s (longer than limit) go on this line:
// up to the last word boundary before limit when there is one after the
// first octet, else as many whole characters as fit.
func foldAt(s []byte, limit int) int {
	length, boundary := 0, -1
	var last rune
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r < utf8.RuneSelf { // ASCII, most of the text
			if r == ' ' || r == '<' || last == '>' {
				boundary = i
			}
			last = r
			if length+1 > limit {
				break
			}
			length++
			i++
			continue
		}
		r, size = utf8.DecodeRune(s[i:])
		if r == ' ' || r == '<' || last == '>' {
			boundary = i
		}
		last = r
		n := length + utf8.RuneLen(r)
		if n > limit {
			break
		}
		length = n
		i += size
	}
	if boundary > 0 {
		return boundary
	}
	return length
}
