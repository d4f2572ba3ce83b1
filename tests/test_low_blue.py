"""The low-blue scheme: warm colours with little blue light, for light-sensitive readers.
Its colours are measured in Chromium (tests/browser_audits.py); its contrast is judged by
axe on the same pages (test_accessibility.py).
"""

from __future__ import annotations

import pytest

from tests.reader_tour import LOW_BLUE, SCREENS
from tests.site_build import assert_refused, build_with
from tests.site_pages import soup, text_of

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_no_colour_on_any_kind_of_page_has_more_blue_than_red_or_green(reader_tour, screen):
    found = [f"{visit.page}: {colour}" for visit in reader_tour("low-blue", screen) for colour in visit.blue]
    assert not found, "\n".join(found[:40])


def test_the_toggle_reaches_it_by_keyboard_and_each_choice_is_remembered(tab, grown_url):
    page = tab("light", url=grown_url + "about/")
    toggle = page.locator(".md-header__option[data-md-component=palette] label:visible")
    for scheme, address in (("slate", "contact/"), (LOW_BLUE, "about/")):  # light -> dark -> low blue
        toggle.focus()
        page.keyboard.press("Enter")
        assert page.get_attribute("body", "data-md-color-scheme") == scheme
        page.goto(grown_url + address)
        assert page.get_attribute("body", "data-md-color-scheme") == scheme
    assert toggle.get_attribute("title") == "Switch to the light scheme"


def test_it_is_applied_before_the_first_paint(tab, grown_url):
    # With Material's bundle blocked, only the inline script at the top of the page can
    # apply the stored choice (on a system set to dark): the page is never drawn in
    # another scheme first.
    page = tab("low-blue", color_scheme="dark", viewport=SCREENS["phone"])
    page.context.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page.goto(grown_url)
    assert page.get_attribute("body", "data-md-color-scheme") == LOW_BLUE
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"


def test_the_accessibility_page_says_what_it_is_for(site, built):
    text = text_of(soup(site, "accessibility/index.html").select_one("article"))
    for wording in built.source.config.extra["reading_aids"].values():
        plain = " ".join(wording.replace("**", "").split())
        assert plain in text


@pytest.mark.parametrize("claim", ["relieves light sensitivity", "heals tired eyes", "proven to reduce spasms"])
def test_the_build_refuses_a_health_claim_about_the_reading_aids_naming_the_setting(tmp_path, claim):
    edits = {"mkdocs.yml": ("It is a\n      reading preference, not a medical aid.", f"It {claim}.")}
    assert_refused(build_with(tmp_path, edits), "extra.reading_aids.low_blue")
