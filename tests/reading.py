"""Can a sighted reader read these texts on this page? Judged on what Chromium draws.

`unreadable_texts(page, {label: (text, scope)})` finds each text as the browser lays it out
(an element whose rendered text holds it whole, within `scope`), then checks every
word of it:

- it has a box, inside the page, and its letters are at least 12 px;
- it is drawn: the page is photographed with the texts, then with only the texts made
  transparent; a word whose pixels do not change is not seen, whatever hides it
  (opacity, colour, a filter, a mask, clipping, or another element drawn on top);
- the pixels that change contrast at least 4.5:1 with what is behind them (WCAG AA);
- and what moves on the page comes to rest within a reader's wait (`MAX_MOTION_MS`),
  at which point it is judged; other motion is refused, for both texts.

A text shown in several places is readable if one of them passes. All texts of a page
are photographed together, a screenful at a time. Each problem names the words and the
reason; the caller adds the page, scheme and screen.
"""

from __future__ import annotations

import base64
import io
import weakref
from collections import Counter
from dataclasses import dataclass

import numpy
from PIL import Image

from tests.site_pages import url_of

MIN_CONTRAST = 4.5
MIN_FONT_PX = 12
MIN_TARGET = 44
PROBE = "data-hfd-reading-probe"
# A pixel counts as part of the text when some channel changes by more than this.
CHANGED = 24

_FIND = """([requests, probe]) => {
    const norm = (s) => s.replace(/\\s+/g, " ").trim();
    const rendered = (el) => el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0;
    document.querySelectorAll(`[${probe}]`).forEach((el) => el.removeAttribute(probe));
    const root = document.documentElement;
    const found = requests.map(([text, scope], request) => {
        const target = norm(text);
        // The smallest rendered elements whose rendered text holds the whole text.
        const holders = [];
        const search = (el) => {
            // innerText as drawn (text-transform too), matched regardless of case
            if (!rendered(el) || !norm(el.innerText || "").toLowerCase().includes(target.toLowerCase())) return false;
            let inner = false;
            for (const child of el.children) inner = search(child) || inner;
            if (!inner) holders.push(el);
            return true;
        };
        for (const start of scope ? document.querySelectorAll(scope) : [document.body]) search(start);
        return holders.map((holder, index) => {
            holder.setAttribute(probe, `${holder.getAttribute(probe) || ""} ${request}-${index}`.trim());
            // Its rendered text, whitespace collapsed, with where each character comes from.
            const chars = [];
            const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
            let spaced = true;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (!node.parentElement || !rendered(node.parentElement)) continue;
                for (let i = 0; i < node.data.length; i++) {
                    const space = /\\s/.test(node.data[i]);
                    if (space && spaced) continue;
                    chars.push({c: space ? " " : node.data[i], node, i});
                    spaced = space;
                }
            }
            const start = chars.map((ch) => ch.c).join("").indexOf(target);
            const words = [];
            if (start < 0) return words;
            for (const match of target.matchAll(/\\S+/g)) {
                const first = chars[start + match.index];
                const last = chars[start + match.index + match[0].length - 1];
                const range = document.createRange();
                range.setStart(first.node, first.i);
                range.setEnd(last.node, last.i + 1);
                const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
                const element = first.node.parentElement;
                const box = element.getBoundingClientRect();
                const scale = element.offsetHeight ? box.height / element.offsetHeight : 1;
                const edge = (pick, f) => rects.length ? f(...rects.map(pick)) : 0;
                const left = edge((r) => r.left, Math.min), top = edge((r) => r.top, Math.min);
                words.push({word: match[0], font: parseFloat(getComputedStyle(element).fontSize) * scale,
                            x: left + scrollX, y: top + scrollY,
                            width: edge((r) => r.right, Math.max) - left,
                            height: edge((r) => r.bottom, Math.max) - top});
            }
            return words;
        });
    });
    return {found, pageWidth: root.scrollWidth, pageHeight: root.scrollHeight};
}"""

