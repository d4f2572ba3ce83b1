"""Accessibility: WCAG 2.2 AA at least, tuned for readers with dystonia."""

from __future__ import annotations

import pytest

from tests.browser_audits import FOCUS_RING_CONTRAST_JS, PRINTED_FAINT_JS, describe, tab_through
from tests.reader_tour import SCHEMES, SCREENS
from tests.site_build import MATERIAL, REPO, assert_refused, build_with
from tests.site_pages import html_pages, soup, text_of

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_on_any_kind_of_page_nor_under_the_pointer(reader_tour, scheme):
    failures = [f"{visit.page}{where}:\n{describe(found)}" for visit in reader_tour(scheme, "desktop")
                for where, found in (("", visit.axe), (", under the pointer", visit.axe_hovered)) if found]
    assert not failures, "\n".join(failures)


# -- Schemes and glare ---------------------------------------------------------------


@pytest.mark.parametrize("scheme, material_scheme", [("light", "default"), ("dark", "slate")])
def test_the_scheme_follows_the_readers_system_setting_and_is_calm(tab, grown_url, scheme, material_scheme):
    page = tab(scheme, url=grown_url + "about/")
    assert page.get_attribute("body", "data-md-color-scheme") == material_scheme
    for selector in ("body", ".md-typeset p", "footer .hfd-disclaimer"):  # no pure white on pure black
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).color") != "rgb(255, 255, 255)", selector
    assert page.eval_on_selector("body", "e => getComputedStyle(e).backgroundColor") != "rgb(0, 0, 0)"


# The reader's choice of scheme, and that it is remembered: test_low_blue.py.


def test_the_reader_can_enlarge_the_text_and_it_is_remembered(tab, grown_url):
    page = tab(url=grown_url)
    font_size = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"
    normal = page.evaluate(font_size)
    button = page.locator("[data-hfd-text-size-toggle]")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert page.evaluate(font_size) >= normal * 1.2
    assert button.get_attribute("aria-pressed") == "true"
    # Remembered before the first paint: with reader.js blocked, only the inline script at
    # the top of the next page can apply it (else each page is drawn small, then jumps).
    page.context.route("**/assets/javascripts/reader.js", lambda route: route.abort())
    page.goto(grown_url + "about/")
    assert page.evaluate(font_size) >= normal * 1.2
    page.context.unroute("**/assets/javascripts/reader.js")
    page.goto(grown_url + "about/")
    page.locator("[data-hfd-text-size-toggle]").click()
    assert page.evaluate(font_size) == normal
    page.goto(grown_url)  # and the normal size is remembered too
    assert page.evaluate(font_size) == normal


def test_in_forced_colours_the_video_play_triangle_keeps_its_shape(tab, sample_with):
    # Windows high contrast paints every border in one colour: a triangle drawn with
    # borders would be a square, a sign for "stop".
    page = tab(url=sample_with(".hfd-video").url)
    page.emulate_media(forced_colors="active")
    top, left = page.locator(".hfd-video__icon").first.evaluate(
        "(e) => [getComputedStyle(e).borderTopColor, getComputedStyle(e).borderLeftColor]")
    assert top != left, f"the play triangle is drawn as a square ({top}, {left})"


# -- Comfortable reading ------------------------------------------------------------------


# Fonts the line measure is checked with, whatever the machine has: the page's own, then
# each of these forced, served from npm packages (package.json): Arimo has Arial's and
# Liberation Sans's widths (narrow), DejaVu Sans is wide.
MEASURE_FONTS = {"Arimo": "@fontsource/arimo/files/arimo-latin-{weight}-normal.woff2",
                 "DejaVu Sans": "@fontsource/dejavu-sans/files/dejavu-sans-latin-{weight}-normal.woff2"}
LINE_MEASURE_JS = """paragraphs => {
    const canvas = document.createElement("canvas").getContext("2d");
    return paragraphs.filter(p => p.textContent.trim().length > 40).map(p => {
        const style = getComputedStyle(p);
        canvas.font = `${style.fontSize} ${style.fontFamily}`;
        const average = canvas.measureText(p.textContent).width / p.textContent.length;
        return {chars: p.clientWidth / average,
                lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize)};
    });
}"""


