// Package clock is the one place "today" and the build time come from.
//
// A build is reproducible when its time is fixed: by --now (a day) or by
// SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/).
// Without either, the build time is the latest change of an input file (so
// an unchanged project gives unchanged feeds) and today is the wall clock's
// day. Everything else takes a Clock as an argument; nothing below the CLI
// asks the wall clock for the date.
package clock

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/anlass/anlass/internal/civil"
)

// Clock is a build's fixed time.
type Clock struct {
	// Stamp is the build time written into outputs (DTSTAMP, sitemap, Atom).
	Stamp time.Time
	// Today is the day "upcoming", the feed window and checks are computed from.
	Today civil.Date
	// Fixed reports whether the time came from --now or SOURCE_DATE_EPOCH.
	Fixed bool
}

// At returns the clock fixed at the start of day d (UTC), as --now gives.
func At(d civil.Date) Clock { return Clock{Stamp: d.Time(), Today: d, Fixed: true} }

// Source is where a clock's time can come from.
type Source struct {
	Now   string           // the --now flag: YYYY-MM-DD, or empty
	Epoch string           // the SOURCE_DATE_EPOCH variable, or empty
	Wall  func() time.Time // the wall clock
	// Latest returns the newest modification time of the inputs; nil means
	// the wall clock's time. Called only when Now and Epoch are empty.
	Latest func() time.Time
}

// New resolves the clock from --now (now), the environment's
// SOURCE_DATE_EPOCH and the wall clock; latest may be nil (see Source).
func New(now string, latest func() time.Time) (Clock, error) {
	return Resolve(Source{Now: now, Epoch: os.Getenv("SOURCE_DATE_EPOCH"), Wall: time.Now, Latest: latest})
}

// Resolve resolves the clock from s: --now wins over SOURCE_DATE_EPOCH,
// which wins over the wall clock.
func Resolve(s Source) (Clock, error) {
	if s.Now != "" {
		d, err := civil.Parse(s.Now)
		if err != nil {
			return Clock{}, fmt.Errorf("--now: %v", err)
		}
		return At(d), nil
	}
	if s.Epoch != "" {
		t, err := ParseEpoch(s.Epoch)
		if err != nil {
			return Clock{}, err
		}
		return Clock{Stamp: t, Today: civil.FromTime(t), Fixed: true}, nil
	}
	wall := s.Wall().UTC()
	stamp := wall
	if s.Latest != nil {
		stamp = s.Latest().UTC()
	}
	return Clock{Stamp: stamp.Truncate(time.Second), Today: civil.FromTime(wall)}, nil
}

// ParseEpoch reads a SOURCE_DATE_EPOCH value: whole seconds since
// 1970-01-01T00:00:00Z, a non-negative decimal integer.
func ParseEpoch(s string) (time.Time, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > maxEpoch {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: expected whole seconds since 1970-01-01 UTC, e.g. 1764547200", s)
	}
	return time.Unix(n, 0).UTC(), nil
}

// maxEpoch is the last second of the last year anlass computes dates for.
var maxEpoch = time.Date(2999, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
