"""What an author's page may hold, judged on its HTML once Markdown has rendered it.

- Only the HTML the site's Markdown writes (hfd.allowed_html): no script, frame, style,
  event handler (onclick=), javascript: link, or picture from another site.
- Every image has alt text; every figure of an article a caption with a credit line.
- Headings go down one level at a time (screen readers move from one to the next); an
  article's heading is its `title:` (lists, feeds and search show the title).
- Every footnote mark has its note.
- A plain http:// link (or http:host) is allowed but worth a warning.
Each problem names the file and what to do.
"""

from __future__ import annotations

import html as html_module
import re

from hfd.allowed_html import judge

_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_SRC = re.compile(r"""\bsrc\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_FIGURE = re.compile(r"<figure\b[^>]*>(.*?)</figure>", re.I | re.S)
_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.I | re.S)
_PERMALINK = re.compile(r"<a\b[^>]*\bclass=\"headerlink\"[^>]*>.*?</a>", re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")
_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.I | re.S)
_FOOTNOTE_MARK = re.compile(r"\[\^([^\]\s]+)\]")
FIGURE_EXAMPLE = ("![What the picture shows.](photo.jpg)\n\n        /// caption\n        The caption."
                  "\n\n        Credit: who made the picture\n        ///")


def unsafe_problems(html: str, source: str) -> tuple[list[str], list[str]]:
    """(problems that stop the build, warnings) for the page from `source`."""
    refused, links = judge(html)
    warnings = [f"{source}: the link '{url.strip()}' is not secure; use https:// if the site offers it."
                for url in dict.fromkeys(links) if re.match(r"\s*http:", url, re.I)]  # "http:host" too
    return [f"  - {source}: {refusal}" for refusal in refused], warnings


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


def heading_problems(html: str, source: str, title: str | None) -> list[str]:
    """Headings that skip a level (the page's title is level 1); for an article
    (`title` given), a first heading other than its title."""
    problems, above = [], 1
    for number, (level, inner) in enumerate(_HEADING.findall(html)):
        text = " ".join(_TAGS.sub("", _PERMALINK.sub("", inner)).split())
        text = html_module.unescape(text)
        if title is not None and number == 0 and level == "1" and text != " ".join(title.split()):
            problems.append(f"  - {source}: its heading '# {text}' is not its `title:` '{title}'; write the "
                            "same words in both (lists, feeds and search show the title), or remove the "
                            "# line: the site writes it from the title.")
        if int(level) > above + 1:
            problems.append(f"  - {source}: the heading '{text}' is of level {level} ({'#' * int(level)}) after "
                            f"one of level {above}; make it level {above + 1} ({'#' * (above + 1)} {text}).")
        above = int(level)
    return problems


def footnote_problems(html: str, source: str) -> list[str]:
    """Footnote marks without a note, which Markdown leaves on the page as written."""
    prose = _CODE.sub("", html)
    return [f"  - {source}: the footnote [^{name}] has no note; add a line `[^{name}]: The note.` at the "
            "end of the text, or remove the mark." for name in dict.fromkeys(_FOOTNOTE_MARK.findall(prose))]


def _src(image: str) -> str:
    """The image's file name: its rendered address is relative to the built page."""
    match = _SRC.search(image)
    return match[2].rsplit("/", 1)[-1] if match else "?"
