"""Read the built site: its pages, parsed, and what they say."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin

from bs4 import BeautifulSoup

from hfd.editor import is_editor_page


def html_pages(site: Path) -> list[str]:
    """Site-relative paths of every page the build wrote for readers: redirect pages and
    the author's editor (hfd.editor, tests/test_editor.py) aside."""
    return [page for page in _all_html(site) if not _is_redirect(site / page)
            and not is_editor_page(page, (site / page).read_text(encoding="utf-8"))]


def redirect_pages(site: Path) -> list[str]:
    """Site-relative paths of the pages that only send the reader to a new address."""
    return [page for page in _all_html(site) if _is_redirect(site / page)]


def _all_html(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def _is_redirect(path: Path) -> bool:  # a real element, not words in a comment or a title
    return ('http-equiv="refresh"' in path.read_text(encoding="utf-8")
            and _parse(path).find("meta", attrs={"http-equiv": "refresh"}) is not None)


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


def differences(left: Path, right: Path) -> list[str]:
    """The files that differ between two built sites, or that only one has."""
    import filecmp

    comparison = filecmp.dircmp(left, right)
    found = [*comparison.left_only, *comparison.right_only]
    found += [name for name in comparison.common_files
              if not filecmp.cmp(left / name, right / name, shallow=False)]
    for name in comparison.common_dirs:
        found += [f"{name}/{inner}" for inner in differences(left / name, right / name)]
    return found


def newest_post(site: Path) -> str | None:
    """The address of the newest article, as the home page lists it first."""
    link = soup(site, "index.html").select_one(".hfd-latest__link")
    return urljoin("/", link["href"]).lstrip("/") if link else None


# -- One page of each kind, for the checks that drive a browser ------------------------


def page_features(site: Path, page: str) -> frozenset[str]:
    """What a page is made of, as far as a reader's browser is concerned: every class
    on it (its template's parts: teasers, byline, pagination...) and every kind of
    element in its content (figure, picture, table, iframe...)."""
    import lxml.html

    tree = lxml.html.fromstring((site / page).read_bytes())
    found = {f"class {name}" for value in tree.xpath("//@class") for name in value.split()}
    found |= {f"<{element.tag}>" for element in
              tree.xpath("//*[contains(concat(' ', @class, ' '), ' md-content ')]//*")
              if isinstance(element.tag, str)}
    return frozenset(found)


TEMPLATE_KINDS = ("home", "articles page", "newest article", "consultation page", "404 page")


def one_page_of_each_template(site: Path, config) -> dict[str, str]:
    """{page: its kind}: the home page, the articles page, the newest article, the
    consultation page and the 404 page (those the site has)."""
    newest = newest_post(site)
    pages = ["index.html", "blog/index.html", unquote(newest) + "index.html" if newest else None,
             config.extra["booking"]["consultation_page"] + "index.html", "404.html"]
    return {page: kind for page, kind in zip(pages, TEMPLATE_KINDS) if page in html_pages(site)}


def one_page_of_each_kind(site: Path, config, only: list[str] | None = None) -> dict[str, str]:
    """{page: why it was chosen}: one page of each template, then, one at a time, the
    page that shows most of what none of the chosen pages shows yet, until together
    they show every class and every kind of content element of the site. Their number
    grows with the kinds of page and content the site has, not with the number of
    articles."""
    chosen = {page: kind for page, kind in one_page_of_each_template(site, config).items()
              if only is None or page in only}
    if only is not None:
        return chosen
    pages = html_pages(site)
    features = {page: page_features(site, page) for page in pages}
    shown = set().union(*(features[page] for page in chosen))
    while True:
        new = {page: features[page] - shown for page in pages if page not in chosen}
        best = max(sorted(new), key=lambda page: len(new[page]), default=None)
        if best is None or not new[best]:
            return chosen
        chosen[best] = "shows " + ", ".join(sorted(name.removeprefix("class ") for name in new[best])[:4])
        shown |= new[best]
