package feed

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/parallel"
	"github.com/anlass/anlass/internal/paths"
	"github.com/anlass/anlass/internal/schedule"
)

// Calendars returns every feed of a build: all, one per category, one per
// occasion. The order is fixed.
func (b Builder) Calendars(cat *occasion.Catalog, w *schedule.Window) []Calendar {
	span := fmt.Sprintf("%d–%d", w.From.Year(), w.To.Year())
	var out []Calendar
	out = append(out, Calendar{
		Path:        paths.FeedAll(),
		Name:        b.Config.Title + ": alle Anlässe",
		Description: "Alle Anlässe aus " + b.Config.Title + " (" + span + "), mit je einer Idee und der Vorlaufzeit.",
		Events:      b.events(w.All, true),
	})
	for _, c := range occasion.Categories {
		var occ []schedule.Occurrence
		for _, oc := range w.All {
			if oc.Occasion.Category == c {
				occ = append(occ, oc)
			}
		}
		out = append(out, Calendar{
			Path:        paths.FeedCategory(string(c)),
			Name:        b.Config.Title + ": " + c.Label(),
			Description: c.Blurb() + " (" + span + ")",
			Events:      b.events(occ, false),
		})
	}
	for _, o := range cat.Occasions {
		out = append(out, Calendar{
			Path:        paths.FeedOccasion(o.ID),
			Name:        o.Name.De,
			Description: o.Name.De + " – aus " + b.Config.Title + " (" + span + ")",
			Events:      b.events(w.Of(o.ID), false),
		})
	}
	return out
}

// SingleEvent returns a one-event calendar for one occurrence, for "add this
// date to my calendar" links. It is embedded in the page as a data: URL, so a
// build writes no file per occurrence.
func (b Builder) SingleEvent(oc schedule.Occurrence) []byte {
	return b.Bytes(Calendar{
		Path:        paths.FeedOccasion(oc.Occasion.ID),
		Name:        oc.Occasion.Name.De,
		Description: oc.Occasion.Name.De + " " + fmt.Sprint(oc.Year),
		Events:      []Event{b.EventOf(oc)},
	})
}

func (b Builder) events(occ []schedule.Occurrence, compact bool) []Event {
	out := make([]Event, 0, len(occ))
	for _, oc := range occ {
		out = append(out, b.eventOf(oc, compact))
	}
	return out
}

// WriteFiles writes calendars below dir (the site root) and returns the
// number of bytes written. It fails when a feed would exceed MaxBytes. The
// calendars are serialised and written on all CPUs; the error returned is
// the first in the order of cals.
func (b Builder) WriteFiles(dir string, cals []Calendar) (int64, error) {
	files := make([]string, len(cals))
	made := map[string]bool{}
	for i, c := range cals {
		files[i] = filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(c.Path, "/")))
		if d := filepath.Dir(files[i]); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return 0, err
			}
			made[d] = true
		}
	}
	sizes := make([]int, len(cals))
	err := parallel.Each(len(cals), func(i int) (err error) {
		sizes[i], err = b.writeFile(files[i], cals[i])
		return err
	})
	var total int64
	for _, n := range sizes {
		total += int64(n)
	}
	return total, err
}

func (b Builder) writeFile(file string, c Calendar) (int, error) {
	data := b.Bytes(c)
	if len(data) >= MaxBytes {
		return 0, fmt.Errorf("%s is %d bytes, over the %d-byte limit: shorten the feed window in anlass.yaml", c.Path, len(data), MaxBytes)
	}
	return len(data), os.WriteFile(file, data, 0o644)
}
