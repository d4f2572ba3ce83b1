"""Listen: every article can be read aloud by a voice of the reader's own device.

Driven in Chromium with a stand-in speech engine of our own (the browser's
speechSynthesis replaced before the page's scripts run), on one article of each kind
(conftest.py, `sample_articles`).
"""

from __future__ import annotations

import json
import re
import time

import pytest

from tests.browser_audits import block_other_hosts
from tests.site_pages import soup, text_of

pytestmark = pytest.mark.browser

DEVICE_VOICE = {"name": "Device voice", "lang": "en-US", "localService": True, "default": False}
NETWORK_VOICE = {"name": "Network voice", "lang": "en-US", "localService": False, "default": True}

# A speech engine that speaks instantly (or waits to be told, with `finish: false`) and
# records every call, standing in for the browser's.
STAND_IN_ENGINE = """(options) => {
    const calls = window.__speech = {spoken: [], calls: [], scrolls: []};
    let current = null;
    class Utterance { constructor(text) { this.text = text; this.rate = 1; this.voice = null; } }
    const engine = {
        getVoices: () => options.voices,
        speak(utterance) {
            calls.calls.push("speak");
            calls.spoken.push({text: utterance.text, voice: utterance.voice && utterance.voice.name,
                               rate: utterance.rate});
            current = utterance;
            if (options.finish) setTimeout(() => { if (current === utterance) calls.end(); }, 0);
        },
        cancel() { calls.calls.push("cancel"); current = null; },
        pause() { calls.calls.push("pause"); },
        resume() { calls.calls.push("resume"); },
        addEventListener() {},  // "voiceschanged": its voices are there from the start
    };
    calls.end = () => { if (current && current.onend) current.onend({}); };
    const speech = options.voices === null ? undefined : engine;  // null: a browser without speech
    Object.defineProperty(window, "speechSynthesis", {value: speech, configurable: true});
    window.SpeechSynthesisUtterance = Utterance;
    const scrollIntoView = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (how) {
        calls.scrolls.push(how && how.behavior);
        return scrollIntoView.call(this, how);
    };
}"""


@pytest.fixture
def listen(tab):
    def open_article(article, voices=(DEVICE_VOICE,), finish=True, **options):
        page = tab(**options)
        attempts = block_other_hosts(page.context)
        voices_json = "null" if voices is None else json.dumps(list(voices))
        page.add_init_script(f"({STAND_IN_ENGINE})({{voices: {voices_json}, finish: {json.dumps(finish)}}})")
        page.goto(article.url, wait_until="load")
        return page, attempts

    return open_article


def _expected_blocks(article) -> list[str]:
    """The article's title, byline, paragraphs, list items and captions as written,
    navigation, code, the sharing and reply controls and print-only lines aside."""
    from bs4 import BeautifulSoup

    # A copy: the parsed pages are shared between tests, and this one cuts parts out.
    article = BeautifulSoup(str(soup(article.built.site, article.path).select_one("article")), "html.parser")
    skip = ("pre, code, nav, .headerlink, .hfd-listen, .hfd-share, .hfd-replies, .hfd-video, .hfd-print-only, "
            ".md-source-file")
    for element in article.select(skip):
        element.decompose()
    readable = "h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, dt, dd, td, th"
    return [" ".join(text_of(element).replace("¶", "").split()) for element in article.select(readable)
            if not element.select(readable) and text_of(element).replace("¶", "").strip()]


