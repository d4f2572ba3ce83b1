"""Feeds: RSS and JSON Feed, discoverable, complete, dated from front matter, with the disclaimer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import feedparser
import jsonfeed
import pytest
from bs4 import BeautifulSoup

from tests.site_pages import html_pages, soup, text_of

FEEDS = ["feed_rss_created.xml", "feed_rss_updated.xml",
         "feed_json_created.json", "feed_json_updated.json"]
COLORADO_WINTER = timezone(timedelta(hours=-7))


@dataclass
class Item:
    title: str
    link: str
    date: str
    author: str
    html: str


def _read_rss(path) -> list[Item]:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, f"{path.name} does not parse: {parsed.get('bozo_exception')}"
    assert parsed.version == "rss20"
    return [Item(e.title, e.link, e.published, e.author, e.summary) for e in parsed.entries]


def _read_json_feed(path) -> list[Item]:
    parsed = jsonfeed.Feed.parse_string(path.read_text(encoding="utf-8"))
    return [Item(i.title, i.url, i.date_published, ", ".join(a.name for a in i.authors),
                 i.content_html) for i in parsed.items]


@pytest.fixture(scope="module", params=FEEDS)
def items(request, site) -> list[Item]:
    path = site / request.param
    return _read_json_feed(path) if path.suffix == ".json" else _read_rss(path)


def test_feed_has_every_post(items):
    assert [item.title for item in items] == ["What causes dystonia, really?"]


def test_every_item_has_title_link_date_author_and_description(items):
    for item in items:
        assert item.title
        assert item.link == "https://www.hopefordystonia.com/blog/what-causes-dystonia-really/"
        assert item.date
        assert item.author == "Fede"
        assert "Dystonia rarely has one isolated cause." in item.html


def test_every_item_carries_the_disclaimer(items, disclaimer):
    for item in items:
        assert disclaimer in text_of(BeautifulSoup(item.html, "html.parser"))


def test_item_dates_come_from_front_matter_in_colorado_time(site):
    items = json.loads((site / "feed_json_created.json").read_text())["items"]
    published = datetime.fromisoformat(items[0]["date_published"])
    assert published == datetime(2024, 2, 13, tzinfo=COLORADO_WINTER)
    # Never updated: its update date is its creation date, not the build time.
    assert items[0]["date_modified"] == items[0]["date_published"]


def test_feeds_publish_no_email_address(site):
    for name in FEEDS:
        assert "@" not in (site / name).read_text().replace("@context", ""), name


def test_every_page_links_both_kinds_of_feed_in_its_head(site):
    for page in html_pages(site):
        head = soup(site, page).find("head")
        rss = {link["href"].rsplit("/", 1)[-1] for link in
               head.select('link[rel="alternate"][type="application/rss+xml"]')}
        json_feeds = {link["href"].rsplit("/", 1)[-1] for link in
                      head.select('link[rel="alternate"][type="application/feed+json"]')}
        assert rss == {"feed_rss_created.xml", "feed_rss_updated.xml"}, page
        assert json_feeds == {"feed_json_created.json", "feed_json_updated.json"}, page
