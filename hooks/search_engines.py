"""Found, shared and cited correctly: each page's description and share picture, old
addresses that still lead somewhere, and robots.txt. (Titles, Open Graph cards and
JSON-LD are written by the templates: overrides/main.html and its partials.)

Steps, in build order:
1. on_files: a page for each old address in `extra.redirects`, and for the former
   address of each post whose title has letters beyond ASCII and no `slug:` (hfd.blog:
   /blog/distonía/ before addresses were made plain), drawn with the site's own
   template (overrides/redirect-page.html: the new address, the disclaimer, the
   call-to-action); its target must be a page of the site. These are the only pages
   that may send readers on (hfd.templates.redirect_pages, checked by hooks/privacy.py).
2. on_page_markdown: a page's `image:` becomes its share picture (`share_image`, full
   address and published size, hfd.pictures); taken out of the page's meta so that
   mkdocs-rss-plugin makes no `<enclosure>` it cannot size.
3. on_page_context: the blog's generated lists get a description (and a page number)
   of their own; every page gets `share_image` (its own, or the site's card).
4. on_post_build: robots.txt, pointing to the sitemap.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hfd.blog import former_addresses, posts_dir
from hfd.front_matter import read_front_matter, share_image_path
from hfd.pictures import published_picture
from hfd.templates import REDIRECT_TEMPLATE, redirect_pages

_files: dict = {"files": None}

# -----------------------------------------------------------------------------
# Hooks, in the order they run
# -----------------------------------------------------------------------------


@event_priority(-90)  # once posts have their addresses (-50) and pictures their files (-60)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _files["files"] = files
    redirects = {**former_addresses(config), **(config.extra.get("redirects") or {})}
    redirect_pages.clear()
    for old, new in redirects.items():
        files.append(redirect_page(old, str(new), files, config))
    return files


@event_priority(-10)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    path = page.meta.pop("image", None)
    if path:
        page.meta["share_image"] = _picture(share_image_path(str(path)), str(page.meta.get("image_alt") or ""),
                                            config, source=f"docs/{page.file.src_uri}")


@event_priority(0)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    if page.file.generated_by == "material/blog":
        parts = page.url.rstrip("/").split("/")
        number = parts[-1] if len(parts) > 1 and parts[-2] == "page" else None
        suffix = f", page {number}" if number else ""
        # A later page of a list may share its meta with the first: give it its own.
        # `list_page` also gives it its own <title> (overrides/main.html).
        page.meta = {**page.meta, "list_page": number,
                     "description": f"Articles from {config.site_name}: {page.title}{suffix}."}
    context["share_image"] = page.meta.get("share_image") or site_picture(config)
    return context


@event_priority(0)
def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    context["share_image"] = site_picture(config)
    return context


@event_priority(-20)
def on_post_build(config: MkDocsConfig) -> None:
    sitemap = (config.site_url or "/").rstrip("/") + "/sitemap.xml"
    (Path(config.site_dir) / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n", encoding="utf-8"
    )


# -----------------------------------------------------------------------------
# Steps
# -----------------------------------------------------------------------------


def redirect_page(old: str, new: str, files: Files, config: MkDocsConfig) -> File:
    """A page at the old address `old` (a Markdown file name) that sends readers to the
    page whose file is `new`."""
    target_path, _, fragment = new.partition("#")
    target = files.get_file_from_path(target_path)
    where = f"mkdocs.yml (extra.redirects) '{old}: {new}'"
    if not old.endswith(".md") or old.startswith("/") or posixpath.normpath(old) != old or old.startswith(".."):
        raise PluginError(f"{where}: the old address must be written as a Markdown file name, "
                          "e.g. post/old-article.md for /post/old-article/.")
    posts = posts_dir(config)
    if posts and old.startswith(posts.rstrip("/") + "/"):  # the blog and the feeds would read it as a post
        raise PluginError(f"{where}: the articles' files are in docs/{posts}/, which holds no old addresses; "
                          "write the address readers knew as a file name, e.g. blog/old-article.md for "
                          "/blog/old-article/.")
    if target is None or not target.is_documentation_page():
        raise PluginError(f"{where}: docs/{target_path} is not a page of the site; write the "
                          "new page's file, e.g. blog/posts/my-article.md.")
    if fragment and not re.fullmatch(r"[\w.-]+", fragment):
        raise PluginError(f"{where}: '#{fragment}' is not the address of a heading; write the part "
                          "after # as the heading's own link shows it, e.g. #what-helps.")
    if files.get_file_from_path(old) is not None:
        raise PluginError(f"{where}: docs/{old} is a page of its own; an address cannot be both.")
    meta, _problem = read_front_matter(target.abs_src_path)
    title = str(meta.get("title") or "its new address")
    link = get_relative_url(target.src_uri, old) + (f"#{fragment}" if fragment else "")
    content = (
        "---\n"
        f"title: {_yaml_text('Moved: ' + title)}\n"
        f"description: {_yaml_text('This page has moved to ' + title + '.')}\n"
        f"template: {REDIRECT_TEMPLATE}\n"
        f"redirect_to: {_yaml_text(target.url + ('#' + fragment if fragment else ''))}\n"
        "search:\n  exclude: true\n"
        "---\n\n"
        "# This page has moved\n\n"
        f"It is now at [{title.replace('[', '').replace(']', '')}]({link}).\n"
    )
    page = File.generated(config, old, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    redirect_pages[page.dest_uri] = target.url  # the only pages that may send readers on
    return page


def site_picture(config: MkDocsConfig) -> dict:
    social = config.extra["social_image"]
    return _picture(social["path"], social["alt"], config, source="mkdocs.yml (extra.social_image)")


def _picture(path: str, alt: str, config: MkDocsConfig, *, source: str) -> dict:
    file = _files["files"].get_file_from_path(posixpath.normpath(path.lstrip("/"))) if _files["files"] else None
    if file is None:
        raise PluginError(f"{source}: the picture '{path}' is not a file in docs/ (the path "
                          "starts at docs/, e.g. assets/images/articles/my-article/cover.jpg).")
    picture = published_picture(file.url)
    return {
        "url": (config.site_url or "/").rstrip("/") + "/" + file.url,
        "alt": alt,
        "type": "image/png" if file.url.lower().endswith(".png") else "image/jpeg",
        "width": picture.width if picture else None,
        "height": picture.height if picture else None,
    }


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
