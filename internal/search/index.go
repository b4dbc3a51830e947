package search

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"sync"

	"github.com/blevesearch/snowballstem"

	"github.com/anlass/anlass/internal/parallel"
)

// Kind is what a result is, as the search page shows it.
type Kind string

const (
	KindOccasion Kind = "Anlass"
	KindArticle  Kind = "Idee"
	KindRegion   Kind = "Region"
	KindPage     Kind = "Seite"
)

// Field is where a word stands on a page. Fields rank results: a match in
// the name beats one in the tags, and so on down to the running text.
type Field int

const (
	Name    Field = iota // the name or title
	Keys                 // English name, topics, target groups, category, region codes
	Summary              // the summary or lead
	Heads                // ideas' titles, articles' headings
	Text                 // ideas' texts, articles' text, origin
	numFields
)

var fieldNames = [numFields]string{"name", "keys", "summary", "heads", "text"}

// A document's term is filed in one slot: its highest field, and there
// whether it stands as a word ("Hund") or only as part of a compound
// ("Bürohund"), which ranks a little lower. slotWeights are the weights the
// page ranks by: 16 for a word of the name, 12 for a part of one, 8 for a
// word of the keys, and so on.
const numSlots = 2 * numFields

func slotOf(f Field, part bool) int {
	if part {
		return 2*int(f) + 1
	}
	return 2 * int(f)
}

var slotWeights = func() []float64 {
	w := make([]float64, numSlots)
	for f := range numFields {
		whole := float64(int(1) << (numFields - 1 - f))
		w[slotOf(f, false)], w[slotOf(f, true)] = whole, whole*3/4
	}
	return w
}()

func slotNames() []string {
	out := make([]string, numSlots)
	for f := range numFields {
		out[slotOf(f, false)], out[slotOf(f, true)] = fieldNames[f], fieldNames[f]+"~"
	}
	return out
}

// Doc is one page to find.
type Doc struct {
	Kind  Kind
	Title string
	URL   string // relative to the site root, without the leading slash
	Date  string // the next date of an occasion (YYYY-MM-DD), else ""
	Label string // shown beside the kind: the category, the country
	Class string // a CSS class for the result's colour, may be ""
	// Excerpt is the text shown under the title when no sentence of the
	// page has a word of the query: the summary or lead.
	Excerpt string
	// Later, when set, adds the texts that are costly to make (an article's
	// text from its Markdown). The index calls it when it makes its files,
	// on all CPUs and while the site renders its pages; LaterSize is about
	// how many bytes of text it adds.
	Later     func(d *Doc)
	LaterSize int
	texts     [numFields][]string
}

// Add adds texts to a field of the document.
func (d *Doc) Add(f Field, texts ...string) {
	for _, t := range texts {
		if t != "" {
			d.texts[f] = append(d.texts[f], t)
		}
	}
}

// Index collects the documents and writes the files of the search. Its
// layout (Paths) is known as soon as the documents are; the contents are
// made on the first call of Data, so that a build can list the files first
// and make them while it renders pages.
type Index struct {
	docs    []Doc
	laidOut sync.Once // layout
	chunks  []int     // the first document of each chunk
	shards  int       // how many term shards
	once    sync.Once
	files   map[string][]byte
	err     error
}

// Add adds documents. It must not be called after Paths or Data.
func (ix *Index) Add(docs ...Doc) { ix.docs = append(ix.docs, docs...) }

// Layout of the files, below the folder of index.json:
//
//	index.json    the manifest: version, fields and their weights, stop
//	              words, how documents and terms are split into files
//	t/<n>.json    a shard of the terms: for each term, per field, the
//	              documents that have it there (delta-coded ids)
//	d/<n>.json    a chunk of the documents: what a result shows, and the
//	              texts its excerpt is cut from
//
// The search page loads index.json, then only the term shards of the
// words typed and the document chunks of the results it shows, so that
// what a query loads grows with its results, not with the site.
//
// Document ids are the rank among equals: documents are numbered by next
// date (occasions without one, articles and pages after them, in the order
// added), so that the page ranks by field first and by id second.
//
// A term is listed for a document only in the highest field it is in: the
// ranking needs no more. A term's shard is a hash of its first two letters
// (ShardOf), so that a prefix of two letters or more is in one shard.
const (
	indexVersion = 1
	// chunkBytes is about how much text one document chunk holds; a
	// document is never split.
	chunkBytes = 8 << 10
	// shardText is how many bytes of the documents' text make one more
	// term shard: the repo's catalogue has about 20 shards of 5 KB (gzip).
	shardText = 64 << 10
	maxShards = 256
)

