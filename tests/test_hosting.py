"""Hardened hosting: the security headers, scored as Mozilla's HTTP Observatory does,
and every page working in Chromium under exactly that policy."""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import expect

from hfd.hosting import read_headers_file, script_hashes
from hfd.page_scripts import DATA_TYPES, known_scripts
from tests.conftest import BROWSED, search_for, search_word
from tests.site_build import assert_refused, build_with
from tests.site_pages import html_pages, redirect_pages, soup
from tests.static_server import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def headers(site) -> dict[str, str]:
    return read_headers_file((site / "_headers").read_text())


def _policy(value: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in value.split(";") if part.strip()}


# -- The headers, as the Observatory's tests judge them -------------------------------------


def test_csp_blocks_everything_by_default_and_never_allows_inline_script(headers):
    csp = _policy(headers["Content-Security-Policy"])
    for directive in ("default-src", "object-src", "frame-ancestors", "base-uri"):
        assert csp[directive] == ["'none'"], directive
    # Neither 'unsafe-inline' nor 'unsafe-eval': the site's own files, and inline scripts by hash.
    assert [s for s in csp["script-src"] if s != "'self'" and not s.startswith("'sha256-")] == []
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["form-action"] == ["'self'"]


# What the policy may name beside the site itself, its inline scripts (by hash) and
# 'none': pictures written into the page (the theme's icons), and the privacy-enhanced
# video player once the reader presses play.
OTHER_SOURCES = {"img-src": {"data:"}, "frame-src": {"https://www.youtube-nocookie.com"}}


def test_the_policy_names_no_other_source_than_the_site_its_scripts_and_the_video_player(headers):
    for directive, sources in _policy(headers["Content-Security-Policy"]).items():
        others = {source for source in sources if source not in ("'self'", "'none'")
                  and not (directive == "script-src" and source.startswith("'sha256-"))}
        assert others <= OTHER_SOURCES.get(directive, set()), (directive, others)


def test_the_policy_allows_exactly_the_inline_scripts_of_the_projects_templates(site, source, headers):
    templates = re.compile("|".join(f"(?:{script})" for script in known_scripts(source.config)), re.S)
    scripts = {script.string for page in [*html_pages(site), *redirect_pages(site)]
               for script in soup(site, page).find_all("script", src=False) if script.get("type") not in DATA_TYPES}
    assert scripts and all(templates.fullmatch(script) for script in scripts)
    policy = _policy(headers["Content-Security-Policy"])["script-src"]
    assert set(script_hashes(scripts)) == {source for source in policy if source.startswith("'sha256-")}


# -- Only the project's own scripts, files and redirects, or no build -------------------------

CTA_LABEL = '<p class="hfd-cta__label">'
# case: (edits to a copy of the project, the texts of the message the build stops with)
NOT_THE_PROJECTS_OWN = {
    # (in a setting the settings check refuses them first, test_errors.py; a script written in a
    # template is the project's own)
    "handler-and-javascript-link-in-a-template": (
        {"overrides/partials/booking-cta.html": (CTA_LABEL, CTA_LABEL + '<b onclick="steal()">'
                                                                       '<a href=" javascript:steal()">x</a></b>')},
        "docs/about.md: <b> has an event handler 'onclick='", "<a href> holds the address 'javascript:steal()'"),
    "styles-fetching-from-another-site-in-a-template": (
        {"overrides/partials/booking-cta.html": (CTA_LABEL, '<style>.x:hover { background: url(//cdn.example.org/a.png) }'
                                                 '</style><b style="background: image-set(\'https://cdn.example.org/b.png\' 1x)">'
                                                 '</b><svg><style>@import "https://cdn.example.org/c.css";</style></svg>'
                                                 + CTA_LABEL)},
        "docs/about.md: has a <style> that loads '//cdn.example.org/a.png' from another site",
        "<b style> loads 'https://cdn.example.org/b.png' from another site",
        "has a <style> that loads 'https://cdn.example.org/c.css'"),
    "a-templates-value-leaving-its-string": (
        {"overrides/partials/before-paint.html": (
            "<script>", '<script>var tagline="{{ config.extra.tagline }}"</script><script>')},
        "docs/about.md: runs an inline script that is none of the site's own (var tagline=\"coaching for"),
    "a-redirect-outside-the-sites-own": (
        {"overrides/404.html": ("{% block content %}", '{% block site_meta %}{{ super() }}<meta http-equiv="refresh" '
                                'content="0; url=https://elsewhere.example/">{% endblock %}{% block content %}')},
        "404.html (the theme's 404 page, overrides/404.html): sends readers to 'https://elsewhere.example/'"),
    "a-page-under-another-extension": ({"docs/assets/raw.htm": "<p>Read me</p>"},
                                       "docs/assets/raw.htm: a '.htm' file is not a kind of file the site publishes"),
    "an-unknown-kind-of-file": ({"docs/assets/notes.pdf": b"%PDF-1.4"},
                                "docs/assets/notes.pdf: a '.pdf' file is not a kind of file the site publishes"),
    "a-drawing-with-a-script": ({"docs/assets/images/x.svg": "<svg xmlns='http://www.w3.org/2000/svg'>"
                                 "<script>steal()</script></svg>"},
                                "docs/assets/images/x.svg: the drawing is more than a drawing: it holds a <script>"),
}


