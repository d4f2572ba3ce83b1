"""The feed files mkdocs-rss-plugin writes, and their items, for the feed hooks."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import lxml.html
from mkdocs.config.defaults import MkDocsConfig

from hfd.page_scripts import ELSEWHERE_ALLOWED, names_another_host

# Where a feed may name another host: links a reader follows (RSS elements, JSON Feed
# keys), a JSON Feed's version (a name), and links in its items' HTML. Any other address
# of another host (a channel picture, an enclosure, a stylesheet) a feed reader fetches.
RSS_LINKS = {"link", "comments", "guid", "docs"}
JSON_LINKS = {"version", "home_page_url", "feed_url", "url", "external_url", "id", "next_url"}
JSON_HTML = {"content_html", "summary"}
_ADDRESS_IN_PI = re.compile(r"""\bhref\s*=\s*["']([^"']*)""")


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


def other_hosts(path: Path, hosts: tuple[str, ...]) -> list[str]:
    """Where the feed at `path` names a host other than the site's `hosts` outside a
    link (e.g. "<image><url> https://..."), once each."""
    found = []
    if path.suffix == ".json":
        def walk(value, key: str = "") -> None:
            if isinstance(value, dict):
                for inner, item in value.items():
                    walk(item, inner)
            elif isinstance(value, list):
                for item in value:
                    walk(item, key)
            elif isinstance(value, str) and key in JSON_HTML:
                found.extend(f"{key}: {where}" for where in _in_html(value, hosts))
            elif isinstance(value, str) and key not in JSON_LINKS and _an_address_elsewhere(value, hosts):
                found.append(f'"{key}": {value[:60]}')
        walk(json.loads(path.read_text(encoding="utf-8")))
    else:
        text = path.read_text(encoding="utf-8")
        found += [f"<?xml-stylesheet href={address[:60]}?>" for address in _ADDRESS_IN_PI.findall(
            "".join(re.findall(r"<\?xml-stylesheet[^?]*\?>", text))) if names_another_host(address, hosts)]
        for element in ElementTree.fromstring(text.encode("utf-8")).iter():
            name = element.tag.rsplit("}", 1)[-1]
            if name == "description":
                found += [f"<description>: {where}" for where in _in_html(element.text or "", hosts)]
            elif name not in RSS_LINKS and _an_address_elsewhere(element.text or "", hosts):
                found.append(f"<{name}> {element.text.strip()[:60]}")
            found += [f"<{name} {attribute}> {value[:60]}" for attribute, value in element.attrib.items()
                      if not (name == "link" and attribute == "href") and names_another_host(value, hosts)]
    return list(dict.fromkeys(found))


def _an_address_elsewhere(text: str, hosts: tuple[str, ...]) -> bool:
    """Whether `text` is one address (no spaces: not a title or sentence) on another host."""
    return bool(re.fullmatch(r"\s*\S+\s*", text)) and names_another_host(text, hosts)


def _in_html(html: str, hosts: tuple[str, ...]) -> list[str]:
    if "<" not in html:
        return []
    return [f"<{element.tag} {name}> {value[:60]}"
            for element in lxml.html.fragment_fromstring(html, create_parent="div").iter()
            if isinstance(element.tag, str)
            for name, value in element.attrib.items()
            if name not in ELSEWHERE_ALLOWED.get(element.tag, ()) and names_another_host(value, hosts)]