# The motion a reader waits out: an animation or transition that plays forward in time
# (not scroll-driven, not paused) and comes to rest within MAX_MOTION_MS, delay included
# (WCAG 2.2.2: what moves for longer needs a way to stop it). Its end is what the reader
# reads, and what the check photographs. Any other motion is refused, not judged: the
# words it draws would depend on the moment of the photograph.
MAX_MOTION_MS = 5000
_UNJUDGED_MOTION = """(limit) => (animation) => {
    const timing = animation.effect && animation.effect.getComputedTiming();
    const why = !timing ? "it has no effect to judge"
        : animation.timeline !== document.timeline ? "it follows the scrolling, not time"
        : animation.playState === "paused" || animation.playbackRate <= 0 ? "it is paused or runs backwards"
        : !Number.isFinite(timing.endTime) ? "it never ends"
        : (timing.endTime - (animation.currentTime ?? 0)) / animation.playbackRate > limit
            ? `it ends after ${Math.round(timing.endTime / 1000)} s` : null;
    if (!why) return null;
    const target = animation.effect?.target, classes = target ? [...target.classList].join(".") : "";
    const name = animation.animationName ? `the animation '${animation.animationName}'`
        : animation.transitionProperty ? `a transition of ${animation.transitionProperty}` : "a scripted animation";
    return `${name} on <${target ? target.localName : "?"}${classes ? " class=" + classes : ""}>`
        + `${animation.effect?.pseudoElement || ""}: ${why}`;
}"""

_SETTLE = f"""async () => {{
    // What moves beyond a reader's wait is named; the rest taken to its end, as if waited for.
    const unjudged = ({_UNJUDGED_MOTION})({MAX_MOTION_MS});
    const named = [];
    for (const a of document.getAnimations()) {{
        const why = unjudged(a);
        if (why) named.push(why);
        else if (a.playState !== "finished") a.finish();
    }}
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return named;
}}"""

# Two frames: the browser has laid out and painted what just changed. (What moves
# meanwhile is held at its end for the photographs: `_HOLD_STILL`.)
_FRAME = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
# Scrolled to `y`, the page laid out and painted there: where it came to rest.
_SCROLL = (f"async (y) => {{ window.scrollTo({{top: y, behavior: 'instant'}}); await ({_FRAME})(); "
           "return [scrollX, scrollY]; }")

_TRANSPARENT = """([probe, on]) => {
    let style = document.getElementById("hfd-reading-probe-style");
    if (style) style.remove();
    if (!on) return;
    style = document.createElement("style");
    style.id = "hfd-reading-probe-style";
    style.textContent = `[${probe}], [${probe}] * { color: transparent !important;
        -webkit-text-fill-color: transparent !important; text-shadow: none !important;
        text-decoration-color: transparent !important; caret-color: transparent !important;
        transition: none !important; }`;
    document.head.append(style);  // drawn by the screenshot that follows
}"""

# Held still for a pair of photographs, as Playwright holds a page still for one with
# animations="disabled" and caret="hide" (its inPagePrepareForScreenshots): web fonts
# loaded, finite animations and transitions at their end (those the pair starts too),
# infinite ones at their start, carets transparent. `false` lets the page go again.
# Motion that starts meanwhile (on scrolling, say) and goes beyond a reader's wait is
# named in window.__hfdUnjudgedMotion.
_HOLD_STILL = f"""async (hold) => {{
    if (!hold) {{ window.__hfdReleaseStill?.(); delete window.__hfdReleaseStill; return; }}
    await document.fonts.ready;
    const unjudged = ({_UNJUDGED_MOTION})({MAX_MOTION_MS});
    const named = window.__hfdUnjudgedMotion ??= [];
    const infinite = new Set(), carets = new Map();
    const still = () => {{ for (const animation of document.getAnimations()) {{
        if (!animation.effect || animation.playbackRate === 0 || infinite.has(animation)) continue;
        const why = unjudged(animation);
        if (why && !named.includes(why)) named.push(why);
        if (Number.isFinite(animation.effect.getComputedTiming().endTime)) animation.finish();
        else {{ animation.cancel(); infinite.add(animation); }}
    }} }};
    still();
    document.addEventListener("transitionrun", still);
    document.addEventListener("animationstart", still);
    document.querySelectorAll("input, textarea, [contenteditable]").forEach((element) => {{
        carets.set(element, [element.style.getPropertyValue("caret-color"), element.style.getPropertyPriority("caret-color")]);
        element.style.setProperty("caret-color", "transparent", "important");
    }});
    window.__hfdReleaseStill = () => {{
        document.removeEventListener("transitionrun", still);
        document.removeEventListener("animationstart", still);
        carets.forEach(([value, priority], element) => element.style.setProperty("caret-color", value, priority));
        infinite.forEach((animation) => animation.play());
    }};
}}"""

