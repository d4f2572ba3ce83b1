"""The disclaimer, written once in docs/disclaimer.md, ready for every place it appears.

Every page's footer (partials/copyright.html reads `disclaimer_html`), every feed item
(hooks/feed_disclaimer.py), the redirect pages and print all show this one text. A link
written in it (`[privacy](privacy.md)`) is resolved like any link in the site, then
written relative to each page, or as a full address in feeds: it works wherever the
disclaimer appears. A link to a page that does not exist stops the build.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hfd import disclaimer
from hfd.visible_text import visible_text

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    text = visible_text(disclaimer.load(config))
    if not text:
        raise PluginError(
            f"'{disclaimer.DISCLAIMER_SOURCE}' has no disclaimer text. Write the disclaimer "
            "paragraph below its front matter: every page and feed item shows it."
        )
    config.extra["disclaimer"] = {"text": text, "page": disclaimer.page_url(config)}
    return config


@event_priority(-60)  # after the blog plugin has given posts their addresses (-50)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    disclaimer.resolve_links(files)
    return files


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    context["disclaimer_html"] = disclaimer.for_page(page.url)
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    # The 404 page is served at any address: its links start from the site's root.
    context["disclaimer_html"] = disclaimer.for_site_root(config)
    return context
