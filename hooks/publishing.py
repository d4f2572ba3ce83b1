"""What is published: posts that are not drafts and whose day has come, where the
practice is.

- A post with `draft: true`, or dated after today in the site's time zone
  (`extra.time_zone`), is not part of the published site: `mkdocs build` leaves it
  out before the blog plugin sees it, so it is in no page, list, feed, sitemap or
  search index. The daily publishing run puts a scheduled post online on its day.
- `make serve` shows every post; the unpublished ones are marked "Draft" in their
  byline (partials/byline.html reads `page.meta.unpublished`).
- A link or redirect from a published page to an unpublished post would expose its
  address and lead readers to "page not found": the build stops, naming both files.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hfd.blog import is_post, post_address, unpublished_reason
from hfd.front_matter import read_front_matter
from hfd.site_time import now, site_zone


@dataclass(frozen=True)
class Unpublished:
    source: str   # docs-relative path of the post
    url: str      # the address it would have, e.g. "blog/my-post/"
    reason: str   # why it is not published, in the author's words


_state: dict = {"command": "build", "unpublished": {}}
_LINK = re.compile(r"""\s(?:href|src)\s*=\s*(["'])(.*?)\1""", re.I | re.S)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    _state["command"] = command


@event_priority(-10)  # after the front matter checks (0), before the blog plugin reads posts (-50)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    unpublished = {post.source: post for post in _unpublished_posts(files, config)}
    _state["unpublished"] = unpublished
    if _state["command"] != "serve":
        for file in list(files.documentation_pages()):
            if file.src_uri in unpublished:
                files.remove(file)
    _refuse_redirects_to(unpublished, config)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    page.meta["unpublished"] = page.file.src_uri in _state["unpublished"]


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    if page.file.src_uri in _state["unpublished"]:
        return  # a draft may link to another draft
    problems = [
        f"  - docs/{page.file.src_uri} links to docs/{post.source}, which is not published "
        f"({post.reason}). Remove the link until that post is published."
        for post in _linked_unpublished(html, page)
    ]
    if problems:
        raise PluginError("A published page must not link to an unpublished post:\n"
                          + "\n".join(dict.fromkeys(problems)))


# -----------------------------------------------------------------------------
# The unpublished posts
# -----------------------------------------------------------------------------


def _unpublished_posts(files: Files, config: MkDocsConfig):
    zone = site_zone(config.extra)
    moment = now(zone)
    for file in files.documentation_pages():
        if not is_post(file, config):
            continue
        meta, problem = read_front_matter(file.abs_src_path)
        reason = None if problem else unpublished_reason(meta, zone, moment)
        if reason:
            yield Unpublished(file.src_uri, post_address(file, config), reason)


# -----------------------------------------------------------------------------
# Links and redirects to unpublished posts
# -----------------------------------------------------------------------------


def _linked_unpublished(html: str, page: Page):
    unpublished = _state["unpublished"]
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


def _refuse_redirects_to(unpublished: dict[str, Unpublished], config: MkDocsConfig) -> None:
    redirects = config.plugins.get("redirects")
    maps = redirects.config.get("redirect_maps", {}) if redirects else {}
    problems = [
        f"  - mkdocs.yml redirects {old} to docs/{new.split('#')[0]}, which is not published "
        f"({unpublished[new.split('#')[0]].reason}). Remove the redirect until it is."
        for old, new in maps.items()
        if str(new).split("#")[0] in unpublished
    ]
    if problems:
        raise PluginError("A redirect must not lead to an unpublished post:\n" + "\n".join(problems))
