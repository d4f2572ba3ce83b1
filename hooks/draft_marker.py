"""Mark drafts and posts dated in the future, which only `make serve` shows.

The blog plugin leaves both out of `make build`; in the preview they appear like any
post, so the byline (partials/byline.html) says plainly that they are not published.
"""

from __future__ import annotations

import datetime as dt

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> None:
    dates = page.meta.get("date")
    created = dates.get("created") if isinstance(dates, dict) else dates
    if isinstance(created, dt.datetime):
        future = created > dt.datetime.now(created.tzinfo)
    else:
        future = isinstance(created, dt.date) and created > dt.date.today()
    page.meta["unpublished"] = bool(page.meta.get("draft")) or future
