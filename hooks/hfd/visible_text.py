"""The text a browser draws from an HTML document, as far as the HTML and the site's
stylesheets tell without a browser.

Not drawn, so not counted: comments; <head>; <script>, <style>, <template>,
<noscript>; a closed <dialog> or <details> (but its <summary>); the fallback content of
<video>, <audio>, <object>, <canvas> and <iframe>; an SVG's <desc>, <title> and
<metadata>; anything with `hidden`, `aria-hidden="true"`, an inline style that hides it
(display, visibility, opacity, font size, colour, clipping, size, scale, far off the
page), or a class that the
theme's or the site's stylesheet hides (`hidden_classes`). What a stylesheet does in
other ways is judged in a real browser by the tests (tests/reading.py).

Parsed with lxml (libxml2, in C): the page checks read every page of the site, and a
pure-Python parser made them the largest cost of the whole build.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import lxml.html

_WHITESPACE = re.compile(r"\s+")
_NOT_DRAWN = ("head", "title", "script", "style", "template", "noscript")
_FALLBACK_OF = ("video", "audio", "object", "canvas", "iframe")
_SVG_TEXT = ("desc", "title", "metadata")
_RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
_HIDING_RULE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?![.\d]))", re.I)


def visible_tree(html: str, hidden_classes: frozenset[str] = frozenset()):
    """The document with everything a browser would not draw taken out."""
    document = lxml.html.document_fromstring(html)
    candidates = document.xpath(_CANDIDATES)
    if hidden_classes:  # matched here: one XPath test per class costs 10 ms a page
        candidates += [element for element in document.xpath("//*[@class]")
                       if not hidden_classes.isdisjoint(element.get("class", "").split())]
    for element in candidates:
        if element.getparent() is None:
            continue  # already taken out (found twice)
        if not isinstance(element.tag, str) or _hidden(element, hidden_classes):
            _drop(element)  # comments, and elements not drawn
    for closed in document.xpath("//details[not(@open)] | //dialog[not(@open)]"):
        closed.text = None  # its loose text too
        for child in closed:
            child.tail = None
    for element in document.xpath(" | ".join(f"//{tag}" for tag in _FALLBACK_OF)):
        element.text = None  # fallback content, parsed as text or as elements
        for child in list(element):
            _drop(child)
    return document


def visible_text(html: str, hidden_classes: frozenset[str] = frozenset()) -> str:
    """The visible text of `html`, whitespace collapsed to single spaces."""
    if not html.strip():
        return ""
    return normalize(visible_tree(html, hidden_classes).text_content())


def normalize(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def hidden_classes(stylesheets: list[Path]) -> frozenset[str]:
    """Classes a stylesheet hides outright: a rule `.name { display: none }` (or
    visibility: hidden, opacity: 0) outside any @media or @supports block."""
    found: set[str] = set()
    for path in stylesheets:
        found |= _hidden_in(str(path), path.stat().st_mtime_ns)
    return frozenset(found)


@lru_cache(maxsize=32)
def _hidden_in(path: str, _mtime_ns: int) -> frozenset[str]:
    css = re.sub(r"/\*.*?\*/", "", Path(path).read_text(encoding="utf-8"), flags=re.S)
    found = set()
    for selectors, declarations in _RULE.findall(_top_level(css)):
        if _HIDING_RULE.search(declarations.strip()):
            found |= {s.strip()[1:] for s in selectors.split(",") if re.fullmatch(r"\s*\.[\w-]+\s*", s)}
    return frozenset(found)


def _top_level(css: str) -> str:
    """The stylesheet without its @-blocks (their rules apply only sometimes)."""
    out, depth, at_depth = [], 0, None
    index = 0
    while index < len(css):
        char = css[index]
        if char == "@" and at_depth is None:
            end = css.find(";", index)
            block = css.find("{", index)
            if end != -1 and (block == -1 or end < block):
                index = end + 1
                continue
            at_depth = depth
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if at_depth is not None and depth == at_depth:
                at_depth = None
                index += 1
                continue
        if at_depth is None:
            out.append(char)
        index += 1
    return "".join(out)


# The elements that may be hidden (the rest are drawn), besides those of hidden classes.
_CANDIDATES = " | ".join([
    "//comment()", "//processing-instruction()", "//*[@hidden]", "//*[@aria-hidden]",
    "//*[@style]", "//details/*", "//dialog/*", "//*[local-name()='svg']//*",
    *(f"//{tag}" for tag in _NOT_DRAWN), *(f"//{tag}/*" for tag in _FALLBACK_OF),
])


def _hidden(element, hidden_classes: frozenset[str]) -> bool:
    tag = element.tag.lower().rsplit("}", 1)[-1]
    parent = element.getparent()
    parent_tag = parent.tag.lower().rsplit("}", 1)[-1] if isinstance(parent.tag, str) else ""
    if tag in _NOT_DRAWN or parent_tag in _FALLBACK_OF:
        return True
    if tag in _SVG_TEXT and any(a.tag.rsplit("}", 1)[-1] == "svg" for a in element.iterancestors()):
        return True
    if parent_tag in ("details", "dialog") and parent.get("open") is None and tag != "summary":
        return True
    if element.get("hidden") is not None or (element.get("aria-hidden") or "").strip().lower() == "true":
        return True
    if element.get("style") and hides(element.get("style")):
        return True
    return bool(hidden_classes) and bool(hidden_classes & set((element.get("class") or "").split()))


def hides(style: str) -> bool:
    """Whether an inline style keeps its element's text from being seen."""
    rules = {}
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        rules[name.strip().lower()] = value.replace("!important", "").strip().lower()
    number = _number_in
    overflow_hidden = rules.get("overflow", "") in ("hidden", "clip")
    return any((
        rules.get("display") == "none",
        rules.get("visibility") in ("hidden", "collapse"),
        rules.get("content-visibility") == "hidden",
        number(rules.get("opacity"), 1) < 0.1,
        number(rules.get("font-size"), 16) < 1,
        rules.get("color") == "transparent" or _alpha(rules.get("color", "")) < 0.1,
        rules.get("clip", "").startswith("rect(0"),
        rules.get("clip-path", "").startswith(("inset(50%", "inset(100%", "circle(0")),
        overflow_hidden and min(number(rules.get("height"), 1), number(rules.get("max-height"), 1)) <= 0,
        overflow_hidden and min(number(rules.get("width"), 1), number(rules.get("max-width"), 1)) <= 0,
        rules.get("transform", "").startswith(("scale(0)", "scale(0,", "scalex(0)", "scaley(0)")),
        min(number(rules.get("left"), 0), number(rules.get("top"), 0), number(rules.get("text-indent"), 0)) <= -999,
    ))


def _number_in(value: str | None, default: float) -> float:
    match = re.match(r"^\s*(-?[0-9]*\.?[0-9]+)", value or "")
    return float(match[1]) if match else default


def _alpha(color: str) -> float:
    match = re.match(r"^rgba?\(([^)]*)\)$", color.replace(" / ", ",").replace("/", ","))
    parts = [part.strip() for part in re.split(r"[,\s]+", match[1].strip())] if match else []
    if len(parts) == 4:
        return float(parts[3].rstrip("%")) / (100 if parts[3].endswith("%") else 1)
    return 1.0


def _drop(element) -> None:
    if element.getparent() is not None:
        element.drop_tree()  # keeps the text that follows it (its tail)
