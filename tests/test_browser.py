"""What a reader does, in Chromium, on a phone and on a desktop: book by keyboard.

(Whether the disclaimer and the call-to-action can be read on every page is judged in
tests/test_disclaimer.py, on the same tour of the site as the other promises.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.reader_tour import SCREENS

pytestmark = pytest.mark.browser
SCHEDULER = "https://hello.hopefordystonia.com/"


@pytest.fixture(params=list(SCREENS.values()), ids=list(SCREENS))
def page(tab, request):
    return tab(viewport=request.param)


def _tab_to(page, selector: str, limit: int = 80) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return True
    return False


def test_booking_link_is_reached_with_tab_and_opened_with_enter(sample_pages, page):
    for path in sample_pages:
        if path.kind == "consultation page":
            continue  # its button leads to the booking site: the next test
        page.goto(path.url)
        assert _tab_to(page, "aside.hfd-cta a.md-button--primary"), f"{path}: Tab never reaches the booking link"
        page.keyboard.press("Enter")
        page.wait_for_url(path.url.removesuffix(path.address) + path.source.config.extra["booking"]["consultation_page"])
        expect(page).to_have_title(re.compile("^Book a consultation"))


def test_scheduler_is_reached_with_tab_and_opened_with_enter_on_the_consultation_page(grown_url, page):
    # Stand in for the external booking site: no request leaves this machine.
    page.route(SCHEDULER + "**", lambda route: route.fulfill(
        body="<title>Scheduler</title>", content_type="text/html"))
    page.goto(grown_url + "consultation/")
    assert _tab_to(page, f'aside.hfd-cta a[href="{SCHEDULER}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(SCHEDULER)
