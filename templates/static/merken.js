// anlass: the Merkliste (shortlist) in this browser's localStorage, the
// "Merken" toggles (any element with data-merken="<id>", also those the
// Finder adds later), the count in the header, and what the Finder and the
// Merkliste page share: dates and result rows. Nothing leaves the browser.
(function () {
  "use strict";

  // ---------- Dates (ISO strings, as in the data files) ----------

  var months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
  var monthsShort = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];
  var weekdays = ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"];
  var isoRE = /^(\d{4})-(\d{2})-(\d{2})$/;

  function parse(iso) {
    var m = isoRE.exec(iso || "");
    if (!m) return null;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCMonth() === +m[2] - 1 ? d : null; // 2026-02-30 is no day
  }
  function iso(d) {
    return d.getUTCFullYear() + "-" + String(d.getUTCMonth() + 1).padStart(2, "0") + "-" + String(d.getUTCDate()).padStart(2, "0");
  }
  var dates = {
    valid: function (s) { return parse(s) !== null; },
    // today is the visitor's local date, or the day a valid ?heute= in the
    // address names (planning as if it were that day; docs/finder.md).
    today: function () {
      var h = new URLSearchParams(location.search).get("heute");
      if (parse(h)) return h;
      var n = new Date();
      return n.getFullYear() + "-" + String(n.getMonth() + 1).padStart(2, "0") + "-" + String(n.getDate()).padStart(2, "0");
    },
    // yearFrom is the last day of the twelve months from s on.
    yearFrom: function (s) { return dates.add(dates.addMonths(s, 12), -1); },
    add: function (s, days) { var d = parse(s); d.setUTCDate(d.getUTCDate() + days); return iso(d); },
    addMonths: function (s, n) {
      var d = parse(s), day = d.getUTCDate();
      var t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
      var last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
      t.setUTCDate(Math.min(day, last));
      return iso(t);
    },
    monthEnd: function (s) { var d = parse(s); return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0))); },
    // text: "14. März 2027"; long: "Sa, 14. März 2027".
    text: function (s) { var d = parse(s); return d ? d.getUTCDate() + ". " + months[d.getUTCMonth()] + " " + d.getUTCFullYear() : ""; },
    long: function (s) { var d = parse(s); return d ? weekdays[d.getUTCDay()] + ", " + dates.text(s) : ""; },
    month: function (s) { var d = parse(s); return months[d.getUTCMonth()] + " " + d.getUTCFullYear(); },
    // span: "14. März 2027" or "25. Dezember 2026 – 6. Januar 2027".
    span: function (a, b) { return a === b ? dates.long(a) : dates.text(a) + " – " + dates.text(b); },
    days: function (a, b) { return Math.round((parse(b) - parse(a)) / 864e5); }
  };

  // ---------- The Merkliste ----------

  var brand = document.querySelector("a.brand");
  var rootPath = brand ? new URL(brand.getAttribute("href"), location.href).pathname : "/";
  var key = "anlass-merkliste:" + rootPath; // one list per site, also under a sub-path
  var listeners = [];
  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(key + ":probe", "1");
    storage.removeItem(key + ":probe");
  } catch (e) {
    storage = null; // private mode or blocked: the toggles stay hidden
  }

  var slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  function get() {
    if (!storage) return [];
    try {
      var v = JSON.parse(storage.getItem(key) || "[]");
      return Array.isArray(v) ? v.filter(function (id) { return typeof id === "string" && slug.test(id); }) : [];
    } catch (e) {
      return [];
    }
  }
  function set(ids) {
    if (!storage) return false;
    var seen = {};
    ids = ids.filter(function (id) { if (seen[id] || !slug.test(id)) return false; seen[id] = true; return true; });
    storage.setItem(key, JSON.stringify(ids));
    changed();
    return true;
  }
  function toggle(id) {
    var ids = get(), i = ids.indexOf(id);
    if (i >= 0) ids.splice(i, 1); else ids.push(id);
    set(ids);
    return i < 0;
  }
  function changed() {
    refresh();
    listeners.forEach(function (f) { f(get()); });
  }

  // refresh shows the toggles (when storage works) and their state, and
  // the count in the header.
  function refresh(scope) {
    var ids = get();
    (scope || document).querySelectorAll("[data-merken]").forEach(function (btn) {
      if (!storage) return;
      var on = ids.indexOf(btn.getAttribute("data-merken")) >= 0;
      btn.hidden = false;
      btn.setAttribute("aria-pressed", on ? "true" : "false");
      var label = btn.querySelector(".merken-text");
      if (label) label.textContent = on ? "Gemerkt" : "Merken";
      btn.title = on ? "Von der Merkliste nehmen" : "Auf die Merkliste setzen";
    });
    document.querySelectorAll("[data-merkliste-count]").forEach(function (el) {
      el.textContent = ids.length ? String(ids.length) : "";
      el.hidden = !ids.length;
    });
  }

  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest && ev.target.closest("[data-merken]");
    if (!btn || !storage) return;
    ev.preventDefault();
    toggle(btn.getAttribute("data-merken"));
  });
  window.addEventListener("storage", function (ev) { if (ev.key === key) changed(); });
  refresh();

  // ---------- Result rows (Finder and Merkliste) ----------

  // Rows are written as HTML text and parsed in one go: for hundreds of
  // rows that is several times faster than building them node by node.
  var escapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return escapes[c]; }); }

  // badge is the date badge of the templates' "badge" partial.
  function badge(start, end) {
    var d = parse(start);
    return '<time class="badge" datetime="' + start + '"><span class="badge-m" aria-hidden="true">' + monthsShort[d.getUTCMonth()] +
      '</span><span class="badge-d" aria-hidden="true">' + d.getUTCDate() + '</span><span class="badge-w" aria-hidden="true">' +
      (start === end ? weekdays[d.getUTCDay()] : (dates.days(start, end) + 1) + " Tage") +
      '</span><span class="visually-hidden">' + esc(dates.span(start, end)) + "</span></time>";
  }

  // merkButton is the templates' "merken" partial, in its current state
  // (hidden when the browser keeps nothing).
  function merkButton(id, ids) {
    var on = (ids || get()).indexOf(id) >= 0;
    return '<button type="button" class="merken" data-merken="' + esc(id) + '" aria-pressed="' + on + '" title="' +
      (on ? "Von der Merkliste nehmen" : "Auf die Merkliste setzen") + '"' + (storage ? "" : " hidden") +
      '><span class="merken-text">' + (on ? "Gemerkt" : "Merken") + "</span></button>";
  }

  // The region's own word for a Brückentag comes with the region (r.region.brueckentag).
  var kindLabels = { holiday: "Feiertag", ferienbeginn: "Ferienbeginn" };

  // row is the HTML of one result: r.kind "occasion" (r.o the occasion,
  // r.ideas the ideas to show, r.holidays region holidays sharing the row)
  // or a region day (r.e the entry, r.region its region).
  function row(r, root, today, ids) {
    var cls, title, meta = [];
    if (r.kind === "occasion") {
      cls = "cat-" + r.o.kat;
      title = '<a href="' + esc(root + r.o.url) + '">' + esc(r.o.name) + "</a>";
      meta.push('<span class="pill cat-' + r.o.kat + '">' + esc(r.label) + "</span>");
      meta.push("<span>" + esc(dates.span(r.start, r.end)) + "</span>");
      var late = r.prep < today;
      meta.push('<span class="prep' + (late && r.start >= today ? " late" : "") + '">' + (late ? "Vorbereitung seit " : "Vorbereiten ab ") +
        esc(dates.text(r.prep)) + " (" + esc(r.o.vorlauf) + " Vorlauf)</span>");
    } else {
      cls = "region-day day-" + r.kind;
      title = '<a href="' + esc(root + r.region.seite) + '">' + esc(r.e.name) + "</a>";
      var label = r.kind === "brueckentag" ? r.region.brueckentag : kindLabels[r.kind];
      meta.push('<span class="pill pill-day">' + esc(label || r.kind) + "</span>");
      meta.push("<span>" + esc(dates.span(r.start, r.end)) + "</span>");
      if (r.e.teilweise) meta.push('<span class="where">nur teilweise: ' + esc(r.e.teilweise) + "</span>");
      else if (r.kind === "holiday" && !r.e.frei) meta.push('<span class="where">kein allgemein freier Tag</span>');
    }
    var h = '<li class="finder-row ' + cls + '" data-occasion="' + esc(r.id) + '" data-start="' + r.start + '">' + badge(r.start, r.end) +
      '<div class="finder-body"><h2 class="finder-title">' + title + '</h2><p class="finder-meta">' + meta.join(" ") + "</p>";
    (r.holidays || []).forEach(function (hd) {
      h += '<p class="finder-holiday" data-holiday="' + esc(hd.e.id) + '">Feiertag ' + esc(hd.region.in) + ": " + esc(hd.e.name) +
        (hd.e.teilweise ? " (nur teilweise: " + esc(hd.e.teilweise) + ")" : "") + "</p>";
    });
    if (r.ideas && r.ideas.length) {
      h += '<ul class="finder-ideas">';
      r.ideas.forEach(function (i) {
        h += '<li><span class="idea-kind">' + (i.art === "gift" ? "Geschenk:" : "Kontakt:") + "</span> " + esc(i.titel) +
          (i.budget ? ' <span class="budget">' + esc(i.budget) + "</span>" : "") + "</li>";
      });
      h += "</ul>";
    }
    h += "</div>";
    if (r.kind === "occasion") h += merkButton(r.id, ids);
    return h + "</li>";
  }

  // fetchOK fetches url and fails on an HTTP error status.
  function fetchOK(url) {
    return fetch(url).then(function (res) {
      if (!res.ok) throw new Error(url + ": HTTP " + res.status);
      return res;
    });
  }
  function fetchJSON(url) { return fetchOK(url).then(function (res) { return res.json(); }); }
  function fetchText(url) { return fetchOK(url).then(function (res) { return res.text(); }); }

  // download offers text as a file, made in the browser (Merkliste,
  // customer calendar): nothing is sent anywhere.
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  window.anlass = {
    dates: dates,
    merkliste: {
      available: function () { return !!storage; },
      get: get, set: set, toggle: toggle,
      onChange: function (f) { listeners.push(f); },
      refresh: refresh
    },
    row: row, // HTML text: list.insertAdjacentHTML("beforeend", …)
    merkButton: merkButton,
    esc: esc,
    fetchOK: fetchOK,
    fetchJSON: fetchJSON,
    fetchText: fetchText,
    download: download
  };
})();
