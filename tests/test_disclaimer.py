"""Disclaimer and booking call-to-action: on every page and feed item, or no build."""

from __future__ import annotations

import functools
from urllib.parse import urljoin

import pytest

from tests.conftest import BROWSED, NOW, BuiltSite, SamplePage
from tests.reader_tour import SCHEMES, SCREENS, sweep, tour, unreadable
from tests.reading import page_problems
from tests.site_build import REPO, assert_refused, build, build_with, copy_project, post_markdown
from tests.site_model import source_site
from tests.site_pages import TEMPLATE_KINDS, html_pages, soup, text_of, url_of
from tests.static_server import serve
from tests.test_feeds import FEEDS


# -- On every page ------------------------------------------------------------------


def test_generated_pages_are_among_those_checked(site, source):
    pages = set(html_pages(site))
    assert {"404.html", "blog/index.html"} <= pages
    if source.published_posts:  # the blog plugin's archive and category pages
        assert any(page.startswith("blog/archive/") for page in pages)
        assert any(page.startswith("blog/category/") for page in pages)


def test_every_page_links_to_the_disclaimer_page(site):
    for page in html_pages(site):
        links = soup(site, page).select("footer .hfd-disclaimer a[href]")
        targets = {urljoin("/" + url_of(page), a["href"]) for a in links}
        assert "/disclaimer/" in targets, page


def test_every_page_has_a_labelled_booking_cta_outside_and_after_the_article_leading_to_the_consultation(
        site, source):
    label = source.config.extra["cta"]["label"]  # says "paid": the build's rule (test_trust.py)
    for page in html_pages(site):
        cta = soup(site, page).select_one("aside.hfd-cta")
        assert cta is not None, page
        assert cta.find_parent("article") is None, f"{page}: the CTA is kept apart from the article"
        article = soup(site, page).select_one("article.md-content__inner")
        assert article is None or article.find_next("aside", class_="hfd-cta") is cta, f"{page}: after the article"
        assert label in text_of(cta.select_one(".hfd-cta__label")), page
        button = cta.select_one("a.md-button--primary[href]")
        assert button, page
        if page == "consultation/index.html":  # on it, to the booking site
            assert button["href"].startswith("https://")
        else:
            assert button["href"].rstrip("/").endswith("consultation"), page


# -- The build's check, on crafted HTML -----------------------------------------------------

TEXT = "Disclaimer: this is not medical advice."
# Ways a page shows the text, which the check must see as a reader does.
SHOWN_IN_HTML = {
    "in-a-footer": f"<footer><p>{TEXT}</p></footer>",
    "across-inline-tags": "<footer><p><strong>Disclaimer:</strong> this is not <em>medical</em> advice.</p></footer>",
    "before-a-line-break": f"<div><p>{TEXT}<br>more</p></div>",
    "in-open-details": f"<details open><summary>Legal</summary><p>{TEXT}</p></details>",
    "in-an-open-dialog": f"<dialog open><p>{TEXT}</p></dialog>",
    "after-a-hidden-element": f"<div hidden>x</div><p>{TEXT}</p>",
    "nearly-opaque": f'<p style="opacity: 0.9">{TEXT}</p>',
    "after-characters-lxml-cannot-hold": f"<p>\x08 \x00 \uffff</p><p>{TEXT}</p>",
}

