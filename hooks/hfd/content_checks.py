"""What an author's page may hold, judged on its HTML once Markdown has rendered it.

- No code or frames: a pasted <script>, <iframe> (the YouTube placeholder is the one
  way to show a video), inline event handler (onclick=) or javascript:/data: link.
- Every image has alt text; every figure of an article a caption with a credit line.
- A plain http:// link is allowed but worth a warning.
Each problem names the file and what to do.
"""

from __future__ import annotations

import html as html_module
import re

_FORBIDDEN_TAG = re.compile(r"<(script|iframe|object|embed|frame|frameset|base|form)\b", re.I)
_EVENT_HANDLER = re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I | re.S)
_URL_ATTRIBUTE = re.compile(r"""\s(href|src|action|formaction|xlink:href)\s*=\s*(["'])(.*?)\2""", re.I | re.S)
_BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_SRC = re.compile(r"""\bsrc\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_FIGURE = re.compile(r"<figure\b[^>]*>(.*?)</figure>", re.I | re.S)
FIGURE_EXAMPLE = ("![What the picture shows.](photo.jpg)\n\n        /// caption\n        The caption."
                  "\n\n        Credit: who made the picture\n        ///")


def unsafe_problems(html: str, source: str) -> tuple[list[str], list[str]]:
    """(problems that stop the build, warnings) for the page from `source`."""
    problems = [
        f"  - {source}: remove the <{match[1].lower()}> element; the site does not allow "
        "embedded code or frames (for a YouTube video, use "
        "[Title](https://www.youtube.com/watch?v=ID){ .youtube })."
        for match in _FORBIDDEN_TAG.finditer(html)
    ]
    problems += [
        f"  - {source}: remove the '{match[1]}=' attribute; inline scripts are not allowed."
        for match in _EVENT_HANDLER.finditer(html)
    ]
    warnings = []
    for match in _URL_ATTRIBUTE.finditer(html):
        url = html_module.unescape(match[3]).strip()
        scheme = re.sub(r"[\s\x00-\x1f]", "", url).lower()
        if scheme.startswith(_BAD_SCHEMES):
            problems.append(f"  - {source}: the link '{url[:60]}' uses a "
                            f"{scheme.split(':')[0]}: address; link to a page or an https:// address.")
        elif scheme.startswith("http://"):
            warnings.append(f"{source}: the link '{url}' is not secure; use https:// if the site offers it.")
    return problems, warnings


def image_problems(html: str, source: str, *, article: bool) -> list[str]:
    """Images without alt text; in an article, figures without a caption and credit.
    (Credit lines are marked by hfd.pictures.mark_credits first.)"""
    problems = [
        f"  - {source}: the image '{_src(image)}' has no alt text. In "
        "Markdown, describe it between the brackets: ![What the picture shows](file.png)"
        for image in _IMAGE.findall(html)
        if not (_ALT.search(image) and _ALT.search(image)[2].strip())
    ]
    if article:
        for figure in _FIGURE.findall(html):
            image = _IMAGE.search(figure)
            if image and ("<figcaption" not in figure or 'class="hfd-credit"' not in figure):
                problems.append(
                    f"  - {source}: the figure '{_src(image[0])}' needs a caption "
                    f"with a line starting \"Credit:\", e.g.\n        {FIGURE_EXAMPLE}"
                )
    return problems


def _src(image: str) -> str:
    """The image's file name: its rendered address is relative to the built page."""
    match = _SRC.search(image)
    return match[2].rsplit("/", 1)[-1] if match else "?"
