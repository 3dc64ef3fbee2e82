/* nbscheck: keep the visitor on the same clause when switching language. The menu's links point
   at the same page in the other language; this adds the current anchor (#6.2.1) to them. */
(function () {
  function sync() {
    var links = document.querySelectorAll("a.nbs-lang-link");
    for (var i = 0; i < links.length; i++) {
      links[i].href = links[i].href.split("#")[0] + window.location.hash;
    }
  }
  window.addEventListener("hashchange", sync);
  document.addEventListener("click", function (event) {
    var a = event.target && event.target.closest ? event.target.closest("a.nbs-lang-link") : null;
    if (a) {
      a.href = a.href.split("#")[0] + window.location.hash;
    }
  }, true);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", sync);
  } else {
    sync();
  }
})();

/* nbscheck: old clause numbers land on the clause they became. A chapter page lists, in a hidden
   .nbs-anchor-map, links "old number -> where that clause is now" (generated from the versions'
   diffs). A visitor who arrives with #old, a number this page no longer has as an anchor, is sent
   on to the clause and told so, above the clause, in a notice. */
(function () {
  var KEY = "nbs-moved-notice";

  function show(text, target) {
    var el = target && document.getElementById(target);
    if (!el || !text) return;
    var note = document.createElement("p");
    note.className = "nbs-moved-notice";
    note.setAttribute("role", "status");
    note.textContent = text;
    el.parentNode.insertBefore(note, el);
    el.scrollIntoView();
  }

  function follow() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var pending = null;
    try { pending = JSON.parse(window.sessionStorage.getItem(KEY) || "null"); } catch (e) { pending = null; }
    if (pending && pending.to === hash) {
      window.sessionStorage.removeItem(KEY);
      show(pending.text, hash);
      return;
    }
    if (!hash || document.getElementById(hash)) return;
    var links = document.querySelectorAll(".nbs-anchor-map a[data-nbs-old]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("data-nbs-old") !== hash) continue;
      var url = new URL(links[i].href, window.location.href);
      var to = decodeURIComponent(url.hash.slice(1));
      var text = links[i].getAttribute("data-nbs-notice");
      if (url.pathname === window.location.pathname) {
        window.history.replaceState(null, "", url.hash);
        show(text, to);
      } else {
        try { window.sessionStorage.setItem(KEY, JSON.stringify({to: to, text: text})); } catch (e) { /* no notice */ }
        window.location.replace(url.href);
      }
      return;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", follow);
  } else {
    follow();
  }
  window.addEventListener("hashchange", follow);
})();