# Ways of hiding text in the HTML itself, each wrapped around what it hides, and what the
# build's message says hides it: the build's check sees through each, on crafted HTML
# and in a whole build (below).
HIDING_WRAPPERS = {
    "comment": ("<!-- {} -->", "inside an HTML comment"),
    "template": ("<template>{}</template>", "inside <template>"),
    "noscript": ("<noscript>{}</noscript>", "inside <noscript>"),
    "closed-dialog": ("<dialog>{}</dialog>", "inside a closed <dialog>"),
    "closed-details": ("<details><summary>Legal</summary>{}</details>", "inside a closed <details>"),
    "video-fallback": ("<video>{}</video>", "inside <video>"),
    "audio-fallback": ("<audio>{}</audio>", "inside <audio>"),
    "object-fallback": ("<object data='x.svg'>{}</object>", "inside <object"),
    "canvas-fallback": ("<canvas>{}</canvas>", "inside <canvas>"),
    "iframe-fallback": ("<iframe>{}</iframe>", "inside <iframe>"),
    "hidden": ("<div hidden>{}</div>", "has the `hidden` attribute"),
    "aria-hidden": ('<div aria-hidden="true">{}</div>', 'has aria-hidden="true"'),
    "display-none": ('<div style="display: none">{}</div>', "has a style that hides it"),
    "opacity-0": ('<div style="opacity: 0">{}</div>', "has a style that hides it"),
    "opacity-faint": ('<div style="opacity: 0.05">{}</div>', "has a style that hides it"),
    "font-size-0": ('<div style="font-size:0">{}</div>', "has a style that hides it"),
    "material-toggle-class": ('<div class="md-toggle">{}</div>', "has the class 'md-toggle'"),
    "material-option-class": ('<div class="md-option">{}</div>', "has the class 'md-option'"),
    "site-print-only-class": ('<div class="hfd-print-only">{}</div>', "has the class 'hfd-print-only'"),
    # Tags left open, which browsers parse otherwise than lxml: what follows is theirs.
    **{f"open-{tag}": (f"<{tag}>{{}}", f"inside <{tag}>")
       for tag in ("select", "textarea", "plaintext", "xmp", "noembed", "noframes", "title", "style")},
    "open-comment": ("<!-- {}", "inside an HTML comment"),
}
HIDDEN_IN_HTML = {
    **{name: wrapper.format(f"<p>{TEXT}</p>") for name, (wrapper, _) in HIDING_WRAPPERS.items()},
    "script": f"<script>var d = '{TEXT}';</script>",
    "closed-dialog-loose-text": f"<dialog>{TEXT}</dialog>",
    "svg-desc": f"<svg><desc>{TEXT}</desc></svg>",
    "svg-title": f"<svg><title>{TEXT}</title></svg>",
    "svg-metadata": f"<svg><metadata>{TEXT}</metadata></svg>",
    "display-none-uppercase": f'<div style="color:red;DISPLAY:NONE"><p>{TEXT}</p></div>',
    "visibility-hidden": f'<p style="visibility:hidden">{TEXT}</p>',
    "color-transparent": f'<p style="color: transparent">{TEXT}</p>',
    "zero-height": f'<p style="height:0; overflow:hidden">{TEXT}</p>',
    "clip-rect": f'<p style="position:absolute; clip: rect(0 0 0 0)">{TEXT}</p>',
    "title": f"<title>{TEXT}</title>",
    "partial-text": "<p>Disclaimer: this is not</p>",
}


@pytest.fixture(scope="module")
def stylesheet_hidden_classes():
    """The classes the theme's and the site's stylesheets hide (joined, as pages load them)."""
    from mkdocs.config import load_config

    from hfd.stylesheets import theme_stylesheets
    from hfd.visible_text import hidden_classes

    config = load_config(str(REPO / "mkdocs.yml"))
    own = [REPO / "docs" / name for name in config.extra["stylesheets"]]
    return hidden_classes([*theme_stylesheets(config.theme.dirs, palette=True), *own])


@pytest.mark.parametrize("case", [*SHOWN_IN_HTML, *HIDDEN_IN_HTML])
def test_the_builds_check_sees_a_visible_disclaimer_and_sees_through_hidden_text(case, stylesheet_hidden_classes):
    from hfd.visible_text import visible_text

    document = f"<html><head></head><body>{SHOWN_IN_HTML.get(case) or HIDDEN_IN_HTML[case]}</body></html>"
    assert (TEXT in visible_text(document, stylesheet_hidden_classes)) is (case in SHOWN_IN_HTML)


# -- The build refuses a site without it --------------------------------------------------

BARE_TEMPLATE = """{% extends "main.html" %}
{% block footer %}<footer><p>Nothing to see here.</p></footer>{% endblock %}
"""


def test_the_build_refuses_a_page_whose_template_drops_the_disclaimer_naming_only_that_page(tmp_path):
    result = build_with(tmp_path, {
        "overrides/bare.html": BARE_TEMPLATE,
        "docs/landing.md": "---\ntitle: Landing\ntemplate: bare.html\n---\n\n# Landing\n\nHello.\n",
        "mkdocs.yml": ("  - Disclaimer: disclaimer.md", "  - Disclaimer: disclaimer.md\n  - Landing: landing.md"),
    })
    assert_refused(result, "docs/landing.md, template 'bare.html': no visible disclaimer")
    offending = [line for line in result.output.splitlines() if line.startswith("  - ")]
    assert len(offending) == 1, "one line per offending page, and only that page"


