"""Shared fixtures: the real site, built once; a local static host; Chromium."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.browsers import CHROMIUM_FLAGS, INSTALL_HINT, find_chromium
from tests.site_build import REPO, build
from tests.static_server import serve

# The hooks' helpers (the disclaimer source and checker) are tested directly too.
sys.path.insert(0, str(REPO / "hooks"))

IN_CI = os.environ.get("CI", "").lower() == "true"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


# -- The built site ---------------------------------------------------------------


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as `mkdocs build --strict` writes it from this repository."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(REPO, site_dir)
    assert result.returncode == 0, f"The site does not build:\n{result.output}"
    return site_dir


@pytest.fixture(scope="session")
def site_url(site) -> str:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def disclaimer() -> str:
    """The disclaimer's visible text, from its one source (docs/disclaimer.md)."""
    from disclaimer_source import DISCLAIMER_SOURCE, _render
    from visible_text import visible_text

    return visible_text(_render((REPO / "docs" / DISCLAIMER_SOURCE).read_text("utf-8")))


# -- A real browser ----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(
                executable_path=find_chromium(), args=CHROMIUM_FLAGS
            )
        except Error as error:
            message = f"No Chromium to drive. {INSTALL_HINT}\n{error}"
            if IN_CI:
                pytest.fail(message)
            pytest.skip(message)
        yield chromium
        chromium.close()


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def viewport(request) -> dict:
    return request.param


@pytest.fixture
def page(browser, viewport):
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    yield tab
    context.close()
