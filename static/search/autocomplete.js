/* Search suggestions while typing: a WAI-ARIA 1.2 combobox with a listbox popup, over the JSON
   autocomplete API (docs/search-api.md). Progressive enhancement, loaded with defer: without it
   (or when the API fails) the search forms work exactly as before.

   Enhances every input[data-autocomplete] (the API address) with data-lang. The visible and
   announced words are rendered by the templates in the visitor's language, as data-ac-*
   attributes on the input or, failing that, on the first input that carries them (the header
   search box, on every page): data-ac-label (the listbox's name), data-ac-one / data-ac-other
   (the count announcement, "%(number)s" standing for the number) and data-ac-kind-<kind>. */
(function () {
  "use strict";
  var d = document, MIN_CHARS = 2, DELAY = 150, PLACEHOLDER = "%(number)s";
  var cache = new Map();  // "endpoint lang prefix" -> suggestions, shared by the boxes of a page
  var strings = d.querySelector("input[data-ac-other]");
  if (!strings || !window.fetch || !window.AbortController) return;

  function text(input, name) {
    var key = "ac" + name;
    return (input.dataset[key] !== undefined ? input.dataset[key] : strings.dataset[key]) || "";
  }

  function pluralCategory(lang, n) {
    // "one" or "other" is all vi, ko, ja, zh-hans and en need; a language with more categories
    // gets its "other" text.
    try { return new Intl.PluralRules(lang).select(n) === "one" ? "one" : "other"; }
    catch (e) { return n === 1 ? "one" : "other"; }
  }

  function safeUrl(url) {  // only this site's own paths
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" &&
      url.charAt(1) !== "\\" ? url : null;
  }

  function enhance(input, index) {
    var endpoint = input.dataset.autocomplete;
    var lang = input.dataset.lang || d.documentElement.lang || "vi";
    var host = input.form || input.parentNode;
    var base = (input.id || "search-ac-" + index) + "-suggestions";

    var listbox = d.createElement("ul");
    listbox.id = base;
    listbox.className = "ac-listbox";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", text(input, "Label"));
    listbox.hidden = true;
    var status = d.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    host.appendChild(listbox);
    host.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("autocomplete", "off");

    var items = [], active = -1, timer = 0, controller = null, seq = 0, shownFor = null;

    function isOpen() { return !listbox.hidden; }

    function place() {
      // Fixed to the viewport, from the input's own box: no ancestor's overflow (a collapsed
      // menu, a scrolling bar) can clip it.
      var row = input.parentNode.getBoundingClientRect(), box = input.getBoundingClientRect();
      var vw = d.documentElement.clientWidth, vh = window.innerHeight;
      var left = Math.max(4, Math.min(row.left, vw - 4 - Math.min(row.width, vw - 8)));
      listbox.style.left = left + "px";
      listbox.style.width = Math.min(row.width, vw - 8) + "px";
      listbox.style.top = box.bottom + 2 + "px";
      listbox.style.maxHeight = Math.max(160, vh - box.bottom - 10) + "px";
    }

    function setActive(i) {
      if (active >= 0 && listbox.children[active]) {
        listbox.children[active].setAttribute("aria-selected", "false");
      }
      active = i;
      if (i < 0) { input.removeAttribute("aria-activedescendant"); return; }
      var option = listbox.children[i];
      option.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", option.id);
      if (option.scrollIntoView) option.scrollIntoView({block: "nearest"});
    }

    function close() {
      if (!isOpen() && !status.textContent) return;
      setActive(-1);
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      status.textContent = "";
    }

    function cancel() {
      clearTimeout(timer);
      seq += 1;  // any answer still on its way is now stale
      if (controller) { controller.abort(); controller = null; }
    }

    function open() {
      if (!items.length) return;
      place();
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function announce(n) {
      var message = text(input, pluralCategory(lang, n) === "one" ? "One" : "Other");
      message = message.split(PLACEHOLDER).join(String(n));
      // A no-break space toggled at the end makes an identical message announced again.
      status.textContent = message + (status.textContent === message ? "\u00a0" : "");
    }

    function show(prefix, suggestions) {
      setActive(-1);
      items = [];
      listbox.textContent = "";
      suggestions.forEach(function (s) {
        var url = s && safeUrl(s.url);
        if (!url || !s.title) return;
        var option = d.createElement("li");
        option.id = base + "-" + items.length;
        option.className = "ac-option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = d.createElement("span");
        title.className = "ac-option__title";
        title.textContent = s.title;
        option.appendChild(title);
        // A title shown in another language (no translation yet) is marked for screen readers
        // and says so in the visitor's language ("베트남어로 제공").
        if (typeof s.locale === "string" && /^[a-z]{2}(-[a-z]+)?$/.test(s.locale) && s.locale !== lang) {
          title.lang = s.locale;
          var other = text(input, "Lang" + s.locale.split("-").map(function (part) {
            return part.charAt(0).toUpperCase() + part.slice(1);
          }).join(""));
          if (other) {
            var note = d.createElement("span");
            note.className = "ac-option__lang";
            note.textContent = other;
            option.appendChild(note);
          }
        }
        // A kind this page has no word for (the API may add kinds) shows no label.
        var kind = typeof s.kind === "string" && /^[a-z]+$/.test(s.kind) ?
          text(input, "Kind" + s.kind.charAt(0).toUpperCase() + s.kind.slice(1)) : "";
        if (kind) {
          var label = d.createElement("span");
          label.className = "ac-option__kind";
          label.textContent = kind;
          option.appendChild(label);
        }
        listbox.appendChild(option);
        items.push(url);
      });
      shownFor = prefix;
      if (!items.length) { close(); return; }
      open();
      announce(items.length);
    }

    function request(prefix) {
      var key = endpoint + " " + lang + " " + prefix;
      if (cache.has(key)) { show(prefix, cache.get(key)); return; }
      if (controller) controller.abort();
      controller = new AbortController();
      var mine = ++seq, signal = controller.signal;
      var url = new URL(endpoint, d.baseURI);
      url.searchParams.set("q", prefix);
      url.searchParams.set("lang", lang);
      fetch(url, {signal: signal, credentials: "same-origin", headers: {Accept: "application/json"}})
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (data) {
          var suggestions = data && Array.isArray(data.suggestions) ? data.suggestions.slice(0, 8) : [];
          if (cache.size > 200) cache.clear();
          cache.set(key, suggestions);
          // Out of order or overtaken by more typing: keep it in the cache, show nothing.
          if (mine !== seq || input.value.trim() !== prefix) return;
          controller = null;
          if (d.activeElement === input) show(prefix, suggestions);
        })
        .catch(function () {
          if (mine === seq) { controller = null; close(); }  // 400, 503, offline: say nothing
        });
    }

    function changed() {
      var prefix = input.value.trim();
      cancel();
      if (prefix.length < MIN_CHARS) { shownFor = null; items = []; close(); return; }
      timer = setTimeout(function () { request(prefix); }, DELAY);
    }

    function go(i) {
      var url = items[i];
      if (!url) return;
      cancel();
      close();
      window.location.assign(url);
    }

    input.addEventListener("input", changed);

    input.addEventListener("keydown", function (event) {
      if (event.isComposing || event.keyCode === 229) return;  // IME (ja, ko, zh) at work
      var n = items.length;
      switch (event.key) {
        case "ArrowDown":
        case "Down":
          if (!isOpen()) {
            if (!n || shownFor !== input.value.trim()) {  // nothing to show yet: ask now
              if (input.value.trim().length >= MIN_CHARS) { event.preventDefault(); cancel(); request(input.value.trim()); }
              return;
            }
            open();
            announce(n);
            if (event.altKey) { event.preventDefault(); return; }
          }
          event.preventDefault();
          if (!event.altKey) setActive(active + 1 >= n ? 0 : active + 1);  // wraps
          break;
        case "ArrowUp":
        case "Up":
          if (!isOpen()) return;
          event.preventDefault();
          setActive(active <= 0 ? n - 1 : active - 1);  // wraps
          break;
        case "Enter":
          if (isOpen() && active >= 0) { event.preventDefault(); go(active); }
          else { cancel(); close(); }  // the form is submitted as usual
          break;
        case "Escape":
        case "Esc":
          if (isOpen()) { event.preventDefault(); cancel(); close(); }
          else if (input.value) { event.preventDefault(); cancel(); input.value = ""; shownFor = null; items = []; close(); }
          break;
        case "Tab":
          cancel();
          close();
          break;
      }
    });

    input.addEventListener("blur", function () { cancel(); close(); });

    // A press on an option must not take the focus from the input (that would close the list
    // before the click lands).
    listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    listbox.addEventListener("click", function (event) {
      var option = event.target.closest ? event.target.closest("[role=option]") : null;
      if (option) go(Array.prototype.indexOf.call(listbox.children, option));
    });

    d.addEventListener("pointerdown", function (event) {
      if (isOpen() && event.target !== input && !listbox.contains(event.target)) close();
    }, true);
    function reposition() { if (isOpen()) place(); }
    window.addEventListener("resize", reposition);
    window.addEventListener("scroll", reposition, {capture: true, passive: true});
  }

  d.querySelectorAll("input[data-autocomplete]").forEach(enhance);
})();
