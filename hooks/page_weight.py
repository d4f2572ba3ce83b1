"""Light pages for slow phones: nothing moves while a page arrives, one stylesheet, and
the site's scripts minified.

Material's script wraps each table in two <div>s (to scroll it sideways) once the page
has loaded, and the text below it moves. In on_page_content, each table is written
inside those <div>s already; site.css lays out the second pair that Material's script
then adds as if it were not there (ARCHITECTURE.md, Material's internals).

On a slow phone each stylesheet in <head> holds back the first paint; Material links
two, the site one more (`extra.stylesheets`). Once every page is written:
1. the build joins them, in that order, into one file (hfd.stylesheets.BUNDLE) without
   the rules no page or script of the site uses; overrides/main.html links only it;
2. the site's own scripts (docs/assets/javascripts/) are written minified: their
   comments are for the maintainers, not for every reader's download.
What it learns of each page, and the bundle, are kept for the next build (hfd.page_cache).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import rjsmin
import tinycss2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hfd import stylesheets
from hfd.page_cache import PageCache
from hfd.stylesheets import (BUNDLE, bundle, disabled_features, page_names, stylesheet_names,
                             theme_stylesheets, used_names)

SCRIPTS = "assets/javascripts"
# A table Material's script wraps (`table:not([class])`), and the wrapping it adds.
_TABLE = re.compile(r"<table(?![^>]*\sclass=)[^>]*>.*?</table>", re.S)
# A table wider than its column scrolls sideways in the outer one, which a keyboard can
# then scroll too (tabindex), as a region named by its number on the page.
TABLE_WRAPPER = ('<div class="md-typeset__scrollwrap" role="region" aria-label="Table {number}" tabindex="0">'
                 '<div class="md-typeset__table">', "</div></div>")


@event_priority(30)  # on the page's own HTML, after the author's checks (90) have read it
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    numbers = itertools.count(1)
    return _TABLE.sub(lambda table: TABLE_WRAPPER[0].format(number=next(numbers)) + table[0] + TABLE_WRAPPER[1],
                      html)


@event_priority(-40)  # once every page is written, redirect pages included (-20)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    theme = theme_stylesheets(config.theme.dirs, palette=bool(config.theme.get("palette")))
    own = [Path(config.docs_dir) / name for name in config.extra.get("stylesheets", [])]
    stylesheets_css = [path.read_text(encoding="utf-8") for path in [*theme, *own]]
    wanted = stylesheet_names(stylesheets_css)
    cache = PageCache(config.config_file_path, "page-names", code=[Path(stylesheets.__file__)],
                      salt=" ".join(sorted(wanted)))
    pages = (cache.get(html, lambda: page_names(html, wanted))  # one page in memory at a time
             for html in (page.read_text(encoding="utf-8") for page in sorted(site.rglob("*.html"))))
    used = used_names(
        pages,
        (script.read_text(encoding="utf-8") for script in sorted(site.glob(f"{SCRIPTS}/*.js"))),
        disabled_features(config),
    )
    cache.save()
    made = PageCache(config.config_file_path, "stylesheet-bundle", code=[Path(stylesheets.__file__)],
                     salt=f"tinycss2 {tinycss2.__version__}")
    made_from = [*stylesheets_css, *sorted(used.classes), *sorted(used.values), *used.prefixes, used.script]
    css = made.get("\0".join(made_from), lambda: bundle(stylesheets_css, used))
    made.save()
    (site / BUNDLE).write_text(css, encoding="utf-8")

    for source in sorted((Path(config.docs_dir) / SCRIPTS).glob("*.js")):
        written = site / SCRIPTS / source.name
        if written.exists():
            written.write_text(rjsmin.jsmin(source.read_text(encoding="utf-8")), encoding="utf-8")