def _force_font(page, family: str) -> None:
    """Every text of the page in `family`, loaded from node_modules as a web font."""
    faces = "".join(
        f'@font-face {{ font-family: "Measure {family}"; font-weight: {weight}; '
        f'src: url("/__fonts__/{MEASURE_FONTS[family].format(weight=weight)}"); }}'
        for weight in (400, 700))
    page.route("**/__fonts__/**", lambda route: route.fulfill(
        path=str(REPO / "node_modules" / route.request.url.split("/__fonts__/", 1)[1])))
    page.add_style_tag(content=faces + f'body, body * {{ font-family: "Measure {family}" !important; }}')
    assert page.evaluate(f"document.fonts.load('16px \"Measure {family}\"').then(f => f.length)"), family


def test_lines_are_at_most_80_characters_with_generous_line_height(tab, sample_articles, grown_url):
    page = tab(bypass_csp=True)  # the fonts are added as a style of the page
    measures = []
    for font in [None, *MEASURE_FONTS]:
        for url in [*(article.url for article in sample_articles), grown_url + "about/"]:
            page.goto(url)
            if font:
                _force_font(page, font)
            found = page.eval_on_selector_all(".md-content__inner > p", LINE_MEASURE_JS)
            measures += [{**measure, "font": font or "the page's own", "page": url} for measure in found]
    assert measures
    for measure in measures:
        assert measure["chars"] <= 80, measure
        assert measure["lineHeight"] >= 1.5, measure


# The pages as the light tour (tests/reader_tour.py) laid them out at 320 and 640 px: a
# 1280 px screen zoomed to 400% and to 200%, with and without WCAG's text spacing.
def test_pages_reflow_without_horizontal_scrolling(reader_tour):
    problems = [f"{visit.page} {problem}" for visit in reader_tour("light", "phone") for problem in visit.reflow]
    assert not problems, "\n".join(problems)


# -- Large targets ---------------------------------------------------------------------------


@pytest.mark.parametrize("screen", SCREENS)
def test_every_control_in_the_page_chrome_is_at_least_24px(reader_tour, screen):
    small = [f"{visit.page} ({screen}): {target}" for visit in reader_tour("light", screen)
             for target in visit.small_targets]
    assert not small, "\n".join(small)


# At every width the stylesheets distinguish: controls large enough, and a way to every place
# the navigation leads (its tabs, or the menu button).
def test_at_every_width_the_page_chrome_is_large_enough_and_leads_everywhere(reader_tour):
    problems = [f"{visit.page} {problem}" for visit in reader_tour("light", "phone") for problem in visit.chrome]
    assert not problems, "\n".join(problems)


# -- Keyboard ---------------------------------------------------------------------------------

# Every Tab stop in sight (never under the sticky header), ringed and large enough, the
# first a skip link that Enter follows past the header: test_keyboard.py, on every kind of
# page at every width.


def test_every_page_has_a_skip_link_to_its_content(site):
    for path in html_pages(site):  # Material writes one only for a page with a heading
        page = soup(site, path)
        skip = page.select_one("a.md-skip")
        assert skip is not None and page.find(id=skip["href"].removeprefix("#")), path


@pytest.mark.parametrize("scheme", SCHEMES)
def test_focus_is_always_visible_with_3_to_1_contrast(tab, sample_articles, scheme):
    rings = list(tab_through(tab(scheme, url=sample_articles[0].url), FOCUS_RING_CONTRAST_JS, limit=60))
    weak = [ring for ring in rings if ring["contrast"] < 3]
    assert rings and not weak, weak


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_search_fields_ring_holds_before_materials_script_opens_search(tab, grown_url, scheme):
    # Material turns the header's search field light only when its script has opened
    # search; a reader who tabs in sooner (a slow phone, a busy page) must see the ring too.
    page = tab(scheme)
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page.goto(grown_url)
    page.focus(".md-search__input")
    assert page.evaluate("() => !document.querySelector('#__search').checked")  # not opened
    ring = page.evaluate(FOCUS_RING_CONTRAST_JS, page.evaluate_handle("() => document.activeElement"))
    assert ring["contrast"] >= 3, ring


