"""Pages the blog plugin generates get their own description, for search engines and
shared links: archive, category and later list pages would otherwise all share the
site's; later pages of a list are numbered (`list_page`, also used in their <title>).
(A post without `description:` stops the build: hooks/front_matter.py.)
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    if page.file.generated_by:
        parts = page.url.rstrip("/").split("/")
        number = parts[-1] if len(parts) > 1 and parts[-2] == "page" else None
        suffix = f", page {number}" if number else ""
        # A later page of a list may share its meta with the first: give it its own.
        # `list_page` also gives it its own <title> (overrides/main.html).
        page.meta = {**page.meta, "list_page": number,
                     "description": f"Articles from {config.site_name}: {page.title}{suffix}."}
    return context
