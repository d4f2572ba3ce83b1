"""Fast and well-made, as Lighthouse measures it: the deterministic parts, on a phone.

Timings (LCP, the performance score) vary with the machine: `make audit` reports them.
"""

from __future__ import annotations

import pytest

from tests.conftest import IN_CI
from tests.lighthouse import LighthouseUnavailable, audit

# Lighthouse takes 15-20 s a page: the real site, and the grown one (whose newest post
# has a large photo); the empty site has the same templates.
pytestmark = [pytest.mark.browser,
              pytest.mark.parametrize("built", ["as-written", "grown"], indirect=True)]


def _pages(articles) -> list[str]:
    # The 404 page is audited at its own address: Lighthouse refuses a 404 status.
    return ["", *articles, "consultation/", "404.html"]


@pytest.fixture(scope="module")
def reports(site_url, articles):
    try:
        return {path: audit(site_url + path, "mobile") for path in _pages(articles)}
    except LighthouseUnavailable as error:
        if IN_CI:
            pytest.fail(str(error))
        pytest.skip(str(error))


def test_accessibility_best_practices_and_seo_score_100(reports):
    for path, report in reports.items():
        for category in ("accessibility", "best-practices", "seo"):
            assert report["scores"][category] == 100, (path, category, report["failed_audits"])


def test_no_third_party_request_and_no_layout_shift(reports):
    for path, report in reports.items():
        assert report["third_party_requests"] == [], path
        assert report["cls"] == 0, path


def test_pages_stay_within_their_request_and_byte_budget_pictures_aside(reports):
    # The site's own weight, compressed as a static host sends it: at most 68 KB and 8
    # requests (an article was 80 KB in 11 requests before its one stylesheet). The
    # pictures are the author's, resized by the build.
    for path, report in reports.items():
        assert report["requests"] - report["image_requests"] <= 8, (path, report)
        assert report["total_bytes"] - report["image_bytes"] <= 68 * 1024, (path, report)
        assert report["render_blocking"] <= 1, (path, report)


# A phone on a slow connection draws a page while it arrives (Lighthouse's mobile
# profile: 150 ms round trips, 1.6 Mbit/s, a CPU four times slower): nothing on it may
# move as the rest arrives.
SLOW_PHONE = {"latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8,
              "uploadThroughput": 750 * 1024 / 8, "offline": False}
SHIFTS_JS = """window.__shifts = [];
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
        window.__shifts.push({value: entry.value, moved: entry.sources.map((source) =>
            source.node && source.node.nodeType === 1 ? source.node.outerHTML.slice(0, 100) : "")});
    }
}).observe({type: "layout-shift", buffered: true});"""


def test_nothing_moves_while_a_page_arrives_on_a_slow_phone(browser, site_url, articles):
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75,
                                  is_mobile=True, has_touch=True)
    context.add_init_script(SHIFTS_JS)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", SLOW_PHONE)
    session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    try:
        for path in _pages(articles):
            page.goto(site_url + path, wait_until="load")
            page.wait_for_timeout(500)
            assert page.evaluate("window.__shifts") == [], path
    finally:
        context.close()
