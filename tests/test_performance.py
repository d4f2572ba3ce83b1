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
    # The site's own weight; an article's pictures are the author's, resized by the build.
    for path, report in reports.items():
        assert report["requests"] - report["image_requests"] <= 12, (path, report)
        assert report["total_bytes"] - report["image_bytes"] <= 100 * 1024, (path, report)
