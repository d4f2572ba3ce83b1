"""The HTML a page may hold: what the site's Markdown writes, and nothing else.

ALLOWED lists each tag and attribute the site's pages use (the articles, the grown test
site, what the Markdown extensions of mkdocs.yml write, what hooks/pictures.py adds
before the check). nh3 (Rust's ammonia) cleans a page's HTML with it; whatever it would
remove is refused, naming the tag or attribute, never dropped silently: the author
would not know what readers miss. What the author wrote is read with html5lib's
tokenizer, which reads tags as browsers do, wherever they stand (a <body onload> that
a tree would drop, a quoted ">" inside an attribute).

To allow more, add the tag or attribute to ALLOWED, saying what writes it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

import nh3
from html5lib._tokenizer import HTMLTokenizer  # html5lib 1.1, pinned: requirements/site.txt
from html5lib.constants import tokenTypes

ALLOWED: dict[str, set[str]] = {
    # Markdown itself, with attr_list's classes and ids ("*": on every tag)
    "*": {"class", "id"},
    "p": set(), "br": set(), "hr": set(), "em": set(), "strong": set(), "code": set(), "pre": set(),
    "blockquote": set(), "ul": set(), "li": set(), "ol": {"start"}, "div": set(), "span": set(),
    **{f"h{level}": set() for level in range(1, 7)},
    "a": {"href", "title"},
    # loading, width, height: as an author writes them ({ loading=lazy }); decoding and the
    # WebP <picture> are hooks/pictures.py's
    "img": {"src", "alt", "title", "width", "height", "loading", "decoding"},
    "picture": set(), "source": {"srcset", "type"},
    # tables (a column's alignment is a style: STYLE_PROPERTIES), abbr, footnotes, tilde
    "table": set(), "thead": set(), "tbody": set(), "tr": set(), "th": {"style"}, "td": {"style"},
    "abbr": {"title"}, "sup": set(), "sub": set(), "del": set(),
    # details, captions (/// caption, <figure markdown>), credit lines (hooks/pictures.py)
    "details": {"open"}, "summary": set(), "figure": set(), "figcaption": set(), "small": set(),
    # emoji and icons (pymdownx.emoji, drawn inline by Material's to_svg)
    "svg": {"xmlns", "viewBox"}, "path": {"d"},
}
# The disclaimer, shown on every page and in every feed item: a few sentences of text,
# emphasis, links and lists; no class or id (a theme class can hide it: `.headerlink`).
DISCLAIMER_ALLOWED: dict[str, set[str]] = {
    "p": set(), "br": set(), "em": set(), "strong": set(), "ul": set(), "ol": set(), "li": set(),
    "a": {"href", "title"},
}
STYLE_PROPERTIES = {"text-align"}  # a table column's alignment (| :--- |)
# Where a link may lead: other pages of the site (no scheme), https sites, email; plain
# http is kept, with a warning (content_checks.py).
LINK_SCHEMES = {"https", "http", "mailto"}
# Attributes whose address the browser fetches as the page loads: this site's own files only.
RESOURCES = {"src", "srcset"}
# The theme's ids (__config, __search...): the same id earlier in a page, in its content,
# would take their place for the theme's scripts.
RESERVED_IDS = ("__",)
# The theme's classes (md-...) place, show and hide its own parts: one in a page's content
# could lay it over the call-to-action (md-dialog) or hide it. Only its buttons are the
# author's to use ({ .md-button }).
RESERVED_CLASSES = ("md-",)
AUTHOR_THEME_CLASSES = {"md-button", "md-button--primary"}


UNCLOSED = "</>"  # Refused.attribute of an element left open


@dataclass(frozen=True)
class Refused:
    tag: str
    attribute: str | None = None  # None: the element itself
    value: str = ""

    def __str__(self) -> str:
        if self.attribute == UNCLOSED:
            return (f"close the <{self.tag}> element where it ends (</{self.tag}>): left open, it "
                    "runs on into the call-to-action and the footer below the page.")
        if self.attribute is None:
            return (f"remove the <{self.tag}> element: pages hold only what Markdown writes "
                    "(text, links, pictures, tables, figures); for a video, use "
                    "[Title](https://www.youtube.com/watch?v=ID){ .youtube }.")
        shown = self.value.strip()[:60]
        if self.attribute in RESOURCES and self.attribute in ALLOWED[self.tag]:
            return (f"the picture '{shown}' is not a file of this site, and pages load nothing "
                    "from other sites: download it into docs/assets/images/ (an article's, into "
                    "docs/assets/images/articles/<the article's name>/) and link to it there (an "
                    "emoji written :smile: is such a picture: type the emoji itself).")
        if self.attribute == "href" and self.tag == "a":
            scheme = re.sub(r"[\s\x00-\x1f]", "", shown).split(":")[0].lower()
            return (f"the link '{shown}' uses a {scheme}: address; link to a page or an "
                    "https:// address.")
        if self.attribute == "id":
            return (f"the id '{shown}' belongs to the theme (its ids start with "
                    f"{' or '.join(RESERVED_IDS)}); choose another.")
        if self.attribute == "class":
            theirs = [name for name in shown.split() if _reserved_class(name)]
            return (f"the class '{' '.join(theirs) or shown}' belongs to the theme (its classes start with "
                    f"{' or '.join(RESERVED_CLASSES)}; only {', '.join(sorted(AUTHOR_THEME_CLASSES))} are "
                    "for pages); remove it.")
        if self.attribute == "style" and self.attribute in ALLOWED[self.tag]:
            return (f"the 'style=' of <{self.tag}> may only align its text "
                    f"({', '.join(sorted(STYLE_PROPERTIES))}); remove the rest.")
        return (f"remove the '{self.attribute}=' attribute of <{self.tag}>: pages hold only the "
                "attributes Markdown writes (no scripts, styles or other sites' addresses).")


def judge(html: str, allowed: dict[str, set[str]] = ALLOWED) -> tuple[list[Refused], list[str]]:
    """(what the allowlist (ALLOWED or DISCLAIMER_ALLOWED) would remove from `html`,
    each once, in the order written; the address of every link in it, as the browser
    reads it)."""
    if "<" not in html:
        return [], []
    written, links = _read(html)
    cleaned = _read(_CLEANERS[id(allowed)].clean(html))[0]
    removed = [entry for entry in written - cleaned if entry[1] != UNCLOSED]  # an end tag is no refusal
    tags = {tag for tag, attribute, _value in removed if attribute is None}
    # An element the cleaner had to close, which the page leaves open (not one it adds
    # whole, as a table's <tbody>).
    added = cleaned - written
    unclosed = [(tag, UNCLOSED, "") for tag, attribute, _value in added
                if attribute == UNCLOSED and added[tag, UNCLOSED, ""] > added[tag, None, ""]]
    return list(dict.fromkeys(
        Refused(*entry) for entry in [*removed, *unclosed]
        if entry[1] is None or entry[0] not in tags  # an element refused: not its attributes too
    )), links


def _read(html: str) -> tuple[Counter, list[str]]:
    """Each start tag, and each of its attributes with its value, as browsers read them;
    each end tag (as (tag, UNCLOSED, "")); the links' addresses."""
    found, links, foreign = Counter(), [], 0  # inside <svg> or <math>, where "/>" closes a tag
    for token in HTMLTokenizer(html):
        name, closes = token.get("name"), token.get("selfClosing")
        if token["type"] == tokenTypes["EndTag"] or closes and (foreign or name in ("svg", "math")):
            found[(name, UNCLOSED, "")] += 1  # a browser ignores "/>" on an HTML element: <em/> opens it
        if name in ("svg", "math") and not closes:
            foreign += 1 if token["type"] == tokenTypes["StartTag"] else -1 if foreign else 0
        if token["type"] == tokenTypes["StartTag"]:
            name, attributes = token["name"], token["data"]
            found[(name, None, "")] += 1
            found.update((name, attribute, value) for attribute, value in attributes.items())
            if name == "a" and "href" in attributes:
                links.append(attributes["href"])
    return found, links


