/* Video placeholders (hfd/video.py, hooks/privacy.py): load the YouTube player only when the
   reader presses play, from youtube-nocookie.com. */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".hfd-video__play");
    if (!button) return;
    var figure = button.closest(".hfd-video");
    var player = document.createElement("iframe");
    player.className = "hfd-video__player";
    player.src = "https://www.youtube-nocookie.com/embed/" +
      encodeURIComponent(figure.getAttribute("data-hfd-video")) + "?autoplay=1";
    player.title = figure.getAttribute("data-hfd-video-title") || "Video";
    player.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    player.allowFullscreen = true;
    // The site sends no referrer; YouTube's player needs at least the site's origin.
    player.referrerPolicy = "strict-origin";
    button.replaceWith(player);
    player.focus();
  });
})();