# A stylesheet of mkdocs.yml's extra_css, linked by every page after the site's own.
EXTRA_CSS = {"mkdocs.yml": ("\nextra:\n", "\nextra_css:\n  - assets/stylesheets/extra.css\nextra:\n"),
             "docs/assets/stylesheets/extra.css": "/* added by the author */\n"}
# case: (edits to a copy of the project, the texts of the message the build stops with)
WITHOUT_IT = {
    "404-template": ({"overrides/404.html": BARE_TEMPLATE},
                     "  - 404.html (the theme's 404 page, overrides/404.html): no visible disclaimer"),
    "feeds": ({"docs/blog/posts/a-post.md": post_markdown("a-post", title="A post"),
               "mkdocs.yml": ("  - hooks/feeds.py\n", "")},
              *(f"  - {feed}: item 'A post' has no disclaimer" for feed in FEEDS)),
    "no-disclaimer-source": ({"docs/disclaimer.md": None}, "'disclaimer.md' is missing"),
    # A disclaimer is real text: a sentence of words, not a link or invisible characters.
    **{name: ({"docs/disclaimer.md": (REPO / "docs/disclaimer.md").read_text().split("# Disclaimer")[0]
               + f"# Disclaimer\n\n{body}\n"}, "  - docs/disclaimer.md: it has 0 words of text outside links")
       for name, body in {"only-a-link": "[Read the disclaimer on our About page](about.md)",
                          "invisible-characters": "\u200b\u200b\u00ad \u00a0\u00a0 \u3164\u3164 \u2063"}.items()},
    "cta-label-one-word": ({"mkdocs.yml": ("label: Hope for Dystonia's paid coaching service", 'label: "Paid\u200b"')},
                           "  - extra.cta.label is 'Paid\u200b'; write who offers it"),
    # Hidden on every page, by a stylesheet of extra_css or in the call-to-action's template.
    "extra-css-class": ({**EXTRA_CSS, "docs/assets/stylesheets/extra.css": ".hfd-disclaimer { display: none }"},
                        "  - docs/about.md: no visible disclaimer: ", "'hfd-disclaimer', which a stylesheet hides"),
    "cta-label-hidden": ({"overrides/partials/booking-cta.html": ('"hfd-cta__label"', '"hfd-cta__label" hidden')},
                         "  - docs/about.md: no visible booking call-to-action", "has the `hidden` attribute"),
}


@pytest.mark.parametrize("case", WITHOUT_IT)
def test_the_build_refuses_a_site_without_the_disclaimer_naming_where_it_is_missing(tmp_path, case):
    edits, *expected = WITHOUT_IT[case]
    assert_refused(build_with(tmp_path, edits), *expected)


# A page template per way of hiding, with the disclaimer or the call-to-action hidden so,
# after the other (a tag left open hides all that follows). Not named CTA: the browser
# checks below name the call-to-action's selector so, and the fixtures read the module's
# name when they run.
CTA_INCLUDE = '{% include "partials/booking-cta.html" %}'
DISCLAIMER_HTML = '<div class="hfd-disclaimer">{{ disclaimer_html }}</div>'
# What is hidden: (its markup, what is shown before it, the ways of hiding it). The
# disclaimer's words may also be hidden as the text of an SVG <desc>, which holds no HTML.
SVG_DESC = ("<svg><desc>{{{{ disclaimer_html | striptags }}}}</desc></svg>", "inside <svg>")
HIDDEN_IN_PAGES = {
    "disclaimer": (DISCLAIMER_HTML, CTA_INCLUDE, {**HIDING_WRAPPERS, "svg-desc": SVG_DESC}),
    "booking call-to-action": (CTA_INCLUDE, DISCLAIMER_HTML, HIDING_WRAPPERS),
}


