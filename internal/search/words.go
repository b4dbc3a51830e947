package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"

	"github.com/anlass/anlass/internal/markdown"
)

// Words splits text into its words: runs of letters and digits. Hyphens,
// apostrophes and all other marks separate words, so "IT-Abteilung" is
// "IT" and "Abteilung".
func Words(text string) []string {
	var out []string
	eachWord(text, func(w string, _ bool) { out = append(out, w) })
	return out
}

// eachWord calls f with each word of text, as Words splits it, and whether
// the word starts a sentence (or the text): it follows one of .!?:; or a
// line break, opening quote, dash or parenthesis.
func eachWord(text string, f func(word string, start bool)) {
	start := true
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			if strings.ContainsRune(".!?:;\n„“\"–(", r) {
				start = true
			}
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r2, n2 := rune(text[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, n2 = utf8.DecodeRuneInString(text[j:])
			}
			if !isWordRune(r2) {
				break
			}
			j += n2
		}
		f(text[i:j], start)
		start = false
		i = j
	}
}

// Normalize folds a word so that the spellings people type meet: lower case,
// accents dropped (é → e) but umlauts kept, ß as ss, and ae, oe, ue read as
// ä, ö, ü (ue not after q: "Quelle"), as Snowball's german2 variant reads
// them. So "Raunaechte" and "Raunächte" are both "raunächte", "Strasse" and
// "Straße" both "strasse". The page's script does the same (site.js,
// normalize); the browser test compares both over the whole vocabulary.
func Normalize(word string) string {
	var b strings.Builder
	b.Grow(len(word))
	prev := rune(0)
	lower := []rune(strings.ToLower(word))
	for i := 0; i < len(lower); i++ {
		r := lower[i]
		if i+1 < len(lower) && lower[i+1] == 'e' {
			u := rune(0)
			switch r {
			case 'a':
				u = 'ä'
			case 'o':
				u = 'ö'
			case 'u':
				if prev != 'q' {
					u = 'ü'
				}
			}
			if u != 0 {
				b.WriteRune(u)
				prev = 'e'
				i++
				continue
			}
		}
		prev = r
		if r == 'ß' {
			b.WriteString("ss")
			continue
		}
		b.WriteRune(markdown.FoldAccent(r))
	}
	return b.String()
}

// Stem reduces a normalized word to its stem with the Snowball German
// stemmer: "hunde", "hundes" → "hund"; "entschuldigung", "entschuldigen" →
// "entschuld". Stems have no umlauts (Snowball's last step drops them), so
// "nächte" and "nacht" meet too. Words with a digit stay as they are.
func Stem(env *snowballstem.Env, norm string) string {
	if strings.IndexFunc(norm, unicode.IsDigit) >= 0 {
		return norm
	}
	env.SetCurrent(norm)
	german.Stem(env)
	return env.Current()
}

// minWordLen is the shortest word that is indexed or searched for: "IT" is,
// "a" is not.
const minWordLen = 2

// indexable reports whether a normalized word is worth a term: long enough
// and not a stop word.
func indexable(norm string) bool {
	return utf8.RuneCountInString(norm) >= minWordLen && !stopWords[norm]
}

// stopWords are words too common to tell pages apart, normalized. They are
// left out of the index, and the page's script leaves them out of queries
// (the index carries this list), so "Tag der Arbeit" looks for "tag" and
// "arbeit". German function words after Snowball's German stop list, and a
// few English ones for the English names.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
		anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das
		dass daß derselbe derselben denselben desselben demselben dieselbe dieselben dasselbe dazu dein
		deine deinem deinen deiner deines denn derer dessen dich dir du dies diese diesem diesen dieser
		dieses doch dort durch ein eine einem einen einer eines einig einige einigem einigen einiger
		einiges einmal er ihn ihm es etwas euer eure eurem euren eurer eures für gegen gewesen hab habe
		haben hat hatte hatten hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres euch im in
		indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine
		keinem keinen keiner keines können könnte machen man manche manchem manchen mancher manches mein
		meine meinem meinen meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne
		sehr sein seine seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen
		solcher solches soll sollte sondern sonst über um und uns unsere unserem unseren unser unseres
		unter viel vom von vor während war waren warst was weg weil weiter welche welchem welchen welcher
		welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur
		zwar zwischen
		the of and to for on at an or is are be with from as
	`) {
		m[Normalize(w)] = true
	}
	return m
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