# -- Motion and print -------------------------------------------------------------------------


def test_reduced_motion_turns_off_animation_and_smooth_scrolling(tab, sample_articles):
    page = tab(reduced_motion="reduce", url=sample_articles[0].url)
    durations = page.evaluate("""() => [...document.querySelectorAll("*")].map(e => {
        const s = getComputedStyle(e);
        return Math.max(...s.transitionDuration.split(",").map(parseFloat),
                        ...s.animationDuration.split(",").map(parseFloat));
    })""")
    assert max(durations) <= 0.001
    assert page.evaluate("() => getComputedStyle(document.documentElement).scrollBehavior") == "auto"


@pytest.mark.parametrize("scheme", SCHEMES)  # a reader prints in the scheme she reads in
def test_an_article_prints_cleanly_with_byline_address_and_disclaimer_in_dark_ink(tab, sample_articles, scheme):
    article = sample_articles[0]
    page = tab(scheme, url=article.url)
    page.emulate_media(media="print")
    faint = page.evaluate(PRINTED_FAINT_JS)
    assert not faint, "\n".join(faint)
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-search", "aside.hfd-cta"):
        for element in page.locator(chrome).all():
            assert not element.is_visible(), f"{chrome} is printed"
    for shown in ("article h1", ".hfd-byline__author", ".hfd-byline__dates",
                  ".hfd-byline__address", "footer .hfd-disclaimer"):
        assert page.locator(shown).first.is_visible(), f"{shown} is not printed"
    assert article.source.site_url + article.address in page.locator(".hfd-byline__address").inner_text()
    assert article.source.disclaimer in " ".join(page.locator("footer .hfd-disclaimer").inner_text().split())


# -- Landmark names added to Material's markup (hooks/accessibility.py) -------------------------


def test_each_landmark_name_is_added_to_markup_material_still_writes():
    from accessibility import NAMES

    for unnamed in NAMES:
        assert unnamed.markup in (MATERIAL / unnamed.template).read_text(), \
            f"Material's {unnamed.template} no longer writes {unnamed.markup!r}"


def test_each_list_in_a_posts_sidebar_has_a_name_of_its_own(site, source):  # grown: a post with `links:`
    for post in source.published_posts:
        names = [nav.get("aria-label") for nav in soup(site, post.page).select(".md-sidebar--post nav")]
        assert None not in names and len(names) == len(set(names)), f"{post.source}: {names}"
        assert len(names) == 2 + bool(post.meta.get("links")), f"{post.source}: {names}"


# The roles a screen reader lists as landmarks or opens as dialogs, and the tags that have
# them without a `role`: each needs a name, or a reader hears only "navigation". (Whether
# two names are alike depends on what is drawn at the width: axe judges that, above.)
LANDMARK_ROLES = {"navigation", "complementary", "region", "search", "form", "dialog"}
IMPLICIT_ROLES = {"nav": "navigation", "aside": "complementary", "dialog": "dialog"}


def test_every_landmark_and_dialog_on_every_page_has_a_name(site):
    for page in html_pages(site):
        html, found = soup(site, page), []
        for element in html.select("nav, aside, dialog, [role]"):
            role = element.get("role") or IMPLICIT_ROLES.get(element.name)
            if role in LANDMARK_ROLES:
                labels = [html.find(id=label) for label in element.get("aria-labelledby", "").split()]
                found.append((role, element.get("aria-label") or " ".join(text_of(label) for label in labels
                                                                         if label)))
        unnamed = [role for role, name in found if not name.strip()]
        assert not unnamed, f"{page}: unnamed {unnamed}, among {found}"


def test_a_videos_player_is_named_by_the_title_it_shows(site):  # grown: quotes and & in one
    for page in html_pages(site):
        for video in soup(site, page).select("figure.hfd-video"):
            shown = text_of(video.select_one(".hfd-video__title")).removeprefix("Play video: ")
            assert video["data-hfd-video-title"] == shown, page  # video.js names the player so


def test_the_build_stops_when_materials_markup_changes_under_a_name(tmp_path):
    search = (MATERIAL / "partials/search.html").read_text().replace('role="dialog">', 'role="dialog" >')
    assert_refused(build_with(tmp_path, {"overrides/partials/search.html": search}),
                   "Material's markup changed: partials/search.html now writes")


