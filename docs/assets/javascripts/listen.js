/* Listen to an article: the device's own voices read it aloud (partials/listen.html).
   Only voices that run on the device (localService) are used: the text never leaves
   the reader's device. Without such a voice, the control stays hidden.
   Read: the title, the byline, the text and the captions; not navigation, code, or the
   article's sharing and reply controls. The paragraph being read is highlighted and
   kept in view (without motion when the reader prefers reduced motion). */
(function () {
  "use strict";

  var RATE_KEY = "hfd.listenRate";
  var synth = window.speechSynthesis;
  var control = document.querySelector("[data-hfd-listen]");
  if (!control || !synth || typeof window.SpeechSynthesisUtterance !== "function") return;

  var article = control.closest("article") || document.querySelector("article");
  var play = control.querySelector("[data-hfd-listen-play]");
  var pause = control.querySelector("[data-hfd-listen-pause]");
  var stop = control.querySelector("[data-hfd-listen-stop]");
  var speed = control.querySelector("[data-hfd-listen-rate]");
  var status = control.querySelector("[data-hfd-listen-status]");
  var READ = "h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, dt, dd, td, th";
  var SKIP = "pre, code, nav, .headerlink, .hfd-listen, .hfd-share, .hfd-replies, .hfd-video, " +
             ".hfd-print-only, .md-source-file, [hidden], [aria-hidden='true']";

  var state = {blocks: [], index: 0, playing: false, paused: false, voice: null};

  function localVoice() {
    var voices = synth.getVoices().filter(function (voice) { return voice.localService === true; });
    var lang = (document.documentElement.lang || "en").toLowerCase();
    var same = voices.filter(function (voice) {
      return (voice.lang || "").toLowerCase().split("-")[0] === lang.split("-")[0];
    });
    return same[0] || null;
  }

  function storedRate() {
    try {
      return window.localStorage.getItem(RATE_KEY);
    } catch (error) {
      return null;
    }
  }

  function blocks() {
    var found = [];
    var candidates = article.querySelectorAll(READ);
    for (var i = 0; i < candidates.length; i++) {
      var block = candidates[i];
      if (block.closest(SKIP) || !block.getClientRects().length) continue; // not drawn: not read
      if (block.querySelector(READ)) continue; // read its inner blocks instead (lists in lists)
      var text = block.innerText.replace(/\s+/g, " ").replace(/¶/g, "").trim();
      if (text) found.push({element: block, text: text});
    }
    return found;
  }

  function say(message) {
    if (status) status.textContent = message;
  }

  function highlight(element) {
    var current = article.querySelector(".hfd-listen-current");
    if (current) current.classList.remove("hfd-listen-current");
    if (!element) return;
    element.classList.add("hfd-listen-current");
    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    element.scrollIntoView({block: "center", behavior: still ? "auto" : "smooth"});
  }

  function speakCurrent() {
    var block = state.blocks[state.index];
    if (!block) {
      finish("Finished reading the article.");
      return;
    }
    highlight(block.element);
    var utterance = new window.SpeechSynthesisUtterance(block.text);
    utterance.voice = state.voice;
    utterance.lang = state.voice.lang;
    utterance.rate = parseFloat(speed.value) || 1;
    utterance.onend = function () {
      if (!state.playing || utterance.hfdCancelled) return;
      state.index += 1;
      speakCurrent();
    };
    utterance.onerror = function () {
      if (!utterance.hfdCancelled) finish("Reading stopped.");
    };
    state.utterance = utterance;
    synth.speak(utterance);
  }

  function cancelCurrent() {
    if (state.utterance) state.utterance.hfdCancelled = true;
    synth.cancel();
  }

  function show() {
    play.hidden = state.playing && !state.paused;
    pause.hidden = !state.playing || state.paused;
    stop.hidden = !state.playing;
    play.textContent = state.paused ? "Resume" : "Listen";
  }

  function start() {
    state.voice = localVoice();
    if (!state.voice) return;
    if (state.paused) {
      state.paused = false;
      synth.resume();
      say("Reading.");
    } else {
      cancelCurrent();
      state.blocks = blocks();
      state.index = 0;
      state.playing = true;
      say("Reading the article aloud.");
      speakCurrent();
    }
    show();
    pause.focus();
  }

  function hold() {
    if (!state.playing) return;
    state.paused = true;
    synth.pause();
    say("Paused.");
    show();
    play.focus();
  }

  function finish(message) {
    cancelCurrent();
    state.playing = false;
    state.paused = false;
    highlight(null);
    say(message);
    show();
  }

  function changeRate() {
    try {
      window.localStorage.setItem(RATE_KEY, speed.value);
    } catch (error) {
      /* storage disabled: the choice lasts for this page */
    }
    if (state.playing && !state.paused) { // go on at the new speed from this paragraph
      cancelCurrent();
      speakCurrent();
    }
  }

  function offerIfVoiced() {
    // The control's place is kept from the first paint (site.css): showing it moves nothing.
    if (localVoice()) control.setAttribute("data-hfd-listen-ready", "");
    else if (!state.playing) control.removeAttribute("data-hfd-listen-ready");
  }

  var rate = storedRate();
  if (rate && speed.querySelector("option[value='" + rate + "']")) speed.value = rate;
  play.addEventListener("click", start);
  pause.addEventListener("click", hold);
  stop.addEventListener("click", function () { finish("Stopped."); play.focus(); });
  speed.addEventListener("change", changeRate);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && state.playing) finish("Stopped.");
  });
  window.addEventListener("pagehide", function () { if (state.playing) finish(""); });
  offerIfVoiced();
  if (typeof synth.addEventListener === "function") synth.addEventListener("voiceschanged", offerIfVoiced);
  show();
})();
