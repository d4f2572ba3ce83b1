"""Keyboard and switch users: every page usable with Tab and Enter alone, at every width
and zoom, with few, large, visible stops. One page of each kind (conftest.py,
`sample_pages`) is walked with Tab on each of SCREENS, each screen in a colour scheme
(SCHEME_OF), one with large text (LARGE_TEXT); the number of stops before the main
content is printed.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout, expect

from tests.browser_audits import FOCUS_RING_CONTRAST_JS, FOCUS_STOP_JS, describe, run_axe, tab_through, tab_to
from tests.reader_tour import SCHEMES
from tests.site_build import MATERIAL
from tests.site_pages import soup

pytestmark = pytest.mark.browser

SCREENS = {
    "phone-360": {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2},
    "zoom-400": {"viewport": {"width": 320, "height": 225}, "device_scale_factor": 4},
    "zoom-200": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2},
    "desktop-1280": {"viewport": {"width": 1280, "height": 900}, "device_scale_factor": 1},
}
# Each screen in a colour scheme: every sample page's focus rings are judged in each scheme.
SCHEME_OF = {"phone-360": "dark", "zoom-400": "low-blue", "zoom-200": "light", "desktop-1280": "light"}
# And the screens where the reader has chosen large text (the header grows with it: what
# Tab reaches must still come into sight below it).
LARGE_TEXT = {"desktop-1280"}
# Below this width Material replaces the tabs by the menu (its 76.25em breakpoint).
MENU_BELOW = 1220


@pytest.fixture
def open_page(tab):
    """`open_page(url, screen)`: the page loaded afresh in the test's window for that
    screen (a new document: Tab starts from the top, with no focus left from before; one
    window per screen, as a new window costs a second of the machine's time), without
    motion: the page is judged where it comes to rest after each key (scrolling, the
    menu's slide), not while it moves."""
    windows = {}

    def load(url: str, screen: str):
        assert "#" not in url, url  # an address with a fragment may stay in the same document
        if screen not in windows:
            windows[screen] = tab(SCHEME_OF[screen], reduced_motion="reduce", **SCREENS[screen])
        page = windows[screen]
        page.goto(url)
        if screen in LARGE_TEXT and page.get_attribute("html", "data-hfd-text-size") != "large":
            # Chosen with the text-size button, remembered by each site (host) the tab visits.
            page.evaluate("document.querySelector('[data-hfd-text-size-toggle]').click()")
            page.goto(url)
            assert page.get_attribute("html", "data-hfd-text-size") == "large", url
        return page

    return load


# The focused element as the reader sees it (the palette toggle's radio button is drawn
# as the button beside it), and its outline's contrast (None for a ring of another kind).
STOP_JS = f"""(e) => {{
    const shown = e.classList.contains('md-option') ? e.nextElementSibling : e;
    const outline = getComputedStyle(shown).outlineStyle !== 'none' ? ({FOCUS_RING_CONTRAST_JS})(shown).contrast : null;
    return {{...({FOCUS_STOP_JS})(shown), outlineContrast: outline}};
}}"""
# Where the skip link led, as the reader sees it once the page has scrolled there.
SKIPPED_TO_JS = f"""async () => {{
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return ({FOCUS_STOP_JS})(document.getElementById(decodeURIComponent(location.hash.slice(1))));
}}"""


def _problems(stops) -> list[str]:
    problems = []
    for number, stop in enumerate(stops, 1):
        where = f"stop {number} ({stop['name']!r}: {stop['html']})"
        if not stop["visible"]:
            problems.append(f"{where} is not in sight")
        if not stop["ring"]:
            problems.append(f"{where} shows no focus ring")
        elif stop["outlineContrast"] is not None and stop["outlineContrast"] < 3:
            problems.append(f"{where}: its focus ring's contrast is {stop['outlineContrast']:.2f}:1, under 3:1")
        least = 24 if stop["inSentence"] else 44
        if stop["width"] < least - 0.5 or stop["height"] < least - 0.5:
            problems.append(f"{where} is {stop['width']:.0f} x {stop['height']:.0f} px, under {least} x {least}")
    return problems


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_stop_is_in_sight_ringed_and_large_enough(open_page, sample_pages, screen):
    problems, counts = [], []
    for kind in sample_pages:
        extra = kind.source.config.extra
        page = open_page(kind.url, screen)
        stops = list(tab_through(page, STOP_JS, limit=250))
        setting = f"{SCHEME_OF[screen]} scheme" + (", large text" if screen in LARGE_TEXT else "")
        problems += [f"{kind} ({screen}, {setting}): {problem}" for problem in _problems(stops)]
        before_main, before_text, tabs, sidebar = (sum(stop[key] for stop in stops)
                                                   for key in ("beforeMain", "beforeText", "inTabs", "inSidebar"))
        counts.append(f"{kind}: {before_main} stops before the main content"
                      + (f", {before_text} before the article's first paragraph" if before_text else ""))
        assert any(stop["name"] in (extra["cta"]["button"], extra["booking"]["scheduler_label"])
                   for stop in stops), f"{kind} ({screen}): the booking button is never reached"
        # The skip link (first, to pass the rest), the menu, the scheme and text-size
        # buttons, search (and the logo); on a desktop, the tabs and the side menus
        # (the section's pages, the article's contents), which Material puts first.
        assert stops[0]["html"].startswith('<a href="#') and "md-skip" in stops[0]["html"], (kind, screen)
        page.focus(".md-skip")  # and Enter on it leads past them, to content in sight below the header
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == page.get_attribute(".md-skip", "href"), (kind, screen)
        assert page.evaluate(SKIPPED_TO_JS)["visible"], f"{kind} ({screen}): the skip link's target is out of sight"
        assert before_main <= 6 + tabs + sidebar, f"{kind} ({screen}): {before_main} stops before the main content"
    print(f"\n{screen}: " + "; ".join(counts))
    assert not problems, "\n".join(problems)


# What hides the top edge of the places the reader is taken to within the page (the
# sticky header, if too little of the page is kept clear of it), as {place: what}: the
# place each link `#id` of `ids` leads to (the skip link, the contents, the footnotes),
# and a link of the content focused while the header covers its top half (as Shift+Tab
# reaches a link just above the screen).
HIDDEN_TOPS_JS = """async (ids) => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const hidden = {};
    const judge = (place, element) => {
        const box = element.getBoundingClientRect();
        if (box.height === 0 || box.top >= innerHeight) return;  // not drawn, or past a short page's end
        const seen = document.elementFromPoint(box.left + Math.min(box.width / 2, 20), Math.max(box.top, 0) + 1);
        if (seen && seen !== element && !element.contains(seen))
            hidden[place] = `${seen.tagName.toLowerCase()}.${[...seen.classList].join(".")}`;
    };
    for (const id of ids) {
        location.hash = "#" + encodeURIComponent(id);
        await frame();
        judge(`#${id}`, document.getElementById(id));
    }
    const link = [...document.querySelectorAll("article a[href]:not([tabindex='-1'])")].find(
        (a) => a.getClientRects().length && a.getBoundingClientRect().top + scrollY > innerHeight);
    let cover = document.elementFromPoint(innerWidth / 2, 1);  // what stays drawn at the top, if anything
    while (cover && !["sticky", "fixed"].includes(getComputedStyle(cover).position)) cover = cover.parentElement;
    const edge = cover ? cover.getBoundingClientRect().bottom : 0, box = link.getBoundingClientRect();
    scrollBy({top: box.top - (edge - box.height / 2), behavior: "instant"});  // across its lower edge
    document.activeElement.blur();
    await frame();
    link.focus();
    await frame();
    judge(`the focused link ${link.outerHTML.slice(0, 60)}`, link);
    return hidden;
}"""


def test_what_a_link_within_the_page_or_the_focus_brings_into_view_is_below_the_header(tab, sample_pages):
    """The header stays on top while the page scrolls, and grows with large text: on
    the sample page with the most links within itself, one place of each kind they lead
    to (by tag) and a focused link are judged at every width range its stylesheets
    distinguish (tests/reader_tour.py), in normal and large text."""
    from tests.reader_tour import MEDIA_JS, SETTING_JS, WIDEST, range_starts

    def targets(kind) -> dict[str, str]:  # {tag: an id it has} for the ids linked to
        page = soup(kind.built.site, kind.path)
        linked = [page.find(id=link["href"][1:]) for link in page.select('a[href^="#"]') if link["href"] != "#"]
        return {element.name: element["id"] for element in reversed(linked) if element}

    kind = max(sample_pages, key=lambda kind: len(targets(kind)))
    page = tab(url=kind.url, reduced_motion="reduce")
    problems = []
    for large in (False, True):
        page.evaluate(SETTING_JS, [0, large])
        for width in sorted({*range_starts(page.evaluate(MEDIA_JS)["width"]), WIDEST}):
            page.set_viewport_size({"width": width, "height": 600})
            problems += [f"at {width}px{', large text' if large else ''}: {place} lies under {what}"
                         for place, what in page.evaluate(HIDDEN_TOPS_JS, list(targets(kind).values())).items()]
    assert not problems, f"{kind}:\n" + "\n".join(problems)


@pytest.mark.parametrize("screen", ["phone-360", "desktop-1280"])
def test_enter_on_the_booking_button_opens_the_consultation_page_and_there_the_scheduler(open_page, sample_pages,
                                                                                         screen):
    # Reaching the button on every kind of page is asserted by the walk above.
    home, booking = sample_pages[0], sample_pages[0].source.config.extra["booking"]
    page = open_page(home.url, screen)
    page.route(booking["scheduler_url"] + "**", lambda route: route.fulfill(  # no request leaves this machine
        body="<title>Scheduler</title>", content_type="text/html"))
    for opens in (home.url + booking["consultation_page"], booking["scheduler_url"]):
        tab_to(page, "aside.hfd-cta a.md-button--primary", limit=250)
        page.keyboard.press("Enter")
        page.wait_for_url(opens)


def _destinations(site, address: str, narrow: bool = True) -> set[str]:
    """Where the site's navigation leads: its top-level entries (the tabs), and in the
    menu (narrow screens) the pages one level down in each section. On a desktop those
    are in the section's own side menu."""
    html = soup(site, (address or "") + ("index.html" if not address.endswith(".html") else ""))
    base = "/" + address
    found = {urljoin(base, link["href"]) for link in html.select(".md-tabs__link")}
    if narrow:
        found |= {urljoin(base, link["href"]) for link in html.select(
            ".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav[data-md-level='1'] "
            "> .md-nav__list > .md-nav__item > a.md-nav__link")}
    return found


def _enter_moves_focus(page) -> None:
    """Enter on the focused control, once the site's script has moved focus on (into the
    panel or section it opens, or back to the link it came from: reader.js)."""
    was = page.evaluate_handle("document.activeElement")
    name = page.evaluate("(e) => e.getAttribute('aria-label') || e.textContent.trim()", was)
    page.keyboard.press("Enter")
    try:
        page.wait_for_function("(was) => document.activeElement !== was", arg=was, timeout=5_000)
    except PlaywrightTimeout:
        raise AssertionError(f"Enter on {name!r} left focus where it was") from None


def _reached_by_keyboard(page, address: str, narrow: bool) -> set[str]:  # noqa: C901
    """Every navigation link focused with Tab (and Enter to open the menu and its
    sections), as absolute paths."""
    base = "/" + address
    reached = set()

    def href():
        value = page.evaluate("document.activeElement.getAttribute('href')")
        return urljoin(base, value) if value else None

    if not narrow:
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("!!document.activeElement.closest('.md-tabs')") and href():
                reached.add(href())
            if page.evaluate("!!document.activeElement.closest('.md-content')"):
                break
        return reached

    explored: set[str] = set()
    for _round in range(12):
        page.reload(wait_until="load")  # Tab from the top again
        tab_to(page, '[aria-label="Menu"]', limit=12)
        _enter_moves_focus(page)
        # The menu may open inside the current page's section: its title leads back up.
        for _ in range(5):
            level = page.evaluate("""() => {
                const nav = document.activeElement.closest('.md-nav');
                return nav ? nav.dataset.mdLevel : null; }""")
            if level in (None, "0"):
                break
            while not page.evaluate("document.activeElement.matches('label.md-nav__title')"):
                page.keyboard.press("Shift+Tab")
            _enter_moves_focus(page)
            # Back on the top level, at the section's link: what comes before it too.
            for _ in range(20):
                page.keyboard.press("Shift+Tab")
                if not page.evaluate("!!document.activeElement.closest('.md-nav--primary > .md-nav__list')"):
                    break  # on the menu's title, still in the menu
                if href():
                    reached.add(href())
            page.keyboard.press("Tab")
        opened_section = False
        for _ in range(60):
            focused = page.evaluate("""() => {
                const e = document.activeElement;
                return {inMenu: !!e.closest('.md-sidebar--primary'), href: e.getAttribute('href'),
                        section: e.matches('label.md-nav__link[for]') ? e.getAttribute('for') : null,
                        level: e.closest('.md-nav') ? e.closest('.md-nav').dataset.mdLevel : null};
            }""")
            if not focused["inMenu"]:
                break
            if focused["href"]:
                reached.add(urljoin(base, focused["href"]))
            if focused["section"] and focused["level"] == "0" and focused["section"] not in explored:
                explored.add(focused["section"])
                opened_section = True
                _enter_moves_focus(page)
                continue
            page.keyboard.press("Tab")
        if not opened_section:
            break
    return reached


def _one_page_per_section(sample_pages) -> list:
    """The sample pages, one for each part of the site's navigation they are in (the
    tab that is open on them): the menu differs only by the section that is open."""
    sections = {}
    for page in sample_pages:
        tab = soup(page.built.site, page.path).select_one(".md-tabs__item--active a")
        sections.setdefault(urljoin("/" + page.address, tab["href"]) if tab else None, page)
    return list(sections.values())


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_navigation_destination_is_reached_and_opened_by_keyboard(open_page, sample_pages, screen):
    narrow = SCREENS[screen]["viewport"]["width"] < MENU_BELOW
    for kind in _one_page_per_section(sample_pages):
        site, address = kind.built.site, kind.address
        page = open_page(kind.url, screen)
        wanted = _destinations(site, address, narrow) - {"/" + address}  # not the page itself
        reached = _reached_by_keyboard(page, address, narrow)
        assert wanted <= reached, f"{kind} ({screen}): not reached by keyboard: {sorted(wanted - reached)}"
    # And followed: Enter on the last destination opens it.
    home = sample_pages[0]
    page = open_page(home.url, screen)
    target = sorted(_destinations(home.built.site, "", narrow))[-1]
    if narrow:
        tab_to(page, '[aria-label="Menu"]', limit=12)
        page.keyboard.press("Enter")
    for _ in range(80):
        href = page.evaluate("document.activeElement.getAttribute('href')")
        if href and urljoin("/", href) == target:
            break
        if narrow and page.evaluate("document.activeElement.matches('label.md-nav__link[for]')") and target != "/":
            page.keyboard.press("Enter")
            if page.evaluate("!!document.activeElement.closest('.md-nav--primary')"):
                continue
        page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("location.pathname") == target


# The header's buttons on narrow screens: {name: (where focus moves when its panel opens,
# what is out of sight once it has closed)}.
HEADER_BUTTONS = {"Menu": (".md-sidebar--primary *", ".md-sidebar--primary a.md-nav__link"),
                  "Search": (".md-search__input", ".md-search__input")}
# Open search's own buttons that a pointer can press (clear; on a phone, close), each
# as "width x height: html" where under 44 x 44 px: Material draws them 24 px.
SMALL_SEARCH_BUTTONS_JS = """() => [...document.querySelectorAll(
        '.md-search__options > .md-icon, .md-search__icon[for=__search]')]
    .filter((e) => getComputedStyle(e).pointerEvents !== 'none' && e.getClientRects().length)
    .map((e) => [e.getBoundingClientRect(), e.outerHTML.slice(0, 80)])
    .filter(([box]) => box.width < 43.5 || box.height < 43.5)
    .map(([box, html]) => `${Math.round(box.width)} x ${Math.round(box.height)}: ${html}`)"""


@pytest.mark.parametrize("name, screen", [("Menu", "phone-360"), ("Menu", "zoom-200"),
                                          ("Search", "phone-360"), ("Search", "zoom-400")])
def test_the_menu_and_search_on_a_phone_are_buttons_that_open_close_and_return_focus(open_page, grown_url,
                                                                                     name, screen):
    page = open_page(grown_url + "about/", screen)
    (inside, closed), button = HEADER_BUTTONS[name], page.get_by_role("button", name=name)
    assert button.is_visible() and button.get_attribute("aria-expanded") == "false"
    button.focus()
    _enter_moves_focus(page)  # into the panel, once it shows
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate(f"document.activeElement.matches({inside!r})")
    assert page.evaluate(f"({STOP_JS})(document.activeElement)")["visible"]
    page.keyboard.type("a")  # search's clear button shows
    small = page.evaluate(SMALL_SEARCH_BUTTONS_JS)
    assert not small, f"{name} ({screen}): under 44 x 44 px: {small}"
    page.keyboard.press("Escape")
    expect(page.locator(closed).first).to_be_hidden()  # waits while the panel slides away
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == name


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_results_reached_with_the_arrow_keys_show_a_clear_ring_and_readable_text(tab, sample_pages, scheme):
    # A word of the newest article's title, searched for from its page, as a reader would.
    article = next(kind for kind in sample_pages if kind.kind.startswith("newest article"))
    word = max(re.findall(r"[^\W\d_]{4,}", soup(article.built.site, article.path).h1.get_text()), key=len)
    page = tab(scheme, url=article.url, reduced_motion="reduce", bypass_csp=True)  # axe's script added
    page.keyboard.press("/")  # Material's key for search
    page.keyboard.type(word)
    page.locator(".md-search-result__item").first.wait_for()
    small = page.evaluate(SMALL_SEARCH_BUTTONS_JS)
    assert not small, f"{scheme}: under 44 x 44 px: {small}"
    page.keyboard.press("ArrowDown")
    ring = page.evaluate(f"({FOCUS_RING_CONTRAST_JS})(document.activeElement)")
    assert ring["contrast"] >= 3, f"{scheme}: the focused result's ring is {ring['contrast']:.2f}:1: {ring['html']}"
    found = run_axe(page, ["color-contrast"], within=".md-search__output")
    assert not found["violations"], f"{scheme}:\n" + describe(found["violations"])


def test_section_permalinks_add_no_tab_stop_and_the_contents_list_every_section(site, source):
    for post in source.published_posts:
        address, html = post.page, soup(site, post.page)
        permalinks = html.select("a.headerlink")
        assert all(link.get("tabindex") == "-1" for link in permalinks), address
        contents = {link["href"] for link in html.select(".md-nav--secondary a.md-nav__link")}
        sections = {link["href"] for link in permalinks if not link.find_parent("h1")}
        assert sections <= contents, (address, sections - contents)


def test_materials_markup_is_still_what_the_site_changes():
    # reader.js turns these labels into buttons, site.css repeats the widths where
    # Material shows them, and hooks/accessibility.py finds the permalinks by this
    # markup: an upgrade that changes any of them must be looked at.
    header = (MATERIAL / "partials/header.html").read_text(encoding="utf-8")
    assert '<label class="md-header__button md-icon" for="__drawer">' in header
    assert '<label class="md-header__button md-icon" for="__search">' in header
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    assert 'data-md-toggle="drawer" type="checkbox" id="__drawer"' in base
    assert 'data-md-toggle="search" type="checkbox" id="__search"' in base
    nav_item = (MATERIAL / "partials/nav-item.html").read_text(encoding="utf-8")
    assert 'class="md-nav__title" for="{{ path }}"' in nav_item
    assert 'tabindex="{{ tabindex }}"' in nav_item
    css = next((MATERIAL / "assets/stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert "@media screen and (min-width:76.25em){.md-header__button[for=__drawer]{display:none}" in css
    assert re.search(r"@media screen and \(min-width:60em\)\{[^}]*\.md-header__button\[for=__search\]\{display:none\}", css)
