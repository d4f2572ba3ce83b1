"""Privacy: the site loads nothing from any other host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tests.site_pages import html_pages, soup

SITE_HOST = "www.hopefordystonia.com"
FETCHING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
            "audio": "src", "embed": "src", "object": "data", "input": "src"}
FETCHING_LINK_RELS = {"stylesheet", "preconnect", "dns-prefetch", "preload", "prefetch",
                      "icon", "modulepreload", "manifest"}


def _external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.netloc != SITE_HOST


def test_no_page_fetches_anything_from_another_host(site):
    for page in html_pages(site):
        html = soup(site, page)
        for tag, attribute in FETCHING.items():
            for element in html.find_all(tag):
                assert not _external(element.get(attribute, "")), f"{page}: {element}"
        for link in html.find_all("link"):
            if FETCHING_LINK_RELS & set(link.get("rel", [])):
                assert not _external(link["href"]), f"{page}: {link}"


def test_no_google_fonts_or_analytics(site):
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css"):
            text = path.read_text(encoding="utf-8")
            assert "fonts.googleapis.com" not in text, path
            assert "fonts.gstatic.com" not in text, path
            assert "googletagmanager" not in text, path


def test_stylesheets_import_nothing_from_another_host(site):
    for path in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8")):
            assert not _external(url), f"{path}: {url}"
