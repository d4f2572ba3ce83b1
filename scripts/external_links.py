"""`make check-links-external`: are the links to other sites still alive?

Collects every https:// link in the built site, checks each (HEAD, then GET) with
retries, and caches good answers for a week in .cache/external-links.json so a rerun
only asks again about new or failing links. Reports dead links; never fails the build
of the author's commits (exit 0 unless --strict). Without a network: "offline, skipped".
"""

from __future__ import annotations

import json
import socket
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import requests

from tests.site_build import REPO, built_site

CACHE = REPO / ".cache" / "external-links.json"
CACHE_SECONDS = 7 * 24 * 3600
RETRIES = 3
OWN_HOST = "www.hopefordystonia.com"
# Addresses that are not pages to check.
SKIP_HOSTS = {"www.youtube-nocookie.com"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: set[str] = set()

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href and href.startswith(("https://", "http://")):
            host = urlsplit(href).hostname
            if host != OWN_HOST and host not in SKIP_HOSTS:
                self.urls.add(href.split("#")[0])


def external_links(site: Path) -> dict[str, set[str]]:
    """Each external address, with the pages that link to it."""
    found: dict[str, set[str]] = {}
    for page in site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            found.setdefault(url, set()).add(page.relative_to(site).as_posix())
    return found


def online(urls) -> bool:
    """Whether any of the first few linked hosts can be reached at all."""
    for host in sorted({urlsplit(url).hostname for url in urls})[:3]:
        try:
            socket.create_connection((host, 443), timeout=5).close()
            return True
        except OSError:
            continue
    return False


def check(url: str, session: requests.Session) -> str | None:
    """None when the address answers; otherwise why not."""
    problem = "no answer"
    for attempt in range(RETRIES):
        try:
            response = session.head(url, allow_redirects=True, timeout=15)
            if response.status_code in (403, 405, 429) or response.status_code >= 500:
                response = session.get(url, allow_redirects=True, timeout=20, stream=True)
            if response.status_code < 400:
                return None
            problem = f"HTTP {response.status_code}"
            if response.status_code in (404, 410):
                return problem
        except requests.RequestException as error:
            problem = type(error).__name__
        time.sleep(2 ** attempt)
    return problem


def main(argv: list[str]) -> int:
    with built_site() as site:
        links = external_links(site)
    if not online(links):
        print("External links: offline, skipped.")
        return 0
    cache = json.loads(CACHE.read_text()) if CACHE.exists() else {}
    session = requests.Session()
    session.headers["User-Agent"] = "HopeForDystonia-LinkCheck/1.0 (+https://www.hopefordystonia.com/)"
    dead = {}
    for url in sorted(links):
        if time.time() - cache.get(url, 0) < CACHE_SECONDS:
            continue
        problem = check(url, session)
        if problem is None:
            cache[url] = time.time()
        else:
            dead[url] = problem
            cache.pop(url, None)
    CACHE.parent.mkdir(exist_ok=True)
    CACHE.write_text(json.dumps(cache, indent=1, sort_keys=True))
    print(f"External links: {len(links)} checked, {len(dead)} dead.")
    for url, problem in dead.items():
        print(f"  - {url} ({problem}), linked from: {', '.join(sorted(links[url]))}")
    return 1 if dead and "--strict" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
