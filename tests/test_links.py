"""Links: every internal link, image, stylesheet address and anchor of the built site
resolves. Read from the built files on every page of every build; LinkChecker, a link
checker of its own over a local host, agrees on one page of each kind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.site_links import broken_addresses
from tests.site_pages import soup
from tests.static_server import serve

SITE_URL = "https://www.example.org/"


def test_every_address_of_every_page_and_stylesheet_resolves(site, source):
    problems = broken_addresses(site, source.config.site_url)
    assert not problems, "\n" + "\n".join(problems)


# What the resolver must find, in a site of two files: (the page's markup, or a
# stylesheet's when it begins with "css:", the text its problem holds); None where
# the address is fine.
FOUND = {
    "missing-page": ('<a href="../nowhere/">x</a>', "<a href='../nowhere/'>: no such file"),
    "missing-anchor": ('<a href="/#nowhere">x</a>', "index.html has no #nowhere"),
    "anchor-of-this-page": ('<a href="#nowhere">x</a>', "page/index.html has no #nowhere"),
    "missing-image": ('<img src="photo.webp" alt="">', "<img src='photo.webp'>: no such file"),
    "missing-candidate": ('<img src="/a.css" srcset="/a.css 1x, b-2x.webp 2x" alt="">',
                          "<img srcset=…'b-2x.webp'…>: no such file"),
    "missing-script": ('<script src="/app.js"></script>', "no such file"),
    "missing-stylesheet": ('<link rel="stylesheet" href="/b.css">', "no such file"),
    "redirect-to-nowhere": ('<meta http-equiv="refresh" content="0; url=../gone/">', "refresh url='../gone/'"),
    "style-attribute": ('<div style="background: url(/bg.png)"></div>', "url('/bg.png')"),
    "style-element": ("<style>p { background: url('bg.png') }</style>", "url('bg.png')"),
    "stylesheet": ("css:p { background: url(../bg.png) }", "a.css: url('../bg.png'): no such file"),
    "own-host-in-full": (f'<link rel="canonical" href="{SITE_URL}old-page/">', "no such file"),
    "svg-use": ('<svg><use href="/icons.svg#x"></use></svg>', "no such file"),
    "fine-anchor": ('<a href="/#top" id="x">x</a><a href="#x">y</a>', None),
    "fine-folder": ('<a href="..">x</a><a href="/page">y</a><a href="./">z</a>', None),
    "fine-encoded": ('<a href="/caf%C3%A9.css">x</a><a href="/#caf%C3%A9">y</a>', None),
    "fine-elsewhere": ('<a href="https://example.com/x">x</a><a href="mailto:a@b.c">y</a>'
                       '<img src="data:image/gif;base64,R0lGOD" alt="">', None),
}


@pytest.mark.parametrize("case", FOUND)
def test_the_link_check_finds_each_kind_of_broken_address_and_accepts_working_ones(tmp_path, case):
    markup, expected = FOUND[case]
    (tmp_path / "page").mkdir()
    (tmp_path / "index.html").write_text('<html><body><p id="top">Home</p><p id="café">x</p></body></html>')
    (tmp_path / "a.css").write_text(markup.removeprefix("css:") if markup.startswith("css:") else "")
    (tmp_path / "café.css").write_text("")
    page = "" if markup.startswith("css:") else markup
    (tmp_path / "page/index.html").write_text(f"<html><head></head><body>{page}</body></html>")
    problems = broken_addresses(tmp_path, SITE_URL)
    if expected is None:
        assert problems == []
    else:
        assert len(problems) == 1 and expected in problems[0], problems


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


def test_linkchecker_finds_no_broken_link_or_anchor_on_one_page_of_each_kind(sample_pages, tmp_path):
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG)
    linkchecker = Path(sys.executable).with_name("linkchecker")
    for variant in dict.fromkeys(page.built.variant for page in sample_pages):
        pages = [page for page in sample_pages if page.built.variant == variant]
        with serve(pages[0].built.site, headers={"LinkChecker": "a local host"}) as site_url:
            # Each page's links, and the anchors they name on the pages they lead to.
            start = [site_url + page.address for page in pages]
            result = subprocess.run(
                [str(linkchecker), "--config", str(config), "--no-status", "--recursion-level=1",
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
