"""Hand the newest blog posts to the home page template (overrides/home.html)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

DEFAULT_COUNT = 5


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    if page.is_homepage:
        blog = config.plugins.get("material/blog")
        count = config.extra.get("home", {}).get("latest_posts", DEFAULT_COUNT)
        # The blog plugin keeps its posts sorted newest first (pinned posts on top).
        context["latest_posts"] = blog.blog.posts[:count] if blog else []
    return context
