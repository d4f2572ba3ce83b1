"""Where to find Chromium, how to start it here and on a normal machine, and how
`make test` gets one where none is installed (`python -m tests.browsers --install`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
# Chromium's headless shell first: the headless browser Playwright itself drives by default,
# without the full browser's window machinery; the run takes a quarter less time with it
# (ARCHITECTURE.md, "The tests").
_NAMES = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
          "chrome")
_APPLICATIONS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
)
INSTALL_BY_HAND = (
    "Install Chromium or Google Chrome yourself: on Debian or Ubuntu `sudo apt-get install "
    "chromium-headless-shell` (or `chromium`); on macOS or Windows, Google Chrome from "
    "google.com/chrome. Or set CHROME_PATH to a Chromium binary. Then run `make test` again."
)


def find_chromium() -> str | None:
    """CHROME_PATH, a Chromium or Chrome installed on this machine, or Playwright's own
    Chromium if it was downloaded; None if there is none."""
    candidates = [os.environ.get("CHROME_PATH"), *(shutil.which(name) for name in _NAMES),
                  *_APPLICATIONS, _playwright_chromium()]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def browser_problem() -> str:
    return f"No Chrome or Chromium was found on this machine. {INSTALL_BY_HAND}"


def _playwright_chromium() -> str | None:
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            return playwright.chromium.executable_path
    except Exception:  # noqa: BLE001 - Playwright missing or without a browser
        return None


def install() -> int:
    """Make sure the browser tests have a Chromium: the machine's, or Playwright's own,
    downloaded once (about 150 MB). Says what it does; exits 1 with what to install by
    hand when the download is impossible."""
    found = find_chromium()
    if found:
        print(f"Browser tests use {found}")
        return 0
    print("No Chrome or Chromium found: downloading Playwright's Chromium "
          "(`playwright install chromium`, about 150 MB, once)...", flush=True)
    done = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"])
    found = find_chromium()
    if done.returncode == 0 and found:
        print(f"Browser tests use {found}")
        return 0
    print(f"\nThe download did not work (no internet access?). {INSTALL_BY_HAND}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(install() if sys.argv[1:] == ["--install"] else 0)
