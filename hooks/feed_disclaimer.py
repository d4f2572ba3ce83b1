"""Append the disclaimer to every item of the RSS and JSON feeds.

Feed readers never show the site's footer. mkdocs-rss-plugin has no per-item
template, so this edits the feed files it has just written.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from feed_files import feed_files

# An RSS item's description: the plugin writes it as escaped text, never nested markup.
_ITEM_DESCRIPTION = re.compile(r"(<item>.*?<description>)(.*?)(</description>)", re.S)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@event_priority(-100)  # after mkdocs-rss-plugin has written its files
def on_post_build(config: MkDocsConfig) -> None:
    disclaimer = config.extra["disclaimer"]["html"]
    for name in feed_files(config):
        path = Path(config.site_dir) / name
        if path.exists():
            edit = _edit_json if path.suffix == ".json" else _edit_rss
            path.write_text(edit(path.read_text(encoding="utf-8"), disclaimer), encoding="utf-8")


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def with_disclaimer(description: str, disclaimer: str) -> str:
    """The item's HTML description followed by the disclaimer."""
    if not description.lstrip().startswith("<"):
        description = f"<p>{html.escape(description)}</p>"
    return f"{description}\n<hr>\n{disclaimer}"


def _edit_rss(feed: str, disclaimer: str) -> str:
    def append(match: re.Match) -> str:
        described = with_disclaimer(html.unescape(match[2]), disclaimer)
        return match[1] + html.escape(described, quote=False) + match[3]

    return _ITEM_DESCRIPTION.sub(append, feed)


def _edit_json(feed: str, disclaimer: str) -> str:
    data = json.loads(feed)
    for item in data.get("items", []):
        item["content_html"] = with_disclaimer(item.get("content_html") or "", disclaimer)
    return json.dumps(data, ensure_ascii=False)
