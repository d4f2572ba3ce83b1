"""Feed dates from each post's front matter, in the practice's own time zone.

- mkdocs-rss-plugin falls back to the build time when a post has no `date.updated`,
  which would change the "updated" feed on every build. A post never updated was last
  changed when it was created, so `feed_updated` is `date.updated` or `date.created`.
- Material's blog turns a date-only `date.created` into midnight UTC, which is the
  previous evening in Colorado. A date-only value means midnight where the practice
  is: the rss plugin's `default_timezone`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> None:
    rss = config.plugins.get("rss")
    dates = page.meta.get("date")
    if rss is None or not isinstance(dates, dict):
        return
    zone = ZoneInfo(rss.config.date_from_meta.default_timezone)
    created = _local(dates.get("created"), zone)
    updated = _local(dates.get("updated"), zone) or created
    if created:
        page.meta["feed_created"] = created
        page.meta["feed_updated"] = updated


def _local(value: object, zone: ZoneInfo) -> datetime | None:
    if isinstance(value, datetime):
        date_only = value.tzinfo == timezone.utc and value.time() == time()
        return value.replace(tzinfo=zone) if date_only else value
    if isinstance(value, date):
        return datetime.combine(value, time(), zone)
    return None
