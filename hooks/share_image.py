"""The picture shown when a page is shared: the page's own `image:`, or the site's.

Each page gets `share_image` in its template context (partials/social-meta.html and
partials/structured-data.html read it): the full address of the published picture
(resized by hooks/images.py when it is a large photo), its size and its description.

`image:` is taken out of the page's meta once it is read: mkdocs-rss-plugin would
otherwise turn it into an `<enclosure>` whose size it cannot know (the published file
is not the file in docs/), which RSS 2.0 does not allow.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hfd.pictures import published_picture

_files: dict = {"files": None}


@event_priority(-100)  # once every file is in place (pictures included)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _files["files"] = files
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    path = page.meta.pop("image", None)
    if path:
        page.meta["share_image"] = _picture(str(path), str(page.meta.get("image_alt") or ""),
                                            config, source=f"docs/{page.file.src_uri}")


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    context["share_image"] = page.meta.get("share_image") or site_picture(config)
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    context["share_image"] = site_picture(config)
    return context


def site_picture(config: MkDocsConfig) -> dict:
    social = config.extra["social_image"]
    return _picture(social["path"], social["alt"], config, source="mkdocs.yml (extra.social_image)")


def _picture(path: str, alt: str, config: MkDocsConfig, *, source: str) -> dict:
    file = _files["files"].get_file_from_path(path.lstrip("/")) if _files["files"] else None
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
