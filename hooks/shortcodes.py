"""Settings from mkdocs.yml inside Markdown pages, written once.

A line holding only one of these comments is replaced by what it names:

    <!-- hfd:emergency -->   the "not for emergencies" notice (extra.emergency)
    <!-- hfd:contact -->     how to reach the practice: email and booking site (extra.booking)
    <!-- hfd:low-blue -->    a list item: the low-blue scheme (extra.reading_aids.low_blue)
    <!-- hfd:listen -->      a list item: reading an article aloud (extra.reading_aids.listen)

An unknown name stops the build, naming the file.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

_SHORTCODE = re.compile(r"^<!--\s*hfd:([a-z-]+)\s*-->\s*$", re.M)


@event_priority(10)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    def expand(match: re.Match) -> str:
        name = match[1]
        if name not in _RENDERERS:
            raise PluginError(
                f"docs/{page.file.src_uri}: unknown shortcode 'hfd:{name}'; use one of: "
                + ", ".join(f"<!-- hfd:{known} -->" for known in _RENDERERS)
            )
        return _RENDERERS[name](config.extra)

    return _SHORTCODE.sub(expand, markdown)


def _emergency(extra: dict) -> str:
    emergency = extra["emergency"]
    return (
        '!!! warning "Not for emergencies"\n\n'
        "    Hope for Dystonia cannot answer urgent or emergency needs. In an emergency,\n"
        "    call your local emergency number\n"
        f"    ({emergency['number']} in the U.S.). In a mental-health crisis in the U.S., call or\n"
        f"    text {emergency['crisis_line']} ({emergency['crisis_line_name']}).\n"
    )


def _contact(extra: dict) -> str:
    booking = extra["booking"]
    return (
        f"- **Email:** [{booking['email']}](mailto:{booking['email']})\n"
        f"- **Booking a consultation:** [{booking['scheduler_label']}]({booking['scheduler_url']})\n"
    )


def _reading_aid(name: str):
    def render(extra: dict) -> str:
        return "- " + " ".join(str(extra["reading_aids"][name]).split()) + "\n"
    return render


_RENDERERS = {"emergency": _emergency, "contact": _contact,
              "low-blue": _reading_aid("low_blue"), "listen": _reading_aid("listen")}