# -- Small things seen on every visit ----------------------------------------------------


def test_the_site_name_is_shown_whole_at_every_width(reader_tour):
    problems = [f"{visit.page} at {width}px: {state}" for visit in reader_tour("light", "phone")
                for width, state in visit.site_name.items() if (state["cut"], state["inside"]) != (False, True)]
    names = {state["text"] for visit in reader_tour("light", "phone") for state in visit.site_name.values()}
    assert not problems, "\n".join(problems)
    assert names == {reader_tour.site_name}, names


def test_callouts_are_never_smaller_than_the_text_around_them(tab, sample_pages):
    pages = [sample for sample in sample_pages
             if soup(sample.built.site, sample.path).select(".md-content .admonition, .md-content details")]
    page = tab(viewport=SCREENS["phone"])
    for path in pages:
        page.goto(path.url)
        sizes = page.evaluate("""() => [...document.querySelectorAll('.md-content :is(.admonition, details)')].map(
            (e) => [parseFloat(getComputedStyle(e).fontSize),
                    parseFloat(getComputedStyle(e.closest('.md-typeset')).fontSize)])""")
        assert all(callout >= body for callout, body in sizes), (path, sizes)


def test_tab_labels_sit_centred_in_the_tab_bar(tab, grown_url):
    page = tab(url=grown_url)
    labels = page.evaluate("""() => {
        const bar = document.querySelector('.md-tabs').getBoundingClientRect();
        return [...document.querySelectorAll('.md-tabs__link')].map((e) => {
            const box = e.getBoundingClientRect();
            return {name: e.innerText.trim(), top: box.top - bar.top, bottom: bar.bottom - box.bottom};
        });
    }""")
    assert labels and all(label["top"] >= 0 and label["bottom"] >= 0
                          and abs(label["top"] - label["bottom"]) <= 3 for label in labels), labels


def test_a_posts_details_read_as_even_lines(tab, sample_pages):
    # Date, category and reading time, on teasers and beside an article: words that share
    # a line share its middle, and "in" stays on the line of its category's name.
    pages = [sample for sample in sample_pages if soup(sample.built.site, sample.path).select(".md-post__meta")]
    page = tab(viewport={"width": 390, "height": 900})
    uneven = []
    for path, width in ((path, width) for path in pages for width in (390, 1280)):
        if width == 390:
            page.goto(path.url)
        page.set_viewport_size({"width": width, "height": 900})
        uneven += page.evaluate("""(path) => {
            const lines = (root) => {  // the box of each line of each run of words
                const boxes = [], walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                    if (!walker.currentNode.textContent.trim()) continue;
                    const range = document.createRange();
                    range.selectNodeContents(walker.currentNode);
                    boxes.push(...[...range.getClientRects()].filter((b) => b.height > 0));
                }
                return boxes;
            };
            const middle = (b) => (b.top + b.bottom) / 2;
            const share = (a, b) => a.top < b.bottom && b.top < a.bottom;
            const found = [];
            const meta = [...document.querySelectorAll('.md-meta__list, .md-sidebar .md-post__meta .md-nav__link')];
            for (const list of meta) {
                const boxes = lines(list);
                for (const a of boxes) for (const b of boxes) {
                    if (share(a, b) && Math.abs(middle(a) - middle(b)) > 3) {
                        found.push(`${path}: "${list.innerText.replace(/\\s+/g, ' ').trim()}" steps within a line`);
                    }
                }
                const link = list.matches('.md-nav__link') && list.querySelector('a');
                const before = link && link.previousSibling;
                if (before && before.textContent.trim()) {
                    const range = document.createRange();
                    range.selectNodeContents(before);
                    const words = [...range.getClientRects()].filter((b) => b.height > 0).pop();
                    const name = lines(link)[0];
                    if (!words || !name || !share(words, name)) {
                        found.push(`${path}: "${before.textContent.trim()}" is not on the line of "${link.innerText.trim()}"`);
                    }
                }
            }
            return [...new Set(found)];
        }""", f"{path} at {width}px")
    assert not uneven, uneven
