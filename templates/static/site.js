// anlass: copy buttons, the planner's print button; loads the search.
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

  // The search page's script is a module of its own (search.js), loaded
  // only there; browsers too old for modules keep the page's links.
  var form = document.getElementById("suche");
  if (form && form.getAttribute("data-script")) {
    var script = document.createElement("script");
    script.type = "module";
    script.src = form.getAttribute("data-script");
    document.head.appendChild(script);
  }

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
})();
