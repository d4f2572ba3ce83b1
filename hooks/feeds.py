"""Feeds: RSS 2.0 and JSON Feed 1.1, one item per published post, dated by the post,
each item ending with the disclaimer.

mkdocs-rss-plugin writes the feeds; it reads each post's values from `page.meta`
before it writes an item, so this hook gives every post, just before the plugin reads
it (its on_page_content, priority -75):

- its dates (the meta keys `date_from_meta` names in mkdocs.yml: feed_created,
  feed_updated), from either form of `date:`, a day meaning midnight where the
  practice is (`extra.time_zone`); a post never updated was last changed when it was
  created, so the "updated" feed never falls back to the build time;
- its item text (`rss.feed_description`): the byline, the description as plain text
  (escaped), a rule, and the disclaimer with full addresses;
- no `author`: the plugin would write a name in RSS's `<author>`, which RSS 2.0
  reserves for an email address (a validator's error); the byline names the authors.

One edit remains after the plugin has written its files (on_post_build): it writes
`"image": null` in a JSON Feed item without a picture, which JSON Feed 1.1 does not
allow; the item gets the post's own share picture (`image:`), or no image. Then each
feed names other hosts only in links, or no build (hfd.feed_files.other_hosts: feed
readers fetch a channel's picture, an enclosure, a stylesheet, an item's <img>).
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hfd.disclaimer import for_feeds
from hfd.feed_files import feed_files, other_hosts
from hfd.front_matter import read_front_matter
from hfd.page_scripts import own_hosts
from hfd.site_time import local_datetime, post_dates, site_zone

_share_images: dict[str, str] = {}  # post address -> the picture shown when it is shared

# -----------------------------------------------------------------------------
# Hooks, in the order they run
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    _share_images.clear()  # `mkdocs serve` rebuilds in the same process


@event_priority(-70)  # before mkdocs-rss-plugin reads the post (-75)
def on_page_content(html_content: str, *, page: Page, config: MkDocsConfig, files) -> None:
    rss = config.plugins.get("rss")
    if rss is None or not rss.match_path_pattern.match(page.file.src_uri):
        return
    page.meta["feed_created"], page.meta["feed_updated"] = item_dates(page, config)
    authors = [f"{author.name}, {author.get('role') or author.description}"
               for author in getattr(page, "authors", [])]
    page.meta.setdefault("rss", {})["feed_description"] = item_html(
        authors, str(page.meta.get("description") or ""), for_feeds(config))
    page.meta["author"] = []
    picture = page.meta.get("share_image")  # the post's own `image:` (hooks/search_engines.py)
    if picture:
        _share_images[page.canonical_url] = picture["url"]


@event_priority(-10)  # after mkdocs-rss-plugin has written its files (0)
def on_post_build(config: MkDocsConfig) -> None:
    for name in feed_files(config):
        path = Path(config.site_dir) / name
        if path.suffix == ".json" and path.exists():
            feed = json.loads(path.read_text(encoding="utf-8"))
            for item in feed.get("items", []):
                if item.get("image") is None:
                    item.pop("image", None)
                    if item.get("url") in _share_images:
                        item["image"] = _share_images[item["url"]]
            path.write_text(json.dumps(feed, ensure_ascii=False), encoding="utf-8")
    hosts = own_hosts(config)
    problems = [f"  - {name}: {where}" for name in feed_files(config) if (Path(config.site_dir) / name).exists()
                for where in other_hosts(Path(config.site_dir) / name, hosts)]
    if problems:
        raise PluginError("Feeds may name other sites only in links (feed readers fetch the rest):\n"
                          + "\n".join(problems) + "\n  Use a file of the site in the rss plugin's settings "
                          "(mkdocs.yml), or in the post's `image:`.")


# -----------------------------------------------------------------------------
# Steps
# -----------------------------------------------------------------------------


def item_dates(page: Page, config: MkDocsConfig):
    """(created, updated) of a post, aware date-times in the site's time zone."""
    zone = site_zone(config.extra)
    # As written in the file: the blog plugin turns page.meta's dates into UTC in place.
    meta, _problem = read_front_matter(page.file.abs_src_path)
    created, updated = (local_datetime(value, zone) for value in post_dates(meta))
    if created is None:
        raise PluginError(f"docs/{page.file.src_uri}: `date:` is missing; feeds need the day "
                          "the post was published, e.g. `date: 2026-01-05`.")
    return created, updated or created


def item_html(authors: list[str], description: str, disclaimer_html: str) -> str:
    """An item's HTML: the byline and the description as text, then the disclaimer."""
    byline = f"<p>By {html.escape('; '.join(authors))}</p>\n" if authors else ""
    return f"{byline}<p>{html.escape(description.strip())}</p>\n<hr>\n{disclaimer_html}"
