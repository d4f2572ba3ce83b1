"""Every page has its own description, for search engines and shared links.

- A blog post must say what it is about in front matter (`description:`): the build
  stops, naming the file, when one has none.
- Pages the blog plugin generates (archive, categories, later pages of a list) get a
  description from their title, instead of all sharing the site's.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> None:
    if _is_post(page, config) and not str(page.meta.get("description") or "").strip():
        raise PluginError(
            f"docs/{page.file.src_uri}: add a `description:` to its front matter, one or "
            "two sentences that say what the article is about (search engines and feed "
            "readers show it)."
        )


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    if page.file.generated_by:
        parts = page.url.rstrip("/").split("/")
        number = f", page {parts[-1]}" if len(parts) > 1 and parts[-2] == "page" else ""
        # A later page of a list may share its meta with the first: give it its own.
        page.meta = {**page.meta, "description": f"Articles from {config.site_name}: "
                     f"{page.title}{number}."}
    return context


def _is_post(page: Page, config: MkDocsConfig) -> bool:
    blog = config.plugins.get("material/blog")
    posts_dir = blog.config.post_dir.format(blog=blog.config.blog_dir) if blog else None
    return bool(posts_dir) and page.file.src_uri.startswith(posts_dir + "/")
