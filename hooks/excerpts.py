"""The teasers on the blog's lists get what every page's content gets.

The blog plugin renders each post's excerpt (the part above `<!-- more -->`) with
Markdown alone, for the articles page, the archive and the categories: no page event
reaches it. Once it has rendered them for a list, they get the same finishing as the
post's own page: pictures with their size and WebP copy, credit lines, private links.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hfd.links import private_links
from hfd.pictures import fit_images, mark_credits


@event_priority(-110)  # after the blog plugin has rendered the list's excerpts (-100)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    for excerpt in context.get("posts") or []:
        html = mark_credits(excerpt.content)
        html = fit_images(html, page.url)
        excerpt.content = private_links(html, config.site_url)
    return context
