"""What is published: posts that are not drafts and whose day has come where the
practice is (hfd.blog.unpublished_reason), and the pictures published pages use; and
the links and redirects that would lead a reader to one that is not."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from hfd.blog import is_post, post_address, unpublished_reason
from hfd.front_matter import read_front_matter
from hfd.published_files import PICTURES
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


def linked_unpublished(html: str, page, unpublished: dict[str, Unpublished], site_url: str = ""):
    """The unpublished posts that `page`'s HTML links to, by a relative address or by a
    full one on the site (`site_url`, with or without "www.", http or https)."""
    by_address = {"/" + unquote(post.url).rstrip("/"): post for post in unpublished.values()}
    site = urlsplit(site_url)
    for match in _LINK.finditer(html):
        parts = urlsplit(match[2].strip())
        if parts.scheme or parts.netloc:
            if not (parts.scheme in ("http", "https", "") and _same_host(parts.hostname, site.hostname)
                    and parts.path.startswith(site.path.rstrip("/") + "/")):
                continue
            parts = parts._replace(path="/" + parts.path[len(site.path.rstrip("/")) + 1:])
        if not parts.path:
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


def _same_host(host: str | None, site_host: str | None) -> bool:
    return bool(host and site_host) and host.removeprefix("www.") == site_host.removeprefix("www.")


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


# A picture's address as written in a page (Markdown, HTML, CSS or front matter); with
# spaces only between Markdown's angle brackets, ![A photo](<my photo.jpg>).
_SUFFIX = "|".join(re.escape(kind) for kind in PICTURES)
_PICTURE_PATH = re.compile(rf"""(?<=<)[^<>\n]+(?:{_SUFFIX})(?=>)|[^\s"'()<>\[\]=]+(?:{_SUFFIX})\b""", re.I)


def pictures_only_for(unpublished: dict[str, Unpublished], files: Files, config: MkDocsConfig) -> list:
    """The pictures in docs/ that unpublished posts show and nothing published names:
    they stay unpublished with them. Kept if any published page, stylesheet, script or
    template, or mkdocs.yml (a shared picture, the logo) names it."""
    docs = Path(config.docs_dir).resolve()
    pictures = {file.src_uri: file for file in files.media_files()
                if file.src_uri.lower().endswith(PICTURES)}
    shown = set().union(*(_named(docs / source, posixpath.dirname(source), pictures) for source in unpublished))
    if not shown:
        return []
    published = [(Path(file.abs_src_path), posixpath.dirname(file.src_uri)) for file in files
                 if file.src_uri not in unpublished and file.src_uri.endswith((".md", ".html", ".css", ".js"))
                 and file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs)]
    published += [(Path(config.config_file_path), "")] if config.config_file_path else []
    templates = sorted(Path(config.theme.custom_dir).rglob("*.html")) if config.theme.custom_dir else []
    published += [(path, "") for path in templates]
    used = set().union(*(_named(path, folder, pictures) for path, folder in published))
    return [pictures[source] for source in sorted(shown - used)]


def _named(path: Path, folder: str, pictures: dict) -> set[str]:
    """The pictures (files of docs/) the file at `path`, in `folder` of docs/, names:
    relative to its folder, or to docs/."""
    found = set()
    for written in _PICTURE_PATH.findall(path.read_text(encoding="utf-8", errors="replace")):
        address = unquote(written).lstrip("/")
        found |= {posixpath.normpath(posixpath.join(folder, address)), posixpath.normpath(address)} & pictures.keys()
    return found
