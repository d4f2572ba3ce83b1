"""The addresses a stylesheet makes the browser fetch, read with a CSS parser (tinycss2):
every url(), every string given to a function that fetches (image-set() and the like),
and every @import, however deep in rules and blocks. Checks allow only the site's own
files among them: a rule that applies only on hover or in print fetches as surely as
any other, once a reader meets it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import tinycss2

# CSS functions that fetch the address they are given as a string.
CSS_FETCHING = ("url", "src", "image", "image-set", "-webkit-image-set", "cross-fade")

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.I)


def every_node(nodes: Iterable) -> Iterator:
    """tinycss2's `nodes` (a stylesheet, a rule, a declaration list), and all they hold."""
    for node in nodes:
        yield node
        for inner in ("prelude", "content", "arguments", "value"):  # rules, blocks, declarations
            if isinstance(getattr(node, inner, None), list):
                yield from every_node(getattr(node, inner))


def fetched(nodes: Iterable) -> Iterator[str]:
    """Every address in tinycss2's `nodes`."""
    for node in every_node(nodes):
        if node.type == "url":
            yield node.value
        elif node.type == "function" and node.lower_name in CSS_FETCHING:
            yield from (argument.value for argument in node.arguments if argument.type == "string")
        elif node.type == "at-rule" and node.lower_at_keyword == "import":
            yield from (token.value for token in node.prelude if token.type == "string")


def from_elsewhere(address: str, *, data: tuple[str, ...] = ("data:",)) -> bool:
    """Whether the browser asks another host for `address`: any address with a scheme
    or a host (https:, //host), but for those beginning with one of `data` (written
    into the stylesheet itself), read as browsers read it: without spaces and controls,
    a backslash for a slash ("/\\host" is "//host")."""
    address = re.sub(r"[\s\x00-\x1f]", "", address).replace("\\", "/")
    return bool(_SCHEME.match(address)) and not address.lower().startswith(data)


def fetched_from_elsewhere(css: str, *, declarations: bool = False) -> list[str]:
    """The addresses of other hosts the stylesheet `css` (or, with `declarations`, a
    style attribute's declarations) fetches."""
    nodes = (tinycss2.parse_blocks_contents(css) if declarations
             else tinycss2.parse_stylesheet(css, skip_comments=True))
    return [address for address in fetched(nodes) if from_elsewhere(address)]
