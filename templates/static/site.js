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
})();