@pytest.mark.parametrize("case", NOT_THE_PROJECTS_OWN)
def test_the_build_refuses_what_is_not_the_projects_own_naming_the_page_or_file(tmp_path, case):
    edits, *expected = NOT_THE_PROJECTS_OWN[case]
    assert_refused(build_with(tmp_path, edits), *expected, one_screen=False)  # a setting is on every page


def test_transport_framing_sniffing_and_referrer_headers(headers):
    hsts = headers["Strict-Transport-Security"]
    assert int(re.search(r"max-age=(\d+)", hsts)[1]) >= 15768000 and "includeSubDomains" in hsts
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_every_page_carries_the_policy_in_a_meta_tag_for_github_pages(site, headers):
    expected = _policy(headers["Content-Security-Policy"])
    expected.pop("frame-ancestors")
    for path in [*html_pages(site), *redirect_pages(site)]:
        meta = soup(site, path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, path
        assert _policy(meta["content"]) == expected, path


# -- Everything still works under that policy ---------------------------------------------------

VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


@pytest.fixture
def under_policy(tab):
    """`under_policy(built)`: (a tab, the site's address served with its _headers, the
    console's reports of the policy); every breach of it is kept in `window.__violations`."""
    with contextlib.ExitStack() as stack:
        def open_site(built):
            headers = read_headers_file((built.site / "_headers").read_text())
            base = stack.enter_context(serve(built.site, headers=headers))
            page, console = tab(), []
            page.context.add_init_script(VIOLATIONS)
            page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
            return page, base, console

        yield open_site


# What the scheme button and search were when a click left the scheme as it was.
PALETTE_STATE_JS = """() => ({
    search: document.getElementById("__search")?.checked,
    radios: [...document.querySelectorAll("input.md-option")].map((input) => input.checked),
    labels: [...document.querySelectorAll("form[data-md-component=palette] label")].map((l) => [l.htmlFor, l.hidden]),
    focused: document.activeElement?.outerHTML.slice(0, 80),
})"""


def test_no_page_breaks_the_policy_and_search_toggles_and_text_size_work(under_policy, sample_pages, served):
    for variant in dict.fromkeys(sample.built.variant for sample in sample_pages):
        page, base, console = under_policy(served(variant)[0])
        for sample in (sample for sample in sample_pages if sample.built.variant == variant):
            page.goto(base + sample.address, wait_until="networkidle")
            assert page.evaluate("window.__violations") == [] and console == [], sample
    built = served(BROWSED)[0]
    word, address = search_word(built.site, built.source)
    page, base, console = under_policy(built)
    page.goto(base + "about/", wait_until="networkidle")
    search_for(page, word)
    page.locator(f'.md-search-result__item a[href*="{address}"]').first.wait_for(timeout=60_000)
    page.keyboard.press("Escape")
    # Closed, and its overlay (a label that opens search again) faded and gone, as a
    # reader sees it before reaching for the scheme button.
    expect(page.locator(".md-search__overlay")).to_be_hidden()
    scheme = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").click()
    assert page.get_attribute("body", "data-md-color-scheme") != scheme, page.evaluate(PALETTE_STATE_JS)
    page.locator("[data-hfd-text-size-toggle]").click()
    assert page.get_attribute("html", "data-hfd-text-size") == "large"
    assert page.evaluate("window.__violations") == [] and console == []


def test_the_video_player_is_allowed_by_the_policy(under_policy, sample_with):
    video = sample_with(".hfd-video")
    page, base, console = under_policy(video.built)
    page.goto(base + video.address, wait_until="networkidle")
    page.context.route("https://www.youtube-nocookie.com/**",
                       lambda route: route.fulfill(body="<p>player</p>", content_type="text/html"))
    with page.expect_response(lambda response: "youtube-nocookie.com" in response.url):
        page.locator(".hfd-video__play").first.click()
    page.locator("iframe.hfd-video__player").wait_for()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations") == [] and console == []
