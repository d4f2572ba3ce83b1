"""The text a reader can actually see in an HTML document.

Shared by the disclaimer hooks: text inside comments, <head>, <script>, <style>,
<template> or <noscript>, inside an element hidden with the `hidden` attribute,
`aria-hidden="true"`, an inline `display:none` or `visibility:hidden`, or inside a
closed <details> (other than its <summary>) does not count as shown.

Parsed with lxml (libxml2, in C): the disclaimer check reads every page of the site,
and a pure-Python parser made it the largest cost of the whole build.
"""

from __future__ import annotations

import re

import lxml.html

_WHITESPACE = re.compile(r"\s+")
_HIDDEN = (
    "//head | //title | //script | //style | //template | //noscript"
    " | //*[@hidden] | //*[@aria-hidden]"
    " | //*[@style] | //details[not(@open)]/*[not(self::summary)]"
)
_HIDING_STYLE = re.compile(r"(display\s*:\s*none|visibility\s*:\s*hidden)", re.I)


def visible_text(html: str) -> str:
    """Return the visible text of `html`, whitespace collapsed to single spaces."""
    if not html.strip():
        return ""
    document = lxml.html.document_fromstring(html)
    for element in document.xpath(_HIDDEN):
        if _hides(element) and element.getparent() is not None:
            element.drop_tree()  # keeps the text that follows it (its tail)
    for details in document.xpath("//details[not(@open)]"):
        details.text = None  # loose text in a closed <details> is hidden too
        for child in details:
            if child.tag != "summary":
                child.tail = None
    return normalize(document.text_content())


def normalize(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _hides(element) -> bool:
    if element.tag in ("head", "title", "script", "style", "template", "noscript"):
        return True
    if element.get("hidden") is not None:
        return True
    if (element.get("aria-hidden") or "").strip().lower() == "true":
        return True
    if _HIDING_STYLE.search(element.get("style") or ""):
        return True
    parent = element.getparent()
    return parent is not None and parent.tag == "details" and parent.get("open") is None \
        and element.tag != "summary"
