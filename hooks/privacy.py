"""Privacy and hosting: a health site tells nobody who reads what.

Nothing on a page is fetched from another host (system fonts, no analytics, local
pictures; the tests prove it in Chromium), and:

Steps, in build order:
1. on_page_content: a `{ .youtube }` link becomes a placeholder that loads nothing
   from YouTube until the reader presses play (hfd.video); links to other sites get
   rel="noopener noreferrer" (hfd.links), so they learn nothing of the reader's visit.
2. on_post_build, once every page is written: the Content-Security-Policy, allowing
   the theme's inline scripts of every page by their hashes, goes to `_headers`
   (Netlify, Cloudflare Pages) with the other security headers, and into each page as a
   <meta> tag (for GitHub Pages, which sends no headers) (hfd.hosting). That edits the
   written pages: the policy needs every page's scripts before any page can carry it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hfd.hosting import (HEADERS_FILE, content_security_policy, headers_file, inline_script_hashes,
                         with_meta_policy)
from hfd.links import private_links
from hfd.video import embed_videos

# -----------------------------------------------------------------------------
# Hooks, in the order they run
# -----------------------------------------------------------------------------


@event_priority(50)  # after the author's checks (90): the placeholder brings its script
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return private_links(embed_videos(html, page), config.site_url)


@event_priority(-30)  # once every page is written (feeds and the blog's pages included)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    pages = sorted(site.rglob("*.html"))
    # Two passes, one page in memory at a time: hundreds of pages add up.
    policy = content_security_policy(config, inline_script_hashes(
        page.read_text(encoding="utf-8") for page in pages))
    (site / HEADERS_FILE).write_text(headers_file(policy), encoding="utf-8")
    for page in pages:
        page.write_text(with_meta_policy(page.read_text(encoding="utf-8"), policy), encoding="utf-8")
