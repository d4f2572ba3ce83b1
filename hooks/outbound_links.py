"""Outbound links in the pages' content tell the other site nothing.

Every link to another host gets rel="noopener noreferrer" (hfd.links): the other site
learns neither which page the reader came from nor gets a handle on this window.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hfd.links import private_links


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    return private_links(html, config.site_url)