@pytest.fixture(scope="module")
def hiding_build(tmp_path_factory):
    """`hiding_build(what)`: a build of a site with a page per way of hiding `what`, made
    once; one build each, as the disclaimer's check stops a build before the call-to-action's
    check runs. Not strict, so that only the site's own check can stop it."""
    @functools.cache
    def built(what: str):
        hidden, shown, wrappers = HIDDEN_IN_PAGES[what]
        edits = {"mkdocs.yml": ("strict: true", "strict: false\nnot_in_nav: /hide-*.md")}
        for name, (wrapper, _) in wrappers.items():
            edits[f"overrides/hide-{name}.html"] = ('{% extends "main.html" %}\n{% block footer %}<footer>'
                                                   + shown + wrapper.format(hidden) + "</footer>{% endblock %}\n")
            edits[f"docs/hide-{name}.md"] = (f"---\ntitle: Hidden, {name}\ntemplate: hide-{name}.html\n---\n\n"
                                             "# Hidden\n\nText.\n")
        return build_with(tmp_path_factory.mktemp("hidden"), edits, strict=False)

    return built


@pytest.mark.parametrize("what, name", [(what, name) for what in HIDDEN_IN_PAGES for name in HIDDEN_IN_PAGES[what][2]])
def test_the_build_refuses_a_disclaimer_or_call_to_action_hidden_in_the_html_naming_the_page_and_what_hides_it(
        hiding_build, what, name):
    result = hiding_build(what)
    start = f"  - docs/hide-{name}.md, template 'hide-{name}.html': no visible {what}"
    assert_refused(result, start, one_screen=False)
    line = next(line for line in result.output.splitlines() if line.startswith(start))
    _, _, ways = HIDDEN_IN_PAGES[what]
    assert ways[name][1] in line, line


# -- Links written in the disclaimer work wherever it appears ------------------------------

LINKED = ("**Disclaimer:** read our [privacy policy](privacy.md), the [contact page](contact.md#write-to-us)"
          " and [this page](#disclaimer).")


def test_links_in_the_disclaimer_lead_to_their_page_from_every_page_and_every_feed(tmp_path):
    front = (REPO / "docs/disclaimer.md").read_text().rsplit("# Disclaimer", 1)[0]
    result = build_with(tmp_path, {
        "docs/blog/posts/a-post.md": post_markdown("a-post", title="A post"),
        "docs/disclaimer.md": f"{front}# Disclaimer\n\n{LINKED}\n",
        "docs/contact.md": (REPO / "docs/contact.md").read_text() + "\n## Write to us\n\nBy email.\n",
    })
    assert result.returncode == 0, result.output
    site = tmp_path / "site"
    for path in html_pages(site):
        links = soup(site, path).select("footer .hfd-disclaimer a[href]")
        targets = {urljoin("/" + url_of(path), a["href"]) for a in links}
        assert {"/privacy/", "/contact/#write-to-us", "/disclaimer/#disclaimer"} <= targets, path
    feed = (site / "feed_rss_created.xml").read_text()  # full addresses: a feed reader has no page
    assert "https://www.hopefordystonia.com/privacy/" in feed
    assert "https://www.hopefordystonia.com/contact/#write-to-us" in feed


def test_the_build_refuses_a_disclaimer_link_to_a_missing_page_naming_it(tmp_path):
    edits = {"docs/disclaimer.md": (REPO / "docs/disclaimer.md").read_text() + "\nSee [our terms](terms.md).\n"}
    assert_refused(build_with(tmp_path, edits),
                   "docs/disclaimer.md links to 'terms.md', which is not a page or file of the site")


# -- What a reader sees, in Chromium: one page of each template at a width on each side of
# -- every breakpoint, in every colour scheme and with large text; the other pages in every
# -- scheme, on a phone and a desktop -------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_kind_of_page_shows_a_readable_disclaimer_and_call_to_action(reader_tour, scheme, screen):
    problems = unreadable(reader_tour(scheme, screen), scheme, screen)
    assert not problems, "\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_each_template_shows_a_readable_disclaimer_and_call_to_action_at_every_width_in_every_setting(
        tab, sample_pages, kind):
    # The page of that template in the browsed build: the reader's tour leaves it to this sweep.
    page = next(page for page in sample_pages if page.built.variant == BROWSED and page.kind == kind)
    problems = sweep(tab(url=page.url, bypass_csp=True), page)
    assert not problems, "\n" + "\n".join(problems)


