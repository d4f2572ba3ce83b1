"""Every address the built site's pages and stylesheets lead to or fetch, resolved against
the built files as a static host serves them (a folder's address is its index.html):
read from the files, so it covers every page of every build in milliseconds a page."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import tinycss2

from hfd.css_fetches import fetched
from hfd.page_scripts import REFRESH_URL

# Attributes whose value is one address a browser follows or fetches (HTML's own list).
ADDRESS_ATTRIBUTES = ("href", "src", "poster", "data", "action", "formaction", "cite", "longdesc",
                      "background", "xlink:href", "{http://www.w3.org/1999/xlink}href")
# Attributes whose value is a list of "address size" candidates.
CANDIDATE_ATTRIBUTES = ("srcset", "imagesrcset")
_LEFT_ALONE = ("mailto:", "tel:", "data:", "blob:", "about:")
_UTF8 = lxml.html.HTMLParser(encoding="utf-8")  # as the site's pages say they are


def broken_addresses(site: Path, site_url: str) -> list[str]:
    """"page: <tag attr='address'>: what is missing" for every address of the site's HTML
    pages and stylesheets (other hosts aside) that names no file, or a part of a page
    (#anchor) that the page does not have. Addresses written in full with the site's own
    host (canonical links, the feeds' links in <head>) are the site's and resolved too."""
    own = urlsplit(site_url or "")
    problems = []
    for file in sorted(site.rglob("*")):
        name = file.relative_to(site).as_posix()
        if file.suffix == ".html":
            found = _page_addresses(file)
        elif file.suffix == ".css":
            found = (("url({})", address) for address in
                     fetched(tinycss2.parse_stylesheet(file.read_text(encoding="utf-8"), skip_comments=True)))
        else:
            continue
        for where, address in found:
            missing = _missing(site, "/" + name, address, own)
            if missing:
                problems.append(f"{name}: {where.format(repr(address))}: {missing}")
    return problems


def _page_addresses(file: Path):
    """(where, address) for every address in the page: attributes, the refresh of a
    redirect page, and styles (<style>, style=)."""
    tree = lxml.html.fromstring(file.read_bytes(), parser=_UTF8)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in ADDRESS_ATTRIBUTES:
            if element.get(attribute) is not None:
                yield f"<{element.tag} {attribute}={{}}>", element.get(attribute).strip()
        for attribute in CANDIDATE_ATTRIBUTES:
            for candidate in (element.get(attribute) or "").split(","):
                if candidate.strip():
                    yield f"<{element.tag} {attribute}=…{{}}…>", candidate.split()[0]
        if element.tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            yield "<meta http-equiv=refresh url={}>", REFRESH_URL.match(element.get("content") or "")[1].strip()
        if element.get("style"):
            yield from ((f"<{element.tag} style=…url({{}})…>", address) for address in
                        fetched(tinycss2.parse_blocks_contents(element.get("style"))))
        if element.tag == "style" and element.text:
            yield from (("<style>…url({})…</style>", address) for address in
                        fetched(tinycss2.parse_stylesheet(element.text, skip_comments=True)))


def _missing(site: Path, base: str, address: str, own) -> str | None:
    """What `address`, written in the file at `base`, fails to reach; None if it is
    fine or is another host's."""
    if not address or address.lower().startswith(_LEFT_ALONE):
        return None
    parts = urlsplit(urljoin(base, address))
    if parts.scheme in ("http", "https") or parts.netloc:
        if (parts.scheme, parts.netloc) != (own.scheme, own.netloc) or not own.netloc:
            return None  # another host's: tests/test_tools.py
        if not parts.path.startswith(own.path or "/"):
            return "outside the site's address"
        path = "/" + parts.path.removeprefix(own.path or "/")
    elif parts.scheme:
        return f"a {parts.scheme}: address"
    else:
        path = parts.path
    target = site / unquote(path).lstrip("/")
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return "no such file"
    fragment = unquote(parts.fragment)
    if fragment and not fragment.startswith(":~:") and target.suffix == ".html" \
            and fragment not in _anchors(target):
        return f"{target.relative_to(site).as_posix()} has no #{fragment}"
    return None


@lru_cache(maxsize=None)
def _anchors(page: Path) -> frozenset[str]:
    tree = lxml.html.fromstring(page.read_bytes(), parser=_UTF8)
    return frozenset(tree.xpath("//@id") + tree.xpath("//a/@name"))
