"""Refuse content that could run code or leak readers' visits; warn on insecure links.

Markdown lets an author paste raw HTML. On a health site that must load nothing from
elsewhere, a pasted <script>, <iframe> (the YouTube placeholder is the one way to show
a video), inline event handler (onclick=) or javascript:/data: link stops the build,
naming the file and what to remove. A plain http:// link is allowed but reported.
"""

from __future__ import annotations

import html as html_module
import re

from hfd.author_warnings import author_warnings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

_FORBIDDEN_TAG = re.compile(r"<(script|iframe|object|embed|frame|frameset|base|form)\b", re.I)
_EVENT_HANDLER = re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I | re.S)
_URL_ATTRIBUTE = re.compile(r"""\s(href|src|action|formaction|xlink:href)\s*=\s*(["'])(.*?)\2""", re.I | re.S)
_BAD_SCHEMES = ("javascript:", "data:", "vbscript:")

log = author_warnings("links")  # a warning to fix, not a reason to stop publishing


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    source = f"docs/{page.file.src_uri}"
    problems = [
        f"  - {source}: remove the <{match[1].lower()}> element; the site does not allow "
        "embedded code or frames (for a YouTube video, use "
        "[Title](https://www.youtube.com/watch?v=ID){ .youtube })."
        for match in _FORBIDDEN_TAG.finditer(html)
    ]
    problems += [
        f"  - {source}: remove the '{match[1]}=' attribute; inline scripts are not allowed."
        for match in _EVENT_HANDLER.finditer(html)
    ]
    for match in _URL_ATTRIBUTE.finditer(html):
        url = html_module.unescape(match[3]).strip()
        scheme = re.sub(r"[\s\x00-\x1f]", "", url).lower()
        if scheme.startswith(_BAD_SCHEMES):
            problems.append(f"  - {source}: the link '{url[:60]}' uses a "
                            f"{scheme.split(':')[0]}: address; link to a page or an https:// address.")
        elif scheme.startswith("http://"):
            log.warning(f"{source}: the link '{url}' is not secure; use https:// if the site offers it.")
    if problems:
        raise PluginError("Unsafe content:\n" + "\n".join(problems))
    return html
