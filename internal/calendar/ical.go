package calendar

import (
	"bytes"
	"io"

	"github.com/anlass/anlass/internal/ical"
)

// writer is the iCalendar writer of the builder: its DTSTAMP and cache.
func (b Builder) writer() ical.Writer { return ical.Writer{Stamp: b.Stamp, Cache: b.cache} }

// Bytes serialises c. It panics only if golang-ical fails to write into
// memory, which it does not.
func (b Builder) Bytes(c Calendar) []byte {
	var buf bytes.Buffer
	if err := b.Write(&buf, c); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Write serialises c to w; a subscription feed names its own address.
func (b Builder) Write(w io.Writer, c Calendar) error {
	ic := ical.Calendar{Name: c.Name, Description: c.Description, Events: c.Events, Import: c.Import}
	if !c.Import {
		ic.URL = b.Config.Abs(c.Path)
	}
	return b.writer().Write(w, ic)
}
