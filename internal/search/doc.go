// Package search builds the site search's index: the files below /suche/
// that the search page (templates/static/search.js) queries in the browser.
//
// Pipeline: the site hands in documents (occasions, articles, region pages,
// the fixed pages) with their texts sorted into ranked fields; each word is
// normalized (Normalize: case, accents, ß, ae/oe/ue), stemmed with Snowball
// German (Stem: "Hunde" → "hund") and, when it is a compound of words the
// site uses, also filed under its parts ("Bürohund" → "buro", "hund").
// Index writes the terms in shards and the documents in chunks, so that a
// query loads only what it needs (see Index for the layout).
//
// Why this way, measured on the repo's catalogue and on the bench's 10,000
// occasions (figures in BENCHMARKS.md):
//
//   - The page looks a typed word up in its shard as it is; a word the
//     site does not have (one still being typed, or misspelt) goes to
//     MiniSearch (vendored, MIT, 19 KB gzip), which finds terms by prefix
//     and with typos over a radix tree of the shard's terms. The first
//     version fed every shard's documents to MiniSearch: with 10,000
//     occasions that took 3 s of a query's 4 s under 4× CPU throttling;
//     now a cold query takes about 0.5 s and a warm one 30 ms. lunr with
//     lunr-languages (Snowball German) would fit as well, but its index
//     cannot be loaded in parts.
//   - Stemming happens here, at build time, with the Go code Snowball
//     generates (github.com/blevesearch/snowballstem); the page stems only
//     the words typed, with the JavaScript Snowball generates from the same
//     algorithm (vendored from @orama/stemmers). The browser test compares
//     both on every word of the site. Stemming in the browser alone would
//     mean shipping all the text and indexing it on every visit: 0.16 MB
//     (gzip) of text for the repo, 4.8 MB for 10,000 occasions.
//   - Compounds: a dictionary split (the site's own words, the last part a
//     noun) against a suffix search on reversed terms, over the site's
//     10,645 words. For "Hund" both find "Bürohund"; only the split finds
//     "Welthundetag" and "Hundekekse" (19 words against 7). For short
//     words the suffix search brings mostly wrong ones ("Eis": "Hinweis",
//     "Nobelpreis", "beziehungsweise", about 25 of 28; "Rat": "heiraten",
//     "separat", about 20 of 23), the split one in five ("Waffeleisen").
//     The suffix search finds more compounds of a common last part ("Tag":
//     208 words against 162, such as "Muttertag" and "Karfreitag", whose
//     first part the site never writes alone): the price of the split's
//     precision. A plain prefix search finds "Hunderte" and "hundert" for
//     "Hund"; here a prefix is tried only for a word the site does not have
//     as it is (one still being typed).
//   - A term is filed once per document, in its best field: the ranking is
//     by field and then by next date, and needs no term frequencies.
package search
