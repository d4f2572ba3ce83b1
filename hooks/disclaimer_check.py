"""Stop the build when a written page lacks the visible disclaimer or the booking
call-to-action, or a feed item lacks the disclaimer.

Runs last, on the site as written (after every plugin, the feeds included), so it
also sees the 404 page and the pages the blog plugin generates. "Visible" is what the
HTML and the stylesheets tell (hfd.visible_text); the tests judge what Chromium draws.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hfd.feed_files import feed_files, feed_items
from hfd.visible_text import hidden_classes, normalize, visible_text, visible_tree

# Where each written page came from, to name it in the error.
_origins: dict[str, str] = {}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    _origins.clear()  # `mkdocs serve` rebuilds in the same process


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> None:
    _origins[page.file.dest_uri] = _describe_origin(page)


@event_priority(-200)  # after the feed hook (-100), so it checks the finished feeds
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    disclaimer = config.extra["disclaimer"]["text"]
    expected = call_to_action(config)
    missing_disclaimer, missing_cta = missing_in_pages(site, disclaimer, expected, stylesheets(config))
    problems = [
        f"  - {_origins.get(dest, _unknown_origin(dest))}: no visible disclaimer. "
        "Its template must extend main.html and keep {{ super() }} in the footer block."
        for dest in missing_disclaimer
    ]
    problems += [
        f"  - {_origins.get(dest, _unknown_origin(dest))}: no visible booking call-to-action "
        f"('{expected['title']}' and its button). Its template must extend main.html and keep "
        "{{ super() }} in the footer block."
        for dest in missing_cta
    ]
    problems += [
        f"  - {feed}: item '{title}' has no disclaimer. Check hooks/feed_items.py "
        "is listed under hooks: in mkdocs.yml."
        for feed, title in missing_in_feeds(site, feed_files(config), disclaimer)
    ]
    if problems:
        raise PluginError(
            "Every page must show the disclaimer from docs/disclaimer.md, whole and visible, "
            "and the booking call-to-action; every feed item the disclaimer. Missing in:\n"
            + "\n".join(problems)
        )


# -----------------------------------------------------------------------------
# Checks (also used by the tests)
# -----------------------------------------------------------------------------


def call_to_action(config: MkDocsConfig) -> dict:
    """What the booking call-to-action shows on every page, and where its button leads."""
    cta, booking = config.extra["cta"], config.extra["booking"]
    return {"title": cta["title"], "text": normalize(cta["text"]), "button": cta["button"],
            "page": booking["consultation_page"], "scheduler_label": booking["scheduler_label"],
            "scheduler_url": booking["scheduler_url"]}


def stylesheets(config: MkDocsConfig) -> list[Path]:
    """The theme's main stylesheet and the site's own (extra_css)."""
    found = [path for folder in config.theme.dirs
             for path in sorted(Path(folder).glob("assets/stylesheets/main.*.min.css"))][:1]
    return found + [Path(config.docs_dir) / name for name in config.extra_css
                    if (Path(config.docs_dir) / name).is_file()]


def missing_in_pages(site: Path, disclaimer: str, expected: dict | None = None,
                     css: list[Path] = ()) -> tuple[list[str], list[str]]:
    """Site-relative paths of the pages whose visible text lacks `disclaimer`, and of
    those (redirect pages aside) without the visible call-to-action `expected`."""
    hidden = hidden_classes(list(css))
    no_disclaimer, no_cta = [], []
    for path in sorted(site.rglob("*.html")):
        dest = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        tree = visible_tree(html, hidden) if html.strip() else None
        text = normalize(tree.text_content()) if tree is not None else ""
        if disclaimer not in text:
            no_disclaimer.append(dest)
        if expected and not _is_redirect(html) and not _shows_call_to_action(tree, text, dest, expected):
            no_cta.append(dest)
    return no_disclaimer, no_cta


def missing_in_feeds(site: Path, feeds: list[str], disclaimer: str) -> list[tuple[str, str]]:
    """(feed, item title) for each RSS or JSON feed item lacking `disclaimer`."""
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
        for title, html in items:
            if not shows(html, disclaimer):
                missing.append((name, title))
    return missing


def shows(html: str, disclaimer: str) -> bool:
    return disclaimer in visible_text(html)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _shows_call_to_action(tree, text: str, dest: str, expected: dict) -> bool:
    """Its title and text are visible, and a visible link with the button's words leads
    to the consultation page (on that page itself, to the booking site)."""
    if tree is None or expected["title"] not in text or expected["text"] not in text:
        return False
    address = "/" + (dest.removesuffix("index.html") if dest != "404.html" else "")
    on_consultation = address == "/" + expected["page"]
    label = expected["scheduler_label"] if on_consultation else expected["button"]
    target = expected["scheduler_url"] if on_consultation else "/" + expected["page"]
    for link in tree.iter("a"):
        href = link.get("href") or ""
        resolved = href if href.startswith(("https:", "http:")) else urljoin(address, href)
        if normalize(link.text_content()) == label and resolved == target:
            return True
    return False


def _is_redirect(html: str) -> bool:
    return '<meta http-equiv="refresh"' in html[:3000]


def _describe_origin(page: Page) -> str:
    file = page.file
    if file.generated_by:
        return f"{file.dest_uri} (a page generated by {file.generated_by})"
    template = page.meta.get("template")
    suffix = f", template '{template}'" if template else ""
    return f"docs/{file.src_uri}{suffix}"


def _unknown_origin(dest: str) -> str:
    if dest == "404.html":
        return "404.html (the theme's 404 page, overrides/404.html)"
    return f"{dest} (written by the theme or a plugin, not from a Markdown page)"
