"""Privacy in a real browser: a visit sends nothing anywhere but this site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser_audits import block_other_hosts
from tests.conftest import search_for
from tests.site_build import build, copy_project, post_markdown
from tests.static_server import serve

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_requests_anything_from_another_host(reader_tour, scheme, screen):
    attempts = {visit.page: visit.attempts for visit in reader_tour(scheme, screen) if visit.attempts}
    assert attempts == {}


def test_the_search_index_loads_only_when_the_reader_opens_search(browser, site_url, search_sample):
    word, address = search_sample
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "contact/", wait_until="networkidle")
    assert not [url for url in requested if "search_index.json" in url]
    with page.expect_response(lambda response: "search_index.json" in response.url):
        search_for(page, word)
    results = page.locator(f'.md-search-result__item a[href*="{address}"]')
    results.first.wait_for(timeout=60_000)
    context.close()


# -- Video: nothing from YouTube before the reader presses play ------------------------------

VIDEO_LINK = "[A talk about dystonia](https://www.youtube.com/watch?v=abcdefghijk){ .youtube }"
VIDEO_POST = post_markdown("a-talk", title="A talk about dystonia",
                  body=f"Intro.\n\n<!-- more -->\n\n{VIDEO_LINK}\n")


@pytest.fixture(scope="module")
def video_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("video")
    project = copy_project(root / "project")
    (project / "docs/blog/posts/a-talk.md").write_text(VIDEO_POST)
    result = build(project, root / "site")
    assert result.returncode == 0, result.output
    with serve(root / "site") as url:
        yield url


def test_a_video_loads_nothing_until_play_then_plays_from_youtube_nocookie(browser, video_site):
    context = browser.new_context()
    attempts = block_other_hosts(context)
    page = context.new_page()
    page.goto(video_site + "blog/a-talk/", wait_until="networkidle")
    assert attempts == [], "nothing is requested from YouTube before play"
    assert page.locator("iframe").count() == 0
    play = page.get_by_role("button", name="Play video: A talk about dystonia")
    play.focus()
    with page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
        page.keyboard.press("Enter")
    player = page.locator("iframe.hfd-video__player")
    assert player.get_attribute("src") == "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1"
    assert attempts and all(urlsplit(url).hostname == "www.youtube-nocookie.com" for url in attempts)
    context.close()


def test_a_video_link_that_is_not_youtube_is_a_clear_error(tmp_path):
    project = copy_project(tmp_path / "project")
    post = VIDEO_POST.replace("https://www.youtube.com/watch?v=abcdefghijk", "https://example.com/v")
    (project / "docs/blog/posts/a-talk.md").write_text(post)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/blog/posts/a-talk.md: 'https://example.com/v' is not a YouTube video address" in result.output
