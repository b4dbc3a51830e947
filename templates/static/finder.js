// anlass: the Anlass-Finder. It filters finder/daten.json by the query
// string's filters (von, bis, kategorie, region, budget, zielgruppe, remote,
// art, vorlauf) with the rules of `anlass list`, and shows the results at
// once. The filters stay in the address, so a result can be bookmarked and
// shared, and the back button goes back to the previous filters.
(function () {
  "use strict";
  var A = window.anlass;
  var form = document.getElementById("finder");
  if (!A || !form) return;
  var D = A.dates;
  var status = document.getElementById("finder-status");
  var list = document.getElementById("finder-ergebnisse");
  var root = form.getAttribute("data-root") || "./";
  var data = null;
  var regions = {}; // code → region data, once loaded
  var regionInfo = {}; // code → {code, name, datei, seite}
  var labels = {}; // category → label
  var state = null;
  var weeksDefault = 8;

  // ---------- State ⇄ query string ⇄ form ----------

  // read takes the filters from the query string; anything malformed is
  // left out and named in problems.
  function read() {
    var q = new URLSearchParams(location.search);
    var st = { kategorie: [], zielgruppe: [], region: "", budget: null, remote: false, art: "", vorlauf: false, problems: [], explicit: false };
    st.heute = D.today();
    st.von = st.heute;
    st.bis = D.add(st.heute, weeksDefault * 7 - 1);
    var von = q.get("von"), bis = q.get("bis");
    if (von !== null || bis !== null) {
      if (von !== null && !D.valid(von)) st.problems.push("„von“ ist kein Datum (JJJJ-MM-TT)");
      else if (bis !== null && !D.valid(bis)) st.problems.push("„bis“ ist kein Datum (JJJJ-MM-TT)");
      else {
        st.von = von || st.heute;
        st.bis = bis || D.add(st.von, weeksDefault * 7 - 1);
        st.explicit = true;
        if (st.bis < st.von) {
          st.problems.push("„bis“ liegt vor „von“");
          st.bis = D.add(st.von, weeksDefault * 7 - 1);
        }
      }
    }
    q.getAll("kategorie").forEach(function (k) {
      k.split(",").forEach(function (c) {
        if (labels[c]) { if (st.kategorie.indexOf(c) < 0) st.kategorie.push(c); } else if (c) st.problems.push("unbekannte Kategorie „" + c + "“");
      });
    });
    var region = (q.get("region") || "").toUpperCase();
    if (region && regionInfo[region]) st.region = region;
    else if (region) st.problems.push("unbekannte Region „" + q.get("region") + "“");
    var budget = q.get("budget");
    if (budget !== null && budget !== "") {
      if (/^\d{1,5}$/.test(budget)) st.budget = Number(budget);
      else st.problems.push("Budget „" + budget + "“ ist kein Betrag in ganzen Euro");
    }
    var groups = {};
    data.zielgruppen.forEach(function (g) { groups[g.slug] = true; });
    q.getAll("zielgruppe").forEach(function (z) {
      z.split(",").forEach(function (s) {
        if (groups[s]) { if (st.zielgruppe.indexOf(s) < 0) st.zielgruppe.push(s); } else if (s) st.problems.push("unbekannte Zielgruppe „" + s + "“");
      });
    });
    st.remote = q.get("remote") === "1";
    var art = q.get("art");
    if (art === "geschenk" || art === "kontakt") st.art = art;
    else if (art) st.problems.push("Art „" + art + "“: geschenk oder kontakt");
    st.vorlauf = q.get("vorlauf") === "1";
    return st;
  }

  // query is the query string of a state: defaults are left out, so the
  // address of an untouched Finder always means "from today".
  function query(st) {
    var q = new URLSearchParams();
    if (st.explicit) { q.set("von", st.von); q.set("bis", st.bis); }
    st.kategorie.forEach(function (k) { q.append("kategorie", k); });
    if (st.region) q.set("region", st.region);
    if (st.budget !== null) q.set("budget", String(st.budget));
    st.zielgruppe.forEach(function (z) { q.append("zielgruppe", z); });
    if (st.remote) q.set("remote", "1");
    if (st.art) q.set("art", st.art);
    if (st.vorlauf) q.set("vorlauf", "1");
    var p = new URLSearchParams(location.search).get("heute");
    if (p) q.set("heute", p);
    var s = q.toString();
    return s ? "?" + s : location.pathname;
  }

  function fill(st) {
    form.elements.von.value = st.von;
    form.elements.bis.value = st.bis;
    form.querySelectorAll("input[name=kategorie]").forEach(function (c) { c.checked = st.kategorie.indexOf(c.value) >= 0; });
    if (form.elements.region) form.elements.region.value = st.region;
    form.elements.budget.value = st.budget === null ? "" : String(st.budget);
    form.querySelectorAll("input[name=zielgruppe]").forEach(function (c) { c.checked = st.zielgruppe.indexOf(c.value) >= 0; });
    form.querySelectorAll("input[name=art]").forEach(function (r) { r.checked = r.value === st.art; });
    form.elements.remote.checked = st.remote;
    form.elements.vorlauf.checked = st.vorlauf;
    var n = form.querySelector(".finder-groups-count");
    if (n) n.textContent = st.zielgruppe.length ? "(" + st.zielgruppe.length + " gewählt)" : "";
    var active = st.kategorie.length + st.zielgruppe.length + (st.region ? 1 : 0) + (st.budget !== null ? 1 : 0) + (st.remote ? 1 : 0) + (st.art ? 1 : 0) + (st.vorlauf ? 1 : 0);
    document.getElementById("finder-aktiv").textContent = D.text(st.von) + " – " + D.text(st.bis) + (active ? " · " + (active === 1 ? "1 Filter" : active + " Filter") + " aktiv" : "");
    var month = document.getElementById("finder-monat");
    month.value = st.explicit && st.von.slice(8) === "01" && st.bis === D.monthEnd(st.von) ? st.von.slice(0, 7) : "";
  }

  // fromForm is the state the form shows.
  function fromForm() {
    var st = { heute: state.heute, problems: [], explicit: state.explicit };
    var von = form.elements.von.value, bis = form.elements.bis.value;
    if (D.valid(von) && D.valid(bis)) {
      if (von !== state.von || bis !== state.bis) st.explicit = true;
      st.von = von;
      st.bis = bis < von ? von : bis;
    } else {
      st.von = state.von;
      st.bis = state.bis;
    }
    st.kategorie = checked("kategorie");
    st.region = form.elements.region ? form.elements.region.value : "";
    var b = form.elements.budget.value.trim();
    st.budget = /^\d{1,5}$/.test(b) ? Number(b) : null;
    st.zielgruppe = checked("zielgruppe");
    var art = form.querySelector("input[name=art]:checked");
    st.art = art ? art.value : "";
    st.remote = form.elements.remote.checked;
    st.vorlauf = form.elements.vorlauf.checked;
    return st;
  }
  function checked(name) {
    return Array.prototype.map.call(form.querySelectorAll("input[name=" + name + "]:checked"), function (c) { return c.value; });
  }

  // ---------- The rules (as internal/agenda) ----------

  // applies: an occasion without regions applies everywhere; a region code
  // covers itself, and a country's code covers its states.
  function applies(o, code) {
    if (!o.regionen || !o.regionen.length) return true;
    var country = code.split("-")[0];
    return o.regionen.some(function (r) { return r === code || r === country; });
  }

  function ideaFilter(st) {
    if (st.budget === null && !st.zielgruppe.length && !st.remote && !st.art) return null;
    var kind = st.art === "geschenk" ? "gift" : st.art === "kontakt" ? "contact" : "";
    return function (i) {
      if (st.budget !== null && !(typeof i.min === "number" && i.min <= st.budget)) return false;
      if (st.zielgruppe.length && !(i.zg || []).some(function (z) { return st.zielgruppe.indexOf(z) >= 0; })) return false;
      if (st.remote && !i.remote) return false;
      return !kind || i.art === kind;
    };
  }

  var rank = { occasion: 0, holiday: 1, brueckentag: 2, ferienbeginn: 3 };

  // results lists the occurrences that overlap the window and pass the
  // filters, then the region's days, a holiday naming an occasion in that
  // occasion's row; sorted by start, occasions first, then by id and year.
  function results(st, region) {
    var rows = [];
    var match = ideaFilter(st);
    var byID = {};
    data.anlaesse.forEach(function (o) {
      if (st.kategorie.length && st.kategorie.indexOf(o.kat) < 0) return;
      if (st.region && !applies(o, st.region)) return;
      var ideas = match ? o.ideen.filter(match) : o.ideen;
      if (match && !ideas.length) return;
      for (var i = 0; i < o.termine.length; i++) {
        var t = o.termine[i];
        if (t[0] > st.bis || t[1] < st.von) continue;
        if (st.vorlauf && t[2] < st.heute) continue;
        var r = { kind: "occasion", id: o.id, start: t[0], end: t[1], prep: t[2], year: t[3], o: o, ideas: ideas, label: labels[o.kat], holidays: [] };
        rows.push(r);
        (byID[o.id] = byID[o.id] || []).push(r);
      }
    });
    if (region) {
      var info = regionInfo[region.code];
      region.eintraege.forEach(function (e) {
        if (e.start > st.bis || e.end < st.von) return;
        if (e.anlass) {
          var own = (byID[e.anlass] || []).filter(function (r) { return r.start <= e.start && e.end <= r.end; })[0];
          if (own) { own.holidays.push({ e: e, region: info }); return; }
        }
        rows.push({ kind: e.art, id: e.id, start: e.start, end: e.end, year: e.jahr, e: e, region: info });
      });
    }
    rows.sort(function (a, b) {
      return a.start < b.start ? -1 : a.start > b.start ? 1 :
        rank[a.kind] - rank[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.year - b.year);
    });
    return rows;
  }

  // ---------- Rendering ----------

  function render() {
    var st = state;
    if (st.region && !regions[st.region]) {
      status.textContent = "Feiertage für " + regionInfo[st.region].name + " werden geladen …";
      A.fetchJSON(root + regionInfo[st.region].datei).then(function (r) {
        regions[r.code] = r;
        if (state.region === r.code) render();
      }, function () {
        status.textContent = "Die Feiertage für " + regionInfo[st.region].name + " konnten nicht geladen werden. Bitte laden Sie die Seite neu.";
      });
      return;
    }
    var rows = results(st, st.region ? regions[st.region] : null);
    list.textContent = "";
    more.remove();
    show(rows, 0);
    var n = rows.filter(function (r) { return r.kind === "occasion"; }).length;
    var days = rows.length - n;
    var msg = (n === 1 ? "1 Anlass" : n + " Anlässe") + (days ? " und " + (days === 1 ? "1 Tag" : days + " Tage") + " der Region" : "") +
      " vom " + D.text(st.von) + " bis " + D.text(st.bis) + ".";
    if (!rows.length) msg = "Keine Treffer vom " + D.text(st.von) + " bis " + D.text(st.bis) + ". Lassen Sie einen Filter weg oder wählen Sie einen längeren Zeitraum.";
    if (st.von < data.von || st.bis > data.bis) {
      msg += " Diese Website kennt die Termine vom " + D.text(data.von) + " bis " + D.text(data.bis) + "; für andere Jahre rechnet „anlass list“ jedes Jahr aus.";
    }
    if (st.problems.length) msg += " Nicht verstanden: " + st.problems.join("; ") + ".";
    status.textContent = msg;
  }

  // show renders rows from the index from on, a page at a time: filtering
  // the whole data is quick, but thousands of rows at once would make a
  // phone wait. A button below adds the next page.
  var pageSize = 100;
  var more = document.createElement("button");
  more.type = "button";
  more.className = "btn finder-more";
  function show(rows, from) {
    var to = Math.min(rows.length, from + pageSize);
    var html = "", ids = A.merkliste.get();
    for (var i = from; i < to; i++) html += A.row(rows[i], root, state.heute, ids);
    list.insertAdjacentHTML("beforeend", html);
    if (to < rows.length) {
      more.textContent = "Weitere " + Math.min(pageSize, rows.length - to) + " von " + (rows.length - to) + " anzeigen";
      more.onclick = function () { more.remove(); show(rows, to); };
      list.after(more);
    }
  }

  function apply(st, push) {
    state = st;
    var url = query(st);
    if (url !== location.search && !(url === location.pathname && !location.search)) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
    fill(st);
    render();
  }

  // ---------- Start ----------

  function months() {
    var sel = document.getElementById("finder-monat");
    var first = state.heute.slice(0, 8) + "01";
    for (var i = 0; i < 13; i++) {
      var m = D.addMonths(first, i);
      if (m > data.bis) break;
      var o = document.createElement("option");
      o.value = m.slice(0, 7);
      o.textContent = D.month(m);
      sel.appendChild(o);
    }
    sel.addEventListener("change", function () {
      if (!sel.value) return;
      var st = fromForm();
      st.von = sel.value + "-01";
      st.bis = D.monthEnd(st.von);
      st.explicit = true;
      apply(st, true);
    });
  }

  function start() {
    data.kategorien.forEach(function (k) { labels[k.slug] = k.label; });
    data.regionen.forEach(function (r) { regionInfo[r.code] = r; });
    state = read();
    months();
    var panel = document.getElementById("finder-panel");
    panel.hidden = false;
    // On a phone the filters would push the results below the fold: they
    // start folded, with a line that says which are set.
    if (window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) panel.open = false;
    fill(state);
    render();
    form.addEventListener("change", function (ev) {
      if (ev.target.id === "finder-monat") return;
      apply(fromForm(), true);
    });
    var timer = null;
    form.elements.budget.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { apply(fromForm(), false); }, 150);
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(fromForm(), true); });
    form.querySelectorAll("[data-wochen]").forEach(function (b) {
      b.addEventListener("click", function () {
        var st = fromForm();
        st.von = state.heute;
        st.bis = D.add(state.heute, Number(b.getAttribute("data-wochen")) * 7 - 1);
        st.explicit = true;
        apply(st, true);
      });
    });
    document.getElementById("finder-reset").addEventListener("click", function (ev) {
      ev.preventDefault();
      var st = read();
      st.kategorie = []; st.zielgruppe = []; st.region = ""; st.budget = null; st.remote = false; st.art = ""; st.vorlauf = false;
      st.explicit = false; st.problems = [];
      st.von = st.heute; st.bis = D.add(st.heute, weeksDefault * 7 - 1);
      apply(st, true);
    });
    window.addEventListener("popstate", function () { state = read(); fill(state); render(); });
  }

  status.textContent = "Die Anlässe werden geladen …";
  A.fetchJSON(form.getAttribute("data-daten")).then(function (d) { data = d; start(); }, function () {
    status.textContent = "Die Daten des Finders konnten nicht geladen werden. Unten stehen die Anlässe der nächsten acht Wochen ohne Filter.";
  });
})();