# What of the screen the page's own floating bars leave clear (its sticky header, a "back
# to top" button that shows when scrolling up, a message bar at the bottom): [top, bottom]
# between the sticky and fixed elements on screen within its top half and those within its
# bottom half, shown now or not. A reader scrolls a text between them to read it; whatever
# reaches further is judged as drawn on top of the text.
_CLEAR_BAND = """() => {
    let top = 0, bottom = innerHeight;
    for (const element of document.body.querySelectorAll("*")) {
        const position = getComputedStyle(element).position;
        if (position !== "sticky" && position !== "fixed") continue;
        const box = element.getBoundingClientRect();
        if (!box.width || !box.height || box.right <= 0 || box.left >= innerWidth) continue;
        if (box.top >= 0 && box.bottom <= innerHeight / 2) top = Math.max(top, box.bottom);
        else if (box.top >= innerHeight / 2 && box.bottom <= innerHeight) bottom = Math.min(bottom, box.top);
    }
    return [top, bottom];
}"""

# sRGB channel value (0-255) to linear light, for WCAG relative luminance.
_CHANNEL = numpy.arange(256) / 255
_LINEAR = numpy.where(_CHANNEL <= 0.03928, _CHANNEL / 12.92, ((_CHANNEL + 0.055) / 1.055) ** 2.4)


@dataclass(frozen=True)
class Word:
    word: str
    font: float
    x: float
    y: float
    width: float
    height: float
    holder: tuple[str, int]  # (label, index of the place that shows it)


def unreadable_texts(page, texts: dict[str, tuple[str, str | None]]) -> dict[str, list[str]]:
    """For each label, why its text (searched within its scope, a CSS selector or None
    for the whole page) cannot be read on the loaded, settled `page`; empty lists when it can."""
    labels = list(texts)
    laid_out = page.evaluate(_FIND, [[list(texts[label]) for label in labels], PROBE])
    size = (laid_out["pageWidth"], laid_out["pageHeight"])
    problems: dict[tuple[str, int], list[str]] = {}
    words: list[Word] = []
    for label, holders in zip(labels, laid_out["found"]):
        for index, found in enumerate(holders):
            holder = (label, index)
            placed = [Word(**word, holder=holder) for word in found]
            problems[holder] = _layout_problems(placed, size)
            words += [w for w in placed if w.width >= 1 and w.height >= 1 and _inside(w, size)]
    for holder, found in _drawn_problems(page, words).items():
        problems[holder] += found
    result = {}
    for label, holders in zip(labels, laid_out["found"]):
        attempts = [problems[label, index] for index in range(len(holders))]
        if not attempts:
            result[label] = ["not rendered as text (absent, or hidden from layout)"]
        else:
            result[label] = [] if any(not found for found in attempts) else attempts[0]
    return result


def _layout_problems(words: list[Word], size: tuple[float, float]) -> list[str]:
    if not words:
        return ["the text is split between places; no one element shows it whole"]
    problems = []
    unsized = [w.word for w in words if w.width < 1 or w.height < 1]
    if unsized:
        problems.append(f"{len(unsized)} words have no size on screen ({_examples(unsized)})")
    small = [w for w in words if w.width >= 1 and w.font < MIN_FONT_PX]
    if small:
        problems.append(f"letters are {min(w.font for w in small):.1f} px, under {MIN_FONT_PX} px "
                        f"({_examples([w.word for w in small])})")
    outside = [w.word for w in words if w.width >= 1 and w.height >= 1 and not _inside(w, size)]
    if outside:
        problems.append(f"{len(outside)} words are outside the page ({_examples(outside)})")
    return problems


def _inside(word: Word, size: tuple[float, float]) -> bool:
    return (word.x >= 0 and word.y >= 0 and word.x + word.width <= size[0] + 1
            and word.y + word.height <= size[1] + 1)


