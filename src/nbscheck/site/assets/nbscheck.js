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
