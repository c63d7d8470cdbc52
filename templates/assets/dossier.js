// Dossier's progressive enhancements: the site works without this file; with it, readers
// get search, a theme toggle, sortable and filterable tables, copy buttons, and links that
// work when the site is opened from disk.
(function () {
  "use strict";
  var doc = document.documentElement;
  var root = doc.getAttribute("data-root") || "./";
  var fromDisk = location.protocol === "file:";

  // Opened from disk, folder links show a file listing: point them at index.html.
  function diskURL(href) {
    if (!fromDisk || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#") return href;
    var cut = href.search(/[?#]/), path = cut < 0 ? href : href.slice(0, cut), rest = cut < 0 ? "" : href.slice(cut);
    if (path === "" || path.slice(-1) === "/") path += "index.html";
    return path + rest;
  }
  if (fromDisk) {
    document.querySelectorAll("a[href]").forEach(function (a) { a.setAttribute("href", diskURL(a.getAttribute("href"))); });
  }

  // Theme: the toggle pins light or dark and remembers it; without a choice the page follows the system.
  var toggle = document.querySelector(".theme-toggle");
  function effectiveTheme() {
    return doc.getAttribute("data-theme") || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  }
  function labelToggle() {
    if (!toggle) return;
    var dark = effectiveTheme() === "dark";
    toggle.setAttribute("aria-pressed", dark ? "true" : "false");
    toggle.querySelector(".label").textContent = dark ? "Dark" : "Light";
  }
  if (toggle) {
    toggle.addEventListener("click", function () {
      var next = effectiveTheme() === "dark" ? "light" : "dark";
      doc.setAttribute("data-theme", next);
      try { localStorage.setItem("dossier-theme", next); } catch (e) {}
      labelToggle();
    });
    labelToggle();
  }

  // Contents: wide pages show the list beside the text whatever the disclosure's state (the
  // stylesheet does that); open it there too, so assistive technology calls it expanded.
  var wide = matchMedia("(min-width: 64rem)"), tocs = document.querySelectorAll(".with-toc .toc details");
  function syncContents() { tocs.forEach(function (details) { details.open = wide.matches; }); }
  if (tocs.length) { syncContents(); wide.addEventListener("change", syncContents); }

  // Collaboration graph: pointing at or focusing a profile brings out its lines and the
  // agents they join, and dims the rest.
  document.querySelectorAll("figure.graph svg").forEach(function (svg) {
    var edges = svg.querySelectorAll(".dg-edge[data-from]"), nodes = svg.querySelectorAll(".dg-node[data-id]");
    function mark(id) {
      var near = {};
      if (id) near[id] = true;
      edges.forEach(function (edge) {
        var from = edge.getAttribute("data-from"), to = edge.getAttribute("data-to"), on = from === id || to === id;
        edge.classList.toggle("graph-near", on);
        if (on) { near[from] = true; near[to] = true; }
      });
      nodes.forEach(function (node) { node.classList.toggle("graph-near", !!near[node.getAttribute("data-id")]); });
      svg.classList.toggle("graph-focus", !!id);
    }
    if (!edges.length) return;
    nodes.forEach(function (node) {
      var id = node.getAttribute("data-id");
      node.addEventListener("mouseenter", function () { mark(id); });
      node.addEventListener("focusin", function () { mark(id); });
      node.addEventListener("mouseleave", function () { mark(null); });
      node.addEventListener("focusout", function () { mark(null); });
    });
  });

  // Copy buttons on code blocks.
  document.querySelectorAll(".code-block").forEach(function (block) {
    var button = block.querySelector(".copy-button"), code = block.querySelector("pre");
    if (!button || !code) return;
    button.addEventListener("click", function () {
      var text = code.innerText;
      var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 1500); };
      if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(text).then(done); return; }
      var area = document.createElement("textarea");
      area.value = text; document.body.appendChild(area); area.select();
      try { document.execCommand("copy"); done(); } catch (e) {}
      area.remove();
    });
  });

  // Sortable tables: buttons in header cells sort by data-value (numbers) or text.
  // A heading that holds a link keeps it and gets a separate small button (a link inside a
  // button is invalid HTML, and a click on it would follow the link instead of sorting).
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, column) {
      if (th.hasAttribute("data-nosort")) return;
      var button = document.createElement("button");
      button.type = "button";
      if (th.querySelector("a, button, input, select, textarea")) {
        button.setAttribute("aria-label", "Sort by " + th.textContent.trim());
        button.className = "sort-only";
        var glyph = document.createElement("span");
        glyph.setAttribute("aria-hidden", "true");
        glyph.className = "sort-glyph";
        glyph.textContent = "⇅";
        button.appendChild(glyph);
        th.appendChild(document.createTextNode(" "));
      } else {
        while (th.firstChild) button.appendChild(th.firstChild);
      }
      th.appendChild(button);
      th.classList.add("sortable");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (other) {
          other.removeAttribute("aria-sort");
          var g = other.querySelector(".sort-glyph");
          if (g) g.textContent = "⇅";
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        if (glyph) glyph.textContent = "";
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[column];
          if (!cell) return "";
          var value = cell.getAttribute("data-value");
          return value === null ? cell.textContent.trim().toLowerCase() : (value === "" ? -1 : parseFloat(value));
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  // Pattern library filters: by service, by minimum confidence, by words.
  var filters = document.querySelector(".library-filters");
  if (filters) {
    var rows = document.querySelectorAll("[data-pattern-row]");
    var service = filters.querySelector("[name=service]"), minimum = filters.querySelector("[name=confidence]");
    // Not `words`: a var of that name here would replace the search's words() function.
    var wordFilter = filters.querySelector("[name=q]"), count = document.querySelector(".library-count"), shownValue = filters.querySelector(".confidence-value");
    var apply = function () {
      var wanted = service.value, floor = parseFloat(minimum.value) || 0, q = wordFilter.value.trim().toLowerCase(), shown = 0;
      if (shownValue) shownValue.textContent = floor.toFixed(2);
      rows.forEach(function (row) {
        var services = "|" + (row.getAttribute("data-services") || "") + "|";
        var confidence = parseFloat(row.getAttribute("data-confidence"));
        var ok = (!wanted || services.indexOf("|" + wanted + "|") >= 0) &&
          (floor === 0 || (!isNaN(confidence) && confidence >= floor)) &&
          (!q || row.textContent.toLowerCase().indexOf(q) >= 0);
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = shown + " of " + rows.length + " patterns";
    };
    [service, minimum, wordFilter].forEach(function (input) { input.addEventListener("input", apply); });
    apply();
  }

  // Search: the index is a script (so it also loads from disk), fetched on first use.
  var forms = document.querySelectorAll(".search");
  var index = null, loading = false, waiting = [];
  function loadIndex(then) {
    if (index) return then();
    waiting.push(then);
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () { index = prepare(window.DOSSIER_SEARCH || { entries: [] }); waiting.forEach(function (f) { f(); }); };
    script.onerror = function () { loading = false; };
    document.head.appendChild(script);
  }
  function words(text) { return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  var weights = { profile: 6, pattern: 5, guide: 4, page: 4, section: 2, capability: 3, service: 3 };
  function prepare(data) {
    return data.entries.map(function (e) {
      return { kind: e[0], title: e[1], url: e[2], context: e[3] || "", titleWords: words(e[1]), bodyWords: words((e[3] || "") + " " + (e[4] || "")) };
    });
  }
  function search(query) {
    var terms = words(query);
    if (!terms.length) return [];
    var found = [];
    index.forEach(function (entry) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var term = terms[i], best = 0;
        entry.titleWords.forEach(function (w) { if (w === term) best = Math.max(best, 6); else if (w.indexOf(term) === 0) best = Math.max(best, 4); });
        if (!best) entry.bodyWords.forEach(function (w) { if (w === term) best = Math.max(best, 2); else if (w.indexOf(term) === 0) best = Math.max(best, 1); });
        if (!best) return;
        score += best;
      }
      found.push({ entry: entry, score: score * (weights[entry.kind] || 1) - entry.title.length / 100 });
    });
    found.sort(function (a, b) { return b.score - a.score; });
    return found.slice(0, 12).map(function (f) { return f.entry; });
  }
  forms.forEach(function (form, n) {
    var input = form.querySelector("input"), list = form.querySelector(".search-results");
    var selected = -1, results = [];
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var target = results[selected >= 0 ? selected : 0];
      if (target) location.href = diskURL(root + target.url);
    });
    function select(i) {
      var items = list.querySelectorAll("li[role=option]");
      selected = Math.max(-1, Math.min(i, items.length - 1));
      items.forEach(function (li, k) { li.setAttribute("aria-selected", k === selected ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", selected >= 0 ? items[selected].id : "");
      if (selected >= 0) items[selected].scrollIntoView({ block: "nearest" });
    }
    function render() {
      results = search(input.value);
      list.innerHTML = "";
      selected = -1;
      if (!input.value.trim()) { list.hidden = true; input.setAttribute("aria-expanded", "false"); return; }
      if (!results.length) {
        var none = document.createElement("li");
        none.className = "empty"; none.textContent = "No results for “" + input.value.trim() + "”";
        list.appendChild(none);
      }
      results.forEach(function (entry, k) {
        var li = document.createElement("li"), a = document.createElement("a"), kind = document.createElement("span");
        li.setAttribute("role", "option"); li.id = "search-" + n + "-" + k;
        a.href = diskURL(root + entry.url);
        kind.className = "kind"; kind.textContent = entry.kind;
        a.appendChild(kind); a.appendChild(document.createTextNode(entry.title));
        if (entry.context) { var c = document.createElement("span"); c.className = "context"; c.textContent = entry.context; a.appendChild(c); }
        li.appendChild(a); list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    input.addEventListener("focus", function () { loadIndex(function () {}); });
    input.addEventListener("input", function () { loadIndex(render); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); select(selected + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); select(selected - 1); }
      else if (event.key === "Escape") { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
    });
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "/" && forms.length && !/input|textarea|select/i.test(target.tagName)) {
      event.preventDefault(); forms[0].querySelector("input").focus();
    }
  });
})();
