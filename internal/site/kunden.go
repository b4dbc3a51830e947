package site

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/kundenkalender"
	"github.com/anlass/anlass/internal/siteurl"
)

// The customer calendar's page (/kundenkalender/) runs internal/kundenkalender
// compiled to WebAssembly (templates/static/kundenkalender.wasm). Everything
// it needs is loaded when it opens: the program, and the public holidays of
// every region for the build's years, which the Geschenk-ohne-Grund days
// avoid. The customer file itself is read in the browser and never sent
// anywhere; the build writes nothing of it.

// ExampleCustomers is the project's example customer list, offered on the
// page for download.
const ExampleCustomers = "examples/kunden-beispiel.csv"

func (s *site) kundenOutputs() []output {
	outs := []output{{path: siteurl.KundenHolidays(), render: s.kundenHolidays}}
	if data, err := os.ReadFile(filepath.Join(s.in.Project.Root, filepath.FromSlash(ExampleCustomers))); err == nil {
		outs = append(outs, output{path: siteurl.KundenExample(), render: func() ([]byte, error) { return data, nil }})
	}
	return outs
}

// kundenHolidays is kundenkalender/feiertage.json: every region's public
// holidays in the build's years.
func (s *site) kundenHolidays() ([]byte, error) {
	from, to := s.w.From.Year(), s.w.To.Year()
	byRegion := map[string][]civil.Date{}
	if book := s.regionBook(); book != nil {
		byRegion = book.HolidayDays(civil.Of(from, 1, 1), civil.Of(to, 12, 31))
	}
	data, err := json.Marshal(kundenkalender.NewHolidays(from, to, byRegion))
	return append(data, '\n'), err
}

// kundenData is what the page template needs.
type kundenData struct {
	Holidays, Example, Wasm string // hrefs relative to the page; Example empty without one
	UIDDomain, BaseURL      string
	FromYear, ToYear        int
}

func (s *site) kundenPageData(p *Page) kundenData {
	d := kundenData{Holidays: p.Rel(siteurl.KundenHolidays()), Wasm: p.Asset("kundenkalender.wasm"),
		UIDDomain: s.cfg.UIDDomain, BaseURL: s.cfg.BaseURL, FromYear: s.w.From.Year(), ToYear: s.w.To.Year()}
	if _, err := os.Stat(filepath.Join(s.in.Project.Root, filepath.FromSlash(ExampleCustomers))); err == nil {
		d.Example = p.Rel(siteurl.KundenExample())
	}
	return d
}
