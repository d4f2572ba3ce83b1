"""Speed: every page loads one stylesheet, and it keeps every rule a page can use.

The build joins Material's stylesheets and the site's into one file without the rules
the site never uses (hooks/page_weight.py). These checks hold for whatever the author
writes: a rule that matches any element of any built page is never dropped.
"""

from __future__ import annotations

import re

import pytest
import tinycss2

from tests.site_build import MATERIAL
from tests.site_pages import html_pages, soup

BUNDLE = "assets/stylesheets/hfd.css"
# What a selector says about a state or a part of an element, not which elements: the
# rule is judged on the element itself.
_STATE = re.compile(r"::?(?:-[\w-]+|before|after|marker|placeholder|selection|first-line|first-letter|"
                    r"hover|focus-visible|focus-within|focus|active|visited|target|backdrop|"
                    r"-webkit-[\w-]+|-moz-[\w-]+)(?:\([^()]*\))?")


def _theme_and_site_rules(built):
    from mkdocs.config import load_config

    from hfd.stylesheets import theme_stylesheets

    config = load_config(str(built.project / "mkdocs.yml"))
    paths = [*theme_stylesheets(config.theme.dirs, palette=True),
             *(built.project / "docs" / name for name in config.extra["stylesheets"])]
    for path in paths:
        yield from _rules(tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"),
                                                    skip_comments=True, skip_whitespace=True))


def _rules(rules):
    for rule in rules:
        if rule.type == "qualified-rule":
            yield tinycss2.serialize(rule.prelude).strip()
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            yield from _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))


def test_every_page_links_one_stylesheet_the_bundle(site):
    for page in html_pages(site):
        links = [link["href"] for link in soup(site, page).select('link[rel="stylesheet"]')]
        assert len(links) == 1 and links[0].endswith(BUNDLE), (page, links)
        assert not soup(site, page).select("head script[src]:not([async]):not([defer])"), page


# Chromium's own selector engine, on each page's HTML as written (parsed, never run):
# which of `selectors` match an element of it. A selector Chromium cannot read matches
# nothing anywhere; the browser checks judge what it styles.
MATCHING_JS = """([html, selectors]) => {
    const page = new DOMParser().parseFromString(html, "text/html");
    return selectors.filter((selector) => {
        try { return page.querySelector(selector) !== null; } catch { return false; }
    });
}"""


@pytest.mark.browser
def test_no_rule_that_matches_an_element_of_a_page_is_dropped(built, site, tab):
    from hfd.stylesheets import _selectors

    bundle = tinycss2.parse_stylesheet((site / BUNDLE).read_text(encoding="utf-8"),
                                       skip_comments=True, skip_whitespace=True)
    kept = {selector for prelude in _rules(bundle) for selector in _selectors(prelude)}
    dropped = {selector for prelude in _theme_and_site_rules(built)
               for selector in _selectors(prelude)} - kept
    assert dropped, "nothing was dropped: is the bundle the whole of Material's stylesheets?"
    plain = {_STATE.sub("", selector).strip() or "*": selector for selector in sorted(dropped)}
    matcher = tab()
    for page in html_pages(site):
        matching = matcher.evaluate(MATCHING_JS, [(site / page).read_text(encoding="utf-8"), list(plain)])
        assert not matching, f"{page}: the bundle drops {[plain[s] for s in matching]}, which match"


def test_the_bundle_replaces_material_9_8s_styles_block():
    # overrides/main.html replaces the block; a Material upgrade that changes it must be
    # looked at (new stylesheets to join?).
    template = (MATERIAL / "base.html").read_text(encoding="utf-8")
    block = re.search(r"{% block styles %}(.*?){% endblock %}", template, re.S)[1]
    assert re.findall(r"'(assets/stylesheets/[^']+)'", block) == [
        "assets/stylesheets/main.57a0d79d.min.css", "assets/stylesheets/palette.fb2fffe2.min.css"]
    assert '{% include "partials/icons.html" %}' in block
