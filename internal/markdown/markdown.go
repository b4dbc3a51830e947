// Package markdown turns the Markdown of articles and occasion summaries into
// safe HTML. Content arrives by pull request, so nothing in it may run script
// on the site: raw HTML is dropped, links and images are limited to harmless
// schemes, and external images (a request to a third party) become links.
//
// The goldmark engine is built once and is safe for concurrent use; every
// call gets its own parser context (heading ids, link rewriting).
package markdown

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Heading is a section heading of a rendered document (for a table of contents).
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Result is a rendered document.
type Result struct {
	HTML     template.HTML
	Headings []Heading // every heading, in document order
}

// Rewrite maps a site path ("/anlaesse/x/") to the href written into the
// page, e.g. a path relative to the page or an absolute URL.
type Rewrite func(sitePath string) string

var (
	rewriteKey = parser.NewContextKey()

	engine = goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(linkGuard{}, 0)),
		),
		// No html.WithUnsafe; dropHTML also leaves out goldmark's
		// "raw HTML omitted" comments.
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(dropHTML{}, 100))),
	)
)

// Render converts src to HTML. Link and image destinations that start with
// "/" (site paths) are passed through rewrite (nil keeps them).
func Render(src []byte, rewrite Rewrite) (Result, error) {
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	if rewrite != nil {
		ctx.Set(rewriteKey, rewrite)
	}
	doc := engine.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := engine.Renderer().Render(&buf, src, doc); err != nil {
		return Result{}, err
	}
	var hs []Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			id, _ := h.AttributeString("id")
			idb, _ := id.([]byte)
			hs = append(hs, Heading{Level: h.Level, ID: string(idb), Text: plainOf(h, src)})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return Result{HTML: template.HTML(buf.String()), Headings: hs}, nil
}

// Plain returns the text of src without markup, on one line: for meta
// descriptions, search and JSON.
func Plain(src []byte) string {
	doc := engine.Parser().Parse(text.NewReader(src))
	return plainOf(doc, src)
}

// PlainAndHeadings returns the text of src as Plain does, and the text of
// each of its headings, in one parse: for the search index.
func PlainAndHeadings(src []byte) (string, []string) {
	doc := engine.Parser().Parse(text.NewReader(src))
	var hs []string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*ast.Heading); ok {
			hs = append(hs, plainOf(n, src))
		}
	}
	return plainOf(doc, src), hs
}

func plainOf(root ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.Label(src))
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// SafeURL reports whether a link destination may appear in an href: site
// paths, relative paths, fragments, and the schemes http, https, mailto, tel.
func SafeURL(dest string) bool {
	// The HTML renderer resolves character references ("java&#115;cript:").
	dest = string(util.ResolveEntityNames(util.ResolveNumericReferences([]byte(dest))))
	// Browsers drop tabs and newlines inside URLs and ignore leading spaces
	// and control characters, so "java\tscript:" is "javascript:".
	clean := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, dest)
	clean = strings.TrimLeftFunc(clean, func(r rune) bool { return r <= ' ' || unicode.IsSpace(r) })
	end := strings.IndexAny(clean, "/?#")
	if end < 0 {
		end = len(clean)
	}
	colon := strings.IndexByte(clean[:end], ':')
	if colon < 0 {
		return true // relative: no scheme
	}
	switch strings.ToLower(clean[:colon]) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// external reports whether dest points to another host.
func external(dest string) bool {
	d := strings.ToLower(strings.TrimSpace(dest))
	return strings.HasPrefix(d, "http:") || strings.HasPrefix(d, "https:") || strings.HasPrefix(d, "//")
}

// linkGuard neutralises unsafe links and images and rewrites site paths.
type linkGuard struct{}

