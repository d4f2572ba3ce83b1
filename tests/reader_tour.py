"""A reader's tour of the built site in Chromium: one page of each kind (conftest.py,
`sample_pages`), once per colour scheme, looked at on a phone and a desktop screen
(the tab resized), with every other host blocked. Each visit records what the promises
need, so that each page is loaded once for all of them:

- what the page tried to fetch from another host (privacy);
- axe-core's findings (accessibility), on the desktop screen;
- why the disclaimer or the booking call-to-action could not be read (tests/reading.py),
  but on the pages of each template, which `sweep` judges at every width and in every
  reader setting;
- in the low-blue scheme, every colour with more blue than red or green (or pure white);
- in the light scheme, the page laid out at other widths: the page chrome's controls
  too small to press, the site name cut or out of the header, and sideways scrolling
  or a cut-off disclaimer or booking button when zoomed (with WCAG's text spacing too).

"light" and "dark" follow the system setting; "low-blue" is the palette option the
reader picks with the toggle (stored, as Material stores it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.browser_audits import (BLUE_COLOURS_JS, CHROME_TARGETS, SITE_NAME_JS, TARGETS_JS,
                                  Network, block_other_hosts, choose_stored_scheme, run_axe)
from tests.reading import page_problems

SCHEMES = ("light", "dark", "low-blue")
LOW_BLUE = "hfd-warm"  # its name in mkdocs.yml's palette
SCREENS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@dataclass
class Visit:
    page: str
    attempts: list[str] = field(default_factory=list)
    axe: list[dict] | None = None
    disclaimer: list[str] = field(default_factory=list)
    call_to_action: list[str] = field(default_factory=list)
    blue: list[str] = field(default_factory=list)
    small_targets: list[dict] = field(default_factory=list)
    site_name: dict[str, dict] = field(default_factory=dict)   # width: what the header shows
    reflow: list[str] = field(default_factory=list)


# Widths the site name is judged at; a 1280 px screen zoomed to 400% and to 200%; and the
# text spacing WCAG 1.4.12 says readers may set.
SITE_NAME_WIDTHS = [320, 360, 390, 480, 640, 768, 1024, 1280, 1920]
REFLOW_WIDTHS = {320: "400% zoom", 640: "200% zoom"}
WCAG_TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


def tour(browser, pages, scheme: str, screens=tuple(SCREENS), swept=frozenset()) -> dict[str, list[Visit]]:
    """Visit each of `pages` (conftest.SamplePage) in one tab: loaded once, then looked at
    on each screen in turn (the tab resized). Whether the disclaimer and call-to-action
    can be read is left to the sweep (`sweep`) on the pages whose address is in `swept`."""
    # bypass_csp: the tour injects axe and the probes' styles; test_hosting.py checks
    # the pages under the site's own policy.
    context = browser.new_context(color_scheme="dark" if scheme == "dark" else "light",
                                  viewport=SCREENS[screens[0]], bypass_csp=True)
    if scheme == "low-blue":
        choose_stored_scheme(context, pages[0].source.config, LOW_BLUE)
    attempts = block_other_hosts(context)
    tab = context.new_page()
    network = Network(tab)
    visits: dict[str, list[Visit]] = {screen: [] for screen in screens}
    try:
        for page in pages:
            before = len(attempts)
            tab.set_viewport_size(SCREENS[screens[0]])
            tab.goto(page.url, wait_until="load")
            for screen in screens:
                tab.set_viewport_size(SCREENS[screen])
                # To the end of the page, so that whatever loads late (lazy pictures) loads.
                tab.evaluate("window.scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'})")
                network.wait_until_quiet(tab)
                visit = Visit(str(page))
                if page.url not in swept:
                    problems = page_problems(tab, page.source, page.path)
                    visit.disclaimer, visit.call_to_action = problems["disclaimer"], problems["call-to-action"]
                if scheme == "low-blue":
                    visit.blue = tab.evaluate(BLUE_COLOURS_JS)
                if screen == "desktop":
                    visit.axe = run_axe(tab)
                if scheme == "light":
                    visit.small_targets = [target for target in tab.evaluate(TARGETS_JS, CHROME_TARGETS)
                                           if target["width"] < 24 or target["height"] < 24]
                visit.attempts = attempts[before:]
                visits[screen].append(visit)
            if scheme == "light":
                visits[screens[0]][-1].site_name, visits[screens[0]][-1].reflow = _at_other_widths(tab)
    finally:
        context.close()
    return visits


def _at_other_widths(tab) -> tuple[dict, list[str]]:
    """The loaded page resized: what its header shows of the site name at each width, and
    where it scrolls sideways or cuts off the disclaimer or booking button when zoomed
    (the text spacing is added last: it stays on the page)."""
    site_name = {}
    for width in SITE_NAME_WIDTHS:
        tab.set_viewport_size({"width": width, "height": 600})
        site_name[str(width)] = tab.evaluate(SITE_NAME_JS)
    reflow = []
    for spacing in ("default spacing", "WCAG text spacing"):
        if spacing != "default spacing":
            tab.add_style_tag(content=WCAG_TEXT_SPACING)
        for width, zoom in REFLOW_WIDTHS.items():
            tab.set_viewport_size({"width": width, "height": 800})
            where = f"at {width}px ({zoom}, {spacing})"
            overflow = tab.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                reflow.append(f"{where} scrolls sideways by {overflow}px")
            for selector in ("footer .hfd-disclaimer", "aside.hfd-cta a.md-button--primary"):
                box = tab.locator(selector).bounding_box()
                if not (box and box["x"] >= 0 and box["x"] + box["width"] <= width + 1):
                    reflow.append(f"{where}: {selector} is cut off: {box}")
    return site_name, reflow


def unreadable(visits: list[Visit], scheme: str, screen: str) -> list[str]:
    """One line per page where the disclaimer or the call-to-action cannot be read:
    the page, the scheme, the screen and the reason."""
    return [f"{visit.page} ({scheme} scheme, {screen}): {what}: {problem}"
            for visit in visits
            for what, problems in (("disclaimer", visit.disclaimer), ("call-to-action", visit.call_to_action))
            for problem in problems]


# -- Every width, every reader setting ----------------------------------------------------

# The widths a reader's screen may have, in CSS px: from a small phone to a large desktop.
WIDEST, NARROWEST = 1920, 320
SWEEP_HEIGHT = 1600  # tall: the call-to-action and the footer photographed at once

# Where what applies to the page may change with the width of the screen: each @media
# width condition of every stylesheet the page loads (linked, @import-ed, in a <style>,
# whatever put it there), in CSS px (em and rem at 16 px, as media queries read them).
# For each, the narrowest width at which it may have changed: min-width (and >=, <)
# from its value up, max-width (and <=, >) from the pixel after it. Lengths in other
# units, and stylesheets the page may not read, are returned to be refused.
BREAKPOINTS_JS = """() => {
    const changes = new Set(), unjudged = [];
    const read = (media) => {
        for (const [, feature] of media.matchAll(/\\(([^()]*width[^()]*)\\)/g)) {
            for (const [length, value, unit] of feature.matchAll(/(-?[\\d.]+)([a-z]*)/g)) {
                if (!["px", "em", "rem", ""].includes(unit) || (unit === "" && +value !== 0)) {
                    unjudged.push(`${media}: ${length}`);
                    continue;
                }
                const px = +value * (unit === "px" ? 1 : 16);
                if (!/max-/.test(feature)) changes.add(Math.ceil(px));
                if (!/min-/.test(feature)) changes.add(Math.floor(px) + 1);
            }
        }
    };
    const visit = (sheet) => {
        read(sheet.media.mediaText);
        let rules;
        try { rules = sheet.cssRules; } catch (error) { unjudged.push(`${sheet.href}: not readable`); return; }
        const walk = (list) => { for (const rule of list) {
            if (rule.media) read(rule.media.mediaText);
            if (rule.styleSheet) visit(rule.styleSheet);
            else if (rule.cssRules) walk(rule.cssRules);
        } };
        walk(rules);
    };
    for (const sheet of document.styleSheets) visit(sheet);
    return {changes: [...changes], unjudged};
}"""

# A reader setting, applied on the loaded page as the reader applies it: the palette
# toggle's choice (Material's radio button), and the text-size button (reader.js).
_SETTING_JS = """([palette, large]) => {
    document.getElementById(`__palette_${palette}`).click();
    const root = document.documentElement;
    if ((root.getAttribute("data-hfd-text-size") === "large") !== large)
        document.querySelector("[data-hfd-text-size-toggle]").click();
    return [document.body.getAttribute("data-md-color-scheme"), root.getAttribute("data-hfd-text-size") === "large"];
}"""


def sweep_widths(tab) -> list[int]:
    """A width on each side of every breakpoint of the stylesheets the loaded page
    uses, from NARROWEST to WIDEST: the narrowest width of each range over which no
    @media width condition changes."""
    found = tab.evaluate(BREAKPOINTS_JS)
    assert not found["unjudged"], f"media queries the width sweep cannot judge: {found['unjudged']}"
    return sorted({NARROWEST, *(width for width in found["changes"] if NARROWEST < width <= WIDEST)})


def sweep(tab, page, *, first_only: bool = False) -> list[str]:
    """Why the disclaimer or the call-to-action cannot be read on the page loaded in
    `tab` (a SamplePage), in any reader setting at any width (`sweep_widths`): one line
    per setting, width and problem. `first_only`: the problems of the first setting and
    width that has some, trying first each width in the first setting and each setting
    at the first width."""
    config = page.source.config
    # Every reader setting the site offers, as (palette index, its scheme, large text): each
    # colour scheme of mkdocs.yml's theme.palette, and large text (in the first).
    schemes = [(index, option["scheme"], False) for index, option in enumerate(config["theme"]["palette"])]
    settings = [schemes[0], (*schemes[0][:2], True), *schemes[1:]]
    widths = sweep_widths(tab)
    plan = [(setting, width) for setting in settings for width in widths]
    if first_only:
        plan.sort(key=lambda step: (step[0] != settings[0]) + (step[1] != widths[0]))
    applied, problems = None, []
    for (palette, scheme, large), width in plan:
        if applied != (palette, large):
            # Light and dark follow the system setting: the system's, with the reader's choice.
            dark = "dark" in config["theme"]["palette"][palette].get("media", "")
            tab.emulate_media(color_scheme="dark" if dark else "light")
            applied = (palette, large)
            assert tab.evaluate(_SETTING_JS, [palette, large]) == [scheme, large], f"{page}: {scheme} not applied"
        tab.set_viewport_size({"width": width, "height": SWEEP_HEIGHT})
        found = page_problems(tab, page.source, page.path)
        problems += [f"{page} at {width}px, {scheme} scheme, {'large' if large else 'normal'} text: "
                     f"{what}: {problem}" for what, listed in found.items() for problem in listed]
        if problems and first_only:
            break
    return problems
