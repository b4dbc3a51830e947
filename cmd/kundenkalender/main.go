//go:build js && wasm

// Command kundenkalender is the customer calendar for the page
// /kundenkalender/: internal/kundenkalender compiled to WebAssembly
// (go generate ./templates writes templates/static/kundenkalender.wasm).
// The page hands it the chosen file's bytes and gets back the events, the
// problems and the .ics and CSV files, computed by the same code as
// `anlass kunden`. It makes no request of its own.
//
// It defines one JavaScript function:
//
//	anlassKundenkalender(name, bytes, options) → result
//
// options and result are JSON text (see request and response).
package main

import (
	"encoding/json"
	"syscall/js"

	"github.com/anlass/anlass/internal/civil"
	"github.com/anlass/anlass/internal/customerdates"
	"github.com/anlass/anlass/internal/diag"
	"github.com/anlass/anlass/internal/german"
	"github.com/anlass/anlass/internal/kundenkalender"
)

// request are the page's choices.
type request struct {
	From        string                  `json:"von"`
	To          string                  `json:"bis"`
	Lead        string                  `json:"vorlauf"` // "14d", "3w", "0"
	Feb29       string                  `json:"feb29"`   // "02-28" or "03-01"
	SkipInvalid bool                    `json:"ohneFehlerhafte"`
	Today       string                  `json:"heute"` // the DTSTAMP's day
	UIDDomain   string                  `json:"uidDomain"`
	BaseURL     string                  `json:"baseURL"`
	Holidays    kundenkalender.Holidays `json:"feiertage"`
}

type response struct {
	Error     string    `json:"fehler,omitempty"` // the options were unusable
	Summary   string    `json:"zusammenfassung"`
	Problems  []problem `json:"probleme"`
	Skipped   int       `json:"uebersprungen"`
	Blocked   bool      `json:"blockiert"`
	Customers int       `json:"kunden"`
	Counts    []count   `json:"anzahl"`
	Events    []event   `json:"termine"`
	ICS       string    `json:"ics"`
	CSV       string    `json:"csv"`
}

type problem struct {
	Line    int    `json:"zeile"`
	Warning bool   `json:"warnung"`
	Text    string `json:"text"` // file:line: message
}

type count struct {
	Kind  string `json:"art"`
	Label string `json:"label"`
	N     int    `json:"n"`
}

type event struct {
	Date     string `json:"datum"`
	Day      string `json:"tag"`
	Kind     string `json:"art"` // the kind's slug
	Label    string `json:"label"`
	Summary  string `json:"titel"`
	Occasion string `json:"anlass"` // the day of the occasion (preparations)
	URL      string `json:"url"`
}

func run(name string, data []byte, reqJSON string) response {
	var req request
	if err := json.Unmarshal([]byte(reqJSON), &req); err != nil {
		return response{Error: "Die Einstellungen der Seite sind unlesbar: " + err.Error()}
	}
	from, err1 := civil.Parse(req.From)
	to, err2 := civil.Parse(req.To)
	today, err3 := civil.Parse(req.Today)
	lead, err4 := customerdates.ParseLead(req.Lead)
	feb, err5 := customerdates.ParseFeb29(req.Feb29)
	for _, err := range []error{err1, err2, err3, err4, err5} {
		if err != nil {
			return response{Error: err.Error()}
		}
	}
	o := kundenkalender.Options{From: from, To: to, LeadDays: lead, Feb29: feb, SkipInvalid: req.SkipInvalid,
		Holidays: req.Holidays, UIDDomain: req.UIDDomain, BaseURL: req.BaseURL, Stamp: today.Time()}
	r, err := kundenkalender.Run(name, data, o)
	resp := response{Summary: kundenkalender.Summary(name, r), Skipped: len(r.Load.Skipped), Blocked: r.Blocked,
		Customers: len(r.Load.Customers), Problems: []problem{}, Events: []event{}, Counts: []count{}}
	if err != nil {
		resp.Error = err.Error()
	}
	for _, d := range r.Load.Diags {
		resp.Problems = append(resp.Problems, problem{Line: d.Line, Warning: d.Severity == diag.Warning, Text: d.String()})
	}
	if r.Blocked || err != nil {
		return resp
	}
	for _, c := range kundenkalender.Counts(r.Events) {
		resp.Counts = append(resp.Counts, count{Kind: c.Kind.Slug(), Label: c.Kind.Label(), N: c.N})
	}
	for _, e := range r.Events {
		resp.Events = append(resp.Events, event{Date: e.Start.String(), Day: german.WeekdayShort(e.Start), Kind: e.Kind.Slug(),
			Label: e.Kind.Label(), Summary: e.Summary, Occasion: e.Occasion.String(), URL: e.URL})
	}
	ics, err := kundenkalender.ICS(r.Events, o)
	if err != nil {
		resp.Error = err.Error()
		return resp
	}
	csv, err := kundenkalender.CSV(r.Events)
	if err != nil {
		resp.Error = err.Error()
		return resp
	}
	resp.ICS, resp.CSV = string(ics), string(csv)
	return resp
}

func main() {
	js.Global().Set("anlassKundenkalender", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) != 3 {
			return `{"fehler":"anlassKundenkalender(name, bytes, options)"}`
		}
		data := make([]byte, args[1].Get("length").Int())
		js.CopyBytesToGo(data, args[1])
		out, err := json.Marshal(run(args[0].String(), data, args[2].String()))
		if err != nil {
			return `{"fehler":"` + err.Error() + `"}`
		}
		return string(out)
	}))
	select {} // keep the function available
}
