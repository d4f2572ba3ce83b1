"""Pages the blog plugin generates get their own description, for search engines and
shared links: archive, category and later list pages would otherwise all share the
site's. (A post without `description:` stops the build: hooks/front_matter.py.)
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    if page.file.generated_by:
        parts = page.url.rstrip("/").split("/")
        number = f", page {parts[-1]}" if len(parts) > 1 and parts[-2] == "page" else ""
        # A later page of a list may share its meta with the first: give it its own.
        page.meta = {**page.meta, "description": f"Articles from {config.site_name}: "
                     f"{page.title}{number}."}
    return context
