"""Accessibility in the markup: name the landmarks and the dialog that Material 9.8
leaves unnamed; keep section permalinks out of the Tab order; mark the links that
stand alone as controls (44 px targets).

axe-core flags them (aria-dialog-name, landmark-unique) and screen reader users hear
several identical "navigation" landmarks. The markup is Material's own, in templates
that have no block to extend, so the names are added to the written HTML. Each
replacement names exactly one piece of Material's markup (NAMES); if Material writes
the element otherwise (an upgrade), the build stops naming the template.

Each id stands once on a page, or the build stops: a label or a link finds the first.

Each heading's "¶" permalink (the toc extension's) is a small Tab stop before every
section: on a phone, 9 of an article's first 22. They keep working with a mouse and
the table of contents links to every section, so they are taken out of the Tab order.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from html5lib._tokenizer import HTMLTokenizer
from html5lib.constants import tokenTypes
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


class Unnamed(NamedTuple):
    template: str          # Material's template that writes it
    element: str           # a pattern that finds its start tag however it is written
    markup: str            # its start tag, exactly as Material 9.8 writes it
    named: tuple[str, ...]  # the tag with its name, for each occurrence in turn (the last repeats)


NAMES = (
    Unnamed("partials/search.html", r'<div\b[^>]*\bdata-md-component="search"',  # the search overlay
            '<div class="md-search" data-md-component="search" role="dialog">',
            ('<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',)),
    Unnamed("partials/search.html", r'<div\b[^>]*\bclass="md-search__inner"',  # the search landmark in it
            '<div class="md-search__inner" role="search">',
            ('<div class="md-search__inner" role="search" aria-label="Search this site">',)),
    # The page numbers under a list of articles longer than a page.
    Unnamed("partials/pagination.html", r'<nav\b[^>]*\bclass="md-pagination"', '<nav class="md-pagination">',
            ('<nav class="md-pagination" aria-label="Pages of articles">',)),
    # The sidebar of a blog post: back link and author; its metadata; its related links
    # (`links:` in the post's front matter), each list under its own name.
    Unnamed("blog-post.html", r'<nav\b[^>]*\bclass="md-nav md-nav--primary"',
            '<nav class="md-nav md-nav--primary">',
            ('<nav class="md-nav md-nav--primary" aria-label="About this article">',)),
    Unnamed("blog-post.html", r'<nav\b[^>]*\bclass="md-nav"', '<nav class="md-nav">',
            ('<nav class="md-nav" aria-label="Article details">', '<nav class="md-nav" aria-label="Related links">')),
    # Each teaser on the blog index, archive and category pages (partials/post.html)
    # holds an avatar and a "Continue reading" link: no navigation landmark, or a page
    # of teasers has one unnamed landmark per post.
    Unnamed("partials/post.html", r'<nav\b[^>]*\bclass="md-post__authors md-typeset"',
            '<nav class="md-post__authors md-typeset">', ('<nav class="md-post__authors md-typeset" role="none">',)),
    Unnamed("partials/post.html", r'<nav\b[^>]*\bclass="md-post__action"',
            '<nav class="md-post__action">', ('<nav class="md-post__action" role="none">',)),
)
_NAMED = re.compile(r'\baria-label|\brole="none"')  # what a tag that is named (or no landmark) holds


_PERMALINK = '<a class="headerlink" href='


@event_priority(40)  # on the page's own HTML, before the build's link checks read it
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    return html.replace(_PERMALINK, '<a class="headerlink" tabindex="-1" href=')


@event_priority(10)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _refuse_an_id_twice(output, page)
    return _mark_lone_links(_name(output, page.file.dest_uri))


@event_priority(10)
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return _mark_lone_links(_name(output, template_name)) if template_name.endswith(".html") else output  # 404


def _name(html: str, where: str) -> str:
    """Each unnamed landmark and dialog of Material's named; the build stops if Material
    writes one in markup other than the one the names replace."""
    for unnamed in NAMES:
        parts = html.split(unnamed.markup)
        names = list(unnamed.named) + [unnamed.named[-1]] * len(parts)
        html = parts[0] + "".join(name + part for name, part in zip(names, parts[1:]))
        for tag in re.finditer(unnamed.element + r"[^>]*>", html):
            if not _NAMED.search(tag[0]):
                raise PluginError(
                    f"Material's markup changed: {unnamed.template} now writes {tag[0]!r} (in {where}), "
                    f"where hooks/accessibility.py names {unnamed.markup!r}. Update NAMES there to "
                    "the new markup (a question for whoever maintains the site).")
    return html


# An id as the site's templates write it (quoted); what the author wrote is read as a
# browser reads it (any case, unquoted, character references).
_TEMPLATE_ID = re.compile(r'\sid="([^"]*)"')


def _refuse_an_id_twice(html: str, page: Page) -> None:
    """Each id once a page: a label (aria-labelledby), a link's #part and the skip link
    find the first, so a heading given a template's id ({ #hfd-cta-title }, or words
    that make it) would take the call-to-action's name for screen readers."""
    content = page.content or ""
    written = Counter(token["data"]["id"] for token in HTMLTokenizer(content)
                      if token["type"] == tokenTypes["StartTag"] and "id" in token["data"])
    templates = Counter(_TEMPLATE_ID.findall(html.replace(content, "", 1)))
    twice = [name for name, count in written.items() if count > 1 or name in templates]
    if twice:
        where = page.file.dest_uri if page.file.generated_by else f"docs/{page.file.src_uri}"
        whose = "the site's templates use it too" if twice[0] in templates else "two parts of the page are given it"
        raise PluginError(
            f"Some pages need fixing before the site can be built:\n  - {where}: the id '{twice[0]}' is "
            f"on the page twice ({whose}); give the heading other words, or another id "
            "({ #another-name }).")


# A link that is all of its paragraph or list item ("Go to the home page", a list of
# resources) is a control, not a link inside a sentence: site.css gives it a 44 px
# target (class hfd-alone). CSS cannot tell text around a link from none.
_LONE_LINK = re.compile(r"(<(li|p)(?: [^>]*)?>\s*<a )([^>]*>)((?:(?!<a[ >]|</a>).)*</a>\s*</\2>)", re.S)


def _mark_lone_links(html: str) -> str:
    def mark(match: re.Match) -> str:
        attributes = match[3]
        if 'class="' in attributes:
            attributes = attributes.replace('class="', 'class="hfd-alone ', 1)
        else:
            attributes = 'class="hfd-alone" ' + attributes
        return match[1] + attributes + match[4]
    return _LONE_LINK.sub(mark, html)
