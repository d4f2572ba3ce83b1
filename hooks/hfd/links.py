"""Links to other sites tell them nothing: rel="noopener noreferrer" on each, so the
other site learns neither which page the reader came from nor gets a handle on the
window. Applied to every written page, whatever wrote the link: the author's text and
raw HTML, the blog's lists, the navigation, an author's link, the footer.

Each <a> start tag is read as a browser's tokenizer reads it (names in any case, values
quoted either way or not at all, a ">" inside quotes, character references decoded);
scripts, styles and comments are left as they are.
"""

from __future__ import annotations

import html
import re

from hfd.page_scripts import names_another_host

_SKIPPED = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.I | re.S)
_LINK_START = re.compile(r"<a[\s/>]", re.I)
_PRIVATE = ("noopener", "noreferrer")


def private_links(page: str, own_hosts: tuple[str, ...]) -> str:
    """Each link to a host not among `own_hosts` (hfd.page_scripts.own_hosts), as a
    browser reads its address ("http:host" too), made private."""
    parts, done = [], 0
    for skipped in [*_SKIPPED.finditer(page), None]:
        end = skipped.start() if skipped else len(page)
        parts.append(_private_in(page[done:end], own_hosts))
        if skipped:
            parts.append(skipped[0])
            done = skipped.end()
    return "".join(parts)


def _private_in(text: str, own_hosts: tuple[str, ...]) -> str:
    out, done, tag_end = [], 0, 0
    for start in _LINK_START.finditer(text):
        if start.start() < tag_end:  # "<a" written inside the previous tag's attribute value
            continue
        tag_end, attributes = _start_tag(text, start.start() + 2)
        end = tag_end
        href = attributes.get("href")
        if href is None or not names_another_host(html.unescape(href[0]), own_hosts):
            continue
        rel = attributes.get("rel")
        values = html.unescape(rel[0]).split() if rel else []
        values += [value for value in _PRIVATE if value not in values]
        written = f'rel="{" ".join(values)}"'
        if rel:  # its whole attribute, name to value, replaced
            out.append(text[done:rel[1]] + written + text[rel[2]:end])
        else:
            out.append(text[done:end - 1].rstrip("/") + f" {written}>")
        done = end
    return "".join(out) + text[done:]


def _start_tag(text: str, at: int) -> tuple[int, dict[str, tuple[str, int, int]]]:
    """(the index after the start tag's ">", {name: (value, start of the attribute, its
    end)}) for the tag whose attributes begin at `at`, as HTML's tokenizer states read
    them; the first of a repeated name counts, as in a browser."""
    attributes: dict[str, tuple[str, int, int]] = {}
    index, size = at, len(text)
    while index < size:
        while index < size and text[index] in " \t\n\r\f/":
            index += 1
        if index >= size or text[index] == ">":
            break
        begin = index
        index += 1  # a name's first character may be anything, "=" included
        while index < size and text[index] not in " \t\n\r\f/>=":
            index += 1
        name, value = text[begin:index].lower(), ""
        while index < size and text[index] in " \t\n\r\f":
            index += 1
        if index < size and text[index] == "=":
            index += 1
            while index < size and text[index] in " \t\n\r\f":
                index += 1
            if index < size and text[index] in "\"'":
                close = text.find(text[index], index + 1)
                close = size if close < 0 else close
                value, index = text[index + 1:close], close + 1
            else:
                start = index
                while index < size and text[index] not in " \t\n\r\f>":
                    index += 1
                value = text[start:index]
        attributes.setdefault(name, (value, begin, index))
    return min(index + 1, size), attributes
