"""Every feed item: who wrote the post, its description, then the disclaimer.

Feed readers never show the site's footer. mkdocs-rss-plugin takes an item's text from
`page.meta["rss"]["feed_description"]` when a post has one, so each post gets one
before the plugin reads it: the byline, the description as plain text (escaped, so a
`<` or `&` in it stays text), a rule, and the disclaimer with full addresses.

The plugin also writes each author's name in an RSS `<author>`, which RSS 2.0 reserves
for an email address (a feed validator's error), and the site publishes no email: the
post's `author` meta, which the plugin reads first, is set to none, and the byline
names the authors instead.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hfd.disclaimer import for_feeds
from hfd.feed_files import feed_files


@event_priority(-70)  # before mkdocs-rss-plugin reads the post (-75)
def on_page_content(html_content: str, *, page: Page, config: MkDocsConfig, files) -> None:
    rss = config.plugins.get("rss")
    if rss is None or not rss.match_path_pattern.match(page.file.src_uri):
        return
    authors = [f"{author.name}, {author.get('role') or author.description}"
               for author in getattr(page, "authors", [])]
    page.meta.setdefault("rss", {})["feed_description"] = feed_item_html(
        authors, str(page.meta.get("description") or ""), for_feeds(config))
    page.meta["author"] = []


def feed_item_html(authors: list[str], description: str, disclaimer_html: str) -> str:
    """An item's HTML: the byline and the description as text, then the disclaimer."""
    byline = f"<p>By {html.escape('; '.join(authors))}</p>\n" if authors else ""
    return f"{byline}<p>{html.escape(description.strip())}</p>\n<hr>\n{disclaimer_html}"


# -----------------------------------------------------------------------------
# One edit of the written JSON Feeds
# -----------------------------------------------------------------------------

_share_images: dict[str, str] = {}  # post address -> the picture shown when it is shared


def on_pre_build(config: MkDocsConfig) -> None:
    _share_images.clear()  # `mkdocs serve` rebuilds in the same process


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    picture = page.meta.get("share_image")  # the post's own `image:` (hooks/share_image.py)
    if page.canonical_url and picture:
        _share_images[page.canonical_url] = picture["url"]
    return context


@event_priority(-10)  # after mkdocs-rss-plugin has written its files (0)
def on_post_build(config: MkDocsConfig) -> None:
    """mkdocs-rss-plugin writes `"image": null` in a JSON Feed item without an image
    (JSON Feed 1.1 wants a string or nothing). An item gets the post's own share
    picture (`image:`), or no image. Listed in ARCHITECTURE.md."""
    for name in feed_files(config):
        path = Path(config.site_dir) / name
        if path.suffix != ".json" or not path.exists():
            continue
        feed = json.loads(path.read_text(encoding="utf-8"))
        for item in feed.get("items", []):
            if item.get("image") is None:
                item.pop("image", None)
                if item.get("url") in _share_images:
                    item["image"] = _share_images[item["url"]]
        path.write_text(json.dumps(feed, ensure_ascii=False), encoding="utf-8")
