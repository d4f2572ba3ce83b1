"""Links: every internal link, image and anchor of the built site resolves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.site_pages import html_pages, soup, url_of
from tests.static_server import serve

# LinkChecker waits 0.1-0.6 s between two requests to a host unless the host answers
# with a "LinkChecker" header; the local host does, and is then asked as fast as this.
LINKCHECKER_CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern=0
ignorewarnings=http-empty-content
[AnchorCheck]
"""


def test_linkchecker_finds_no_broken_link_or_anchor(site, tmp_path):
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG)
    # Start from every page, so generated pages nobody links to are checked too.
    linkchecker = Path(sys.executable).with_name("linkchecker")
    with serve(site, headers={"LinkChecker": "a local host"}) as site_url:
        start = [site_url + url_of(page) for page in html_pages(site)]
        result = subprocess.run(
            [str(linkchecker), "--config", str(config), "--no-status",
             "--ignore-url=^mailto:", *start],
            capture_output=True, text=True, timeout=600,
        )
    assert result.returncode == 0, result.stdout + result.stderr
    # A missing anchor is a LinkChecker warning: it counts as a failure here.
    assert "0 warnings found" in result.stdout and "0 errors found" in result.stdout, result.stdout


def test_404_page_links_resolve_from_any_depth(site):
    # The 404 page is served at any address, so its links must be absolute paths.
    for link in soup(site, "404.html").select("a[href], link[href], script[src], img[src]"):
        target = link.get("href") or link.get("src")
        if target.startswith(("http", "mailto:", "#")):
            continue
        assert target.startswith("/"), target
