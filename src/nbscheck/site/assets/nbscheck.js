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

/* nbscheck: the clause finder (filters.md). Each select filters on the clause blocks' data-nbs-<key>
   attribute (a space-separated list); the choice is kept in the query string, so the address of a
   filtered view can be shared and opened again, from a server or from disk. */
(function () {
  function setup() {
    var form = document.querySelector("form.nbs-filters");
    if (!form) return;
    var selects = form.querySelectorAll("select[data-nbs-filter]");
    var items = document.querySelectorAll(".nbs-filter-item");
    var count = document.querySelector(".nbs-filter-count");
    var params = new URLSearchParams(window.location.search);
    for (var i = 0; i < selects.length; i++) {
      var wanted = params.get(selects[i].name);
      if (wanted !== null) selects[i].value = wanted;
    }

    function apply(write) {
      var chosen = {};
      var query = new URLSearchParams();
      for (var i = 0; i < selects.length; i++) {
        if (selects[i].value) {
          chosen[selects[i].name] = selects[i].value;
          query.set(selects[i].name, selects[i].value);
        }
      }
      var shown = 0;
      for (var j = 0; j < items.length; j++) {
        var ok = true;
        for (var key in chosen) {
          var values = (items[j].getAttribute("data-nbs-" + key) || "").split(" ");
          if (values.indexOf(chosen[key]) < 0) { ok = false; break; }
        }
        items[j].hidden = !ok;
        if (ok) shown++;
      }
      if (count) {
        count.textContent = form.getAttribute("data-nbs-count")
          .replace("{n}", shown).replace("{total}", items.length);
      }
      if (write) {
        var q = query.toString();
        window.history.replaceState(null, "", window.location.pathname + (q ? "?" + q : "") + window.location.hash);
      }
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply(false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();

/* Downloads page: the PDF of this version is printed after the site is built (make pdf), so its
   link is hidden until the file answers; it sits beside the other downloads of this page. */
(function () {
  function offer() {
    var box = document.querySelector(".nbs-pdf[data-pdf]");
    var sibling = document.querySelector(".nbs-downloads a[download]");
    if (!box || !sibling || !window.fetch) { return; }
    var href = sibling.href.replace(/[^\/]*$/, encodeURIComponent(box.getAttribute("data-pdf")));
    fetch(href, { method: "HEAD" }).then(function (r) {
      if (!r.ok) { return; }
      box.querySelector("a").href = href;
      box.hidden = false;
    }, function () {});
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", offer);
  } else {
    offer();
  }
})();
