"""The pictures the site publishes, with the size they are published at, by address,
and what every page's pictures get: width and height, lazy loading, the WebP copy, and
their credit line marked.

Filled by hooks/pictures.py when it prepares the files; read when pages are written, for
the teasers of the blog's lists (hooks/blog.py) and for the picture shown when a
page is shared.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from mkdocs.utils import get_relative_url

_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATTRIBUTE = r"""\b{}\s*=\s*(["'])(.*?)\1"""
_CAPTION = re.compile(r"<figcaption\b.*?</figcaption>", re.I | re.S)
_CREDIT_LINE = re.compile(r"<p>\s*(Credit:.*?)</p>", re.I | re.S)


@dataclass(frozen=True)
class Picture:
    width: int
    height: int
    webp_url: str | None = None  # the site-relative address of its WebP copy


# By the site-relative address of the published file, decoded ("a b.jpg", not "a%20b.jpg"):
# a page may link to it either way (the editor writes "%20" for a space, and "%C3%AD" for "í").
published: dict[str, Picture] = {}


def record_picture(url: str, picture: Picture) -> None:
    published[unquote(url)] = picture


def published_picture(url: str) -> Picture | None:
    return published.get(unquote(url))


def fit_images(html: str, page_url: str) -> str:
    """Every published picture in `html` (a page at `page_url`) with its width and
    height, lazy-loaded after the first, and offered as WebP where there is a copy."""
    first = [True]

    def fit(match: re.Match) -> str:
        tag = match[0]
        picture = published.get(_address(attribute(tag, "src"), page_url))
        if picture is None:
            return tag
        tag = _with_size(tag, picture)
        if not attribute(tag, "loading") and not first[0]:
            tag = tag[:-1].rstrip("/ ") + ' loading="lazy">'
        if not attribute(tag, "decoding"):
            tag = tag[:-1].rstrip("/ ") + ' decoding="async">'
        first[0] = False
        if picture.webp_url:
            webp = get_relative_url(picture.webp_url, page_url)
            return f'<picture><source type="image/webp" srcset="{webp}">{tag}</picture>'
        return tag

    return _IMG.sub(fit, html)


def mark_credits(html: str) -> str:
    """A caption's line starting "Credit:" becomes the figure's credit (hfd-credit)."""
    return _CAPTION.sub(lambda caption: _CREDIT_LINE.sub(
        r'<p><small class="hfd-credit">\1</small></p>', caption[0]), html)


def _with_size(tag: str, picture: Picture) -> str:
    width, height = number(attribute(tag, "width")), number(attribute(tag, "height"))
    if width and height:
        return tag
    if width:
        height = width * picture.height / picture.width
    elif height:
        width = height * picture.width / picture.height
    else:
        width, height = picture.width, picture.height
    tag = re.sub(r"\s(width|height)\s*=\s*([\"']).*?\2", "", tag)
    # Whole numbers, as HTML wants them (`{ width="300" }` is read as 300.0).
    return tag[:-1].rstrip("/ ") + f' width="{round(width)}" height="{round(height)}">'


def _address(src: str | None, page_url: str) -> str | None:
    """The site-relative address of an image linked from the page at `page_url` as `src`."""
    if not src:
        return None
    parts = urlsplit(src)
    if parts.scheme or parts.netloc:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname("/" + page_url + "x"), unquote(parts.path))).lstrip("/")


def attribute(tag: str, name: str) -> str | None:
    match = re.search(_ATTRIBUTE.format(re.escape(name)), tag, re.I | re.S)
    return match[2] if match else None


def number(value: str | None) -> float | None:
    match = re.match(r"^\s*([0-9.]+)\s*(px)?\s*$", value or "")
    return float(match[1]) if match else None