def _drawn_problems(page, words: list[Word]) -> dict[tuple[str, int], list[str]]:
    """Photograph the words as drawn, and without them, a screenful at a time."""
    viewport = page.viewport_size
    unseen: dict[tuple[str, int], list[str]] = {}
    faint: dict[tuple[str, int], list[tuple[str, float]]] = {}
    # Each chunk in the middle of what the page's bars leave of the screen, as a reader
    # scrolls a text to read it: on a short screen they are a large part of it.
    clear_top, clear_bottom = page.evaluate(_CLEAR_BAND) if words else (0, viewport["height"])
    for chunk in _chunks(words, (clear_bottom - clear_top) * 0.9):
        top, bottom = min(w.y for w in chunk), max(w.y + w.height for w in chunk)
        scroll_x, scroll_y = page.evaluate(_SCROLL, max(0, (top + bottom - clear_top - clear_bottom) / 2))
        clip_top = max(0, int(top - scroll_y) - 2)
        # Only as wide as the words: a wide screen's margins cost time to photograph.
        clip_left = max(0, int(min(w.x for w in chunk) - scroll_x) - 2)
        clip_right = min(viewport["width"], int(max(w.x + w.width for w in chunk) - scroll_x) + 3)
        clip = {"x": clip_left, "y": clip_top, "width": max(1, clip_right - clip_left),
                "height": max(1, min(viewport["height"], int(bottom - scroll_y) + 3) - clip_top)}
        page.evaluate(_HOLD_STILL, True)
        with_text = _shot(page, clip, scroll_x, scroll_y)
        page.evaluate(_TRANSPARENT, [PROBE, True])  # and painted
        without = _shot(page, clip, scroll_x, scroll_y)
        page.evaluate(_TRANSPARENT, [PROBE, False])
        page.evaluate(_HOLD_STILL, False)
        changed = numpy.abs(with_text.astype(numpy.int16) - without).max(axis=2) > CHANGED
        for word in chunk:
            left = max(0, round(word.x - scroll_x) - clip_left)
            right = min(clip["width"], round(word.x + word.width - scroll_x) - clip_left)
            upper = max(0, round(word.y - scroll_y) - clip_top)
            lower = min(clip["height"], round(word.y + word.height - scroll_y) - clip_top)
            box = changed[upper:lower, left:right] if right > left and lower > upper else changed[:0, :0]
            if not box.any():
                unseen.setdefault(word.holder, []).append(word.word)
                continue
            contrast = _contrast(with_text[upper:lower, left:right][box], without[upper:lower, left:right][box])
            if contrast < MIN_CONTRAST:
                faint.setdefault(word.holder, []).append((word.word, contrast))
    problems: dict[tuple[str, int], list[str]] = {}
    counts = Counter(word.holder for word in words)
    for holder, missing in unseen.items():
        problems.setdefault(holder, []).append(
            f"{len(missing)} of {counts[holder]} words are not drawn where they are "
            f"(covered, clipped, transparent or filtered: {_examples(missing)})")
    for holder, weak in faint.items():
        problems.setdefault(holder, []).append(
            f"contrast {min(c for _, c in weak):.2f}:1 with what is behind the text, under "
            f"{MIN_CONTRAST}:1 ({_examples([word for word, _ in weak])})")
    return problems


def _chunks(words: list[Word], height: float) -> list[list[Word]]:
    chunks: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.y, w.x)):
        if chunks and word.y + word.height - min(w.y for w in chunks[-1]) <= height:
            chunks[-1].append(word)
        else:
            chunks.append([word])
    return chunks


# Each tab's DevTools session, for the photographs.
_SESSIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _shot(page, clip: dict, scroll_x: float, scroll_y: float) -> numpy.ndarray:
    """The pixels of `clip` (in the viewport, the page scrolled to `scroll_x`, `scroll_y`)
    as Playwright's screenshot takes them (PNG: the same pixels), but compressed for
    speed, in about half the time on a wide screen."""
    if page not in _SESSIONS:
        _SESSIONS[page] = page.context.new_cdp_session(page)
    taken = _SESSIONS[page].send("Page.captureScreenshot", {"format": "png", "optimizeForSpeed": True, "clip": {
        **clip, "x": clip["x"] + scroll_x, "y": clip["y"] + scroll_y, "scale": 1}})  # in the page, not the viewport
    return numpy.asarray(Image.open(io.BytesIO(base64.b64decode(taken["data"]))).convert("RGB"))


