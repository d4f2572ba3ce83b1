"""What a reader sees, in Chromium, on a phone and on a desktop."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.site_pages import html_pages, url_of

pytestmark = pytest.mark.browser
SCHEDULER = "https://hello.hopefordystonia.com/"


def test_disclaimer_is_visible_at_the_end_of_every_page(site, site_url, page):
    for path in html_pages(site):
        page.goto(site_url + url_of(path))
        _scroll_to_the_end(page)
        disclaimer = page.locator("footer .hfd-disclaimer")
        expect(disclaimer, path).to_be_visible()
        expect(disclaimer, path).to_be_in_viewport()


def _scroll_to_the_end(page) -> None:
    """Scroll until the bottom of the page is on screen, even if late content grows it."""
    page.wait_for_function("""() => {
        const root = document.documentElement;
        window.scrollTo({top: root.scrollHeight, behavior: "instant"});
        return Math.ceil(window.scrollY + window.innerHeight) >= root.scrollHeight - 1;
    }""")


def _tab_to(page, selector: str, limit: int = 80) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return True
    return False


def test_booking_link_is_reached_with_tab_and_opened_with_enter(site_url, page, articles):
    for path in ["", *articles, "404.html"]:
        page.goto(site_url + path)
        assert _tab_to(page, "aside.hfd-cta a.md-button--primary"), f"{path}: Tab never reaches the booking link"
        page.keyboard.press("Enter")
        page.wait_for_url(site_url + "consultation/")
        expect(page).to_have_title(re.compile("^Book a consultation"))


def test_scheduler_is_reached_with_tab_and_opened_with_enter_on_the_consultation_page(site_url, page):
    # Stand in for the external booking site: no request leaves this machine.
    page.route(SCHEDULER + "**", lambda route: route.fulfill(
        body="<title>Scheduler</title>", content_type="text/html"))
    page.goto(site_url + "consultation/")
    assert _tab_to(page, f'aside.hfd-cta a[href="{SCHEDULER}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(SCHEDULER)
