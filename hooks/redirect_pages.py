"""Redirect pages carry the disclaimer and tell search engines where the page went.

mkdocs-redirects writes a bare HTML page at each old address (redirect_maps in
mkdocs.yml). Like every page of the site, it must show the disclaimer, so it is
added to the pages the plugin has just written.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from hfd.disclaimer import for_site_root


@event_priority(-50)  # after mkdocs-redirects writes the pages, before the disclaimer check
def on_post_build(config: MkDocsConfig) -> None:
    redirects = config.plugins.get("redirects")
    if redirects is None:
        return
    footer = _footer(config)
    for old in redirects.config["redirect_maps"]:
        path = Path(config.site_dir) / File(old, "", "", config.use_directory_urls).dest_uri
        if path.is_file():
            page = path.read_text(encoding="utf-8")
            page = page.replace("<head>", '<head>\n    <meta name="robots" content="noindex">'
                                '\n    <meta name="referrer" content="no-referrer">', 1)
            path.write_text(page.replace("</body>", footer + "\n</body>", 1), encoding="utf-8")


def _footer(config: MkDocsConfig) -> str:
    return f'<footer>\n<div class="hfd-disclaimer">\n{for_site_root(config)}\n</div>\n</footer>'
