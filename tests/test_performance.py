"""Fast and well-made, as Lighthouse measures it: the deterministic parts, on a phone.

Timings (LCP, the performance score) vary with the machine: `make audit` reports them.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import IN_CI, lighthouse_reports
from tests.lighthouse import SCORED_IN_TESTS, unavailable
from tests.site_build import MATERIAL
from tests.site_pages import TEMPLATE_KINDS, html_pages, soup

pytestmark = pytest.mark.browser


# Lighthouse on one page of each template of the browsed site (the home, articles page,
# newest article, consultation page and 404 page), begun beside the tests as soon as the
# sample pages are served (conftest.py, lighthouse_reports).
@pytest.fixture(scope="session")
def report(sample_pages, run_folder):
    problem = unavailable()
    if problem:
        if IN_CI:
            pytest.fail(problem)
        pytest.skip(problem)
    reports = lighthouse_reports(run_folder, sample_pages)
    return lambda kind: reports[kind]


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_accessibility_best_practices_and_seo_score_100(report, kind):
    for category in SCORED_IN_TESTS:
        assert report(kind)["scores"][category] == 100, (kind, category, report(kind)["failed_audits"])


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_no_third_party_request_and_no_layout_shift(report, kind):
    assert report(kind)["third_party_requests"] == [], kind
    assert report(kind)["cls"] == 0, kind


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_pages_stay_within_their_request_and_byte_budget_pictures_aside(report, kind):
    # The site's own weight, compressed as a static host sends it: at most 68 KB and 8
    # requests (an article was 80 KB in 11 requests before its one stylesheet). The
    # pictures are the author's, resized by the build.
    found = report(kind)
    assert found["requests"] - found["image_requests"] <= 8, (kind, found)
    assert found["total_bytes"] - found["image_bytes"] <= 68 * 1024, (kind, found)
    assert found["render_blocking"] <= 1, (kind, found)


# A phone on a slow connection draws a page while it arrives (Lighthouse's mobile
# network: 150 ms round trips, 1.6 Mbit/s): nothing on it may move as the rest arrives.
# The page is drawn long before its pictures and scripts arrive, so what they move is
# seen without slowing the CPU too: Chromium's CPU throttling held the other core too
# (a process beside it ran 20 to 40 times slower), and this check then slowed the whole
# run. Without it the check still fails on a table left for Material's script to wrap
# and on a script that adds text once the page is read.
SLOW_PHONE = {"latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8,
              "uploadThroughput": 750 * 1024 / 8, "offline": False}
SHIFTS_JS = """window.__shifts = [];
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
        window.__shifts.push({value: entry.value, moved: entry.sources.map((source) =>
            source.node && source.node.nodeType === 1 ? source.node.outerHTML.slice(0, 100) : "")});
    }
}).observe({type: "layout-shift", buffered: true});"""


def test_nothing_moves_while_a_page_arrives_on_a_slow_phone(tab, sample_pages):
    # Each page in a tab of its own, all arriving at once: each tab has its own slow
    # connection, so the waits overlap.
    first = tab(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True, has_touch=True)
    tabs = [first, *(first.context.new_page() for _ in sample_pages[1:])]
    for page, sample in zip(tabs, sample_pages):
        page.add_init_script(SHIFTS_JS)
        session = page.context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", SLOW_PHONE)
        page.evaluate("(url) => { location.href = url; }", sample.url)  # and on to the next
    for page, sample in zip(tabs, sample_pages):
        page.wait_for_url(sample.url, wait_until="load")
    tabs[-1].wait_for_timeout(500)  # for what moves just after
    for page, sample in zip(tabs, sample_pages):
        # Shifts are only recorded where the page is drawn.
        assert page.evaluate("[document.visibilityState, window.__shifts]") == ["visible", []], sample


def test_the_first_paint_waits_until_the_call_to_action_and_the_footer_have_arrived(site):
    # The element the render-blocking <link rel="expect"> names comes after them: what
    # arrives after the first paint, on a slow phone, moves the page or is not yet there.
    for page in html_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        expect = soup(site, page).select_one('link[rel="expect"][blocking="render"]')
        assert expect, page
        end = html.index(f'id="{expect["href"].removeprefix("#")}"')
        assert end > max(html.rindex('class="hfd-cta'), html.rindex("</footer>")), page


def test_tables_come_wrapped_as_materials_script_wraps_them():
    # hooks/page_weight.py writes each table inside the <div>s that Material's script adds
    # on load, so that nothing moves (the slow-phone check above, on a page with a table):
    # an upgrade that wraps tables otherwise must be looked at.
    from page_weight import TABLE_WRAPPER

    script = next((MATERIAL / "assets/javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert re.search(r'\{class:"md-typeset__scrollwrap"\},\w+\("div",\{class:"md-typeset__table"\}', script)
    assert '"table:not([class])"' in script
    assert TABLE_WRAPPER[0].startswith('<div class="md-typeset__scrollwrap" ')  # a region a keyboard scrolls
    assert TABLE_WRAPPER[0].endswith('><div class="md-typeset__table">')