def _wait(page, predicate: str, timeout: float = 10) -> None:
    """Wait until `predicate` (a JavaScript function) is true in the page. Polled from
    here: the site's policy forbids the eval that Playwright's wait_for_function uses."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate):
        assert time.monotonic() < deadline, f"still false after {timeout} s: {predicate}"
        page.wait_for_timeout(50)


def _letters(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_article_is_read_in_order_title_byline_text_and_captions(listen, sample_articles):
    for article in sample_articles:
        page, attempts = listen(article)
        page.get_by_role("button", name="Listen", exact=True).click()
        _wait(page, "() => document.querySelector('[data-hfd-listen-status]').textContent.includes('Finished')")
        spoken = [item["text"] for item in page.evaluate("window.__speech.spoken")]
        # Compared without spaces: the HTML's text and the browser's differ in spacing.
        assert [_letters(text) for text in spoken] == [_letters(text) for text in _expected_blocks(article)], article
        title = text_of(soup(article.built.site, article.path).select_one("article h1")).replace("¶", "").strip()
        assert _letters(spoken[0]) == _letters(title), article
        assert attempts == [], f"{article}: requests to other hosts: {attempts}"


def test_only_a_voice_that_runs_on_the_device_is_used(listen, sample_articles):
    page, _ = listen(sample_articles[0], voices=(NETWORK_VOICE, DEVICE_VOICE))
    page.get_by_role("button", name="Listen", exact=True).click()
    _wait(page, "() => window.__speech.spoken.length > 2")
    assert {item["voice"] for item in page.evaluate("window.__speech.spoken")} == {DEVICE_VOICE["name"]}


@pytest.mark.parametrize("voices", [(NETWORK_VOICE,), (), None], ids=["network-voice-only", "no-voice", "no-speech"])
def test_without_a_device_voice_the_control_is_not_shown(listen, sample_articles, voices):
    page, _ = listen(sample_articles[0], voices=voices)
    control = page.locator("[data-hfd-listen]")
    assert not control.is_visible() or control.evaluate("e => getComputedStyle(e).visibility") == "hidden"
    assert page.get_by_role("button", name="Listen", exact=True).count() == 0 or not page.evaluate(
        "document.querySelector('[data-hfd-listen-play]').checkVisibility({visibilityProperty: true})")


def test_play_pause_resume_and_stop_by_keyboard_alone(listen, sample_articles):
    page, _ = listen(sample_articles[0], finish=False)
    page.locator("[data-hfd-listen-play]").focus()
    page.keyboard.press("Enter")
    assert len(page.evaluate("window.__speech.spoken")) == 1
    assert page.evaluate("document.activeElement.textContent.trim()") == "Pause"
    first = page.locator(".hfd-listen-current")
    assert first.count() == 1 and first.is_visible()
    page.keyboard.press("Enter")  # Pause
    assert page.evaluate("window.__speech.calls").count("pause") == 1
    assert page.evaluate("document.activeElement.textContent.trim()") == "Resume"
    page.keyboard.press("Enter")  # Resume
    assert page.evaluate("window.__speech.calls").count("resume") == 1
    page.keyboard.press("Tab")  # to Stop
    assert page.evaluate("document.activeElement.textContent.trim()") == "Stop"
    page.keyboard.press("Enter")
    assert page.evaluate("window.__speech.calls")[-1] == "cancel"
    assert page.locator(".hfd-listen-current").count() == 0
    assert page.evaluate("document.activeElement.textContent.trim()") == "Listen"


@pytest.mark.parametrize("motion, scrolling", [("no-preference", "smooth"), ("reduce", "auto")])
def test_the_paragraph_being_read_is_highlighted_and_kept_in_view_without_motion_if_the_reader_prefers(
        listen, sample_articles, motion, scrolling):
    page, _ = listen(sample_articles[0], finish=False, viewport={"width": 390, "height": 700}, reduced_motion=motion)
    page.locator("[data-hfd-listen-play]").click()
    blocks = len(page.evaluate("window.__speech.spoken"))
    for _ in range(8):  # the engine finishes a paragraph: the next one is read
        page.evaluate("window.__speech.end()")
    assert len(page.evaluate("window.__speech.spoken")) > blocks
    current = page.locator(".hfd-listen-current")
    assert current.count() == 1
    # Scrolled into view, perhaps smoothly: wait for the scroll to arrive.
    _wait(page, """() => {
        const box = document.querySelector('.hfd-listen-current').getBoundingClientRect();
        return box.top >= 0 && box.top < innerHeight;
    }""")
    colours = current.evaluate("e => [e, e.parentElement].map((each) => getComputedStyle(each).backgroundColor)")
    assert colours[0] != colours[1] and colours[0] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert set(page.evaluate("window.__speech.scrolls")) == {scrolling}


def test_the_chosen_speed_is_used_and_remembered(listen, sample_articles):
    page, _ = listen(sample_articles[0], finish=False)
    page.locator("[data-hfd-listen-rate]").select_option(label="Faster")
    page.locator("[data-hfd-listen-play]").click()
    assert page.evaluate("window.__speech.spoken")[-1]["rate"] == pytest.approx(1.25)
    page.reload(wait_until="load")
    assert page.locator("[data-hfd-listen-rate]").input_value() == "1.25"
    page.locator("[data-hfd-listen-play]").click()
    assert page.evaluate("window.__speech.spoken")[-1]["rate"] == pytest.approx(1.25)


def test_reading_stops_when_the_reader_leaves_the_page(listen, sample_articles):
    page, _ = listen(sample_articles[0], finish=False)
    page.locator("[data-hfd-listen-play]").click()
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")
    assert page.evaluate("window.__speech.calls")[-1] == "cancel"


def test_its_controls_are_at_least_44_px(listen, sample_articles):
    page, _ = listen(sample_articles[0], finish=False, viewport={"width": 360, "height": 740})
    page.locator("[data-hfd-listen-play]").click()
    for control in page.locator(".hfd-listen button:visible, .hfd-listen select").all():
        box = control.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (control.evaluate("e => e.outerHTML.slice(0, 80)"), box)


def test_showing_the_control_moves_nothing(listen, sample_articles):
    # Its place is kept from the first paint: the article's text does not move.
    page, _ = listen(sample_articles[0], voices=())
    hidden = page.locator("article h1 ~ p").last.bounding_box()
    page, _ = listen(sample_articles[0])
    shown = page.locator("article h1 ~ p").last.bounding_box()
    assert hidden["y"] == shown["y"]


def test_its_script_fetches_nothing_and_holds_no_other_host(site):
    script = (site / "assets/javascripts/listen.js").read_text(encoding="utf-8")
    assert not re.search(r"https?://|fetch\(|XMLHttpRequest|import\(", script)