func (linkGuard) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	rewrite, _ := pc.Get(rewriteKey).(Rewrite)
	src := reader.Source()
	type change struct {
		old ast.Node
		new []ast.Node
	}
	var changes []change
	unwrap := func(n ast.Node) []ast.Node {
		var kids []ast.Node
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			kids = append(kids, c)
		}
		return kids
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			dest := string(n.Destination)
			if !SafeURL(dest) {
				changes = append(changes, change{n, unwrap(n)})
				return ast.WalkContinue, nil
			}
			n.Destination = []byte(rewriteDest(dest, rewrite))
		case *ast.Image:
			dest := string(n.Destination)
			switch {
			case !SafeURL(dest) || strings.HasPrefix(strings.ToLower(strings.TrimSpace(dest)), "mailto:") || strings.HasPrefix(strings.ToLower(strings.TrimSpace(dest)), "tel:"):
				changes = append(changes, change{n, []ast.Node{ast.NewString([]byte(plainOf(n, src)))}})
			case external(dest):
				// Loading it would be a request to a third party: link to it instead.
				alt := plainOf(n, src)
				if alt == "" {
					alt = "Bild"
				}
				l := ast.NewLink()
				l.Destination = n.Destination
				l.AppendChild(l, ast.NewString([]byte(alt)))
				changes = append(changes, change{n, []ast.Node{l}})
			default:
				n.Destination = []byte(rewriteDest(dest, rewrite))
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			url := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkURL && !SafeURL(url) {
				changes = append(changes, change{n, []ast.Node{ast.NewString(n.Label(src))}})
			}
		case *ast.RawHTML:
			// Raw HTML is not rendered; the text between <script> and
			// </script> (or style) would show as stray code, so drop it too.
			if name := openingTag(n, src); name == "script" || name == "style" {
				for s := n.NextSibling(); s != nil; s = s.NextSibling() {
					if r, ok := s.(*ast.RawHTML); ok && closingTag(r, src) == name {
						break
					}
					changes = append(changes, change{s, nil})
				}
			}
		}
		return ast.WalkContinue, nil
	})
	for _, c := range changes {
		parent := c.old.Parent()
		if parent == nil {
			continue
		}
		for _, k := range c.new {
			if k.Parent() != nil {
				k.Parent().RemoveChild(k.Parent(), k)
			}
			parent.InsertBefore(parent, c.old, k)
		}
		parent.RemoveChild(parent, c.old)
	}
}

func rewriteDest(dest string, rewrite Rewrite) string {
	if rewrite != nil && strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//") {
		return rewrite(dest)
	}
	return dest
}

// ids makes heading ids readable for German headings: "Größe & Gewicht" →
// "groesse-gewicht". Repeated ids get -2, -3, ….
type ids struct{ used map[string]bool }

func newIDs() *ids { return &ids{used: map[string]bool{}} }

var translit = map[rune]string{'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss", 'Ä': "ae", 'Ö': "oe", 'Ü': "ue"}

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	var b strings.Builder
	dash := false
	for len(value) > 0 {
		r, size := utf8.DecodeRune(value)
		value = value[size:]
		var out string
		switch {
		case translit[r] != "":
			out = translit[r]
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			out = string(unicode.ToLower(r))
		case unicode.IsLetter(r):
			out = string(FoldAccent(unicode.ToLower(r)))
		}
		if out == "" {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(out)
	}
	base := b.String()
	if base == "" {
		base = "abschnitt"
	}
	id := base
	for i := 2; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }

// FoldAccent maps common accented Latin letters to ASCII; anything else is
// kept (ids may contain any letter). Sort keys on the site use it too.
func FoldAccent(r rune) rune {
	const from = "àáâãåèéêëìíîïòóôõøùúûýÿçñ"
	const to = "aaaaaeeeeiiiiooooouuuyycn"
	if i := strings.IndexRune(from, r); i >= 0 {
		return rune(to[utf8.RuneCountInString(from[:i])])
	}
	return r
}

// dropHTML renders raw HTML as nothing. Its priority is above goldmark's
// HTML renderer, so it replaces that renderer for these two kinds.
type dropHTML struct{}

func (dropHTML) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	skip := func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	}
	r.Register(ast.KindRawHTML, skip)
	r.Register(ast.KindHTMLBlock, skip)
}

// openingTag returns the lower-case element name of an inline opening tag
// such as <script type="x">, and "" for anything else.
func openingTag(n *ast.RawHTML, src []byte) string {
	t := rawText(n, src)
	if len(t) < 2 || t[0] != '<' || t[1] == '/' || strings.HasSuffix(t, "/>") {
		return ""
	}
	return tagName(t[1:])
}

// closingTag returns the element name of an inline closing tag such as </script>.
func closingTag(n *ast.RawHTML, src []byte) string {
	t := rawText(n, src)
	if !strings.HasPrefix(t, "</") {
		return ""
	}
	return tagName(t[2:])
}

func rawText(n *ast.RawHTML, src []byte) string {
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

func tagName(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') })
	if end < 0 {
		end = len(s)
	}
	return strings.ToLower(s[:end])
}
