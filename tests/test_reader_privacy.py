"""Privacy in a real browser: a visit sends nothing anywhere but this site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser_audits import block_other_hosts
from tests.conftest import BROWSED, search_for, search_word
from tests.reader_tour import SCHEMES, SCREENS
from tests.site_build import assert_refused, build_with, post_markdown

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_kind_of_page_requests_anything_from_another_host(reader_tour, scheme, screen):
    attempts = {visit.page: visit.attempts for visit in reader_tour(scheme, screen) if visit.attempts}
    assert attempts == {}


def test_the_search_index_loads_only_when_the_reader_opens_search(tab, served):
    built, url = served(BROWSED)
    word, _ = search_word(built.site, built.source)  # that it finds its page: test_hosting.py
    page, requested = tab(), []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url + "contact/", wait_until="networkidle")
    assert not [url for url in requested if "search_index.json" in url]
    with page.expect_response(lambda response: "search_index.json" in response.url):
        search_for(page, word)


# -- Video: nothing from YouTube before the reader presses play ------------------------------

def test_a_video_loads_nothing_until_play_then_plays_from_youtube_nocookie(tab, sample_with):
    video, page = sample_with(".hfd-video"), tab()
    attempts = block_other_hosts(page.context)
    page.goto(video.url, wait_until="networkidle")
    assert attempts == [], "nothing is requested from YouTube before play"
    assert page.locator("iframe").count() == 0
    play = page.locator(".hfd-video__play").first
    assert play.get_attribute("type") == "button" and play.inner_text().startswith("Play video: ")
    play.focus()
    with page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
        page.keyboard.press("Enter")
    player = page.locator("iframe.hfd-video__player")
    video_id = page.locator(".hfd-video").first.get_attribute("data-hfd-video")
    assert player.get_attribute("src") == f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    assert attempts and all(urlsplit(url).hostname == "www.youtube-nocookie.com" for url in attempts)


def test_the_build_refuses_a_video_link_that_is_not_youtube_naming_post_and_address(tmp_path):
    body = "Intro.\n\n<!-- more -->\n\n[A talk about dystonia](https://example.com/v){ .youtube }\n"
    result = build_with(tmp_path, {"docs/blog/posts/a-talk.md": post_markdown("a-talk", body=body)})
    assert_refused(result, "docs/blog/posts/a-talk.md: 'https://example.com/v' is not a YouTube video address")
