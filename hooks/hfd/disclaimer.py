"""The disclaimer, from its one source (docs/disclaimer.md), for each place it appears:
a page (links relative to it), a page served at any address (links from the site's
root) or a feed (full addresses). Used by the disclaimer hooks; the state is filled by
hooks/disclaimer.py at each build."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from hfd.allowed_html import DISCLAIMER_ALLOWED, judge
from hfd.publishing import THIS_BUILD
from hfd.visible_text import text_of, visible_tree, words

DISCLAIMER_SOURCE = "disclaimer.md"
# A disclaimer is at least a sentence: fewer words outside its links is a label or a
# link to somewhere else, not a disclaimer every page can show.
MIN_WORDS = 5
_LINK = re.compile(r"""(\s(?:href|src)\s*=\s*)(["'])(.*?)\2""", re.I | re.S)
_TARGET = "__hfd_disclaimer_link_{}__"  # where a resolved link goes, per page

_state: dict = {"html": "", "targets": []}


def load(config: MkDocsConfig) -> str:
    """Read and render the disclaimer for this build; return its HTML, or stop the
    build if it holds more than text, emphasis, links and lists (DISCLAIMER_ALLOWED):
    every page and feed item shows it."""
    html = render(read(Path(config.docs_dir) / DISCLAIMER_SOURCE), config)
    refused = [f"remove the <{item.tag}> element" if item.attribute is None else
               f"remove the '{item.attribute}=' of <{item.tag}> (and any {{: ... }} after a paragraph)"
               for item in judge(html, DISCLAIMER_ALLOWED)[0]]
    if "<!--" in html:
        refused.append("move the note to the author (<!-- ... -->) above the '# ' title line: what is "
                       "below the title is the text every page shows")
    if refused:
        raise PluginError("The disclaimer may hold only text, emphasis, links and lists (every page and "
                          "feed item shows it):\n" + "\n".join(f"  - docs/{DISCLAIMER_SOURCE}: {what}"
                                                                 for what in refused))
    _state["html"], _state["targets"] = html, []
    return html


def resolve_links(files: Files) -> None:
    """Point the disclaimer's links at the files of this build."""
    _state["html"], _state["targets"] = _resolve_links(_state["html"], files)


# -----------------------------------------------------------------------------
# The disclaimer's HTML, for each place it appears
# -----------------------------------------------------------------------------


def for_page(page_url: str) -> str:
    """With links relative to the page at `page_url` (e.g. "blog/my-post/")."""
    return _with_targets(lambda target: get_relative_url(target, page_url) if target else "./")


def for_site_root(config: MkDocsConfig) -> str:
    """With links as paths from the site's root (for pages served at any address)."""
    root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    return _with_targets(lambda target: root + target)


def for_feeds(config: MkDocsConfig) -> str:
    """With links as full addresses: feed readers know no page to start from."""
    site = (config.site_url or "").rstrip("/") + "/"
    return _with_targets(lambda target: site + target)


def _with_targets(address) -> str:
    html = _state["html"]
    for number, (target, fragment) in enumerate(_state["targets"]):
        url = address(target)
        html = html.replace(_TARGET.format(number), url + (f"#{fragment}" if fragment else ""))
    return html


def words_to_read(html: str) -> list[str]:
    """The words of the disclaimer's HTML a reader reads, its links' words aside."""
    tree = visible_tree(html)
    for link in list(tree.iter("a")):
        link.text = None
        for child in list(link):
            link.remove(child)
    return words(text_of(tree))


# -----------------------------------------------------------------------------
# Reading, rendering, resolving
# -----------------------------------------------------------------------------


def render(source: str, config: MkDocsConfig | None = None) -> str:
    """The disclaimer's HTML, with the site's own Markdown extensions: its Markdown
    below the page's title line; above it, notes to the author (HTML comments)."""
    body, _meta = get_data(source)
    notes, *text = re.split(r"^[ \t]*# .*$", body, maxsplit=1, flags=re.M)
    body = re.sub(r"<!--.*?-->", "", notes, flags=re.S) + "".join(text)  # what joins here is judged whole
    if config is None:
        return markdown.markdown(body.strip())
    return markdown.Markdown(extensions=config.markdown_extensions,
                             extension_configs=config.mdx_configs or {}).convert(body.strip())


def _resolve_links(html: str, files: Files) -> tuple[str, list[tuple[str, str]]]:
    """Replace each link to a file of the site with a marker; return the targets."""
    targets: list[tuple[str, str]] = []
    problems = []

    def resolve(match: re.Match) -> str:
        parts = urlsplit(match[3].strip())
        if parts.scheme or parts.netloc or (not parts.path and not parts.fragment):
            return match[0]  # https:, mailto:, ...: the same everywhere
        path = unquote(parts.path) or DISCLAIMER_SOURCE  # "#part" is on the disclaimer page
        source = posixpath.normpath(posixpath.join(posixpath.dirname(DISCLAIMER_SOURCE), path.lstrip("/")))
        file = files.get_file_from_path(source)
        if file is None and source in THIS_BUILD:  # a post left out of this build
            problems.append(f"  - docs/{DISCLAIMER_SOURCE} links to '{match[3]}', which is not "
                            f"published ({THIS_BUILD[source].reason}). Remove the link until it is.")
            return match[0]
        if file is None:
            problems.append(f"  - docs/{DISCLAIMER_SOURCE} links to '{match[3]}', which is not a "
                            "page or file of the site. Link to a page's file, e.g. [our privacy "
                            "policy](privacy.md).")
            return match[0]
        targets.append((file.url, parts.fragment))
        return f"{match[1]}{match[2]}{_TARGET.format(len(targets) - 1)}{match[2]}"

    resolved = _LINK.sub(resolve, html)
    if problems:
        raise PluginError("The disclaimer has a broken link (it appears on every page):\n"
                          + "\n".join(problems))
    return resolved, targets


def read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PluginError(
            f"'{DISCLAIMER_SOURCE}' is missing from {path.parent}: it holds the "
            "disclaimer that every page and feed item must show. Restore it."
        ) from None
    except UnicodeDecodeError:
        raise PluginError(
            f"'{DISCLAIMER_SOURCE}' is not UTF-8 text. Save it as UTF-8."
        ) from None


def page_url(config: MkDocsConfig) -> str:
    """The address of the disclaimer's own page."""
    stem = DISCLAIMER_SOURCE.removesuffix(".md")
    return f"{stem}/" if config.use_directory_urls else f"{stem}.html"

