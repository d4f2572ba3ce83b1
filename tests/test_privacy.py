"""Privacy: the site loads nothing from any other host."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from tests.site_pages import html_pages, soup

SITE_HOST = "www.hopefordystonia.com"
# Where a page may name another host: a link the reader chooses to follow. Any other
# attribute naming one (a picture, a frame, a preconnect, a poster...) is, or may become,
# a request; XML namespaces (xmlns=) are names, never fetched.
NAMES_ANOTHER_HOST = {("a", "href")}


def _external(url: str) -> bool:
    """Whether a browser asks another host for `url` (a scheme's slashes are optional:
    "http:host" on an https page)."""
    parts = urlsplit(url)
    host = parts.netloc or (parts.path.lstrip("/").split("/")[0] if parts.scheme in ("http", "https") else "")
    return bool(host) and host.rsplit("@", 1)[-1].split(":")[0].lower() != SITE_HOST


def _addresses(value) -> list[str]:
    """Each address in an attribute's value (a srcset's too), as browsers read it: tabs
    and line breaks dropped, controls and spaces trimmed, a backslash for a slash."""
    values = value if isinstance(value, list) else re.sub(r"[\t\n\r]", "", str(value)).replace("\\", "/").split(",")
    return [words[0] for words in (text.strip("".join(map(chr, range(0x21)))).split() for text in values) if words]


def test_no_page_names_another_host_but_in_a_link_to_follow(site):
    for page in html_pages(site):
        html = soup(site, page)
        # Nor meets a condition on which Material's scripts would (see below).
        assert not html.select(".mermaid, pre.mermaid"), f"{page}: a mermaid diagram"
        assert not html.select(".md-source"), f"{page}: a repository link (repo_url)"
        for element in html.find_all(True):
            for name, value in element.attrs.items():
                if (element.name, name) not in NAMES_ANOTHER_HOST and not name.startswith("xmlns"):
                    assert not any(_external(address) for address in _addresses(value)), \
                        f"{page}: <{element.name} {name}={value!r}>"


def test_no_google_fonts_or_analytics(site):
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css"):
            text = path.read_text(encoding="utf-8")
            for host in ("fonts.googleapis.com", "fonts.gstatic.com", "googletagmanager"):
                assert host not in text, (path, host)


def test_stylesheets_fetch_nothing_from_another_host(site):
    # Material's too, and the joined stylesheet: the build reads only the site's own.
    from hfd.css_fetches import fetched_from_elsewhere

    for path in site.rglob("*.css"):
        assert not fetched_from_elsewhere(path.read_text(encoding="utf-8")), path


# -- Scripts: every address in the JavaScript the pages load, reviewed ---------------------

# Material's scripts name these addresses; none is fetched on this site, and the
# condition that would fetch each is checked above.
MATERIAL_SCRIPT_ADDRESSES = {
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "only for ```mermaid diagrams",
    "https://api.github.com/users/": "only with repo_url set to GitHub",
    "https://api.github.com/repos/": "only with repo_url set to GitHub",
    "https://unpkg.com/resize-observer-polyfill": "only in browsers without ResizeObserver (before 2020)",
    "https://clipboardjs.com/": "a licence comment",
    "https://bit.ly/2s3ChXG": "a comment in the search worker",
    "http://tartarus.org/": "a licence comment (lunr)",
    "http://lunrjs.com": "a licence comment (lunr)",
}
OWN_SCRIPT_ADDRESSES = {
    "https://www.youtube-nocookie.com/embed/": "video.js: only after the reader presses play",
    "https://giscus.app/client.js": "comments.js: only if enabled, after 'Show comments'",
}
# Loaded only by pages that need them (a video; comments when enabled).
ON_DEMAND_SCRIPTS = ["assets/javascripts/video.js", "assets/javascripts/comments.js"]


def test_scripts_the_pages_load_name_no_unreviewed_address(site):
    reviewed = {**MATERIAL_SCRIPT_ADDRESSES, **OWN_SCRIPT_ADDRESSES}
    scripts = {(site / name).resolve() for name in ON_DEMAND_SCRIPTS}
    for page in html_pages(site):  # every script file a page loads: its tags, and Material's search worker
        html = soup(site, page)
        sources = [script["src"] for script in html.find_all("script", src=True)]
        config = html.find("script", id="__config")
        if config:
            sources.append(json.loads(config.string)["search"])
        for source in sources:
            base = site if source.startswith("/") else (site / page).parent
            scripts.add(base.joinpath(source.lstrip("/")).resolve())
    for script in scripts:
        for url in re.findall(r"https?://[A-Za-z0-9.\-]+[^\s\"'`)]*", script.read_text("utf-8")):
            assert any(url.startswith(known) for known in reviewed), f"{script.name}: {url}"


def test_outbound_links_send_no_referrer(site):
    for page in html_pages(site):
        html = soup(site, page)
        assert html.find("meta", attrs={"name": "referrer", "content": "no-referrer"}), page
        for link in html.find_all("a", href=True):
            if _external(link["href"]):
                assert {"noopener", "noreferrer"} <= set(link.get("rel", [])), f"{page}: {link}"
