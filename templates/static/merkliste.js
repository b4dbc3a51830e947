// anlass: the Merkliste page. It lists the marked occasions' dates in a
// window (von, bis in the query string) and exports them: a calendar file
// put together from the build's single-event files (the page only wraps
// their VEVENT blocks), a table from the rows of daten/<year>.csv, a print
// view and a link that carries the list (?liste=id,id,…). Opening such a
// link offers to take the list over; it never replaces one silently.
(function () {
  "use strict";
  var A = window.anlass;
  var box = document.getElementById("merkliste");
  if (!A || !box) return;
  var D = A.dates;
  var M = A.merkliste;
  var root = box.getAttribute("data-root") || "./";
  var termine = box.getAttribute("data-termine");
  var status = document.getElementById("merkliste-status");
  var list = document.getElementById("merkliste-eintraege");
  var form = document.getElementById("merkliste-zeitraum");
  var data = null, byID = {}, labels = {};
  var today = D.today();
  var win = null;

  function say(text) { status.textContent = text; }

  function readWindow() {
    var q = new URLSearchParams(location.search);
    var von = q.get("von"), bis = q.get("bis");
    if (D.valid(von) && D.valid(bis) && von <= bis) return { von: von, bis: bis };
    return { von: today, bis: D.yearFrom(today) };
  }

  function setWindow(w) {
    win = w;
    form.elements.von.value = w.von;
    form.elements.bis.value = w.bis;
    var q = new URLSearchParams(location.search);
    q.set("von", w.von);
    q.set("bis", w.bis);
    q.delete("liste");
    history.replaceState(null, "", "?" + q.toString());
    render();
  }

  // entries are the occurrences in the window of the marked occasions ids,
  // by date.
  function entries(ids) {
    var out = [];
    ids.forEach(function (id) {
      var o = byID[id];
      if (!o) return;
      o.termine.forEach(function (t) {
        if (t[0] > win.bis || t[1] < win.von) return;
        out.push({ kind: "occasion", id: id, start: t[0], end: t[1], prep: t[2], year: t[3], row: t[4], o: o, ideas: o.ideen, label: labels[o.kat] });
      });
    });
    out.sort(function (a, b) { return a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : a.year - b.year; });
    return out;
  }

  function render() {
    var ids = M.get();
    var rows = entries(ids);
    list.textContent = "";
    list.insertAdjacentHTML("beforeend", rows.map(function (r) { return A.row(r, root, today, ids); }).join(""));
    var dated = {};
    rows.forEach(function (r) { dated[r.id] = true; });
    var without = ids.filter(function (id) { return byID[id] && !dated[id]; });
    var unknown = ids.filter(function (id) { return !byID[id]; });
    without.forEach(function (id) {
      var li = document.createElement("li");
      li.className = "finder-row no-date";
      li.setAttribute("data-occasion", id);
      var a = document.createElement("a");
      a.href = root + byID[id].url;
      a.textContent = byID[id].name;
      li.appendChild(a);
      li.appendChild(document.createTextNode(": kein Termin in diesem Zeitraum "));
      li.insertAdjacentHTML("beforeend", A.merkButton(id, ids));
      list.appendChild(li);
    });
    var exportable = rows.length > 0;
    ["merkliste-ics", "merkliste-csv", "merkliste-drucken"].forEach(function (b) { document.getElementById(b).disabled = !exportable; });
    document.getElementById("merkliste-teilen").disabled = ids.length === 0;
    if (!ids.length) {
      say("Ihre Merkliste ist leer. Im Finder, in jeder Liste und auf jeder Anlass-Seite setzt „Merken“ einen Anlass darauf.");
    } else {
      say((ids.length === 1 ? "1 Anlass" : ids.length + " Anlässe") + " gemerkt, " + (rows.length === 1 ? "1 Termin" : rows.length + " Termine") +
        " vom " + D.text(win.von) + " bis " + D.text(win.bis) + "." +
        (unknown.length ? " Nicht mehr im Katalog: " + unknown.join(", ") + "." : ""));
    }
  }

  // ---------- Exports ----------

  // vevent takes the VEVENT block of a single-event file, CRLF kept.
  function vevent(text) {
    var i = text.indexOf("BEGIN:VEVENT\r\n"), j = text.indexOf("END:VEVENT\r\n");
    if (i < 0 || j < i) throw new Error("kein VEVENT");
    return { head: text.slice(0, i), event: text.slice(i, j + "END:VEVENT\r\n".length) };
  }

  function exportICS() {
    var rows = entries(M.get());
    var files = [];
    rows.forEach(function (r) {
      files.push(termine + r.id + "-" + r.year + ".ics");
      if (r.prep >= win.von && r.prep <= win.bis) files.push(termine + r.id + "-" + r.year + "-vorbereiten.ics");
    });
    say("Die Kalenderdatei wird zusammengestellt …");
    Promise.all(files.map(function (f) {
      return A.fetchText(f).then(vevent, function () { return null; });
    })).then(function (parts) {
      var found = parts.filter(Boolean);
      if (!found.length) { say("Für diese Termine gibt es keine Kalenderdateien: Sie liegen vor dem Stand der Website."); return; }
      // The calendar's own lines come from the build's files (VERSION,
      // PRODID, …); the page adds nothing of its own.
      var text = found[0].head + found.map(function (p) { return p.event; }).join("") + "END:VCALENDAR\r\n";
      A.download("merkliste.ics", "text/calendar;charset=utf-8", text);
      var missing = parts.length - found.length;
      say((found.length === 1 ? "1 Eintrag" : found.length + " Einträge") + " in merkliste.ics." +
        (missing ? " " + missing + " fehlen: Sie liegen vor dem Stand der Website." : ""));
    });
  }

  function exportCSV() {
    var rows = entries(M.get());
    var years = {};
    rows.forEach(function (r) { years[r.start.slice(0, 4)] = true; });
    say("Die Tabelle wird zusammengestellt …");
    var ys = Object.keys(years);
    Promise.all(ys.map(function (y) {
      return A.fetchText(root + "daten/" + y + ".csv").then(function (t) { return t.replace(/^\ufeff/, "").split("\r\n"); }, function () { return null; });
    })).then(function (files) {
      var lines = {};
      ys.forEach(function (y, i) { lines[y] = files[i]; });
      var header = files.filter(Boolean)[0];
      if (!header) { say("Die Tabellen dieser Jahre konnten nicht geladen werden."); return; }
      var out = [header[0]], missing = 0;
      rows.forEach(function (r) {
        var f = lines[r.start.slice(0, 4)];
        if (f && r.row > 0 && f[r.row]) out.push(f[r.row]); else missing++;
      });
      A.download("merkliste.csv", "text/csv;charset=utf-8", "\ufeff" + out.join("\r\n") + "\r\n");
      say((out.length - 1 === 1 ? "1 Zeile" : out.length - 1 + " Zeilen") + " in merkliste.csv." + (missing ? " " + missing + " Termine fehlen: für ihr Jahr hat die Website keine Tabelle." : ""));
    });
  }

  function share() {
    var url = new URL(location.href);
    url.search = "?liste=" + M.get().join(",");
    var input = document.getElementById("merkliste-link");
    input.value = url.toString();
    document.getElementById("merkliste-link-box").hidden = false;
    input.focus();
    input.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(function () { say("Link kopiert. Wer ihn öffnet, kann die Liste übernehmen."); }, function () {});
    }
  }

  // offer asks what to do with a list that came in a link.
  function offer(shared) {
    var mine = M.get();
    var known = shared.filter(function (id) { return byID[id]; });
    var panel = document.getElementById("merkliste-geteilt");
    var same = known.length === mine.length && known.every(function (id) { return mine.indexOf(id) >= 0; });
    if (!known.length || same) { clearListe(); return; }
    panel.textContent = "";
    var p = document.createElement("p");
    p.textContent = "Dieser Link enthält eine Merkliste mit " + (known.length === 1 ? "1 Anlass" : known.length + " Anlässen") + ": " +
      known.map(function (id) { return byID[id].name; }).join(", ") + ". " +
      (mine.length ? "Ihre eigene Liste hat " + (mine.length === 1 ? "1 Anlass" : mine.length + " Anlässe") + "." : "Ihre eigene Liste ist leer.");
    panel.appendChild(p);
    var actions = document.createElement("p");
    actions.className = "share-actions";
    function button(label, cls, fn) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "btn " + cls;
      b.textContent = label;
      b.addEventListener("click", function () { fn(); panel.hidden = true; clearListe(); }); // M.set renders through onChange
      actions.appendChild(b);
    }
    if (mine.length) {
      button("Zu meiner Liste hinzufügen", "btn-primary", function () { M.set(mine.concat(known)); });
      button("Meine Liste ersetzen", "", function () { M.set(known); });
    } else {
      button("Liste übernehmen", "btn-primary", function () { M.set(known); });
    }
    button("Nicht übernehmen", "", function () {});
    panel.appendChild(actions);
    panel.hidden = false;
  }
  function clearListe() {
    var q = new URLSearchParams(location.search);
    if (!q.has("liste")) return;
    q.delete("liste");
    var s = q.toString();
    history.replaceState(null, "", s ? "?" + s : location.pathname);
  }

  function start() {
    data.kategorien.forEach(function (k) { labels[k.slug] = k.label; });
    data.anlaesse.forEach(function (o) { byID[o.id] = o; });
    box.hidden = false;
    if (!M.available()) {
      say("Dieser Browser erlaubt der Seite keinen Speicher (privates Fenster oder gesperrt): Die Merkliste kann nichts behalten.");
    }
    var years = document.getElementById("merkliste-jahre");
    (data.jahre || []).forEach(function (y) {
      if (String(y) < today.slice(0, 4)) return;
      var b = document.createElement("button");
      b.type = "button";
      b.className = "btn btn-small";
      b.textContent = String(y);
      b.addEventListener("click", function () { setWindow({ von: y + "-01-01", bis: y + "-12-31" }); });
      years.appendChild(b);
    });
    years.querySelector("[data-monate]").addEventListener("click", function () {
      setWindow({ von: today, bis: D.yearFrom(today) });
    });
    form.addEventListener("change", function () {
      var von = form.elements.von.value, bis = form.elements.bis.value;
      if (D.valid(von) && D.valid(bis) && von <= bis) setWindow({ von: von, bis: bis });
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    document.getElementById("merkliste-ics").addEventListener("click", exportICS);
    document.getElementById("merkliste-csv").addEventListener("click", exportCSV);
    document.getElementById("merkliste-drucken").addEventListener("click", function () { window.print(); });
    document.getElementById("merkliste-teilen").addEventListener("click", share);
    M.onChange(render);
    win = readWindow();
    form.elements.von.value = win.von;
    form.elements.bis.value = win.bis;
    var shared = new URLSearchParams(location.search).get("liste");
    render();
    if (shared !== null) offer(shared.split(",").filter(Boolean));
  }

  A.fetchJSON(box.getAttribute("data-daten")).then(function (d) { data = d; start(); }, function () {
    box.hidden = false;
    say("Die Daten der Merkliste konnten nicht geladen werden. Bitte laden Sie die Seite neu.");
  });
})();
