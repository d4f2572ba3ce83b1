"""Every image has alt text, and every figure in an article a caption with its credit.

Readers who cannot see a picture rely on its alt text; a health article's figures say
where they come from. The build stops on an image without alt text (any page) and on
an article figure without a caption or credit, naming the file and the image.

A figure is written in plain Markdown: the picture, then a caption block whose line
starting with "Credit:" is its credit (set smaller, as `hfd-credit`):

    ![What the picture shows.](photo.jpg)

    /// caption
    The caption.

    Credit: Photo by Fede, (c) Hope for Dystonia.
    ///
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from hfd.pictures import mark_credits

_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_SRC = re.compile(r"""\bsrc\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_FIGURE = re.compile(r"<figure\b[^>]*>(.*?)</figure>", re.I | re.S)
FIGURE_EXAMPLE = ("![What the picture shows.](photo.jpg)\n\n        /// caption\n        The caption."
                  "\n\n        Credit: who made the picture\n        ///")


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    html = mark_credits(html)
    problems = [
        f"  - docs/{page.file.src_uri}: the image '{_src(image)}' has no alt text. In "
        "Markdown, describe it between the brackets: ![What the picture shows](file.png)"
        for image in _IMAGE.findall(html)
        if not (_ALT.search(image) and _ALT.search(image)[2].strip())
    ]
    if _is_post(page):
        for figure in _FIGURE.findall(html):
            image = _IMAGE.search(figure)
            if image and ("<figcaption" not in figure or 'class="hfd-credit"' not in figure):
                problems.append(
                    f"  - docs/{page.file.src_uri}: the figure '{_src(image[0])}' needs a caption "
                    f"with a line starting \"Credit:\", e.g.\n        {FIGURE_EXAMPLE}"
                )
    if problems:
        raise PluginError("Images need a description and a credit:\n" + "\n".join(problems))
    return html


def _src(image: str) -> str:
    """The image's file name: its rendered address is relative to the built page."""
    match = _SRC.search(image)
    return match[2].rsplit("/", 1)[-1] if match else "?"


def _is_post(page: Page) -> bool:
    return getattr(page, "authors", None) is not None  # set on the blog plugin's posts
