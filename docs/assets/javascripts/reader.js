/* Reader comfort and a lighter start, loaded just before Material's bundle.
   (Also: the print and copy-link buttons for sharing an article.)
   1. The header button that changes the text size (partials/before-paint.html applies
      the reader's choice before the first paint: no layout shift).
   2. The search index is fetched when the reader opens search, not on every page load.
   3. Material's sitemap downloads for translations, which this site has none of, are
      never sent. */
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
})();
