"""The low-blue scheme: warm colours with little blue light, for light-sensitive readers.

Chosen with the same palette toggle as light and dark, remembered, applied before the
first paint; on every kind of page, no colour the site draws has more blue than red or
green, and nothing is pure white (measured in Chromium, tests/browser_audits.py). Its
contrast is judged by axe on the same pages (test_accessibility.py), and what the site
says of it makes no health claim.
"""

from __future__ import annotations

import pytest

from tests.conftest import BROWSED

from tests.browser_audits import choose_stored_scheme
from tests.reader_tour import LOW_BLUE
from tests.site_build import assert_refused, build_with
from tests.site_pages import soup, text_of

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_no_colour_on_any_kind_of_page_has_more_blue_than_red_or_green(reader_tour, screen):
    found = [f"{visit.page}: {colour}" for visit in reader_tour("low-blue", screen) for colour in visit.blue]
    assert not found, "\n".join(found[:40])


def test_the_toggle_reaches_it_by_keyboard_and_it_is_remembered(browser, grown_url):
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(grown_url + "about/")
    for _ in range(3):  # light -> dark -> low blue, with the keyboard
        if page.get_attribute("body", "data-md-color-scheme") == LOW_BLUE:
            break
        page.locator(".md-header__option[data-md-component=palette] label:visible").focus()
        page.keyboard.press("Enter")
    assert page.get_attribute("body", "data-md-color-scheme") == LOW_BLUE
    toggle = page.locator(".md-header__option[data-md-component=palette] label:visible")
    assert toggle.get_attribute("title") == "Switch to the light scheme"
    page.goto(grown_url + "contact/")
    assert page.get_attribute("body", "data-md-color-scheme") == LOW_BLUE
    context.close()


def test_it_is_applied_before_the_first_paint(browser, served):
    # With Material's bundle blocked, only the inline script at the top of the page can
    # apply the stored choice: the page is never drawn in another scheme first.
    context = browser.new_context(color_scheme="dark", viewport={"width": 390, "height": 844})
    built, url = served(BROWSED)
    choose_stored_scheme(context, built.source.config, LOW_BLUE)
    context.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(url)
    assert page.get_attribute("body", "data-md-color-scheme") == LOW_BLUE
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"
    context.close()


def test_the_accessibility_page_says_what_it_is_for(site, built):
    text = text_of(soup(site, "accessibility/index.html").select_one("article"))
    for wording in built.source.config.extra["reading_aids"].values():
        plain = " ".join(wording.replace("**", "").split())
        assert plain in text


@pytest.mark.parametrize("claim", ["relieves light sensitivity", "heals tired eyes", "proven to reduce spasms"])
def test_the_build_refuses_a_health_claim_about_the_reading_aids_naming_the_setting(tmp_path, claim):
    edits = {"mkdocs.yml": ("It is a\n      reading preference, not a medical aid.", f"It {claim}.")}
    assert_refused(build_with(tmp_path, edits), "extra.reading_aids.low_blue")
