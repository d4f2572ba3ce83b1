"""Read the built site: its pages, parsed, and what they say."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup


def html_pages(site: Path) -> list[str]:
    """Site-relative paths of every HTML page the build wrote."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@lru_cache(maxsize=None)
def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def soup(site: Path, page: str) -> BeautifulSoup:
    return _parse(site / page)


def url_of(page: str) -> str:
    """The address a reader uses for a page written to `page`."""
    return page.removesuffix("index.html")


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())
