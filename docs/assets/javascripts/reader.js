/* Reader comfort and a lighter start, loaded just before Material's bundle.
   (Also: the print and copy-link buttons for sharing an article.)
   1. The header button that changes the text size (partials/before-paint.html applies
      the reader's choice before the first paint: no layout shift).
   2. The search index is fetched when the reader opens search, not on every page load.
   3. Material's sitemap downloads for translations, which this site has none of, are
      never sent.
   4. The menu and search open from the keyboard (and by voice: "click Menu").
   5. Tab reaches the colour scheme button the reader sees, in every scheme. */
(function () {
  "use strict";

  var root = document.documentElement;

  // 1. Text size -----------------------------------------------------------------
  var TEXT_SIZE_KEY = "hfd.textSize";

  function storedTextSize() {
    try {
      return window.localStorage.getItem(TEXT_SIZE_KEY);
    } catch (error) {
      return null; // storage disabled: the choice lasts for this page only
    }
  }

  function applyTextSize(size) {
    if (size === "large") {
      root.setAttribute("data-hfd-text-size", "large");
    } else {
      root.removeAttribute("data-hfd-text-size");
    }
    var buttons = document.querySelectorAll("[data-hfd-text-size-toggle]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", size === "large" ? "true" : "false");
    }
  }

  applyTextSize(storedTextSize());
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-hfd-text-size-toggle]");
    if (!button) return;
    var size = root.getAttribute("data-hfd-text-size") === "large" ? "normal" : "large";
    applyTextSize(size);
    try {
      window.localStorage.setItem(TEXT_SIZE_KEY, size);
    } catch (error) {
      /* storage disabled */
    }
  });

  // Sharing an article (partials/article-end.html): print and copy need JavaScript,
  // so their buttons show only when it runs.
  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("[data-hfd-print], [data-hfd-copy-link]");
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
  });
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-hfd-print], [data-hfd-copy-link]");
    if (!target) return;
    if (target.hasAttribute("data-hfd-print")) {
      window.print();
      return;
    }
    var status = document.querySelector(".hfd-share__status");
    var link = target.getAttribute("data-hfd-copy-link");
    function say(message) {
      if (status) status.textContent = message;
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(link).then(
        function () { say("The link is copied: " + link); },
        function () { say("Copy this link: " + link); }
      );
    } else {
      say("Copy this link: " + link);
    }
  });

  // 2. Search index on demand ------------------------------------------------------
  // Material requests search/search_index.json (with XMLHttpRequest) as soon as a page
  // loads; hold that request back until the reader opens search.
  var openSearch;
  var searchOpened = new Promise(function (resolve) {
    openSearch = resolve;
  });
  if (/[?&]q=/.test(window.location.search)) openSearch(); // a search link opens search at once
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) openSearch();
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) openSearch();
  });
  document.addEventListener("keydown", function (event) {
    // Material's keyboard shortcuts for search.
    if (event.key === "/" || event.key === "s" || event.key === "f") openSearch();
  });

  // Search stays open over the page when focus leaves it by keyboard, hiding the focused
  // element (WCAG 2.4.11): close it as soon as focus moves elsewhere.
  document.addEventListener("focusin", function (event) {
    var toggle = document.getElementById("__search");
    if (toggle && toggle.checked && !event.target.closest(".md-search")) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });

  // 2 and 3. Requests held back --------------------------------------------------------
  // The search index waits until search opens (above). And Material reads sitemap.xml once for every <link rel="alternate"> on the page, to
  // switch between translations of a site. Here those links are the four feeds, and
  // the site has one language: the requests would fetch the sitemap four times for
  // nothing, so they are never sent.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.hfdWaitForSearch = /\/search\/search_index\.json(\?|$)/.test(String(url));
    this.hfdNeverSend = /\/sitemap\.xml(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.hfdNeverSend) return;
    if (!request.hfdWaitForSearch) return send.apply(request, args);
    searchOpened.then(function () {
      send.apply(request, args);
    });
  };

  // 4. Menu and search panels ---------------------------------------------------------
  // Material's menu and (phone) search buttons are <label>s of hidden checkboxes: the
  // keyboard cannot reach them and assistive technology does not call them buttons.
  // Each becomes a real button with the same look (tests/test_keyboard.py fails if
  // Material's markup changes): aria-expanded tells whether its panel is open; opening
  // moves focus into the panel; Escape closes it and returns focus to the button; and
  // focus moving out of the panel closes it, so focus never rests on a hidden thing.
  function panelButton(toggleId, name, panel, firstStop) {
    var label = document.querySelector(".md-header__button[for='" + toggleId + "']");
    var toggle = document.getElementById(toggleId);
    if (!label || !toggle || !panel) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " hfd-panel-button";
    button.setAttribute("data-hfd-panel", toggleId);
    button.setAttribute("aria-label", name);
    button.setAttribute("title", name);
    button.setAttribute("aria-expanded", "false");
    if (!panel.id) panel.id = "hfd-panel-" + toggleId.replace(/_/g, "");
    button.setAttribute("aria-controls", panel.id);
    button.innerHTML = label.innerHTML;
    label.parentNode.replaceChild(button, label);

    function isOpen() { return toggle.checked; }
    function setOpen(open) {
      if (toggle.checked === open) return;
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", isOpen() ? "true" : "false");
    });
    button.addEventListener("click", function () {
      setOpen(!isOpen());
      if (isOpen()) {
        // After the panel becomes visible (its CSS transition starts at once).
        window.setTimeout(function () {
          var stop = firstStop();
          if (stop) stop.focus();
        }, 0);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !isOpen()) return;
      if (!panel.contains(document.activeElement) && document.activeElement !== button) return;
      setOpen(false);
      button.focus();
    });
    document.addEventListener("focusin", function (event) {
      if (isOpen() && !panel.contains(event.target) && event.target !== button) setOpen(false);
    });
  }

  function firstVisible(root, selector) {
    var candidates = root.querySelectorAll(selector);
    for (var i = 0; i < candidates.length; i++) {
      var box = candidates[i].getBoundingClientRect();
      if (box.width && box.height && getComputedStyle(candidates[i]).visibility !== "hidden") return candidates[i];
    }
    return null;
  }

  var drawer = document.querySelector(".md-sidebar--primary");
  panelButton("__drawer", "Menu", drawer, function () {
    return firstVisible(drawer, ".md-nav__link--active, .md-nav__link[href], label.md-nav__link[tabindex]");
  });
  // In the phone menu, a section's title leads back to the level above: it becomes a
  // Tab stop, as Material makes its section links (and like them, Enter presses it).
  // Opening a section slides it over its level, hiding the link that had focus: focus
  // moves to the section's title; going back, it returns to the section's link.
  // (The current page's section link has no Tab stop from Material: it gets one too.)
  var titles = document.querySelectorAll(".md-nav--primary label.md-nav__title[for^='__nav'], " +
                                         ".md-nav--primary label.md-nav__link[for^='__nav'][tabindex='']");
  for (var t = 0; t < titles.length; t++) titles[t].setAttribute("tabindex", "0");
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    if (!toggle.matches || !toggle.matches(".md-nav--primary .md-nav__toggle")) return;
    var title = document.querySelector(".md-nav--primary label.md-nav__title[for='" + toggle.id + "']");
    var link = document.getElementById(toggle.id + "_label");
    var from = toggle.checked ? link : title;
    var to = toggle.checked ? title : link;
    if (to && (document.activeElement === from || document.activeElement === document.body)) {
      window.setTimeout(function () { to.focus(); }, 0);
    }
  });

  var search = document.querySelector(".md-search");
  panelButton("__search", "Search", search, function () {
    return search.querySelector(".md-search__input");
  });

  // 5. The colour scheme button ----------------------------------------------------------
  // Material shows the button after the current scheme's radio button but checks none
  // until the reader picks a scheme, so Tab lands on the first radio button, whose button
  // is hidden in the dark and low-blue schemes: its focus ring is drawn on nothing. The
  // current scheme's radio button is checked, as Material finds it (no change event:
  // nothing is stored), so that Tab lands on the button the reader sees.
  var schemes = document.querySelectorAll("input.md-option[name='__palette']");
  if (schemes.length && !document.querySelector("input.md-option[name='__palette']:checked")) {
    var stored = typeof window.__md_get === "function" ? window.__md_get("__palette") : null;
    var current = stored && typeof stored.index === "number" ? stored.index :
      Array.prototype.findIndex.call(schemes, function (input) {
        return window.matchMedia(input.getAttribute("data-md-color-media")).matches;
      });
    schemes[Math.max(0, Math.min(current, schemes.length - 1))].checked = true;
  }
})();
