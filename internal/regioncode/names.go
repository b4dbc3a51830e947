package regioncode

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/anlass/anlass/internal/textkey"
)

// otherNames are the names people write for a region besides its German
// name: English and French (and, for cantons, Italian) names, official long
// forms and common abbreviations. Spellings that differ only in accents,
// umlauts written as ae/oe/ue, case, spaces or punctuation need no entry.
var otherNames = map[string][]string{
	"DE":    {"Germany", "Allemagne", "Germania", "Bundesrepublik Deutschland", "BRD", "DEU", "D"},
	"DE-BW": {"Bade-Wurtemberg"},
	"DE-BY": {"Bavaria", "Bavière", "Freistaat Bayern"},
	"DE-HB": {"Freie Hansestadt Bremen", "Brême"},
	"DE-HH": {"Freie und Hansestadt Hamburg", "Hambourg"},
	"DE-HE": {"Hesse"},
	"DE-MV": {"Mecklenburg-Western Pomerania", "Mecklenburg-West Pomerania", "Mecklembourg-Poméranie-Occidentale"},
	"DE-NI": {"Lower Saxony", "Basse-Saxe"},
	"DE-NW": {"North Rhine-Westphalia", "North Rhine Westphalia", "Rhénanie-du-Nord-Westphalie", "NRW"},
	"DE-RP": {"Rhineland-Palatinate", "Rhénanie-Palatinat"},
	"DE-SL": {"Sarre"},
	"DE-SN": {"Saxony", "Saxe", "Freistaat Sachsen"},
	"DE-ST": {"Saxony-Anhalt", "Saxe-Anhalt"},
	"DE-TH": {"Thuringia", "Thuringe", "Freistaat Thüringen"},
	"AT":    {"Austria", "Autriche", "Republik Österreich", "AUT", "A"},
	"AT-2":  {"Carinthia", "Carinthie"},
	"AT-3":  {"Lower Austria", "Basse-Autriche"},
	"AT-4":  {"Upper Austria", "Haute-Autriche"},
	"AT-5":  {"Salzbourg"},
	"AT-6":  {"Styria", "Styrie"},
	"AT-7":  {"Tyrol"},
	"AT-9":  {"Vienna", "Vienne"},
	"CH":    {"Switzerland", "Suisse", "Svizzera", "Confoederatio Helvetica", "CHE"},
	"CH-AG": {"Argovie", "Argovia"},
	"CH-AI": {"Appenzell Inner Rhodes", "Appenzell Rhodes-Intérieures", "Appenzell I. Rh.", "Appenzell Innerrhoden"},
	"CH-AR": {"Appenzell Outer Rhodes", "Appenzell Rhodes-Extérieures", "Appenzell A. Rh.", "Appenzell Ausserrhoden", "Appenzell Außerrhoden"},
	"CH-BE": {"Berne", "Berna"},
	"CH-BL": {"Basel-Country", "Basel-Land", "Baselland", "Bâle-Campagne", "Basilea Campagna"},
	"CH-BS": {"Basel-City", "Bâle-Ville", "Basilea Città"},
	"CH-FR": {"Fribourg", "Friburgo"},
	"CH-GE": {"Genève", "Geneva", "Ginevra"},
	"CH-GL": {"Glaris", "Glarona"},
	"CH-GR": {"Grisons", "Grigioni", "Grischun"},
	"CH-LU": {"Lucerne", "Lucerna"},
	"CH-NE": {"Neuchâtel"},
	"CH-NW": {"Nidwald", "Nidvaldo"},
	"CH-OW": {"Obwald", "Obvaldo"},
	"CH-SG": {"Saint-Gall", "San Gallo", "Sankt Gallen", "St Gallen"},
	"CH-SH": {"Schaffhouse", "Sciaffusa"},
	"CH-SO": {"Soleure", "Soletta"},
	"CH-SZ": {"Schwytz", "Svitto"},
	"CH-TG": {"Thurgovie", "Turgovia"},
	"CH-TI": {"Ticino"},
	"CH-VD": {"Vaud"},
	"CH-VS": {"Valais", "Vallese"},
	"CH-ZG": {"Zoug", "Zugo"},
	"CH-ZH": {"Zurich", "Zurigo"},
}

// byName maps a folded name (textkey.Of) to the codes it names; a name shared
// by two regions (none so far) would list both.
var byName = func() map[string][]string {
	m := map[string][]string{}
	add := func(name, code string) {
		for _, k := range []string{textkey.Of(name), textkey.Of(umlautsAsE(name))} {
			if k != "" && !slices.Contains(m[k], code) {
				m[k] = append(m[k], code)
			}
		}
	}
	for _, r := range all {
		add(r.Name, r.Code)
		add(r.Code, r.Code)
		for _, n := range otherNames[r.Code] {
			add(n, r.Code)
		}
	}
	return m
}()

// umlautsAsE writes ä, ö, ü as ae, oe, ue, so that "Thueringen" and
// "Zuerich" find their region as well as "Thuringen" and "Zurich".
func umlautsAsE(s string) string {
	return strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue").Replace(norm.NFC.String(s))
}

// Match finds the region that people mean by a region and a country as
// they are written in address books and spreadsheets. region may be an ISO
// code (DE-BY, AT-9), a short code (BY, ZH), or a German, English or French
// name of a state, canton or country; country (a code or a name, may be
// empty) narrows short codes that two countries share (BE is Berlin or Bern)
// and is the answer when region is empty. Both empty: the zero Region and no
// error. The error says what was not understood.
func Match(region, country string) (Region, error) {
	region, country = strings.TrimSpace(region), strings.TrimSpace(country)
	var within Region
	if country != "" {
		c, err := matchName(country, "")
		if err != nil || !c.IsCountry() {
			return Region{}, fmt.Errorf("%q is not a country anlass knows (Deutschland, Österreich, Schweiz)", country)
		}
		within = c
	}
	if region == "" {
		return within, nil
	}
	r, err := matchName(region, within.Code)
	if err != nil {
		return Region{}, err
	}
	if within.Code != "" && r.Country != within.Code {
		return Region{}, fmt.Errorf("%q (%s) is not in %s", region, r.Code, within.Name)
	}
	return r, nil
}

// matchName finds one region by code or name, within country when given.
func matchName(s, country string) (Region, error) {
	if r, ok := Lookup(s); ok {
		return r, nil
	}
	codes := byName[textkey.Of(s)]
	if country != "" {
		if r, ok := Lookup(country + "-" + s); ok { // a short code: BY, ZH, 9
			return r, nil
		}
		var in []string
		for _, c := range codes {
			if byCode[c].Country == country {
				in = append(in, c)
			}
		}
		if len(in) > 0 {
			codes = in
		}
	} else {
		for _, c := range []string{"DE", "AT", "CH"} {
			if r, ok := Lookup(c + "-" + s); ok && !slices.Contains(codes, r.Code) {
				codes = append(codes, r.Code)
			}
		}
	}
	switch len(codes) {
	case 1:
		return byCode[codes[0]], nil
	case 0:
		return Region{}, fmt.Errorf("%q is not a country, state or canton anlass knows (expected a code such as DE-BY or a name such as Bayern)", s)
	}
	var names []string
	for _, c := range codes {
		names = append(names, c+" ("+byCode[c].Name+")")
	}
	return Region{}, fmt.Errorf("%q could be %s: write the full code", s, strings.Join(names, " or "))
}
