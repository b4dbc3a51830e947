// anlass serve: reload this page after each new build, and show build
// problems in an overlay. Added to HTML responses by the preview server only;
// never part of the built site.
(() => {
  "use strict";
  const self = document.currentScript;
  const loaded = self ? new URL(self.src).searchParams.get("v") || "" : "";
  let host = null;

  function hide() {
    if (host) {
      host.remove();
      host = null;
    }
  }

  function show(state) {
    hide();
    host = document.createElement("div");
    host.setAttribute("data-anlass-overlay", "");
    const root = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = `
      .box { position: fixed; inset: auto 1rem 1rem 1rem; max-height: 60vh; overflow: auto; z-index: 2147483647;
        background: #fff; color: #1d1d1f; border: 2px solid #b3261e; border-radius: 8px;
        box-shadow: 0 8px 32px rgba(0,0,0,.3); font: 15px/1.45 system-ui, sans-serif; padding: 1rem 1.25rem; }
      h2 { margin: 0 2rem .5rem 0; font-size: 1.05rem; color: #b3261e; }
      p { margin: 0 0 .75rem; }
      pre { margin: 0; white-space: pre-wrap; font: 13px/1.5 ui-monospace, monospace; }
      .warning { color: #7a5900; }
      button { position: absolute; top: .5rem; right: .75rem; border: 0; background: none; font-size: 1.5rem;
        line-height: 1; cursor: pointer; color: inherit; }`;
    const box = document.createElement("div");
    box.className = "box";
    box.setAttribute("role", "alert");
    const close = document.createElement("button");
    close.type = "button";
    close.title = "Schließen";
    close.textContent = "×";
    close.addEventListener("click", hide);
    const h = document.createElement("h2");
    h.textContent = "anlass: Build fehlgeschlagen";
    const p = document.createElement("p");
    p.textContent = state.version
      ? "Die Seite zeigt den letzten gelungenen Stand. Behebe die Probleme und speichere: Sie lädt sich dann neu."
      : "Behebe die Probleme und speichere: Die Seite lädt sich dann neu.";
    const pre = document.createElement("pre");
    for (const prob of state.problems || []) {
      const line = document.createElement("div");
      line.className = prob.severity;
      line.textContent = prob.text;
      pre.append(line);
    }
    if (state.error) {
      const line = document.createElement("div");
      line.textContent = state.error;
      pre.append(line);
    }
    box.append(close, h, p, pre);
    root.append(style, box);
    document.documentElement.append(host);
  }

  const events = new EventSource("/__anlass/events");
  events.onmessage = (e) => {
    const state = JSON.parse(e.data);
    if (state.ok && state.version !== loaded) {
      location.reload();
    } else if (state.ok) {
      hide();
    } else {
      show(state);
    }
  };
})();
