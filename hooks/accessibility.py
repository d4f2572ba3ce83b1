"""Accessibility in the markup: name the landmarks and the dialog that Material 9.8
leaves unnamed; keep section permalinks out of the Tab order; mark the links that
stand alone as controls (44 px targets).

axe-core flags them (aria-dialog-name, landmark-unique) and screen reader users hear
several identical "navigation" landmarks. The markup is Material's own, in templates
that have no block to extend, so the names are added to the written HTML. Each
replacement names exactly one piece of Material's markup; the accessibility tests
fail if Material changes it.

Each heading's "¶" permalink (the toc extension's) is a small Tab stop before every
section: on a phone, 9 of an article's first 22. They keep working with a mouse and
the table of contents links to every section, so they are taken out of the Tab order.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

_NAMES = {
    # The search overlay (partials/search.html).
    '<div class="md-search" data-md-component="search" role="dialog">':
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
    # The sidebar of a blog post (blog-post.html): back link, author and metadata.
    '<nav class="md-nav md-nav--primary">\n':
        '<nav class="md-nav md-nav--primary" aria-label="About this article">\n',
    '<nav class="md-nav">\n':
        '<nav class="md-nav" aria-label="Article details">\n',
    # Each teaser on the blog index, archive and category pages (partials/post.html)
    # holds an avatar and a "Continue reading" link: no navigation landmark, or a page
    # of teasers has one unnamed landmark per post.
    '<nav class="md-post__authors md-typeset">':
        '<nav class="md-post__authors md-typeset" role="none">',
    '<nav class="md-post__action">':
        '<nav class="md-post__action" role="none">',
}


_PERMALINK = '<a class="headerlink" href='


@event_priority(40)  # on the page's own HTML, before the build's link checks read it
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    return html.replace(_PERMALINK, '<a class="headerlink" tabindex="-1" href=')


@event_priority(10)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _name(output)


@event_priority(10)
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return _name(output) if template_name.endswith(".html") else output  # the 404 page


def _name(html: str) -> str:
    for unnamed, named in _NAMES.items():
        html = html.replace(unnamed, named)
    return _mark_lone_links(html)


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
