// anlass: the search page. site.js loads this module on /suche/ only.
//
// The build (internal/search) writes the index: a small manifest
// (index.json), the terms in shards by their first two letters (t/<n>.json)
// and the documents in chunks (d/<n>.json). A query loads the manifest, the
// shard of each of its words and the chunks of the results it shows.
// A word the site has is looked up as it is; others MiniSearch finds by
// prefix and with typos among the shard's terms. The ranking is by field,
// then by document number, which the build made the order of the next
// date. Words are normalized and stemmed here exactly as
// the build does (Go: internal/search); the browser test checks that both
// give the same term for every word of the site.
import MiniSearch from "./vendor/minisearch-7.2.0.js";
import { stemmer } from "./vendor/snowball-german-3.1.18.js";

// A word found only by prefix or with a typo counts less than one found
// as it is.
const inexact = 0.5;
// Typo tolerance starts at this word length (in letters).
const fuzzyFrom = 6;
const pageSize = 20;

const accents = "àáâãåèéêëìíîïòóôõøùúûýÿçñ";
const plain = "aaaaaeeeeiiiiooooouuuyycn";

// words splits text as the build does: runs of letters and digits.
export function words(text) {
  return String(text || "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// normalize folds a word as search.Normalize does: lower case, accents off
// but umlauts kept, ß as ss, ae/oe/ue as ä/ö/ü (ue not after q).
export function normalize(word) {
  const r = Array.from(word.toLowerCase());
  let out = "";
  let prev = "";
  for (let i = 0; i < r.length; i++) {
    const c = r[i];
    if (r[i + 1] === "e") {
      const u = c === "a" ? "ä" : c === "o" ? "ö" : c === "u" && prev !== "q" ? "ü" : "";
      if (u) {
        out += u;
        prev = "e";
        i++;
        continue;
      }
    }
    prev = c;
    if (c === "ß") { out += "ss"; continue; }
    const k = accents.indexOf(c);
    out += k >= 0 ? plain[k] : c;
  }
  return out;
}

// stem is search.Stem: Snowball German, words with a digit as they are.
export function stem(norm) {
  return /\p{N}/u.test(norm) ? norm : stemmer(norm);
}

// shardOf is search.ShardOf: the shard of a term, a hash of its first two
// letters.
function shardOf(term, n) {
  let h = 0;
  for (const c of Array.from(term).slice(0, 2)) h = h * 31 + c.codePointAt(0);
  return h % n;
}

export function start(form) {
  const input = form.querySelector("input[name=q]");
  const status = document.getElementById("suche-status");
  const list = document.getElementById("suche-ergebnisse");
  const root = form.getAttribute("data-root") || "./";
  const indexURL = new URL(form.getAttribute("data-index"), document.baseURI);
  const cache = new Map(); // URL → promise
  let manifest = null;
  let chunkStarts = null;
  let timer = null;
  let current = 0; // the latest query, so that a slow one never overwrites it

  function json(url) {
    if (!cache.has(url)) {
      cache.set(url, fetch(url).then((r) => {
        if (!r.ok) throw new Error("HTTP " + r.status + " " + url);
        return r.json();
      }));
    }
    return cache.get(url);
  }

  function loadManifest() {
    return json(indexURL.href).then((m) => {
      if (m.version !== 1) throw new Error("search index version " + m.version);
      if (!manifest) {
        manifest = m;
        manifest.stopSet = new Set(m.stop);
        let at = 0;
        chunkStarts = m.chunks.map((d) => (at += d));
      }
      return manifest;
    });
  }

  function fileURL(dir, n) {
    return new URL(dir + "/" + n + ".json?v=" + manifest.build, indexURL).href;
  }

  // chunkOf is the chunk of document id: the last whose first document is
  // not after it.
  function chunkOf(id) {
    let lo = 0, hi = chunkStarts.length - 1, ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (chunkStarts[mid] <= id) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans;
  }

  // shard loads the term shard of a term: for each term, per field slot,
  // the delta-coded ids of the documents that have it there.
  const shards = new Map();
  function shard(term) {
    const n = shardOf(term, manifest.shards);
    if (!shards.has(n)) shards.set(n, json(fileURL("t", n)).then((terms) => ({ terms: terms, dict: null })));
    return shards.get(n);
  }

  // dictionary is a MiniSearch index of a shard's terms, one entry per
  // term, for looking a word up by prefix and with typos. It is built the
  // first time a word is not found as it is.
  function dictionary(s) {
    if (!s.dict) {
      s.dict = new MiniSearch({
        fields: ["term"],
        // The build wrote terms: no splitting or folding here.
        extractField: (entry) => entry.id,
        tokenize: (text) => [text],
        processTerm: (t) => t,
      });
      s.dict.addAll(Object.keys(s.terms).map((t) => ({ id: t })));
    }
    return s.dict;
  }
  // queryTerms are the words of the query as the index has them.
  function queryTerms(q) {
    const seen = new Set();
    const out = [];
    for (const w of words(q)) {
      const norm = normalize(w);
      if (Array.from(norm).length < 2 || manifest.stopSet.has(norm)) continue;
      const term = stem(norm);
      if (seen.has(term)) continue;
      seen.add(term);
      out.push({ word: w, term: term, fuzzy: Array.from(norm).length >= fuzzyFrom });
    }
    return out;
  }

  // find looks one term up: as it is; when the site does not have it, as
  // the start of longer terms and, from six letters on, with one or two
  // typos. Each document it is in gets the weight of its best field.
  function find(t) {
    return shard(t.term).then((s) => {
      let found = [t.term];
      let weight = 1;
      if (!s.terms[t.term]) {
        weight = inexact;
        found = dictionary(s).search(t.term, { prefix: true, fuzzy: t.fuzzy ? 0.2 : false, maxFuzzy: 2 }).map((r) => r.id);
      }
      const docs = new Map();
      for (const term of found) {
        s.terms[term].forEach((ids, slot) => {
          const score = manifest.weights[slot] * weight;
          let id = 0;
          for (const d of ids || []) {
            id += d;
            const hit = docs.get(id);
            if (!hit) docs.set(id, { id: id, score: score, terms: [term] });
            else { hit.score = Math.max(hit.score, score); hit.terms.push(term); }
          }
        });
      }
      return Array.from(docs.values());
    });
  }

  // rank combines the words' hits: documents with every word first, by
  // score, then by number (the next date); when none has every word, those
  // with the most words.
  function rank(perTerm) {
    const docs = new Map();
    perTerm.forEach((hits) => {
      for (const h of hits) {
        let d = docs.get(h.id);
        if (!d) { d = { id: h.id, words: 0, score: 0, terms: [] }; docs.set(h.id, d); }
        d.words++;
        d.score += h.score;
        d.terms.push(...h.terms);
      }
    });
    const all = Array.from(docs.values());
    const complete = all.filter((d) => d.words === perTerm.length);
    const list = complete.length ? complete : all;
    list.sort((a, b) => b.words - a.words || b.score - a.score || a.id - b.id);
    return { hits: list, complete: complete.length > 0 || perTerm.length === 1 };
  }

  function doc(id) {
    const n = chunkOf(id);
    return json(fileURL("d", n)).then((chunk) => {
      const d = chunk[id - chunkStarts[n]];
      return { kind: d[0], title: d[1], url: d[2], date: d[3], label: d[4], cls: d[5], excerpt: d[6], texts: d[7] || [] };
    });
  }

  // highlighter marks the words of a text whose term is one the document
  // matched, or has it as its start or end (a compound: "Bürohund").
  const stems = new Map(); // word as written → its term ("" for none)
  function termOf(word) {
    let s = stems.get(word);
    if (s === undefined) {
      const norm = normalize(word);
      s = Array.from(norm).length < 2 ? "" : stem(norm);
      stems.set(word, s);
    }
    return s;
  }
  function highlighter(terms) {
    const ts = Array.from(new Set(terms));
    return (word) => {
      const s = termOf(word);
      if (!s) return false;
      return ts.some((t) => s === t || (t.length >= 3 && (s.startsWith(t) || s.endsWith(t))) || (t.length >= 4 && s.includes(t)));
    };
  }

  // sentences splits a text at sentence ends: a period, ! or ? before a
  // capital, but not after a number or a short abbreviation ("23. Juli",
  // "St. Martin").
  function sentences(text) {
    const out = [];
    for (const piece of text.split(/(?<=[.!?…])\s+(?=[\p{Lu}„"])/u)) {
      if (out.length && /(^|\s)(\d+|\p{L}{1,3})\.$/u.test(out[out.length - 1])) out[out.length - 1] += " " + piece;
      else out.push(piece);
    }
    return out;
  }

  // excerpt is the first sentence of the page with a matched word, cut
  // around it; else the page's summary.
  function excerpt(d, marks) {
    for (const text of d.texts) {
      for (const sentence of sentences(text)) {
        const ws = words(sentence);
        const at = ws.findIndex(marks);
        if (at >= 0) return cut(sentence, ws[at]);
      }
    }
    return d.excerpt;
  }

  function cut(sentence, word) {
    const max = 240;
    if (sentence.length <= max) return sentence;
    const at = sentence.indexOf(word);
    let from = Math.max(0, at - 80);
    if (from > 0) from = sentence.indexOf(" ", from) + 1;
    let s = sentence.slice(from, from + max);
    if (from + max < sentence.length) s = s.slice(0, s.lastIndexOf(" ")) + " …";
    return (from > 0 ? "… " : "") + s;
  }

  // marked appends text to el, with the marked words in <mark>.
  function marked(el, text, marks) {
    const re = /[\p{L}\p{N}]+/gu;
    let last = 0, m;
    while ((m = re.exec(text))) {
      if (!marks(m[0])) continue;
      el.append(text.slice(last, m.index));
      const mk = document.createElement("mark");
      mk.textContent = m[0];
      el.append(mk);
      last = m.index + m[0].length;
    }
    el.append(text.slice(last));
  }

  const months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
  function dateText(iso) {
    const p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return p ? Number(p[3]) + ". " + months[Number(p[2]) - 1] + " " + p[1] : "";
  }

  function item(d, terms) {
    const marks = highlighter(terms);
    const li = document.createElement("li");
    li.className = "result" + (d.cls ? " " + d.cls : "");
    const h2 = document.createElement("h2");
    const a = document.createElement("a");
    a.href = root + d.url;
    marked(a, d.title, marks);
    h2.append(a);
    const meta = document.createElement("p");
    meta.className = "row-meta";
    const pill = document.createElement("span");
    pill.className = "pill";
    pill.textContent = d.kind;
    meta.append(pill);
    const label = document.createElement("span");
    label.textContent = d.label + (d.date ? " ·" : "");
    meta.append(label);
    if (d.date) {
      const when = document.createElement("span");
      when.textContent = "Nächster Termin: " + dateText(d.date);
      meta.append(when);
    }
    const p = document.createElement("p");
    marked(p, excerpt(d, marks), marks);
    li.append(h2, meta, p);
    return li;
  }

  function show(q, ranked, ignored, n, id) {
    const hits = ranked.hits;
    const shown = hits.slice(0, n);
    return Promise.all(shown.map((h) => doc(h.id))).then((docs) => {
      if (id !== current) return;
      list.textContent = "";
      const count = hits.length === 1 ? "1 Treffer" : hits.length + " Treffer";
      let text = hits.length === 0
        ? "Keine Treffer für „" + q + "“. Versuchen Sie ein anderes Wort oder stöbern Sie unten."
        : ranked.complete
          ? count + " für „" + q + "“."
          : "Keine Seite enthält alle Wörter von „" + q + "“; " + count + " mit einem Teil davon.";
      if (ignored.length) text += " Nicht gesucht (zu häufig oder zu kurz): " + ignored.join(", ") + ".";
      status.textContent = text;
      docs.forEach((d, i) => list.append(item(d, shown[i].terms)));
      if (hits.length > shown.length) {
        const li = document.createElement("li");
        li.className = "more";
        const b = document.createElement("button");
        b.type = "button";
        b.className = "btn";
        b.textContent = "Weitere Treffer zeigen (" + (hits.length - shown.length) + ")";
        b.addEventListener("click", () => show(q, ranked, ignored, n + pageSize, current));
        li.append(b);
        list.append(li);
      }
    });
  }

  // search shows the results of q. Each search that is shown is recorded
  // as a User Timing measure "suche" (for the benchmark and the DevTools).
  function search(q) {
    const id = ++current;
    const t0 = performance.now();
    return loadManifest().then(() => {
      const terms = queryTerms(q);
      const ignored = words(q).filter((w) => !terms.some((t) => t.word === w));
      if (!terms.length) {
        list.textContent = "";
        status.textContent = "Bitte geben Sie ein längeres oder genaueres Wort ein.";
        return null;
      }
      return Promise.all(terms.map(find)).then((perTerm) => {
        if (id !== current) return null;
        return show(q, rank(perTerm), ignored, pageSize, id).then(() => {
          performance.measure("suche", { start: t0, detail: q });
        });
      });
    });
  }

  function run(push) {
    const q = input.value.trim();
    if (push && window.history && history.replaceState) {
      const url = new URL(window.location.href);
      if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
    }
    if (!q) { current++; list.textContent = ""; status.textContent = ""; return; }
    if (!manifest) status.textContent = "Suche wird geladen …";
    search(q).catch((e) => {
      console.error("search: " + (e && e.stack || e));
      status.textContent = "Die Suche konnte nicht geladen werden. Alle Anlässe finden Sie im Verzeichnis von A bis Z.";
    });
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); run(true); });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(true), 120);
  });
  input.addEventListener("focus", () => { loadManifest().catch(() => {}); }, { once: true });

  const q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; run(false); } else input.focus();
  form.setAttribute("data-ready", "");
}

const form = document.getElementById("suche");
if (form && !form.hasAttribute("data-ready")) start(form);
