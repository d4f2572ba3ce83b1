"""The text a reader can actually see in an HTML document.

Shared by the disclaimer hooks: text inside comments, <head>, <script>, <style>,
<template> or <noscript>, inside an element hidden with the `hidden` attribute,
`aria-hidden="true"`, an inline `display:none` or `visibility:hidden`, or inside a
closed <details> (other than its <summary>) does not count as shown.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content a reader never sees as page text.
_NEVER_SHOWN = frozenset({"head", "title", "script", "style", "template", "noscript"})
# Elements without an end tag: they never hold text, so they never go on the stack.
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
})
_HIDING_STYLE = re.compile(r"(display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_WHITESPACE = re.compile(r"\s+")


def visible_text(html: str) -> str:
    """Return the visible text of `html`, whitespace collapsed to single spaces."""
    parser = _VisibleTextParser()
    parser.feed(html)
    parser.close()
    return normalize("".join(parser.chunks))


def normalize(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


# -----------------------------------------------------------------------------


class _Element:
    __slots__ = ("tag", "hidden", "closed_details")

    def __init__(self, tag: str, hidden: bool, closed_details: bool) -> None:
        self.tag = tag
        self.hidden = hidden
        self.closed_details = closed_details


class _VisibleTextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._stack: list[_Element] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        parent = self._stack[-1] if self._stack else None
        hidden = (
            tag in _NEVER_SHOWN
            or _hides_itself(dict(attrs))
            or (parent is not None and (
                parent.hidden or (parent.closed_details and tag != "summary")
            ))
        )
        closed_details = tag == "details" and not any(name == "open" for name, _ in attrs)
        self._stack.append(_Element(tag, hidden, closed_details))

    def handle_startendtag(self, tag, attrs):
        # `<div hidden/>` holds no text either way; nothing to track.
        return

    def handle_endtag(self, tag):
        # Close up to the matching element; a stray end tag closes nothing.
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index].tag == tag:
                del self._stack[index:]
                return

    def handle_data(self, data):
        top = self._stack[-1] if self._stack else None
        if top is None or not (top.hidden or top.closed_details):
            self.chunks.append(data)


def _hides_itself(attrs: dict[str, str | None]) -> bool:
    return (
        "hidden" in attrs
        or (attrs.get("aria-hidden") or "").strip().lower() == "true"
        or bool(_HIDING_STYLE.search(attrs.get("style") or ""))
    )
