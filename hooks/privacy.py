"""Privacy and hosting: a health site tells nobody who reads what.

Nothing on a page is fetched from another host (system fonts, no analytics, local
pictures; the tests prove it in Chromium), and:

Steps, in build order:
1. on_files, once every file to publish is known (pictures' copies, redirect pages):
   each is of a kind the build knows how to check, and each drawing (SVG) is only a
   drawing, or no build (hfd.published_files, hfd.drawings).
2. on_page_content: a `{ .youtube }` link becomes a placeholder that loads nothing
   from YouTube until the reader presses play (hfd.video).
3. on_post_page and on_post_template, each page as written: every link to another
   site, whatever wrote it (the text, a teaser, the navigation, the footer), gets
   rel="noopener noreferrer" (hfd.links), so it learns nothing of the reader's visit.
4. on_post_build, once every page is written: only the project's own scripts run on
   its pages, and only the site's redirect pages send readers on, or no build
   (hfd.page_scripts); the Content-Security-Policy, allowing those inline scripts by
   their hashes, goes to `_headers` (Netlify, Cloudflare Pages) with the other
   security headers, and into each page as a <meta> tag (for GitHub Pages, which sends
   no headers) (hfd.hosting). That edits the written pages: the policy needs every
   page's scripts before any page can carry it. In `mkdocs serve` (`make serve`, `make
   edit`) the pages' policy also lets MkDocs' live-reload script run, which it writes
   into each page as it serves it; the editor's page stays without it (a reload there
   would lose what the author is writing).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hfd import built_pages
from hfd.editor import EDITOR_DIR, EDITOR_POLICY, is_editor_page
from hfd.hosting import HEADERS_FILE, content_security_policy, headers_file, script_hashes, with_meta_policy
from hfd.links import private_links
from hfd.page_scripts import check_pages, own_hosts
from hfd.published_files import files_problems, site_problems
from hfd.templates import redirect_pages
from hfd.video import embed_videos

# -----------------------------------------------------------------------------
# Hooks, in the order they run
# -----------------------------------------------------------------------------


_command = {"name": "build"}
_own_hosts: dict = {"hosts": ()}  # this build's (hfd.page_scripts.own_hosts): read once, not for each page


@event_priority(-10)
def on_startup(*, command: str, dirty: bool) -> None:
    _command["name"] = command


@event_priority(-100)  # last: once pictures have their copies (-60) and old addresses their pages (-90)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    problems = files_problems(files, config)
    if problems:
        raise PluginError("Some files cannot be published:\n" + "\n".join(problems))
    _own_hosts["hosts"] = own_hosts(config)
    return files


@event_priority(50)  # after the author's checks (90): the placeholder brings its script
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return embed_videos(html, page)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return private_links(output, _own_hosts["hosts"])


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return private_links(output, _own_hosts["hosts"]) if template_name.endswith(".html") else output  # 404


@event_priority(-30)  # once every page is written (feeds and the blog's pages included)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    problems = site_problems(site)
    if problems:
        raise PluginError("Some files cannot be published:\n" + "\n".join(problems))
    wrong, scripts = check_pages(site, config, redirect_pages, _own_hosts["hosts"])
    if wrong:
        raise PluginError("Only the site's own scripts and redirects may be on its pages:\n" + "\n".join(
            f"  - {built_pages.origin(page)}: {'; '.join(found)}; take it out of the setting in "
            "mkdocs.yml (plain text only) or the template it came from" for page, found in wrong.items()))
    policy = content_security_policy(config, script_hashes(scripts))
    (site / HEADERS_FILE).write_text(headers_file(policy, {f"/{EDITOR_DIR}*": EDITOR_POLICY}), encoding="utf-8")
    if _command["name"] == "serve":  # the live-reload script differs on every request: no hash can name it
        policy = {**policy, "script-src": ["'self'", "'unsafe-inline'"]}
    for page in sorted(site.rglob("*.html")):  # one page in memory at a time: hundreds add up
        html = page.read_text(encoding="utf-8")
        own = EDITOR_POLICY if is_editor_page(page.relative_to(site).as_posix(), html) else policy
        page.write_text(with_meta_policy(html, own), encoding="utf-8")