// manifest is index.json.
type manifest struct {
	Version int       `json:"version"`
	Fields  []string  `json:"fields"`  // the slots: fields, each as words and as compound parts
	Weights []float64 `json:"weights"` // of each slot, for ranking
	Stop    []string  `json:"stop"`
	Build   string    `json:"build"` // a hash of the other files, asked for with them against stale caches
	Docs    int       `json:"docs"`
	Chunks  []int     `json:"chunks"` // the first document of each d/<n>.json, delta-coded
	Shards  int       `json:"shards"` // how many t/<n>.json
}

// docJSON is a document in a chunk: kind, title, url, date, label, class,
// excerpt, then the texts for excerpts (summary, headings, text).
type docJSON []any

// layout sorts the documents and splits them into chunks and shards, from
// the lengths of their texts alone.
func (ix *Index) layout() {
	slices.SortStableFunc(ix.docs, func(a, b Doc) int {
		switch {
		case a.Date != "" && b.Date == "":
			return -1
		case a.Date == "" && b.Date != "":
			return 1
		}
		return cmp.Compare(a.Date, b.Date)
	})
	size, total := 0, 0
	for id := range ix.docs {
		if id == 0 || size >= chunkBytes {
			ix.chunks = append(ix.chunks, id)
			size = 0
		}
		n := ix.docs[id].size()
		size += n
		total += n
	}
	// A shard holds the terms of some of the few hundred first-two-letter
	// keys German has; more shards than that would mostly be empty.
	ix.shards = min(1+total/shardText, maxShards)
}

// size is about how many bytes the document takes in its chunk.
func (d *Doc) size() int {
	n := len(d.Title) + len(d.URL) + len(d.Excerpt) + 40 + d.LaterSize
	for f := Summary; f < numFields; f++ {
		for _, t := range d.texts[f] {
			n += len(t) + 3
		}
	}
	return n
}

// Paths lists the files of the index, relative to its folder.
func (ix *Index) Paths() []string {
	ix.laidOut.Do(ix.layout)
	out := []string{"index.json"}
	for n := range ix.shards {
		out = append(out, "t/"+strconv.Itoa(n)+".json")
	}
	for n := range ix.chunks {
		out = append(out, "d/"+strconv.Itoa(n)+".json")
	}
	return out
}

// Data returns the contents of one of Paths. The first call makes all of
// them; it is safe for concurrent use.
func (ix *Index) Data(path string) ([]byte, error) {
	ix.laidOut.Do(ix.layout)
	ix.once.Do(func() { ix.files, ix.err = ix.make() })
	if ix.err != nil {
		return nil, ix.err
	}
	data, ok := ix.files[path]
	if !ok {
		return nil, fmt.Errorf("search: no file %s", path)
	}
	return data, nil
}

