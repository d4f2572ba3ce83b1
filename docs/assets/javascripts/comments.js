/* Comments by giscus (GitHub Discussions), only on the reader's request: until the
   button is pressed, nothing is loaded from giscus.app or GitHub. */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-hfd-show-comments]");
    if (!button) return;
    var box = button.closest("[data-hfd-giscus]");
    var script = document.createElement("script");
    script.src = "https://giscus.app/client.js";
    script.async = true;
    script.crossOrigin = "anonymous";
    var settings = {
      "data-repo": box.getAttribute("data-repo"),
      "data-repo-id": box.getAttribute("data-repo-id"),
      "data-category": box.getAttribute("data-category"),
      "data-category-id": box.getAttribute("data-category-id"),
      "data-mapping": "pathname",
      "data-reactions-enabled": "0",
      "data-input-position": "bottom",
      "data-theme": "preferred_color_scheme",
      "data-lang": "en",
      "data-loading": "lazy"
    };
    for (var name in settings) script.setAttribute(name, settings[name]);
    button.replaceWith(script);
  });
})();
