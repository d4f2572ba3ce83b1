"""Where to find Chromium, and how to start it here and on a normal machine."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
INSTALL_HINT = (
    "Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google "
    "Chrome), set CHROME_PATH to it, or run `.venv/bin/playwright install chromium`."
)


def find_chromium() -> str | None:
    """CHROME_PATH, then a Chromium or Chrome on the PATH; None means Playwright's own."""
    candidates = [os.environ.get("CHROME_PATH")]
    candidates += [shutil.which(name) for name in
                   ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def chromium_for_tools() -> str | None:
    """A Chromium binary for tools that start their own (Lighthouse)."""
    found = find_chromium()
    if found:
        return found
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
        return path if Path(path).is_file() else None
    except Exception:  # noqa: BLE001 - no Playwright browser either
        return None