def _filter(tag: str, attribute: str, value: str) -> str | None:
    """nh3's filter, which keeps a value as written or refuses it: a fetched address (src,
    srcset) must be one of the site's own files; a style only STYLE_PROPERTIES; an id
    none of RESERVED_IDS."""
    if attribute == "id":
        return None if value.startswith(RESERVED_IDS) else value
    if attribute == "class":
        return None if any(_reserved_class(name) for name in value.split()) else value
    if attribute == "style":
        declarations = [part.split(":", 1) for part in value.split(";") if part.strip()]
        return value if all(len(pair) == 2 and pair[0].strip().lower() in STYLE_PROPERTIES
                            and re.match(r"^\s*[a-z-]+\s*$", pair[1]) for pair in declarations) else None
    if attribute not in RESOURCES:
        return value
    addresses = [candidate.split()[0] for candidate in value.split(",") if candidate.strip()] \
        if attribute == "srcset" else [value]
    return value if all(_is_own_file(address) for address in addresses) else None


def _reserved_class(name: str) -> bool:
    return name.startswith(RESERVED_CLASSES) and name not in AUTHOR_THEME_CLASSES


def _is_own_file(address: str) -> bool:
    # As browsers read it: without spaces and controls, a backslash for a slash.
    parts = urlsplit(re.sub(r"[\s\x00-\x1f]", "", address).replace("\\", "/"))
    return not (parts.scheme or parts.netloc)


_CLEANERS = {id(allowed): nh3.Cleaner(
    tags=set(allowed) - {"*"}, attributes=allowed, attribute_filter=_filter, url_schemes=LINK_SCHEMES,
    strip_comments=False, link_rel=None,  # comments (<!-- more -->) stay; no rel added
) for allowed in (ALLOWED, DISCLAIMER_ALLOWED)}