func (ix *Index) make() (map[string][]byte, error) {
	docs := ix.docs
	_ = parallel.Each(len(docs), func(i int) error {
		if d := &docs[i]; d.Later != nil {
			d.Later(d)
		}
		return nil
	})
	sp := newSplitter()
	for i := range docs {
		for _, ts := range docs[i].texts {
			for _, t := range ts {
				sp.learn(t)
			}
		}
	}
	tm := termMaker{sp: sp, env: snowballstem.NewEnv(""), cache: map[string][]int{}, ids: map[string]int{}}
	// Per term (by its number in tm.terms): the postings per slot, and the
	// best slot in the document at hand (lastDoc says which document).
	var postings [][numSlots][]int
	var lastDoc, bestSlot []int
	var order []int
	for id := range docs {
		d := &docs[id]
		order = order[:0]
		for f := Field(0); f < numFields; f++ {
			for _, t := range d.texts[f] {
				eachWord(t, func(w string, _ bool) {
					for i, term := range tm.termsOf(w) {
						slot := slotOf(f, i > 0)
						for term >= len(lastDoc) {
							lastDoc, bestSlot = append(lastDoc, -1), append(bestSlot, 0)
							postings = append(postings, [numSlots][]int{})
						}
						if lastDoc[term] != id {
							lastDoc[term], bestSlot[term] = id, slot
							order = append(order, term)
						} else if slot < bestSlot[term] {
							bestSlot[term] = slot
						}
					}
				})
			}
		}
		for _, term := range order {
			postings[term][bestSlot[term]] = append(postings[term][bestSlot[term]], id)
		}
	}
	shards := make([]map[string][numSlots][]int, ix.shards)
	for n := range shards {
		shards[n] = map[string][numSlots][]int{}
	}
	for term, p := range postings {
		for slot := range p {
			deltas(p[slot])
		}
		t := tm.terms[term]
		shards[ShardOf(t, ix.shards)][t] = p
	}

	files := map[string][]byte{}
	h := sha256.New()
	add := func(path string, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b = append(b, '\n')
		files[path] = b
		h.Write([]byte(path))
		h.Write(b)
		return nil
	}
	for n, shard := range shards {
		if err := add("t/"+strconv.Itoa(n)+".json", shard); err != nil {
			return nil, err
		}
	}
	for n, start := range ix.chunks {
		end := len(docs)
		if n+1 < len(ix.chunks) {
			end = ix.chunks[n+1]
		}
		chunk := make([]docJSON, 0, end-start)
		for _, d := range docs[start:end] {
			texts := []string{}
			for f := Summary; f < numFields; f++ {
				texts = append(texts, d.texts[f]...)
			}
			chunk = append(chunk, docJSON{string(d.Kind), d.Title, d.URL, d.Date, d.Label, d.Class, d.Excerpt, texts})
		}
		if err := add("d/"+strconv.Itoa(n)+".json", chunk); err != nil {
			return nil, err
		}
	}
	m := manifest{Version: indexVersion, Fields: slotNames(), Weights: slotWeights, Stop: slices.Sorted(maps.Keys(stopWords)),
		Build: hex.EncodeToString(h.Sum(nil)[:6]), Docs: len(docs), Chunks: slices.Clone(ix.chunks), Shards: ix.shards}
	deltas(m.Chunks)
	b, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	files["index.json"] = append(b, '\n')
	return files, nil
}

// ShardOf is the shard of a term among n: a hash of its first two letters
// (code points), the same in search.js.
func ShardOf(term string, n int) int {
	h := 0
	i := 0
	for _, r := range term {
		if i == 2 {
			break
		}
		h = h*31 + int(r)
		i++
	}
	return h % n
}

// deltas codes ascending ids as differences, in place: 3 5 9 → 3 2 4.
func deltas(ids []int) {
	for i := len(ids) - 1; i > 0; i-- {
		ids[i] -= ids[i-1]
	}
}

// termMaker turns a word into its terms, numbered: its stem and its
// compound parts' stems.
type termMaker struct {
	sp    *splitter
	env   *snowballstem.Env
	cache map[string][]int // word as written → numbers of its terms
	ids   map[string]int   // term → number
	terms []string         // number → term
}

func (tm *termMaker) termsOf(word string) []int {
	if ts, ok := tm.cache[word]; ok {
		return ts
	}
	norm := tm.sp.normalize(word)
	var ts []int
	add := func(term string) {
		id, ok := tm.ids[term]
		if !ok {
			id = len(tm.terms)
			tm.ids[term] = id
			tm.terms = append(tm.terms, term)
		}
		if !slices.Contains(ts, id) {
			ts = append(ts, id)
		}
	}
	if indexable(norm) {
		add(Stem(tm.env, norm))
		for _, p := range tm.sp.parts(norm) {
			if indexable(p) {
				add(Stem(tm.env, p))
			}
		}
	}
	tm.cache[word] = ts
	return ts
}