def _contrast(text: numpy.ndarray, behind: numpy.ndarray) -> float:
    """The highest WCAG contrast between a text's drawn pixels and what is behind them."""
    weights = numpy.array([0.2126, 0.7152, 0.0722])
    light_text, light_behind = _LINEAR[text] @ weights, _LINEAR[behind] @ weights
    ratio = (numpy.maximum(light_text, light_behind) + 0.05) / (numpy.minimum(light_text, light_behind) + 0.05)
    return float(ratio.max())


def _examples(words: list[str]) -> str:
    shown = ", ".join(f"'{word}'" for word in words[:4])
    return shown + (", ..." if len(words) > 4 else "")


# -- The booking call-to-action --------------------------------------------------------------

_CTA_BOX = """([texts, button, scope, mark]) => {
    const norm = (s) => s.replace(/\\s+/g, " ").trim();
    const rendered = (el) => el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0;
    document.querySelectorAll(`[${scope}], [${mark}]`).forEach((el) => {
        el.removeAttribute(scope); el.removeAttribute(mark); });
    // The smallest rendered element that holds the call-to-action's texts and its button.
    let box = null;
    const search = (el) => {
        if (!rendered(el)) return;
        const text = norm(el.innerText || "").toLowerCase();  // as drawn: text-transform too
        if (!texts.every((t) => text.includes(norm(t).toLowerCase()))) return;
        box = el;
        for (const child of el.children) search(child);
    };
    search(document.body);
    if (!box) return null;
    box.setAttribute(scope, "");
    const link = [...box.querySelectorAll("a[href]")].find((a) => norm(a.innerText) === norm(button));
    if (!link) return {button: null};
    link.setAttribute(mark, "");
    link.scrollIntoView({block: "center", behavior: "instant"});
    const rect = link.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return {button: {width: rect.width, height: rect.height,
                     reachable: !!hit && (hit === link || link.contains(hit))}};
}"""
CTA_SCOPE = "data-hfd-reading-cta"
BUTTON_SCOPE = "data-hfd-reading-button"


def page_problems(page, source, path: str) -> dict[str, list[str]]:
    """Why the disclaimer, and the call-to-action (its label, title, text and button),
    cannot be read, and its button pressed, on the loaded `page`, written to `path` in the
    site `source` describes: {"disclaimer": [...], "call-to-action": [...]}. On the
    consultation page itself, the button is the booking site's."""
    cta, booking = source.config.extra["cta"], source.config.extra["booking"]
    button = booking["scheduler_label"] if url_of(path) == booking["consultation_page"] else cta["button"]
    cta_texts = [cta["label"], cta["title"], cta["text"]]
    page.evaluate("() => { window.__hfdUnjudgedMotion = []; }")
    moving = page.evaluate(_SETTLE)
    found = page.evaluate(_CTA_BOX, [cta_texts + [button], button, CTA_SCOPE, BUTTON_SCOPE])
    texts = {"disclaimer": (source.disclaimer, None)}
    if found is not None:
        texts.update({f"'{text if len(text) <= 40 else text[:37] + '...'}'": (text, f"[{CTA_SCOPE}]")
                      for text in cta_texts})
        if found["button"] is not None:
            texts[f"the button '{button}'"] = (button, f"[{BUTTON_SCOPE}]")
    problems = unreadable_texts(page, texts)
    moving += [why for why in page.evaluate("() => window.__hfdUnjudgedMotion") if why not in moving]
    # Whatever moves may take either text out of sight: neither is judged.
    unjudged = [f"the page moves beyond a reader's wait ({MAX_MOTION_MS // 1000} s), so what "
                f"is read cannot be judged: {why}" for why in moving]
    cta = unjudged + [f"{label}: {problem}" for label, found_problems in problems.items()
           if label != "disclaimer" for problem in found_problems]
    if found is None:
        cta.append("the call-to-action is not rendered as text (absent, or hidden from layout)")
    elif found["button"] is None:
        cta.append(f"no link reads '{button}'")
    else:
        link = found["button"]
        if link["width"] < MIN_TARGET or link["height"] < MIN_TARGET:
            cta.append(f"the button is {link['width']:.0f} x {link['height']:.0f} px, under "
                       f"{MIN_TARGET} x {MIN_TARGET}")
        if not link["reachable"]:
            cta.append("the button cannot be pressed: something lies on top of it")
    return {"disclaimer": unjudged + problems["disclaimer"], "call-to-action": cta}
