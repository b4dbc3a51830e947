package main

import (
	"fmt"
	"io"

	"github.com/anlass/anlass/internal/project"
	"github.com/anlass/anlass/internal/schedule"
)

func writeListICS(w io.Writer, p *project.Project, occs []schedule.Occurrence, clock project.Clock, cats []string) error {
	return fmt.Errorf("ics output is not available yet")
}
