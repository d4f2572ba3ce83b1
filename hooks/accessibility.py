"""Accessibility in the markup: name the landmarks and the dialog that Material 9.8
leaves unnamed.

axe-core flags them (aria-dialog-name, landmark-unique) and screen reader users hear
several identical "navigation" landmarks. The markup is Material's own, in templates
that have no block to extend, so the names are added to the written HTML. Each
replacement names exactly one piece of Material's markup; the accessibility tests
fail if Material changes it.
"""

from __future__ import annotations

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


@event_priority(10)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _name(output)


@event_priority(10)
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return _name(output) if template_name.endswith(".html") else output  # the 404 page


def _name(html: str) -> str:
    for unnamed, named in _NAMES.items():
        html = html.replace(unnamed, named)
    return html
