"""What is published: posts that are not drafts and whose day has come where the
practice is (hfd.blog.unpublished_reason); and the links and redirects that would
lead a reader to one that is not."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from hfd.blog import is_post, post_address, unpublished_reason
from hfd.front_matter import read_front_matter
from hfd.site_time import now, site_zone

_LINK = re.compile(r"""\s(?:href|src)\s*=\s*(["'])(.*?)\1""", re.I | re.S)


@dataclass(frozen=True)
class Unpublished:
    source: str   # docs-relative path of the post
    url: str      # the address it would have, e.g. "blog/my-post/"
    reason: str   # why it is not published, in the author's words


# This build's unpublished posts, {source: Unpublished}: found by hooks/blog.py (on_files)
# and left out of the site; read too by the checks that meet a link to one once it is
# gone (hfd.disclaimer), to say that it is unpublished rather than missing.
THIS_BUILD: dict[str, Unpublished] = {}


def unpublished_posts(files: Files, config: MkDocsConfig):
    zone = site_zone(config.extra)
    moment = now(zone)
    for file in files.documentation_pages():
        if not is_post(file, config):
            continue
        meta, problem = read_front_matter(file.abs_src_path)
        reason = None if problem else unpublished_reason(meta, zone, moment)
        if reason:
            yield Unpublished(file.src_uri, post_address(file, config), reason)


def linked_unpublished(html: str, page, unpublished: dict[str, Unpublished]):
    """The unpublished posts that `page`'s HTML links to."""
    by_address = {"/" + unquote(post.url).rstrip("/"): post for post in unpublished.values()}
    for match in _LINK.finditer(html):
        parts = urlsplit(match[2].strip())
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = unquote(parts.path)
        if path.endswith(".md"):  # a Markdown link MkDocs could not resolve
            base = "" if path.startswith("/") else posixpath.dirname(page.file.src_uri)
            source = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
            if source in unpublished:
                yield unpublished[source]
        else:  # an address written by hand
            address = posixpath.normpath(posixpath.join("/" + page.url, path))
            address = address.removesuffix("/index.html").rstrip("/")
            if address in by_address:
                yield by_address[address]


def redirects_to_unpublished(unpublished: dict[str, Unpublished], config: MkDocsConfig) -> list[str]:
    """A line for each redirect (extra.redirects) that leads to an unpublished post."""
    return [
        f"  - mkdocs.yml redirects {old} to docs/{new.split('#')[0]}, which is not published "
        f"({unpublished[new.split('#')[0]].reason}). Remove the redirect until it is."
        for old, new in (config.extra.get("redirects") or {}).items()
        if str(new).split("#")[0] in unpublished
    ]


def nav_to_unpublished(unpublished: dict[str, Unpublished], config: MkDocsConfig) -> list[str]:
    """A line for each entry of mkdocs.yml's `nav:` that names an unpublished post."""
    return [
        f"  - mkdocs.yml nav lists {path}, which is not published ({unpublished[path].reason}). "
        "Take it out of nav until it is."
        for path in dict.fromkeys(_nav_files(config.nav)) if path in unpublished
    ]


def _nav_files(entry) -> list[str]:
    """The files named by a `nav:` entry and the entries under it."""
    if isinstance(entry, str):
        return [posixpath.normpath(entry.split("#")[0])]
    children = entry.values() if isinstance(entry, dict) else entry if isinstance(entry, list) else []
    return [path for child in children for path in _nav_files(child)]


def shared_addresses(files: Files, unpublished: dict[str, Unpublished], config: MkDocsConfig) -> list[str]:
    """A line for each unpublished post at the address of a published page: left out, it
    would seem the target of every link to that page; published, two pages would share
    the address."""
    waiting = {post.url: post for post in unpublished.values()}
    problems = []
    for file in files.documentation_pages() if waiting else []:
        if file.src_uri in unpublished:
            continue
        post = waiting.get(post_address(file, config) if is_post(file, config) else file.url)
        if post:
            problems.append(f"  - docs/{post.source} (not published: {post.reason}) and docs/{file.src_uri} "
                            f"would both be /{post.url}; give docs/{post.source} its own `slug:`.")
    return problems
