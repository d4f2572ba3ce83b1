"""Read the built site: its pages, parsed, and what they say."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup


def html_pages(site: Path) -> list[str]:
    """Site-relative paths of every page the build wrote, redirect pages aside."""
    return [page for page in _all_html(site) if not _is_redirect(site / page)]


def redirect_pages(site: Path) -> list[str]:
    """Site-relative paths of the pages that only send the reader to a new address."""
    return [page for page in _all_html(site) if _is_redirect(site / page)]


def _all_html(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def _is_redirect(path: Path) -> bool:
    return '<meta http-equiv="refresh"' in path.read_text(encoding="utf-8")[:2000]


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


def newest_post(site: Path) -> str | None:
    """The address of the newest article, as the home page lists it first."""
    from urllib.parse import urljoin

    link = soup(site, "index.html").select_one(".hfd-latest__link")
    return urljoin("/", link["href"]).lstrip("/") if link else None
