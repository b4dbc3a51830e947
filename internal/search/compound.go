package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Compounds: German writes "Bürohund", and someone searching for "Hund"
// wants it, but not "Jahrhundert" or "Hunderten". A substring or a bare
// prefix search cannot tell these apart; a dictionary can. The site's own
// text is the dictionary: a word is split where both sides are words the
// site uses, the last part a noun (a word seen capitalized inside a
// sentence). "bürohund" = "büro" + "hund", "welthundetag" = "welt" +
// "hunde" + "tag", "hundstage" = "hund" + s + "tage"; "jahrhundert" gives
// "jahr" + "hundert" and "hunderten" nothing, so neither is found by "Hund".
// Each part is indexed as a term of the word's field, beside the word.

// minPartLen is the shortest compound part, in letters: "Tag" in
// "Geburtstag", "Tee" in "Kräutertee".
const minPartLen = 3

// maxParts bounds how deep a word is split.
const maxParts = 4

// links are the linking elements (Fugenelemente) between compound parts,
// longest first: "Geburt-s-tag", "Hund-e-kuchen", "Blume-n-strauß".
var links = []string{"ens", "es", "en", "er", "s", "n", "e"}

// splitter knows the site's words. Words and nouns hold normalized forms.
type splitter struct {
	words map[string]bool   // every indexable word of three letters or more
	nouns map[string]bool   // those seen capitalized inside a sentence
	lower map[string]bool   // those seen in lower case
	norm  map[string]string // Normalize of each word seen, as it is written
}

func newSplitter() *splitter {
	return &splitter{words: map[string]bool{}, nouns: map[string]bool{}, lower: map[string]bool{}, norm: map[string]string{}}
}

// normalize is Normalize, remembered: a site writes the same words often.
func (s *splitter) normalize(word string) string {
	n, ok := s.norm[word]
	if !ok {
		n = Normalize(word)
		s.norm[word] = n
	}
	return n
}

// learn adds the words of a text. A capitalized word counts as a noun
// unless it starts a sentence (or the text).
func (s *splitter) learn(text string) {
	eachWord(text, func(word string, start bool) {
		w := s.normalize(word)
		if utf8.RuneCountInString(w) < minPartLen || !indexable(w) {
			return
		}
		s.words[w] = true
		if r, _ := utf8.DecodeRuneInString(word); !unicode.IsUpper(r) {
			s.lower[w] = true
		} else if !start {
			s.nouns[w] = true
		}
	})
}

// parts splits a normalized word into its compound parts, nil when it is
// none. The longest last part wins: "weihnachtsmarkt" is "weihnacht" +
// "markt", not "weih" + "nachtsmarkt".
func (s *splitter) parts(w string) []string {
	return s.split(w, maxParts)
}

func (s *splitter) split(w string, budget int) []string {
	if budget < 2 {
		return nil
	}
	r := []rune(w)
	for i := minPartLen; i+minPartLen <= len(r); i++ {
		head := string(r[i:])
		if !s.isNoun(head) {
			continue
		}
		if mod := s.modifier(string(r[:i]), budget-1); mod != nil {
			// A head may be a compound too: "weltkindertag" is "welt",
			// "kindertag", and so "kinder" and "tag".
			return append(append(mod, head), s.split(head, budget-len(mod))...)
		}
	}
	return nil
}

// endings are the inflection endings a noun of the dictionary may have
// lost or gained as a compound's part: "Tagen" is "Tag", "Weihnachts-" is
// "Weihnachten".
var endings = []string{"ern", "en", "er", "es", "e", "n", "s"}

// isNoun reports whether w is a noun of the dictionary, or one with an
// inflection ending ("tagen" for "Tag").
func (s *splitter) isNoun(w string) bool {
	if s.nouns[w] {
		return true
	}
	for _, e := range endings {
		if b, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(b) >= minPartLen && s.nouns[b] {
			return true
		}
	}
	return false
}

// isWord reports whether m is a word of the dictionary, or the stem of one
// that ends in e, en or n ("weihnacht" of "Weihnachten").
func (s *splitter) isWord(m string) bool {
	if utf8.RuneCountInString(m) <= minPartLen {
		// Short words are prefixes as often as words ("ver-", "pro-"):
		// only nouns never written in lower case count ("Tee-beutel").
		return s.nouns[m] && !s.lower[m]
	}
	if s.words[m] {
		return true
	}
	for _, e := range []string{"e", "en", "n"} {
		if s.words[m+e] {
			return true
		}
	}
	return false
}

// modifier reads the first part of a compound: a word, a word and a linking
// element, or itself a compound.
func (s *splitter) modifier(m string, budget int) []string {
	if s.isWord(m) {
		return []string{m}
	}
	for _, l := range links {
		if b, ok := strings.CutSuffix(m, l); ok && utf8.RuneCountInString(b) >= minPartLen && s.isWord(b) {
			return []string{b}
		}
	}
	if p := s.split(m, budget); p != nil {
		return p
	}
	for _, l := range links {
		if b, ok := strings.CutSuffix(m, l); ok {
			if p := s.split(b, budget); p != nil {
				return p
			}
		}
	}
	return nil
}
