package config

import (
	"fmt"
	"math"
	"strings"

	"github.com/mazznoer/csscolorparser"
)

// Brand is what a site owner sets to make the site theirs without a
// template: a logo, an accent colour and a line in the footer.
type Brand struct {
	Logo       string // a file in the project, e.g. assets/logo.svg; replaces the built-in mark
	Accent     string // light mode: links, buttons, highlights (a CSS colour, normalised to #rrggbb)
	AccentDark string // dark mode; derived from Accent when empty
	Footer     string // one line in every page's footer
}

// The page backgrounds of the built-in stylesheet (templates/static/style.css,
// --bg in light and dark mode); a test keeps them in step.
const (
	PageBackground     = "#f6f3ee"
	PageBackgroundDark = "#15171c"
)

// MinContrast is the contrast an accent must reach against the page
// background: WCAG 2.2, 1.4.3, for normal text (links are text).
const MinContrast = 4.5

// parseColour reads a CSS colour (#0d6b66, rgb(13 107 102), teal, hsl(…));
// it must be opaque.
func parseColour(s string) (csscolorparser.Color, error) {
	c, err := csscolorparser.Parse(strings.TrimSpace(s))
	if err != nil {
		return c, fmt.Errorf("%q is not a CSS colour: write it as #rrggbb, e.g. #0d6b66", s)
	}
	if c.A < 1 {
		return c, fmt.Errorf("%q is transparent: an accent colour must be opaque", s)
	}
	return c, nil
}

// luminance is the relative luminance of an sRGB colour (WCAG 2.2).
func luminance(c csscolorparser.Color) float64 {
	lin := func(v float64) float64 {
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG contrast ratio of two colours, 1 … 21.
func Contrast(a, b csscolorparser.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// checkAccent validates an accent colour against a background and returns
// it as #rrggbb.
func checkAccent(s, background, mode string) (string, error) {
	c, err := parseColour(s)
	if err != nil {
		return "", err
	}
	bg, _ := csscolorparser.Parse(background)
	if r := Contrast(c, bg); r < MinContrast {
		return "", fmt.Errorf("%q reaches only %.2f:1 against the %s page background %s; links need %.1f:1 (WCAG 2.2, 1.4.3): choose a %s colour",
			s, r, mode, background, MinContrast, map[string]string{"light": "darker", "dark": "lighter"}[mode])
	}
	return c.HexString(), nil
}

// DarkVariant returns a colour of the same hue as accent, lightened just
// enough to reach MinContrast against the dark page background.
func DarkVariant(accent string) string {
	c, err := parseColour(accent)
	if err != nil {
		return accent
	}
	bg, _ := csscolorparser.Parse(PageBackgroundDark)
	for t := 0.0; t <= 1; t += 0.02 {
		m := csscolorparser.Color{R: c.R + (1-c.R)*t, G: c.G + (1-c.G)*t, B: c.B + (1-c.B)*t, A: 1}
		if Contrast(m, bg) >= MinContrast+0.2 { // a margin for rounding in browsers
			return m.HexString()
		}
	}
	return "#ffffff"
}

// InkOn returns the text colour for text on an accent background: white
// when it reaches MinContrast, else the site's near-black, else black (one
// of white and black always reaches it).
func InkOn(accent string) string {
	c, err := parseColour(accent)
	if err != nil {
		return "#ffffff"
	}
	for _, ink := range []string{"#ffffff", "#0f1a19"} {
		if i, _ := csscolorparser.Parse(ink); Contrast(c, i) >= MinContrast {
			return ink
		}
	}
	return "#000000"
}
