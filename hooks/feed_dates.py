"""Feed dates from each post's front matter, in the practice's own time zone.

mkdocs-rss-plugin reads an item's dates from the page meta keys named in mkdocs.yml
(`date_from_meta`: feed_created, feed_updated); this sets them for every post, from
either form of `date:` (`date: 2026-01-05` or `date: {created: ..., updated: ...}`):

- a date alone means midnight where the practice is (`extra.time_zone`), not UTC;
- a post never updated was last changed when it was created, so the "updated" feed
  never falls back to the build time (which would make an old post look new).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hfd.front_matter import read_front_matter
from hfd.site_time import local_datetime, post_dates, site_zone


@event_priority(-70)  # before mkdocs-rss-plugin reads the post (-75)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> None:
    rss = config.plugins.get("rss")
    if rss is None or not rss.match_path_pattern.match(page.file.src_uri):
        return
    zone = site_zone(config.extra)
    # As written in the file: the blog plugin turns page.meta's dates into UTC in place.
    meta, _problem = read_front_matter(page.file.abs_src_path)
    created, updated = (local_datetime(value, zone) for value in post_dates(meta))
    if created is None:
        raise PluginError(f"docs/{page.file.src_uri}: `date:` is missing; feeds need the day "
                          "the post was published, e.g. `date: 2026-01-05`.")
    page.meta["feed_created"] = created
    page.meta["feed_updated"] = updated or created