# Ways a stylesheet can hide them, which no check of the HTML sees: the reader's does.
DISCLAIMER = ".md-footer-meta .hfd-disclaimer"
CTA = "aside.hfd-cta"
HIDING_STYLES = {
    "display-none": (f"{DISCLAIMER} {{ display: none }}", "not rendered"),
    "visibility-hidden": (f"{DISCLAIMER} {{ visibility: hidden }}", "not rendered"),
    "opacity-0": (f"{DISCLAIMER} {{ opacity: 0 }}", "not drawn"),
    "nearly-transparent": (f"{DISCLAIMER} {{ opacity: 0.2 }}", "contrast"),
    "transparent-colour": (f"{DISCLAIMER}, {DISCLAIMER} * {{ color: transparent !important }}", "not drawn"),
    "colour-alpha": (f"{DISCLAIMER} p {{ color: rgb(238 242 241 / 0.25) !important }}", "contrast"),
    "footer-colours": (f"{DISCLAIMER} p {{ color: var(--md-footer-bg-color) !important }}", "not drawn"),
    "low-contrast": (f"{DISCLAIMER} p {{ color: #55605f !important }}", "contrast"),
    "filter-opacity": (f"{DISCLAIMER} {{ filter: opacity(0) }}", "not drawn"),
    "filter-brightness": (f"{DISCLAIMER} {{ filter: brightness(0.15) }}", "not drawn"),
    "mask": (f"{DISCLAIMER} {{ -webkit-mask-image: linear-gradient(transparent, transparent); "
             "mask-image: linear-gradient(transparent, transparent) }", "not drawn"),
    "off-screen": (f"{DISCLAIMER} {{ position: absolute; left: -9999px }}", "outside the page"),
    "text-indent": (f"{DISCLAIMER} p {{ text-indent: -200vw }}", "outside the page"),
    "clip-path": (f"{DISCLAIMER} {{ clip-path: inset(50%) }}", "not drawn"),
    "squeezed": (f"{DISCLAIMER} {{ height: 0; overflow: hidden; margin: 0 }}", "not drawn"),
    "font-size-0": (f"{DISCLAIMER} p {{ font-size: 0 !important }}", "no size"),
    "tiny-text": (f"{DISCLAIMER} p {{ font-size: 8px !important }}", "under 12 px"),
    "scaled-down": (f"{DISCLAIMER} {{ transform: scale(0.4); transform-origin: 0 0 }}", "under 12 px"),
    "covered": (".md-footer-meta { position: relative } .md-footer-meta::after { content: ''; "
                "position: absolute; inset: 0; background: var(--md-footer-bg-color) }", "not drawn"),
    "covered-click-through": ("body::after { content: ''; position: fixed; inset: 0; z-index: 9; "
                              "background: #fbfaf7; pointer-events: none }", "not drawn"),
    "behind-the-page": (".md-footer { position: relative; z-index: -1 } "
                        ".md-container { background: #fbfaf7 }", "not drawn"),
    "dark-scheme-only": (f"[data-md-color-scheme=slate] {DISCLAIMER} {{ opacity: 0 }}", "not drawn"),
    "phone-only": (f"@media (max-width: 600px) {{ {DISCLAIMER} {{ display: none }} }}", "not rendered"),
    # Motion: what a reader sees depends on when; only motion that ends within a wait is
    # judged, and any other, anywhere on the page, is refused for both texts.
    "blinking": ("@keyframes hfd-blink { 50% { opacity: 0 } } "
                 f"{DISCLAIMER} {{ animation: hfd-blink 1s infinite }}", "never ends"),
    "fading-for-a-day": (f"@keyframes hfd-fade-day {{ to {{ opacity: 0 }} }} "
                         f"{DISCLAIMER} {{ animation: hfd-fade-day 86400s }}", "ends after 86400 s"),
    "gone-after-a-delay": (f"@keyframes hfd-fade-late {{ to {{ opacity: 0 }} }} "
                           f"{DISCLAIMER} {{ animation: hfd-fade-late 0.1s 10s forwards }}", "ends after 10 s"),
    "paused-transparent": (f"@keyframes hfd-paused {{ to {{ opacity: 0 }} }} "
                           f"{DISCLAIMER} {{ animation: hfd-paused 1s paused both }}", "paused"),
    "faded-by-scrolling": (f"@keyframes hfd-scrolled {{ to {{ opacity: 0 }} }} "
                           f"{DISCLAIMER} {{ animation: hfd-scrolled linear both; animation-timeline: view() }}",
                           "follows the scrolling"),
    "cta-opacity-0": (f"{CTA} {{ opacity: 0 }}", "not drawn"),
    "cta-off-screen": (f"{CTA} {{ position: absolute; left: -9999px }}", "outside the page"),
    "cta-low-contrast": (f"{CTA} .hfd-cta__inner, {CTA} .hfd-cta__inner * {{ color: #cfd9d6 !important }}",
                         "contrast"),
    "cta-covered": (f"{CTA} {{ position: relative }} {CTA}::after {{ content: ''; position: absolute; "
                    "inset: 0; background: #fbfaf7 }", "not drawn"),
    "cta-small-button": (f"{CTA} .hfd-cta__button {{ min-height: 0 !important; min-width: 0 !important; "
                         "padding: 0 !important; line-height: 1 !important; font-size: 12px !important }",
                         "under 44 x 44"),
    "cta-label-display-none": (f"{CTA} .hfd-cta__label {{ display: none }}", "not rendered"),
    "cta-label-transparent": (f"{CTA} .hfd-cta__label {{ opacity: 0 }}", "not drawn"),
    "cta-button-unpressable": (f"{CTA} .hfd-cta__actions {{ position: relative }} "
                               f"{CTA} .hfd-cta__actions::after {{ content: ''; position: absolute; "
                               "inset: 0; background: transparent }", "cannot be pressed"),
}


