"""Links to other sites tell them nothing: rel="noopener noreferrer" on each, so the
other site learns neither which page the reader came from nor gets a handle on the
window. Applied to every page's content and to the excerpts of the blog's lists."""

from __future__ import annotations

import re

from hfd.page_scripts import names_another_host

_LINK = re.compile(r"<a\b([^>]*)>", re.I)
_HREF = re.compile(r"""\bhref\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_REL = re.compile(r"""\brel\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_PRIVATE = ("noopener", "noreferrer")


def private_links(html: str, own_hosts: tuple[str, ...]) -> str:
    """Each link to a host not among `own_hosts` (hfd.page_scripts.own_hosts), as a
    browser reads its address ("http:host" too), made private."""
    return _LINK.sub(lambda link: _private(link, own_hosts), html)


def _private(link: re.Match, own_hosts: tuple[str, ...]) -> str:
    attributes = link[1]
    href = _HREF.search(attributes)
    if not (href and names_another_host(href[2], own_hosts)):
        return link[0]
    rel = _REL.search(attributes)
    if rel is None:
        return f'<a{attributes} rel="{" ".join(_PRIVATE)}">'
    values = rel[2].split()
    values += [value for value in _PRIVATE if value not in values]
    return f"<a{attributes[:rel.start()]}rel={rel[1]}{' '.join(values)}{rel[1]}{attributes[rel.end():]}>"
