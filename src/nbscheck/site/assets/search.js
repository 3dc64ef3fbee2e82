/* nbscheck search: the guideline's clauses found by what they contain, in Chinese and English.

   The index (search-index.json, written by nbscheck.site.search) holds each clause's text as it is.
   Index and query go through the same norm() here, so nothing is segmented differently on the two
   sides: a query term is found as a substring (Chinese) or at the start of a word (English); a
   Chinese term not found whole scores by the share of its two-character pieces the text holds.
   Entries holding every term come first, then by score, then in reading order. A clause number
   (7.3.1, A.2) finds that clause first and, submitted, opens it.

   The same file runs in node (module.exports) for the query-list test, and in the browser, where
   it adds a search box to the header, fills the search page and marks the query on the page a
   result opens (?h=...). */
(function (root) {
  "use strict";

  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var SPLIT = /[\s,.;:!?'"`()\[\]{}<>\/\\|~@#$%^&*+=_\-\u3000-\u303f\u2018-\u201f\u2014\u2026\uff01-\uff0f\uff1a-\uff20]+/;
  var CLAUSE_ID = /^(?:\d+|[a-z])(?:\.\d+)+$/;

  function norm(s) {
    return String(s || "").normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  }

  /* The query's terms: clause numbers whole, other words split at punctuation. */
  function terms(query) {
    var out = [];
    norm(query).split(" ").forEach(function (w) {
      w = w.replace(/^[.\u3002]+|[.\u3002]+$/g, "");
      if (CLAUSE_ID.test(w)) { out.push(w); return; }
      w.split(SPLIT).forEach(function (p) { if (p && out.indexOf(p) < 0) { out.push(p); } });
    });
    return out;
  }

  function prepare(index) {
    index.docs.forEach(function (d, i) {
      d.order = i;
      d.nid = norm(d.id);
      d.nt = norm(d.t);
      d.n = norm([d.id, d.t, d.x, d.e].join(" "));
    });
    return index;
  }

  function count(hay, needle, wordStart) {
    var n = 0, at = hay.indexOf(needle), id = CLAUSE_ID.test(needle);
    while (at >= 0 && n < 8) {
      var after = hay.slice(at + needle.length, at + needle.length + 2);
      if ((!wordStart || at === 0 || !/[a-z0-9]/.test(hay.charAt(at - 1))) && !(id && /^(\d|\.\d)/.test(after))) { n++; }
      at = hay.indexOf(needle, at + needle.length);
    }
    return n;
  }

  /* An English plural's singular (pesticides -> pesticide), tried when the plural is not found. */
  function stemOf(term) {
    return !HAN.test(term) && term.length > 4 && /s$/.test(term) ? term.slice(0, -1) : term;
  }

  function bigrams(term) {
    var out = [];
    for (var i = 0; i + 2 <= term.length; i++) { out.push(term.slice(i, i + 2)); }
    return out;
  }

  /* How well one entry holds one term: {whole: bool, score: number}. */
  function termScore(d, term) {
    if (CLAUSE_ID.test(term) || /^nbs\d{3}$/.test(term)) {
      if (d.nid === term) { return { whole: true, score: 1000 }; }
      if (d.nid.indexOf(term + ".") === 0) { return { whole: true, score: 40 }; }
    }
    var han = HAN.test(term);
    var latin = !han;
    var stem = stemOf(term);
    var inText = count(d.n, term, latin) || (stem !== term ? count(d.n, stem, true) : 0);
    if (inText) {
      var inTitle = count(d.nt, term, latin) || (stem !== term ? count(d.nt, stem, true) : 0);
      var weight = han && term.length === 1 ? 0.3 : 1;
      return { whole: true, score: weight * (10 + (inTitle ? 8 : 0) + 3 * Math.log(1 + inText)) };
    }
    if (han && term.length >= 3) {  // the share of the term's characters covered by pieces the text holds
      var covered = [], grams = bigrams(term);
      grams.forEach(function (g, i) { if (d.n.indexOf(g) >= 0) { covered[i] = covered[i + 1] = true; } });
      var share = covered.filter(Boolean).length / term.length;
      if (share >= 0.5) { return { whole: false, score: 8 * share * share }; }
    }
    return { whole: false, score: 0 };
  }

  /* The entries that hold the query, best first: [{doc, score, whole}] (whole: how many terms found whole). */
  function search(index, query, limit) {
    var ts = terms(query);
    if (!ts.length) { return []; }
    var phrase = norm(query).replace(/\s+/g, "");
    var hits = [];
    index.docs.forEach(function (d) {
      var score = 0, whole = 0, any = false;
      ts.forEach(function (term) {
        var r = termScore(d, term);
        if (r.score > 0) { any = true; score += r.score; }
        if (r.whole) { whole++; }
      });
      if (!any) { return; }
      if (ts.length > 1 && phrase.length > 1 && d.n.replace(/\s+/g, "").indexOf(phrase) >= 0) { score += 15; }
      if (d.k === "clause") { score += 2; } else if (d.k === "chapter" || d.k === "page") { score -= 2; }  // broad
      score -= Math.min(4, d.n.length / 600);  // a long text holds more by chance
      hits.push({ doc: d, score: score, whole: whole });
    });
    hits.sort(function (a, b) { return (b.whole - a.whole) || (b.score - a.score) || (a.doc.order - b.doc.order); });
    return limit ? hits.slice(0, limit) : hits;
  }

  /* What to mark in a text for the query: whole terms, and for a Chinese term not found whole its
     longest pieces of two characters or more that the text holds; never a single character. */
  function marks(text, query) {
    var hay = norm(text), out = [];
    terms(query).forEach(function (term) {
      if (hay.indexOf(term) >= 0) { if (term.length > 1 || !HAN.test(term)) { out.push(term); } return; }
      if (!HAN.test(term)) { if (stemOf(term) !== term && hay.indexOf(stemOf(term)) >= 0) { out.push(stemOf(term)); } return; }
      for (var len = term.length - 1; len >= 2; len--) {
        for (var i = 0; i + len <= term.length; i++) {
          var piece = term.slice(i, i + len);
          if (hay.indexOf(piece) >= 0 && !out.some(function (o) { return o.indexOf(piece) >= 0; })) { out.push(piece); }
        }
      }
    });
    return out.sort(function (a, b) { return b.length - a.length; });
  }

  function pattern(words) {
    if (!words.length) { return null; }
    return new RegExp("(" + words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")", "gi");
  }

  function escapeHtml(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* ``text`` as HTML with the query marked, cut to about ``size`` characters around the first mark. */
  function highlight(text, query, size) {
    var re = pattern(marks(text, query));
    var s = String(text || "");
    if (size && s.length > size) {
      var first = re ? s.search(re) : -1;
      var start = Math.max(0, Math.min(first - Math.floor(size / 4), s.length - size));
      s = (start > 0 ? "…" : "") + s.slice(start, start + size) + (start + size < s.length ? "…" : "");
    }
    if (!re) { return escapeHtml(s); }
    return s.split(re).map(function (part, i) {
      return i % 2 ? "<mark>" + escapeHtml(part) + "</mark>" : escapeHtml(part);
    }).join("");
  }

  /* The part of an entry shown under its title: its text, or its notes when only they hold the query. */
  function snippet(doc, query, size) {
    function held(text) { return marks(text || "", query).reduce(function (n, m) { return n + m.length * m.length; }, 0); }
    var text = held(doc.e) > held(doc.x) ? doc.e : doc.x || doc.e;
    return text ? highlight(text, query, size) : "";
  }

  var api = { norm: norm, terms: terms, prepare: prepare, search: search, marks: marks, highlight: highlight,
              snippet: snippet };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
  if (typeof document === "undefined") { return; }

  // --- in the browser -----------------------------------------------------------------------------

  var script = document.currentScript;
  var base = script && script.src ? script.src.replace(/assets\/nbscheck\/search\.js(?:\?.*)?$/, "") : "";
  var lang = (document.documentElement.lang || "zh").slice(0, 2) === "en" ? "en" : "zh";
  var HEADER = { zh: ["搜索指南", "搜索"], en: ["Search the guideline", "Search"] };
  // a page opened from disk (file://) may not read the index: say so, and how to open the site instead
  var UNREADABLE = {
    zh: "无法读取搜索索引。从本地文件夹直接打开网页时，浏览器不允许读取索引；请通过网址打开本网站" +
        "（本地可在网站文件夹中运行 python3 -m http.server，再打开 http://localhost:8000/）。",
    en: "The search index cannot be read. A browser does not let a page opened from a folder on disk read it; " +
        "open the site through its web address (locally: run python3 -m http.server in the site folder, " +
        "then open http://localhost:8000/)."
  };
  var loading = null;

  function load() {
    if (!loading) {
      loading = fetch(base + "search-index.json").then(function (r) { return r.json(); }).then(prepare);
    }
    return loading;
  }

  function link(doc, query) {
    var parts = doc.u.split("#");
    return base + parts[0] + "?h=" + encodeURIComponent(query) + (parts[1] ? "#" + parts[1] : "");
  }

  function exact(index, query) {
    var ts = terms(query);
    if (ts.length !== 1) { return null; }
    var hit = search(index, query, 1)[0];
    return hit && hit.doc.nid === ts[0] && (CLAUSE_ID.test(ts[0]) || /^nbs\d{3}$/.test(ts[0])) ? hit.doc : null;
  }

  function go(query) {
    load().then(function (index) {
      var doc = exact(index, query);
      window.location.href = doc ? link(doc, query) : base + "search/?q=" + encodeURIComponent(query);
    }, function () { window.location.href = base + "search/?q=" + encodeURIComponent(query); });
  }

  function headerBox() {
    var bar = document.querySelector(".md-header__inner");
    if (!bar || document.getElementById("nbs-results")) { return; }
    var form = document.createElement("form");
    form.className = "nbs-header-search";
    form.setAttribute("role", "search");
    form.action = base + "search/";
    var input = document.createElement("input");
    input.type = "search";
    input.name = "q";
    input.placeholder = HEADER[lang][1];
    input.setAttribute("aria-label", HEADER[lang][0]);
    input.autocomplete = "off";
    form.appendChild(input);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (input.value.trim()) { go(input.value); }
    });
    bar.insertBefore(form, bar.querySelector(".md-header__source"));
  }

  function resultsPage() {
    var box = document.getElementById("nbs-results");
    var input = document.getElementById("nbs-q");
    if (!box || !input) { return; }
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    var timer = null;
    function render(index) {
      var q = input.value, w = index.words;
      if (!terms(q).length) { box.innerHTML = ""; return; }
      var hits = search(index, q, 50);
      if (!hits.length) { box.innerHTML = "<p>" + escapeHtml(w.none.replace("{q}", q)) + "</p>"; return; }
      box.innerHTML = "<p class=\"nbs-results-count\">" + escapeHtml(w.count.replace("{n}", hits.length)) + "</p><ol>" +
        hits.map(function (h) {
          var d = h.doc, head = (d.id ? d.id + " " : "") + d.t, text = snippet(d, q, 160);
          return "<li class=\"nbs-result nbs-result-" + d.k + "\"><a href=\"" + escapeHtml(link(d, q)) + "\">" +
            "<span class=\"nbs-result-kind\">" + escapeHtml(w[d.k] || d.k) + "</span> " + highlight(head, q) + "</a>" +
            (d.w ? "<div class=\"nbs-result-where\">" + escapeHtml(d.w) + "</div>" : "") +
            (text ? "<p>" + text + "</p>" : "") + "</li>";
        }).join("") + "</ol>";
    }
    load().then(function (index) {
      render(index);
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          render(index);
          history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
        }, 120);
      });
      input.form.addEventListener("submit", function (e) {
        e.preventDefault();
        var doc = exact(index, input.value);
        if (doc) { window.location.href = link(doc, input.value); } else { render(index); }
      });
    }, function () {
      box.innerHTML = "<p class=\"nbs-results-error\" role=\"alert\">" + escapeHtml(UNREADABLE[lang]) + "</p>";
    });
  }

  /* On the page a result opened: mark the query in the content, then show the anchor again. */
  function markPage() {
    var q = new URLSearchParams(window.location.search).get("h");
    var article = document.querySelector("article") || document.querySelector("main");
    if (!q || !article) { return; }
    var re = pattern(marks(article.textContent, q));
    if (!re) { return; }
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, null);
    var nodes = [];
    while (walker.nextNode()) {
      var n = walker.currentNode;
      if (!/^(SCRIPT|STYLE|MARK|TEXTAREA)$/.test(n.parentNode.nodeName) && re.test(n.nodeValue)) { nodes.push(n); }
      re.lastIndex = 0;
    }
    nodes.forEach(function (n) {
      var frag = document.createDocumentFragment();
      n.nodeValue.split(re).forEach(function (part, i) {
        if (!part) { return; }
        if (i % 2) {
          var m = document.createElement("mark");
          m.className = "nbs-hit";
          m.textContent = part;
          frag.appendChild(m);
        } else {
          frag.appendChild(document.createTextNode(part));
        }
      });
      n.parentNode.replaceChild(frag, n);
    });
    var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target) { target.scrollIntoView(); }
  }

  function start() { headerBox(); resultsPage(); markPage(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})(this);