@pytest.fixture(scope="module")
def reader_check(browser, served):
    """`reader_check(css, scheme=, screen=)`: what the reader's check finds on the About
    page with `css` added; one tab per scheme and screen, the page loaded once, each
    probe's style added and taken away again."""
    built, url = served(BROWSED)
    tabs = {}

    def check(css: str, *, scheme: str = "light", screen: str = "desktop") -> dict:
        if (scheme, screen) not in tabs:
            context = browser.new_context(color_scheme=scheme, viewport=SCREENS[screen], bypass_csp=True)
            tabs[scheme, screen] = context.new_page()
            tabs[scheme, screen].goto(url + "about/", wait_until="networkidle")
        tab = tabs[scheme, screen]
        probe = tab.add_style_tag(content=css or "/* nothing added */")
        try:
            return page_problems(tab, built.source, "about/index.html")
        finally:
            # Styled without it at once: else a next probe's animation of the same name
            # continues this one's, as CSS says of an animation whose name stays.
            probe.evaluate("style => { style.remove(); document.body.offsetHeight; }")
            tab.evaluate("window.scrollTo(0, 0)")

    yield check
    for tab in tabs.values():
        tab.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", HIDING_STYLES)
def test_the_readers_check_refuses_a_disclaimer_or_call_to_action_hidden_by_a_stylesheet(reader_check, name):
    hidden = "call-to-action" if name.startswith("cta-") else "disclaimer"
    css, reason = HIDING_STYLES[name]
    found = reader_check(css, scheme="dark" if name == "dark-scheme-only" else "light",
                         screen="desktop" if hidden == "disclaimer" and name != "phone-only" else "phone")
    assert any(reason in problem for problem in found[hidden]), found
    assert hidden == "disclaimer" or found["disclaimer"] == [], "only the call-to-action was hidden"


@pytest.mark.browser
@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_readers_check_accepts_the_site_as_it_is(reader_check, scheme, screen):
    assert reader_check("", scheme=scheme, screen=screen) == {"disclaimer": [], "call-to-action": []}


@pytest.mark.browser
def test_a_disclaimer_hidden_in_the_sites_stylesheet_fails_make_test_naming_page_scheme_and_screen(
        browser, tmp_path):
    project = copy_project(tmp_path / "project")
    stylesheet = project / "docs/assets/stylesheets/site.css"
    # A rule the build cannot judge from the HTML (a plain `.class { ... }` fails the build
    # itself: test_build.py).
    stylesheet.write_text(stylesheet.read_text() + "\n.md-footer-meta .hfd-disclaimer { opacity: 0; }\n")
    result = build(project, tmp_path / "site", now=NOW)
    assert result.returncode == 0, "the HTML shows nothing wrong: only a browser can tell"
    built = BuiltSite("changed", project, tmp_path / "site", source_site(project, NOW.isoformat()))
    with serve(tmp_path / "site") as url:
        visits = tour(browser, [SamplePage(built, "about/index.html", "about", url + "about/")], "dark",
                      ("phone",))["phone"]
    problems = unreadable(visits, "dark", "phone")
    assert problems and problems[0].startswith(
        "about/index.html (about, changed site) (dark scheme, phone): disclaimer: ") and "not drawn" in problems[0]


