package markdown

import (
	"strings"
	"sync"
	"testing"
)

func render(t *testing.T, src string, rw Rewrite) string {
	t.Helper()
	r, err := Render([]byte(src), rw)
	if err != nil {
		t.Fatal(err)
	}
	return string(r.HTML)
}

func TestNeutralisesScript(t *testing.T) {
	cases := []struct {
		name, src string
		banned    []string
	}{
		{"script block", "<script>alert(1)</script>\n\nText", []string{"<script", "alert(1)"}},
		{"inline script", "Hallo <script>alert(1)</script> Welt", []string{"<script", "alert(1)"}},
		{"inline style", "Hallo <style>body{display:none}</style> Welt", []string{"<style", "display:none"}},
		{"iframe", "<iframe src=\"https://evil.example\"></iframe>", []string{"<iframe", "evil.example"}},
		{"onerror", "<img src=x onerror=alert(1)>", []string{"<img", "onerror"}},
		{"inline onerror", "Text <img src=x onerror=alert(1)> mehr", []string{"<img", "onerror"}},
		{"javascript link", "[x](javascript:alert(1))", []string{"javascript:", "<a"}},
		{"upper-case javascript", "[x](JavaScript:alert(1))", []string{"avascript:", "<a"}},
		{"javascript with tab", "[x](<java\tscript:alert(1)>)", []string{"script:", "<a"}},
		{"javascript entity", "[x](java&#115;cript:alert(1))", []string{"script:", "<a"}},
		{"vbscript link", "[x](vbscript:msgbox(1))", []string{"vbscript:", "<a"}},
		{"data link", "[x](data:text/html,<script>alert(1)</script>)", []string{"data:", "<a", "<script"}},
		{"data image", "![x](data:image/svg+xml;base64,PHN2Zz4=)", []string{"data:", "<img"}},
		{"javascript image", "![x](javascript:alert(1))", []string{"javascript:", "<img"}},
		{"javascript autolink", "<javascript:alert(1)>", []string{"href=\"javascript", "<a"}},
		{"data autolink", "<data:text/html,hi>", []string{"href=\"data", "<a"}},
		{"reference link", "[x][r]\n\n[r]: javascript:alert(1)", []string{"javascript:", "<a"}},
		{"attribute syntax", "## Titel {onclick=alert(1)}", []string{"onclick=\"", "<h2 onclick"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := render(t, c.src, nil)
			for _, b := range c.banned {
				if strings.Contains(strings.ToLower(got), strings.ToLower(b)) {
					t.Errorf("output contains %q:\n%s", b, got)
				}
			}
		})
	}
}

func TestKeepsSafeLinks(t *testing.T) {
	got := render(t, "[a](https://example.org/x) [b](mailto:info@example.org) [c](#abschnitt) <https://example.org/auto> www.example.com", nil)
	for _, want := range []string{`href="https://example.org/x"`, `href="mailto:info@example.org"`, `href="#abschnitt"`, `href="https://example.org/auto"`, `href="http://www.example.com"`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
}

func TestExternalImageBecomesLink(t *testing.T) {
	got := render(t, "![Ein Foto](https://cdn.example/x.jpg)", nil)
	if strings.Contains(got, "<img") {
		t.Errorf("external image kept: %s", got)
	}
	if !strings.Contains(got, `<a href="https://cdn.example/x.jpg">Ein Foto</a>`) {
		t.Errorf("want a link to the image: %s", got)
	}
	got = render(t, "![Lokal](/bilder/x.png)", func(p string) string { return "../.." + p })
	if !strings.Contains(got, `<img src="../../bilder/x.png" alt="Lokal"`) {
		t.Errorf("local image: %s", got)
	}
}

func TestRewritesSitePaths(t *testing.T) {
	rw := func(p string) string { return "../.." + p }
	got := render(t, "[W](/anlaesse/weltspartag/) [F](/anlaesse/x/#teil) [E](https://e.org/) [R](relativ/) [P](//host/x)", rw)
	for _, want := range []string{`href="../../anlaesse/weltspartag/"`, `href="../../anlaesse/x/#teil"`, `href="https://e.org/"`, `href="relativ/"`, `href="//host/x"`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
}

func TestHeadingIDs(t *testing.T) {
	r, err := Render([]byte("## Größe & Gewicht\n\n## Größe & Gewicht\n\n### Café-Tipps für Ärzte\n\n## !!!\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []Heading{
		{2, "groesse-gewicht", "Größe & Gewicht"},
		{2, "groesse-gewicht-2", "Größe & Gewicht"},
		{3, "cafe-tipps-fuer-aerzte", "Café-Tipps für Ärzte"},
		{2, "abschnitt", "!!!"},
	}
	if len(r.Headings) != len(want) {
		t.Fatalf("headings = %v", r.Headings)
	}
	for i, h := range want {
		if r.Headings[i] != h {
			t.Errorf("heading %d = %+v, want %+v", i, r.Headings[i], h)
		}
		if !strings.Contains(string(r.HTML), `id="`+h.ID+`"`) {
			t.Errorf("html lacks id %q", h.ID)
		}
	}
}

func TestPlain(t *testing.T) {
	got := Plain([]byte("Der **Pi-Tag** stammt aus [San Francisco](/x/);\ndie Zahl `3,14`.\n\n<b>roh</b> Zweiter Absatz."))
	want := "Der Pi-Tag stammt aus San Francisco; die Zahl 3,14. roh Zweiter Absatz."
	if got != want {
		t.Errorf("Plain = %q, want %q", got, want)
	}
}

func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				got := render(t, "## Titel\n\n[a](/x/) und <script>x</script>", func(p string) string { return ".." + p })
				if !strings.Contains(got, `href="../x/"`) || strings.Contains(got, "<script") {
					t.Errorf("got %s", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}
