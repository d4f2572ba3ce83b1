"""The feed files mkdocs-rss-plugin writes, and their items, for the feed hooks."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def feed_files(config: MkDocsConfig) -> list[str]:
    """Site-relative names of the feeds the rss plugin is configured to write."""
    rss = config.plugins.get("rss")
    if rss is None or not rss.config.enabled:
        return []
    names = rss.config.feeds_filenames
    files = []
    if rss.config.rss_feed_enabled:
        files += [names.rss_created, names.rss_updated]
    if rss.config.json_feed_enabled:
        files += [names.json_created, names.json_updated]
    return files


def feed_items(path: Path) -> list[tuple[str, str]]:
    """(title, HTML description) of every item of an RSS or JSON feed file."""
    if path.suffix == ".json":
        feed = json.loads(path.read_text(encoding="utf-8"))
        return [
            (item.get("title", "?"), item.get("content_html") or item.get("summary") or "")
            for item in feed.get("items", [])
        ]
    channel = ElementTree.parse(path).getroot()
    return [
        (item.findtext("title", "?"), item.findtext("description", ""))
        for item in channel.iter("item")
    ]
