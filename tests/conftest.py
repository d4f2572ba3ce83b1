"""Shared fixtures: the real site, built once; a local static host; Chromium."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.site_build import REPO, build
from tests.static_server import serve

# The hooks' helpers (the disclaimer source and checker) are tested directly too.
sys.path.insert(0, str(REPO / "hooks"))

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
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


def find_chromium() -> str | None:
    """CHROME_PATH, then a Chromium or Chrome on the PATH; None means Playwright's own."""
    candidates = [os.environ.get("CHROME_PATH")]
    candidates += [shutil.which(name) for name in
                   ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")]
    return next((c for c in candidates if c and Path(c).is_file()), None)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(
                executable_path=find_chromium(), args=CHROMIUM_FLAGS
            )
        except Error as error:
            message = (
                "No Chromium to drive. Install one (Debian/Ubuntu: `sudo apt-get install "
                "chromium`; macOS: install Google Chrome), set CHROME_PATH to it, or run "
                f"`.venv/bin/playwright install chromium`.\n{error}"
            )
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
