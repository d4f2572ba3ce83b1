"""The disclaimer: written once, in docs/disclaimer.md; shown, whole and visible, on
every page and in every feed item; or no build.

Steps, in build order:
1. on_config: read and render docs/disclaimer.md (a clear error if it is missing,
   not UTF-8, or not at least a sentence of words a reader can read); its visible
   text is what every check looks for.
2. on_files: resolve the links written in it, like any link of the site (a link to a
   page that does not exist stops the build).
3. on_page_context / on_template_context: each page gets `disclaimer_html`, its links
   relative to the page (partials/copyright.html puts it in the footer); the 404 page,
   served at any address, gets links from the site's root. (Feed items get it with
   full addresses from hooks/feeds.py.)
4. on_post_build, after everything is written: every page shows it and every feed
   item carries it, or the build stops naming each page and what hides it there
   (hfd.visible_text says what is visible; the tests judge what Chromium draws).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hfd import built_pages, disclaimer
from hfd.feed_files import feed_files, feed_items
from hfd.visible_text import visible_text

# -----------------------------------------------------------------------------
# Hooks, in the order they run
# -----------------------------------------------------------------------------


@event_priority(100)  # first: the disclaimer is what the checks look for
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    html = disclaimer.load(config)
    words = disclaimer.words_to_read(html)
    if len(words) < disclaimer.MIN_WORDS:
        raise PluginError(
            "The disclaimer must be at least a sentence a reader can read:\n"
            f"  - docs/{disclaimer.DISCLAIMER_SOURCE}: it has {len(words)} words of text outside "
            f"links ({disclaimer.MIN_WORDS} at least; invisible characters do not count); write "
            "the disclaimer paragraph below its front matter, in plain words."
        )
    config.extra["disclaimer"] = {"text": visible_text(html), "page": disclaimer.page_url(config)}
    return config


@event_priority(20)
def on_pre_build(config: MkDocsConfig) -> None:
    built_pages.forget()  # a new build: the pages it reads are new


@event_priority(-70)  # after the blog plugin has given posts their addresses (-50)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    disclaimer.resolve_links(files)
    return files


@event_priority(10)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    context["disclaimer_html"] = disclaimer.for_page(page.url)
    return context


@event_priority(10)
def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    context["disclaimer_html"] = disclaimer.for_site_root(config)
    return context


@event_priority(-10)  # once the page is final (hooks/accessibility.py, hooks/privacy.py)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> None:
    built_pages.record_origin(page)


@event_priority(-200)  # after every file is written, the feeds included
def on_post_build(config: MkDocsConfig) -> None:
    text = config.extra["disclaimer"]["text"]
    problems = [
        f"  - {built_pages.origin(page.dest)}: no visible disclaimer: "
        + built_pages.what_hides(config, page, [text])
        for page in built_pages.visible_pages(config) if text not in page.text and not page.editor
    ]
    problems += [
        f"  - {feed}: item '{title}' has no disclaimer. Check hooks/feeds.py "
        "is listed under hooks: in mkdocs.yml."
        for feed, title in missing_in_feeds(Path(config.site_dir), feed_files(config), text)
    ]
    if problems:
        raise PluginError(
            "The disclaimer from docs/disclaimer.md must be shown, whole and visible, "
            "on every page and in every feed item. Missing in:\n" + "\n".join(problems)
        )


# -----------------------------------------------------------------------------
# Checks (also used by the tests)
# -----------------------------------------------------------------------------


def missing_in_feeds(site: Path, feeds: list[str], text: str) -> list[tuple[str, str]]:
    """(feed, item title) for each RSS or JSON feed item lacking `text`."""
    missing = []
    for name in feeds:
        path = site / name
        if not path.exists():
            continue
        try:
            items = feed_items(path)
        except (ElementTree.ParseError, ValueError) as error:  # not XML, not JSON
            raise PluginError(f"{name} is not a valid feed ({error}); a post's title or "
                              "description may contain a character feeds cannot carry.") from None
        missing += [(name, title) for title, html in items if not shows(html, text)]
    return missing


def shows(html: str, text: str) -> bool:
    return text in visible_text(html)
