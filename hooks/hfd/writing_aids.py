"""The editor's writing aids: blocks under the Insert menu of its rich-text view, each
writing the Markdown a hand-written page uses (AUTHORING.md), so the author need not know it:
a picture with caption and credit, a YouTube video, a link to a page, the teaser's end.

Each aid is one Markdown template with a {field} for each value. The editor's script
(docs/assets/javascripts/editor/components.js) writes a block from it, reads one back
with a pattern made from it (a hand-written figure opens as the same block and is saved
byte for byte), and shows it in the preview as the build renders it (`preview`: the
template rendered here, by the site's own Markdown and hooks, with a TOKEN where each value
goes). hfd.editor writes them into the editor's rules.js.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import asdict, dataclass

import markdown
from mkdocs.config.defaults import MkDocsConfig

from hfd.pictures import mark_credits
from hfd.video import VIDEO_ADDRESS, VIDEO_EXAMPLE, placeholder

# Where a value goes in an aid's preview: a plain word, which Markdown leaves as it is.
TOKEN = "hfdfield{name}"
# Each collection's folder in docs/: a link's address is written relative to it, as in a
# hand-written page.
FOLDERS = {"articles": "blog/posts", "pages": "."}


@dataclass(frozen=True)
class AidField:
    name: str
    label: str
    widget: str  # Sveltia's: string, text, image (a file of this site only), select
    holds: str   # what the Markdown holds there (HOLDS in components.js): words, line, lines, address, choice
    hint: str


@dataclass(frozen=True)
class Aid:
    id: str
    label: str
    icon: str  # a Material Symbols name, which the editor's font draws
    markdown: str
    fields: tuple[AidField, ...]


PICTURE = Aid("hfd-figure", "Picture with caption", "add_photo_alternate",
              "![{alt}]({src})\n\n/// caption\n{caption}\n\nCredit: {credit}\n///", (
                  AidField("src", "Picture", "image", "address", "A photo or drawing from your phone or computer."),
                  AidField("alt", "What the picture shows", "string", "words",
                           "For readers who cannot see it: say what it shows."),
                  AidField("caption", "Caption", "text", "lines", "Shown under the picture."),
                  AidField("credit", "Credit", "string", "line",
                           "Who made the picture, and its licence (shown after “Credit:”)."),
              ))
VIDEO = Aid("hfd-video", "YouTube video", "smart_display", "[{title}]({url}){ .youtube }", (
    AidField("title", "Title of the video", "string", "words", "Shown on its play button."),
    AidField("url", "YouTube address", "string", "address", f"Its address on YouTube, e.g. {VIDEO_EXAMPLE}"),
))
# The end of the teaser: what comes before it is shown on the articles page. A block, so
# the author sees where it is (a Markdown comment shows nothing in the rich-text view).
TEASER_BREAK = Aid("hfd-teaser-break", "End of the teaser", "more_horiz", "<!-- more -->", ())
PAGE_LINK = Aid("hfd-page-link-{collection}", "Link to a page of this site", "link", "[{text}]({page})", (
    AidField("page", "Page", "select", "choice", "The page of this site the link leads to."),
    AidField("text", "Words of the link", "string", "words", "What readers click, e.g. “book a consultation”."),
))


def aid_ids(collection: str) -> list[str]:
    """The aids a collection's text offers (the body field's `editor_components`)."""
    return [aid.id.format(collection=collection) for aid in (PICTURE, VIDEO, PAGE_LINK)
            + ((TEASER_BREAK,) if collection == "articles" else ())]


def aid_rules(config: MkDocsConfig, pages: dict[str, str]) -> list[dict]:
    """Every aid, as the editor's script reads it: its template, fields and preview. The
    page links list `pages` ({source: title}: the published pages written in docs/), by
    the address each collection's files link to them with."""
    render = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {})
    shown = lambda aid: mark_credits(render.reset().convert(fill(aid.markdown, TOKEN.format)))  # noqa: E731
    by_title = sorted(pages.items(), key=lambda page: page[1].casefold())
    return [
        _rule(PICTURE, shown(PICTURE)),
        {**_rule(TEASER_BREAK, ""), "most": 1},  # the site shows nothing there; the teaser ends once
        # The player's placeholder as hfd.video draws it, for the video the address names.
        {**_rule(VIDEO, placeholder(TOKEN.format(name="id"), TOKEN.format(name="title"))),
         "derived": {"id": {"from": "url", "pattern": VIDEO_ADDRESS}},
         "allowed": {"url": VIDEO_ADDRESS}},
        *({**_rule(PAGE_LINK, shown(PAGE_LINK)), "id": PAGE_LINK.id.format(collection=collection),
           "options": {"page": [{"label": title, "value": posixpath.relpath(source, folder)}
                                for source, title in by_title]}}
          for collection, folder in FOLDERS.items()),
    ]


def fill(template: str, value) -> str:
    """`template` with each {field} replaced by `value(name=field)` (as components.js does)."""
    return re.sub(r"\{(\w+)\}", lambda found: value(name=found[1]), template)


def _rule(aid: Aid, preview: str) -> dict:
    return {"id": aid.id, "label": aid.label, "icon": aid.icon, "markdown": aid.markdown,
            "fields": [asdict(field) for field in aid.fields], "preview": preview}
