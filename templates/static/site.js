// anlass: copy buttons, the planner's print button and the search.
// Every page works without this script; it only adds comfort.
(function () {
  "use strict";

  // Copy a feed address or a greeting. Without JavaScript the text stays
  // visible and selectable.
  document.querySelectorAll("button.copy[data-copy]").forEach(function (btn) {
    var input = document.getElementById(btn.getAttribute("data-copy"));
    if (!input) return;
    var isField = "value" in input && input.tagName !== "BUTTON";
    btn.hidden = false;
    btn.addEventListener("click", function () {
      var done = function () {
        btn.textContent = "Kopiert";
        btn.classList.add("done");
        setTimeout(function () { btn.textContent = "Kopieren"; btn.classList.remove("done"); }, 2000);
      };
      var fallback = function () {
        if (isField) {
          input.focus();
          input.select();
        } else {
          var range = document.createRange();
          range.selectNodeContents(input);
          var sel = window.getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
        }
        try { if (document.execCommand("copy")) done(); } catch (e) { /* the text is selected: Strg+C works */ }
      };
      var text = isField ? input.value : input.textContent.replace(/\s+/g, " ").trim();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else {
        fallback();
      }
    });
  });
  document.querySelectorAll("input.feed-url").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });

  document.querySelectorAll(".print-button").forEach(function (btn) {
    btn.hidden = false;
    btn.addEventListener("click", function () { window.print(); });
  });

  var form = document.getElementById("suche");
  if (form) search(form);

  document.querySelectorAll("[data-widget=kundenbindungsrate]").forEach(retention);

  // ---------- Kundenbindungsrate ----------

  // retention computes CRR = (E − N) / S × 100 as one types, and says in
  // words what input cannot be right instead of showing NaN.
  function retention(box) {
    var f = box.querySelector("form");
    var out = box.querySelector("output");
    var pct = function (x) { return x.toLocaleString("de-DE", { maximumFractionDigits: 1 }) + " %"; };
    function update() {
      var v = {};
      var bad = ["s", "n", "e"].filter(function (k) {
        var t = f.elements[k].value.trim();
        v[k] = Number(t);
        return t === "" || !/^\d+$/.test(t);
      });
      var msg = null;
      if (bad.length) msg = "Bitte ganze Zahlen ab 0 eintragen (" + bad.map(function (k) { return k.toUpperCase(); }).join(", ") + ").";
      else if (v.s === 0) msg = "S ist 0: Ohne Kunden zu Beginn gibt es keine Rate.";
      else if (v.n > v.e) msg = "N ist größer als E: Es können nicht mehr Neukunden dazugekommen sein, als am Ende Kunden da sind.";
      else if (v.e - v.n > v.s) msg = "E − N ist größer als S: Es können nicht mehr Bestandskunden geblieben sein, als zu Beginn da waren.";
      out.textContent = "";
      if (msg) {
        out.textContent = msg;
        return;
      }
      var kept = v.e - v.n;
      out.appendChild(document.createTextNode("Kundenbindungsrate: "));
      var strong = document.createElement("strong");
      strong.textContent = pct(kept / v.s * 100);
      out.appendChild(strong);
      out.appendChild(document.createTextNode(" – von " + v.s + " Kunden sind " + kept + " geblieben, " + (v.s - kept) + " abgewandert (" + pct((v.s - kept) / v.s * 100) + ")."));
    }
    f.addEventListener("input", update);
    f.addEventListener("submit", function (ev) { ev.preventDefault(); update(); });
    update();
  }

  // ---------- Search ----------

  // norm folds case, accents and German spelling variants, so "Raunächte",
  // "Raunaechte" and "raunachte" all match.
  function norm(s) {
    return String(s || "").toLowerCase()
      .replace(/ß/g, "ss")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
  }

  var months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
  function dateText(iso) {
    var p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return p ? Number(p[3]) + ". " + months[Number(p[2]) - 1] + " " + p[1] : "";
  }

  function search(form) {
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("suche-status");
    var list = document.getElementById("suche-ergebnisse");
    var root = form.getAttribute("data-root") || "./";
    var entries = null;
    var loading = null;
    var timer = null;

    function load() {
      if (!loading) {
        loading = fetch(form.getAttribute("data-index"))
          .then(function (r) {
            if (!r.ok) throw new Error("HTTP " + r.status);
            return r.json();
          })
          .then(function (data) {
            entries = data.map(function (e) {
              e.n = { title: norm(e.title), alt: norm(e.alt), tags: (e.tags || []).map(norm), summary: norm(e.summary) };
              return e;
            });
            return entries;
          });
      }
      return loading;
    }

    function score(e, terms) {
      var total = 0;
      for (var i = 0; i < terms.length; i++) {
        var t = terms[i], s = 0;
        if (e.n.title.indexOf(t) === 0) s = 12;
        else if ((" " + e.n.title).indexOf(" " + t) >= 0 || e.n.title.indexOf("-" + t) >= 0) s = 8;
        else if (e.n.title.indexOf(t) >= 0) s = 5;
        if (e.n.tags.indexOf(t) >= 0) s = Math.max(s, 6);
        else if (e.n.tags.some(function (g) { return g.indexOf(t) >= 0; })) s = Math.max(s, 3);
        if (e.n.alt && e.n.alt.indexOf(t) >= 0) s = Math.max(s, 3);
        if (!s && e.n.summary.indexOf(t) >= 0) s = 1;
        if (!s) return 0; // every word must match somewhere
        total += s;
      }
      return total;
    }

    function render(q) {
      list.textContent = "";
      var terms = norm(q).split(/[\s,;]+/).filter(Boolean);
      if (!terms.length) { status.textContent = ""; return; }
      var hits = [];
      entries.forEach(function (e) {
        var s = score(e, terms);
        if (s) hits.push({ e: e, s: s });
      });
      hits.sort(function (a, b) {
        return b.s - a.s || (a.e.type === b.e.type ? 0 : a.e.type === "anlass" ? -1 : 1) ||
          String(a.e.date || "9999").localeCompare(String(b.e.date || "9999")) || a.e.title.localeCompare(b.e.title, "de");
      });
      var shown = hits.slice(0, 60);
      status.textContent = hits.length === 0
        ? "Keine Treffer für „" + q + "“. Versuchen Sie ein anderes Wort oder stöbern Sie unten."
        : (hits.length === 1 ? "1 Treffer" : hits.length + " Treffer") + " für „" + q + "“" +
          (hits.length > shown.length ? ", die ersten " + shown.length + " sind angezeigt." : ".");
      shown.forEach(function (h) {
        var e = h.e;
        var li = document.createElement("li");
        li.className = "result" + (e.category ? " cat-" + e.category : "");
        var h2 = document.createElement("h2");
        var a = document.createElement("a");
        a.href = root + e.url;
        a.textContent = e.title;
        h2.appendChild(a);
        li.appendChild(h2);
        var meta = document.createElement("p");
        meta.className = "row-meta";
        var pill = document.createElement("span");
        pill.className = "pill";
        pill.textContent = e.label;
        meta.appendChild(pill);
        if (e.date) {
          var d = document.createElement("span");
          d.textContent = (e.type === "anlass" ? "Nächster Termin: " : "") + dateText(e.date);
          meta.appendChild(d);
        }
        li.appendChild(meta);
        var p = document.createElement("p");
        p.textContent = e.summary;
        li.appendChild(p);
        list.appendChild(li);
      });
    }

    function run(push) {
      var q = input.value.trim();
      if (push && window.history && history.replaceState) {
        var url = new URL(window.location.href);
        if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
        history.replaceState(null, "", url);
      }
      if (!q) { list.textContent = ""; status.textContent = ""; return; }
      if (!entries) status.textContent = "Suche wird geladen …";
      load().then(function () { render(q); }, function () {
        status.textContent = "Die Suche konnte nicht geladen werden. Alle Anlässe finden Sie im Verzeichnis von A bis Z.";
      });
    }

    form.addEventListener("submit", function (ev) { ev.preventDefault(); run(true); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(true); }, 120);
    });
    input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });

    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { input.value = q; run(false); }
    else input.focus();
  }
})();
