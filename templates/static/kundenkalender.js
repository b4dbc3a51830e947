// anlass: the customer calendar page. When the page opens it loads the
// WebAssembly program (the Go code of `anlass kunden`) and the holidays;
// from then on it makes no request. A chosen file is read here, handed to
// the program with the options, and its answer shown: the problems by
// line, the events by month, and the .ics and CSV files to download.
(function () {
  "use strict";
  var A = window.anlass;
  var box = document.getElementById("kunden");
  if (!A || !box) return;
  var D = A.dates;
  var status = document.getElementById("kunden-status");
  var form = document.getElementById("kunden-form");
  var input = document.getElementById("kunden-datei");
  var drop = document.getElementById("kunden-drop");
  var problems = document.getElementById("kunden-probleme");
  var result = document.getElementById("kunden-ergebnis");
  var more = document.getElementById("kunden-weiter");
  var holidays = null, ready = false;
  var file = null; // {name, bytes}
  var last = null; // the program's last answer
  var skipInvalid = false;

  var q = new URLSearchParams(location.search);
  var today = D.today();
  form.elements.von.value = D.valid(q.get("von")) ? q.get("von") : today;
  form.elements.bis.value = D.valid(q.get("bis")) ? q.get("bis") : D.yearFrom(form.elements.von.value);
  box.hidden = false;

  function say(text) { status.textContent = text; }

  // ---------- Loading (the only requests the page makes) ----------

  function loadProgram() {
    if (typeof Go === "undefined" || typeof WebAssembly === "undefined") {
      return Promise.reject(new Error("Dieser Browser kann kein WebAssembly ausführen."));
    }
    var go = new Go();
    var url = box.getAttribute("data-wasm");
    function whole() {
      return A.fetchOK(url).then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
    }
    // A host that serves .wasm with another type fails the streaming
    // compile: the program is then read whole.
    var inst = WebAssembly.instantiateStreaming
      ? WebAssembly.instantiateStreaming(A.fetchOK(url), go.importObject).catch(whole)
      : whole();
    return inst.then(function (r) { go.run(r.instance); });
  }

  Promise.all([
    A.fetchJSON(box.getAttribute("data-feiertage")),
    loadProgram()
  ]).then(function (res) {
    holidays = res[0];
    ready = typeof window.anlassKundenkalender === "function";
    if (!ready) throw new Error("Das Programm hat sich nicht gemeldet.");
    say("Bereit. Wählen Sie Ihre Kundenliste – sie bleibt auf diesem Computer.");
    if (file) compute();
  }).catch(function (e) {
    say("Der Kundenkalender konnte nicht geladen werden (" + e.message + "). Bitte laden Sie die Seite neu.");
  });

  // ---------- The file ----------

  function take(f) {
    if (!f) return;
    var reader = new FileReader();
    reader.onload = function () {
      file = { name: f.name, bytes: new Uint8Array(reader.result) };
      skipInvalid = false;
      if (ready) compute(); else say("Die Datei ist gelesen; der Kundenkalender lädt noch …");
    };
    reader.onerror = function () { say("Die Datei „" + f.name + "“ konnte nicht gelesen werden."); };
    reader.readAsArrayBuffer(f);
  }
  input.addEventListener("change", function () { take(input.files[0]); });
  ["dragenter", "dragover"].forEach(function (t) {
    drop.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    drop.addEventListener(t, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (ev) {
    ev.preventDefault();
    if (ev.dataTransfer && ev.dataTransfer.files.length) take(ev.dataTransfer.files[0]);
  });
  form.addEventListener("change", function (ev) { if (ev.target !== input && file && ready) compute(); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  more.addEventListener("click", function () { skipInvalid = true; compute(); });

  // ---------- Computing and showing ----------

  function options() {
    var feb = form.querySelector("input[name=feb29]:checked");
    return JSON.stringify({
      von: form.elements.von.value, bis: form.elements.bis.value, vorlauf: form.elements.vorlauf.value,
      feb29: feb ? feb.value : "02-28", ohneFehlerhafte: skipInvalid, heute: today,
      uidDomain: box.getAttribute("data-uid-domain"), baseURL: box.getAttribute("data-base-url"), feiertage: holidays
    });
  }

  function compute() {
    if (!D.valid(form.elements.von.value) || !D.valid(form.elements.bis.value) || form.elements.bis.value < form.elements.von.value) {
      say("Bitte wählen Sie einen Zeitraum: „bis“ liegt vor „von“.");
      return;
    }
    last = JSON.parse(window.anlassKundenkalender(file.name, file.bytes, options()));
    show(last);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function show(r) {
    var list = document.getElementById("kunden-probleme-liste");
    list.textContent = "";
    r.probleme.forEach(function (p) {
      var li = el("li", p.warnung ? "warning" : "error", p.text);
      li.setAttribute("data-zeile", String(p.zeile));
      list.appendChild(li);
    });
    problems.hidden = r.probleme.length === 0;
    more.hidden = !r.blockiert || !r.kunden;
    if (r.fehler) {
      result.hidden = true;
      say(r.fehler);
      return;
    }
    if (r.blockiert) {
      result.hidden = true;
      var errors = r.probleme.filter(function (p) { return !p.warnung; }).length;
      say(r.zusammenfassung + ": " + (errors === 1 ? "1 Fehler" : errors + " Fehler") + ". Korrigieren Sie die Zeilen unten, oder machen Sie mit den gültigen weiter.");
      return;
    }
    say(r.zusammenfassung + ".");
    document.getElementById("kunden-zusammenfassung").textContent = r.zusammenfassung + " vom " + D.text(form.elements.von.value) + " bis " + D.text(form.elements.bis.value) + ".";
    var counts = document.getElementById("kunden-anzahl");
    counts.textContent = "";
    r.anzahl.forEach(function (c) {
      var li = el("li", "kunden-count kind-" + c.art);
      li.appendChild(el("strong", "", String(c.n)));
      li.appendChild(document.createTextNode(" " + c.label));
      counts.appendChild(li);
    });
    var months = document.getElementById("kunden-monate");
    months.textContent = "";
    var table = null, month = "";
    r.termine.forEach(function (e) {
      if (e.datum.slice(0, 7) !== month) {
        month = e.datum.slice(0, 7);
        months.appendChild(el("h3", "month-label", D.month(e.datum)));
        table = el("table", "kunden-table");
        var head = el("tr");
        ["Datum", "Art", "Termin"].forEach(function (h) { var th = el("th", "", h); th.scope = "col"; head.appendChild(th); });
        table.appendChild(el("thead")).appendChild(head);
        table.appendChild(el("tbody"));
        months.appendChild(table);
      }
      var tr = el("tr", "kind-" + e.art);
      tr.setAttribute("data-datum", e.datum);
      tr.appendChild(el("td", "", D.long(e.datum)));
      tr.appendChild(el("td", "", e.label));
      var td = el("td");
      var a = el("a", "", e.titel);
      a.href = e.url;
      td.appendChild(a);
      tr.appendChild(td);
      table.tBodies[0].appendChild(tr);
    });
    if (!r.termine.length) months.appendChild(el("p", "", "In diesem Zeitraum hat keiner Ihrer Kunden einen Termin."));
    result.hidden = false;
  }

  document.getElementById("kunden-ics").addEventListener("click", function () {
    if (last) A.download("kundenkalender.ics", "text/calendar;charset=utf-8", last.ics);
  });
  document.getElementById("kunden-csv").addEventListener("click", function () {
    if (last) A.download("kundenkalender.csv", "text/csv;charset=utf-8", last.csv);
  });
})();
