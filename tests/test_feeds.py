"""Feeds: valid RSS 2.0 and JSON Feed 1.1, read by real feed readers' parsers, one item
per published post with the post's own dates, and the disclaimer in every item."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

import feedparser
import jsonfeed
import pytest
from bs4 import BeautifulSoup

from tests.feed_validation import json_feed_findings, rss_findings
from tests.site_pages import html_pages, soup, text_of

RSS_FEEDS = ["feed_rss_created.xml", "feed_rss_updated.xml"]
JSON_FEEDS = ["feed_json_created.json", "feed_json_updated.json"]
FEEDS = RSS_FEEDS + JSON_FEEDS


@dataclass
class Item:
    title: str
    link: str
    date: datetime
    html: str


def read_feed(path) -> list[Item]:
    """The feed's items as feed readers read them: feedparser for RSS, jsonfeed-util
    for JSON Feed."""
    if path.suffix == ".json":
        parsed = jsonfeed.Feed.parse_string(path.read_text(encoding="utf-8"))
        by_update = "updated" in path.name
        return [Item(i.title, i.url, datetime.fromisoformat(
            str(i.date_modified if by_update else i.date_published)), i.content_html)
            for i in parsed.items]
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, f"{path.name} does not parse: {parsed.get('bozo_exception')}"
    assert parsed.version == "rss20"
    return [Item(e.title, e.link, parsedate_to_datetime(e.published), e.summary) for e in parsed.entries]


@dataclass
class Feed:
    name: str
    items: list[Item]  # as feed readers read them
    posts: list        # the published posts it lists, in its order
    date: int          # which of a post's dates it carries: 0, created; 1, updated


@pytest.fixture(scope="module", params=FEEDS)
def feed(request, site, source) -> Feed:
    """A feed, and the posts it lists: the newest published ones, by creation or by update."""
    name = request.param
    date = 1 if "updated" in name else 0
    posts = sorted(source.published_posts, key=lambda post: post.dates(source.zone)[date], reverse=True)
    return Feed(name, read_feed(site / name), posts[:source.config.plugins["rss"].config.length], date)


# -- One item per published post, as it is -----------------------------------------------------


def test_each_feed_lists_every_published_post_newest_first_and_nothing_else(feed):
    assert sorted(item.title for item in feed.items) == sorted(post.title for post in feed.posts)
    dates = [item.date for item in feed.items]
    assert dates == sorted(dates, reverse=True)


def test_each_item_links_to_its_post_with_the_posts_own_date(feed, source):
    by_title = {post.title: post for post in feed.posts}
    for item in feed.items:
        post = by_title[item.title]
        assert item.link == source.site_url + post.address, item.title
        # The post's date, midnight where the practice is: never the build time.
        assert item.date == post.dates(source.zone)[feed.date], (feed.name, item.title)


def test_every_item_carries_the_description_as_text_and_then_the_disclaimer(feed, source):
    descriptions = {post.title: " ".join(str(post.meta["description"]).split()) for post in feed.posts}
    for item in feed.items:
        text = text_of(BeautifulSoup(item.html, "html.parser"))
        description = descriptions[item.title]
        assert description in text, item.title
        assert text.index(description) < text.index(source.disclaimer), item.title


def test_links_in_items_are_full_addresses(feed):
    for item in feed.items:
        for link in BeautifulSoup(item.html, "html.parser").select("[href], [src]"):
            target = link.get("href") or link.get("src")
            assert target.startswith(("https://", "mailto:")), (feed.name, item.title, target)


def test_feeds_publish_no_email_address(site, feed):
    assert "@" not in (site / feed.name).read_text().replace("@context", ""), feed.name


# -- Valid, as validators judge them ---------------------------------------------------------


@pytest.mark.parametrize("name", RSS_FEEDS)
def test_rss_feeds_are_valid_rss_2_0(site, name):
    findings = rss_findings((site / name).read_bytes())
    assert [str(f) for f in findings] == []


@pytest.mark.parametrize("name", JSON_FEEDS)
def test_json_feeds_are_valid_json_feed_1_1(site, name):
    findings = json_feed_findings(json.loads((site / name).read_text(encoding="utf-8")))
    assert [str(f) for f in findings] == []


@pytest.mark.parametrize("xml, message", [
    ("<enclosure url='https://a.example/x.png' type='image/png' length='None'/>", "InvalidIntegerAttribute"),
    ("<author>Fede</author>", "InvalidContact"),
    ("<pubDate>2024-02-13</pubDate>", "InvalidRFC2822Date"),
    ("<guid>not a link</guid>", "InvalidHttpGUID"),
    ("<description>&lt;a href='../page/'&gt;x&lt;/a&gt;</description>", "ContainsRelRef"),
], ids=["enclosure-length", "author-not-email", "iso-date", "guid", "relative-link"])
def test_the_rss_check_finds_what_the_w3c_validator_finds(xml, message):
    feed = (f"<rss version='2.0'><channel><title>t</title><link>https://a.example/</link>"
            f"<description>d</description><item><title>i</title>{xml}</item></channel></rss>")
    assert message in {finding.message for finding in rss_findings(feed.encode())}


def test_the_json_feed_check_finds_a_bad_date_and_a_missing_id():
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "t",
            "items": [{"content_html": "x", "date_published": "2024-02-13"}]}
    messages = " ".join(str(finding) for finding in json_feed_findings(feed))
    assert "'id' is a required property" in messages and "date-time" in messages


# -- Found by readers ------------------------------------------------------------------------


def test_every_page_links_both_kinds_of_feed_in_its_head(site):
    for page in html_pages(site):
        head = soup(site, page).find("head")
        for kind, names in (("application/rss+xml", RSS_FEEDS), ("application/feed+json", JSON_FEEDS)):
            linked = head.select(f'link[rel="alternate"][type="{kind}"]')
            assert {link["href"].rsplit("/", 1)[-1] for link in linked} == set(names), (page, kind)