# What hides them at some widths only, in one reader setting or on some screens only, from
# a stylesheet of extra_css: (the rule, what names where the sweep first finds them hidden).
SWEEP_PROBES = {
    "between-breakpoints": (f"@media (min-width: 50em) and (max-width: 52em) {{ {DISCLAIMER} {{ display: none }} }}",
                            ("at 800px, default scheme, normal text: disclaimer: ",)),
    "range-syntax": (f"@media (1000px < width <= 1010px) {{ {DISCLAIMER} {{ opacity: 0 }} }}",
                     ("at 1001px, default scheme, normal text: disclaimer: ",)),
    "large-text": (f'[data-hfd-text-size="large"] {DISCLAIMER} {{ opacity: 0 }}', ("large text", ": disclaimer: ")),
    "low-blue": (f"[data-md-color-scheme=hfd-warm] {DISCLAIMER} {{ opacity: 0 }}", ("hfd-warm scheme, normal text",)),
    "large-text-between-breakpoints": (
        f'@media (min-width: 40em) and (max-width: 41em) {{ [data-hfd-text-size="large"] {CTA} {{ opacity: 0 }} }}',
        ("at 640px, default scheme, large text", ": call-to-action: ")),
    "short-screen": (f"@media (max-height: 800px) {{ {CTA} {{ opacity: 0 }} }}", ("px tall", ": call-to-action: ")),
    "reduced-motion": (f"@media (prefers-reduced-motion: reduce) {{ {DISCLAIMER} {{ opacity: 0 }} }}",
                       ("reduced motion", ": disclaimer: ")),
    "coarse-pointer": (f"@media (pointer: coarse) {{ {CTA} {{ opacity: 0 }} }}",
                       ("pointer reversed", ": call-to-action: ")),
    "no-hover": (f"@media not all and (hover: hover) {{ {DISCLAIMER} {{ opacity: 0 }} }}",
                 ("hover reversed", ": disclaimer: ")),
    "height-units": (f"{CTA} {{ clip-path: inset(0 0 calc(max(0px, 300px - 100vh) * 100) 0) }}",
                     ("256px tall", ": call-to-action: ")),
    # Conditions no media list names: refused, as the sweep cannot find where they change.
    "container-query": (f"@container (min-width: 500px) {{ {CTA} {{ opacity: 0 }} }}",
                        ("a rule of a kind the sweep does not know",)),
}


@pytest.fixture(scope="module")
def extra_css_sweep(browser, tmp_path_factory):
    """`extra_css_sweep(css)`: the sweep's first problems on the About page of a site
    built with an extra_css stylesheet, that stylesheet holding `css`."""
    root = tmp_path_factory.mktemp("extra-css")
    assert build_with(root, EXTRA_CSS).returncode == 0
    built = BuiltSite("extra_css", root / "project", root / "site", source_site(root / "project", NOW.isoformat()))
    context = browser.new_context(bypass_csp=True)
    stylesheet = {"css": ""}
    context.route("**/assets/stylesheets/extra.css",
                  lambda route: route.fulfill(body=stylesheet["css"], content_type="text/css"))
    tab = context.new_page()
    with serve(root / "site") as url:
        page = SamplePage(built, "about/index.html", "about", url + "about/")

        def first_problems(css: str) -> list[str]:
            stylesheet["css"] = css
            tab.goto(page.url)
            return sweep(tab, page, first_only=True)

        yield first_problems
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", SWEEP_PROBES)
def test_the_sweep_finds_what_an_extra_css_stylesheet_hides_at_one_width_or_in_one_setting(extra_css_sweep, name):
    css, expected = SWEEP_PROBES[name]
    problems = extra_css_sweep(css)
    assert problems and all(part in problems[0] for part in expected), problems
