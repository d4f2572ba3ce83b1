"""The blog: what is published, and what each article and list shows.

Material's blog plugin makes the articles page, the posts, the archive and the
categories; this hook decides what is published and finishes what it shows.

Steps, in build order:
1. on_config: a post without `slug:` gets its address from its title in plain ASCII
   (hfd.slugs: "Distonía" is at /blog/distonia/), Material's own rule otherwise, so an
   ASCII title keeps the address it always had.
2. on_files, before the blog plugin reads the posts: a draft (`draft: true`) or a post
   dated after today where the practice is (`extra.time_zone`) is left out of the
   published site, so it is in no page, list, feed, sitemap or search index; the
   daily publishing run puts a scheduled post online on its day; so are the pictures
   only such posts show. `make serve` shows every post. A redirect or a nav entry to
   one that is not published stops the build, as does one at the address of a
   published page.
3. on_page_markdown: an unpublished post is marked "Draft" in the preview's byline; a
   post without a "# Title" line (the editor writes none) is given one, from its title.
4. on_page_content: a published page that links to an unpublished post stops the
   build, naming both.
5. on_page_context, just before the page's template: each post gets its byline
   (partials/byline.html) under its title; the home page the newest posts
   (partials/latest-posts.html); the teasers of the blog's lists, which the blog plugin
   renders from Markdown alone, what a post's page gets: pictures sized, credit lines
   (their links are made private with the whole page's, hooks/privacy.py).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hfd.blog import escape_markdown, has_title_line, is_post
from hfd.pictures import fit_images, mark_credits
from hfd.publishing import (THIS_BUILD, linked_unpublished, nav_to_unpublished, pictures_only_for,
                            redirects_to_unpublished, shared_addresses, unpublished_posts)
from hfd.slugs import is_default, post_slug

DEFAULT_LATEST_POSTS = 5
_state: dict = {"command": "build", "env": None}

# -----------------------------------------------------------------------------
# Hooks, in the order they run
# -----------------------------------------------------------------------------


@event_priority(0)
def on_startup(*, command: str, dirty: bool) -> None:
    _state["command"] = command


@event_priority(70)  # any time before the blog plugin gives posts their addresses (on_files, -50)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    blog = config.plugins.get("material/blog")
    if blog is not None and is_default(blog.config.post_slugify):  # mkdocs.yml names none
        blog.config.post_slugify = post_slug  # Material's internals: ARCHITECTURE.md
    return config


@event_priority(0)  # after the author's checks (10), before the blog plugin reads posts (-50)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    THIS_BUILD.clear()
    THIS_BUILD.update((post.source, post) for post in unpublished_posts(files, config))
    unpublished = THIS_BUILD
    problems = shared_addresses(files, unpublished, config)
    if problems:
        raise PluginError("Two pages would have the same address:\n" + "\n".join(problems))
    problems = redirects_to_unpublished(unpublished, config) + nav_to_unpublished(unpublished, config)
    if problems:
        raise PluginError("A redirect or a nav entry must not lead to an unpublished post:\n"
                          + "\n".join(problems))
    if _state["command"] != "serve":
        for file in pictures_only_for(unpublished, files, config):
            files.remove(file)
        for file in list(files.documentation_pages()):
            if file.src_uri in unpublished:
                files.remove(file)
    return files


def on_env(env, *, config: MkDocsConfig, files: Files):
    _state["env"] = env  # to render the byline with the theme's own templates
    return env


@event_priority(0)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    page.meta["unpublished"] = page.file.src_uri in THIS_BUILD
    if is_post(page.file, config) and not has_title_line(markdown):
        # Written in the editor: no "# Title" line. Given one, as a hand-written post's, it
        # has the same heading, skip link (Material's goes to the first heading) and byline.
        return f"# {escape_markdown(page.title)}\n\n{markdown}"
    return markdown


@event_priority(80)  # on the author's links, before the build adds its own
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    if page.file.src_uri not in THIS_BUILD:  # a draft may link to a draft
        problems = [
            f"  - docs/{page.file.src_uri} links to docs/{post.source}, which is not published "
            f"({post.reason}). Remove the link until that post is published."
            for post in linked_unpublished(html, page, THIS_BUILD, config.site_url or "")
        ]
        if problems:
            raise PluginError("A published page must not link to an unpublished post:\n"
                              + "\n".join(dict.fromkeys(problems)))


@event_priority(-110)  # once the blog plugin has rendered a list's teasers (-100), and
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:  # search read the page (0)
    if getattr(page, "authors", None) is not None and "</h1>" in page.content:
        page.content = page.content.replace("</h1>", "</h1>\n" + _byline(page, config), 1)
    if page.is_homepage:
        blog = config.plugins.get("material/blog")
        count = config.extra.get("home", {}).get("latest_posts", DEFAULT_LATEST_POSTS)
        # The blog plugin keeps its posts sorted newest first (pinned posts on top).
        context["latest_posts"] = blog.blog.posts[:count] if blog else []
    for excerpt in context.get("posts") or []:
        excerpt.content = fit_images(mark_credits(excerpt.content), page.url)  # links: hooks/privacy.py
    return context


# -----------------------------------------------------------------------------
# Steps
# -----------------------------------------------------------------------------


def _byline(page: Page, config: MkDocsConfig) -> str:
    """partials/byline.html for `page`, rendered as the page's own template would."""
    template = _state["env"].get_template("partials/byline.html")
    return template.render(page=page, config=config, base_url=get_relative_url(".", page.url))
