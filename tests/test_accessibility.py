"""Accessibility: WCAG 2.2 AA at least, tuned for readers with dystonia."""

from __future__ import annotations

import pytest

from tests.browser_audits import describe, run_axe
from tests.site_pages import html_pages, url_of

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(browser, site, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failures = []
    for path in html_pages(site):
        page.goto(site_url + url_of(path))
        violations = run_axe(page)
        if violations:
            failures.append(f"{path}:\n{describe(violations)}")
    context.close()
    assert not failures, "\n".join(failures)
