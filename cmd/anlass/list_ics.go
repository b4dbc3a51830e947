package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/anlass/anlass/internal/feed"
	"github.com/anlass/anlass/internal/occasion"
	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/schedule"
)

// writeListICS writes the listed occurrences as one calendar, built exactly
// like the published feeds.
func writeListICS(w io.Writer, p *project.Project, occs []schedule.Occurrence, clock project.Clock, cats []string) error {
	fb := feed.Builder{Config: p.Config, Clock: clock}
	name := p.Config.Title + ": alle Anlässe"
	if len(cats) > 0 {
		var labels []string
		for _, c := range cats {
			labels = append(labels, occasion.Category(c).Label())
		}
		name = p.Config.Title + ": " + strings.Join(labels, ", ")
	}
	cal := feed.Calendar{Path: "/feeds/all.ics", Name: name, Description: fmt.Sprintf("%d Anlässe aus %s", len(occs), p.Config.Title)}
	for _, oc := range occs {
		cal.Events = append(cal.Events, fb.EventOf(oc))
	}
	return fb.Write(w, cal)
}
