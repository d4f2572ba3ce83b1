"""A reader's tour of the built site in Chromium: one page of each kind (conftest.py,
`sample_pages`), once per colour scheme, looked at on a phone and a desktop screen
(the tab resized), with every other host blocked. Each visit records what the promises
need, so that each page is loaded once for all of them:

- what the page tried to fetch from another host (privacy);
- axe-core's findings (accessibility), on the desktop screen; and its colour contrast
  findings with the page drawn under the pointer (`HOVERED_JS`); each text whose
  contrast axe leaves undecided is measured in pixels (tests/reading.py);
- why the disclaimer or the booking call-to-action could not be read (tests/reading.py),
  but on the pages of each template, which `sweep` judges at every width and in every
  reader setting;
- in the low-blue scheme, every colour with more blue than red or green (or pure white),
  and on the desktop screen also under the pointer;
- in the light scheme, the page chrome's controls too small to press; and the page
  laid out at the narrowest width of each range its stylesheets distinguish: the site
  name cut or out of the header, controls too small, places of the site's navigation
  it shows no way to; and sideways scrolling or a cut-off disclaimer or booking button
  when zoomed (with WCAG's text spacing too).

"light" and "dark" follow the system setting; "low-blue" is the palette option the
reader picks with the toggle (stored, as Material stores it).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from tests.browser_audits import (BLUE_COLOURS_JS, CHROME_TARGETS, HOVERED_JS, SITE_NAME_JS, TARGETS_JS,
                                  Network, block_other_hosts, choose_stored_scheme, run_axe)
from tests.reading import page_problems, unreadable_texts

SCHEMES = ("light", "dark", "low-blue")
LOW_BLUE = "hfd-warm"  # its name in mkdocs.yml's palette
SCREENS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@dataclass
class Visit:
    page: str
    attempts: list[str] = field(default_factory=list)
    axe: list[dict] | None = None
    axe_hovered: list[dict] | None = None  # colour contrast under the pointer
    disclaimer: list[str] = field(default_factory=list)
    call_to_action: list[str] = field(default_factory=list)
    blue: list[str] = field(default_factory=list)
    small_targets: list[dict] = field(default_factory=list)
    site_name: dict[str, dict] = field(default_factory=dict)   # width: what the header shows
    chrome: list[str] = field(default_factory=list)            # at each width: too small, or no way
    reflow: list[str] = field(default_factory=list)


# Where the site's navigation leads (Material's tabs, in every page, drawn on wide screens
# only) that the page shows no way to: no link to it in sight, and no menu button.
NAVIGATION_UNREACHED_JS = """() => {
    const shown = (e) => { const box = e.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth
            && e.checkVisibility({opacityProperty: true, visibilityProperty: true}); };
    const menu = document.querySelector('.md-header [aria-label="Menu"]');
    if (menu && shown(menu)) return [];
    const inSight = new Set([...document.querySelectorAll("a[href]")].filter(shown).map((a) => a.href));
    return [...new Set([...document.querySelectorAll(".md-tabs__link")].map((a) => a.href))]
        .filter((href) => !inSight.has(href));
}"""
# Back at the top of the page (where Material shows its tabs again), once any motion
# that set off has ended (none under reduced motion; what is allowed ends within seconds).
AT_THE_TOP_JS = """async () => {
    window.scrollTo({top: 0, behavior: "instant"});
    for (let frame = 0; frame < 2; frame++) await new Promise((done) => requestAnimationFrame(done));
    await Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime < Infinity)
                                              .map((a) => a.finished.catch(() => null)));
}"""
# What changes under the pointer: colours (Material's links and buttons take the accent).
HOVER_RULES = ["color-contrast", "link-in-text-block"]
# A 1280 px screen zoomed to 400% and to 200%; and the text spacing WCAG 1.4.12 says
# readers may set.
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
                    visit.axe = _axe(tab)
                    tab.evaluate(HOVERED_JS, True)
                    visit.axe_hovered = _axe(tab, HOVER_RULES)
                    if scheme == "low-blue":
                        visit.blue += [f"under the pointer, {colour}" for colour in tab.evaluate(BLUE_COLOURS_JS)
                                       if colour not in visit.blue]
                    tab.evaluate(HOVERED_JS, False)
                if scheme == "light":
                    visit.small_targets = _small_targets(tab)
                visit.attempts = attempts[before:]
                visits[screen].append(visit)
            if scheme == "light":
                visit = visits[screens[0]][-1]
                visit.site_name, visit.chrome, visit.reflow = _at_other_widths(tab)
    finally:
        context.close()
    return visits


def _at_other_widths(tab) -> tuple[dict, list[str], list[str]]:
    """The loaded page resized to the narrowest width of each range its stylesheets
    distinguish (`MEDIA_JS`), and the widest, at its top: what its header shows of the
    site name at each, and the chrome's controls too small to press or the places of
    the navigation it shows no way to; then where it scrolls sideways or cuts off the
    disclaimer or booking button when zoomed (the text spacing is added last: it stays
    on the page)."""
    site_name, chrome = {}, []
    widths = sorted({*range_starts(tab.evaluate(MEDIA_JS)["width"]), WIDEST})
    tab.emulate_media(reduced_motion="reduce")  # at rest at once after each resize (Material's tabs fade in)
    for width in widths:
        tab.set_viewport_size({"width": width, "height": 600})
        tab.evaluate(AT_THE_TOP_JS)
        site_name[str(width)] = tab.evaluate(SITE_NAME_JS)
        chrome += [f"at {width}px: {target['name']!r} is {target['width']:.0f} x {target['height']:.0f} px, "
                   "under 24 x 24" for target in _small_targets(tab)]
        chrome += [f"at {width}px: no link in sight and no menu leads to {address}"
                   for address in tab.evaluate(NAVIGATION_UNREACHED_JS)]
    tab.emulate_media(reduced_motion="no-preference")
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
    return site_name, chrome, reflow


def _small_targets(tab) -> list[dict]:
    """The page chrome's controls on screen that are under 24 x 24 px."""
    return [target for target in tab.evaluate(TARGETS_JS, CHROME_TARGETS)
            if target["width"] < 24 or target["height"] < 24]


def unreadable(visits: list[Visit], scheme: str, screen: str) -> list[str]:
    """One line per page where the disclaimer or the call-to-action cannot be read:
    the page, the scheme, the screen and the reason."""
    return [f"{visit.page} ({scheme} scheme, {screen}): {what}: {problem}"
            for visit in visits
            for what, problems in (("disclaimer", visit.disclaimer), ("call-to-action", visit.call_to_action))
            for problem in problems]


# -- Every width, every reader setting ----------------------------------------------------

# The widths a reader's screen may have, in CSS px: from a small phone to a large desktop;
# and its heights: from a phone turned sideways and zoomed (WCAG 1.4.10's 256 px) up.
WIDEST, NARROWEST = 1920, 320
SWEEP_HEIGHT, SHORTEST = 1600, 256  # tall: the call-to-action and the footer photographed at once

# Every media list of every stylesheet the page loads (linked, @import-ed, in a <style>,
# whatever put it there); the stylesheets it may not read and the rules of a kind the
# sweep does not know (an @container rule changes at widths no media list names), both
# to be refused; and where a length follows the screen's height (vh, vmin...), in a rule
# or a style attribute. `_FEATURE`: the feature each media condition `(...)` tests
# ("min-width: 60em", "width >= 600px" and "400px < width" test "width").
_KNOWN_RULES = ["CSSStyleRule", "CSSMediaRule", "CSSImportRule", "CSSSupportsRule", "CSSPageRule",
                "CSSFontFaceRule", "CSSKeyframesRule", "CSSKeyframeRule", "CSSLayerBlockRule",
                "CSSLayerStatementRule", "CSSNamespaceRule", "CSSNestedDeclarations"]
_MEDIA_LISTS = """() => {
    const known = %s, heightUnit = /[\\d.](s|l|d)?v(h|b|min|max)\\b|[\\d.]cq(h|b|min|max)\\b/;
    const lists = [], unjudged = [], byHeight = [];
    const visit = (sheet) => {
        lists.push(sheet.media);
        let rules;
        try { rules = sheet.cssRules; } catch (error) { unjudged.push(`${sheet.href}: not readable`); return; }
        const walk = (list) => { for (const rule of list) {
            if (!known.includes(rule.constructor.name)) unjudged.push(`${rule.cssText.slice(0, 80)}: a rule of a kind the sweep does not know`);
            if (rule.style && heightUnit.test(rule.style.cssText)) byHeight.push(rule.cssText.slice(0, 80));
            if (rule.media) lists.push(rule.media);
            if (rule.styleSheet) visit(rule.styleSheet);
            else if (rule.cssRules) walk(rule.cssRules);
        } };
        walk(rules);
    };
    for (const sheet of document.styleSheets) visit(sheet);
    for (const element of document.querySelectorAll("[style]"))
        if (heightUnit.test(element.style.cssText)) byHeight.push(`${element.tagName}: ${element.style.cssText}`);
    return {lists, unjudged, byHeight};
}""" % _KNOWN_RULES
_FEATURE = """(condition) => {
    const name = condition.split(/[:<>=]/).map((part) => part.trim()).find((part) => /^-?[a-z][a-z-]*$/.test(part));
    return name && name.replace(/^-webkit-/, "").replace(/^(min|max)-/, "").replace(/^device-/, "");
}"""

# What the page's stylesheets may change with: for the screen's width and height, the
# narrowest (shortest) value at which each condition may have changed, in CSS px (em
# and rem at 16 px, as media queries read them): min-width (and >=, <) from its value up,
# max-width (and <=, >) from the pixel after it; every other feature they test, by name.
# Lengths in other units, and what `_MEDIA_LISTS` cannot judge, are returned to be refused;
# with the rules whose lengths follow the screen's height.
MEDIA_JS = f"""() => {{
    const feature = {_FEATURE};
    const {{lists, unjudged, byHeight}} = ({_MEDIA_LISTS})();
    const changes = {{width: new Set(), height: new Set()}}, others = new Set();
    for (const media of lists) {{
        for (const [, condition] of media.mediaText.matchAll(/\\(([^()]*)\\)/g)) {{
            const name = feature(condition);
            if (!name) continue;
            if (!(name in changes)) {{ others.add(name); continue; }}
            for (const [length, value, unit] of condition.matchAll(/(-?[\\d.]+)([a-z]*)/g)) {{
                if (!["px", "em", "rem", ""].includes(unit) || (unit === "" && +value !== 0)) {{
                    unjudged.push(`${{media.mediaText}}: ${{length}}`);
                    continue;
                }}
                const px = +value * (unit === "px" ? 1 : 16);
                if (!/max-/.test(condition)) changes[name].add(Math.ceil(px));
                if (!/min-/.test(condition)) changes[name].add(Math.floor(px) + 1);
            }}
        }}
    }}
    return {{width: [...changes.width], height: [...changes.height], others: [...others].sort(), unjudged,
             byHeight}};
}}"""

# Every condition on the given features turned to its opposite, `(x)` to `(not (x))`, in
# every media list of the page: the page as a screen where each is the other way round.
# An empty list puts them all back.
_REVERSE_JS = f"""(features) => {{
    const feature = {_FEATURE};
    const originals = window.__hfdMediaTexts ??= new Map();
    for (const media of ({_MEDIA_LISTS})().lists) {{
        if (!originals.has(media)) originals.set(media, media.mediaText);
        const text = originals.get(media).replace(/\\(([^()]*)\\)/g,
            (whole, condition) => features.includes(feature(condition)) ? `(not ${{whole}})` : whole);
        if (media.mediaText !== text) media.mediaText = text;
    }}
}}"""

# A reader setting, applied on the loaded page as the reader applies it: the palette
# toggle's choice (Material's radio button), and the text-size button (reader.js).
SETTING_JS = """([palette, large]) => {
    document.getElementById(`__palette_${palette}`).click();
    const root = document.documentElement;
    if ((root.getAttribute("data-hfd-text-size") === "large") !== large)
        document.querySelector("[data-hfd-text-size-toggle]").click();
    return [document.body.getAttribute("data-md-color-scheme"), root.getAttribute("data-hfd-text-size") === "large"];
}"""


@dataclass(frozen=True)
class Setting:
    """One way the page may be shown, but for the width: the reader's choices (colour
    scheme, text size, reduced motion) and the screen's (its height, and the features
    of `reversed` the other way round)."""
    palette: int
    scheme: str
    large: bool = False
    height: int = SWEEP_HEIGHT
    reduced_motion: bool = False
    reversed: tuple[str, ...] = ()

    def __str__(self) -> str:
        screen = [f"{self.height}px tall"] if self.height != SWEEP_HEIGHT else []
        screen += ["reduced motion"] * self.reduced_motion + [f"{name} reversed" for name in self.reversed]
        return ", ".join([f"{self.scheme} scheme", f"{'large' if self.large else 'normal'} text", *screen])


def sweep_plan(tab, config) -> tuple[list[Setting], list[int], list[str]]:
    """The settings and widths the page loaded in `tab` is judged in, from its stylesheets
    (`MEDIA_JS`) and mkdocs.yml's palette: every width on each side of every width
    breakpoint, from NARROWEST to WIDEST, in each of the settings; the settings: each
    colour scheme, and large text (in the first); and each other value of what the
    stylesheets may change with (each height range, reduced motion, each other feature
    reversed), each in one setting, spread over the settings so that few meet in one;
    and what in the stylesheets cannot be judged so."""
    found = tab.evaluate(MEDIA_JS)
    widths = range_starts(found["width"])
    # The top of each height range below SWEEP_HEIGHT; the bottom of each above it; and the
    # shortest screen where lengths follow its height.
    heights = sorted({*(height - 1 for height in found["height"] if SHORTEST < height <= SWEEP_HEIGHT),
                      *[SHORTEST] * bool(found["byHeight"]),
                      *(height for height in found["height"] if height > SWEEP_HEIGHT)}, reverse=True)
    palettes = [(index, option["scheme"]) for index, option in enumerate(config["theme"]["palette"])]
    settings = [Setting(*palettes[0]), Setting(*palettes[0], large=True),
                *(Setting(*palette) for palette in palettes[1:])]
    others = [name for name in found["others"] if name not in ("prefers-color-scheme", "prefers-reduced-motion")]
    variations = ([("height", height) for height in heights]
                  + [("reduced_motion", True)] * ("prefers-reduced-motion" in found["others"])
                  + [("reversed", name) for name in others])
    for name, value in variations:
        # A setting other than the first that this one does not vary yet (any may reverse
        # several features), the least varied; or a new one.
        free = [index for index in range(1, len(settings))
                if name == "reversed" or getattr(settings[index], name) == getattr(Setting(0, ""), name)]
        if not free:
            settings.append(Setting(*palettes[0]))
            free = [len(settings) - 1]
        index = min(free, key=lambda index: (_varied(settings[index]), -index))
        value = (*settings[index].reversed, value) if name == "reversed" else value
        settings[index] = dataclasses.replace(settings[index], **{name: value})
    return settings, widths, found["unjudged"]


def _axe(tab, rules: list[str] | None = None) -> list[dict]:
    """axe's violations (of every rule, or of `rules`), and for each text whose contrast
    axe left undecided, what the pixels show (tests/reading.py)."""
    found = run_axe(tab, rules)
    undecided = {target: (text, target) for target, text in found["undecided"].items()}
    measured = unreadable_texts(tab, undecided) if undecided else {}
    return found["violations"] + [{"id": "color-contrast, measured", "impact": "serious", "help": problem,
                                   "targets": [target]}
                                  for target, problems in measured.items() for problem in problems]


def range_starts(changes: list[int]) -> list[int]:
    """The narrowest width of each range, from NARROWEST to WIDEST, over which no width
    condition changes (`changes`, from MEDIA_JS)."""
    return sorted({NARROWEST, *(width for width in changes if NARROWEST < width <= WIDEST)})


def _varied(setting: Setting) -> int:
    return (setting.height != SWEEP_HEIGHT) + setting.reduced_motion + len(setting.reversed)


def sweep(tab, page, *, first_only: bool = False) -> list[str]:
    """Why the disclaimer or the call-to-action cannot be read on the page loaded in
    `tab` (a SamplePage), in any setting at any width (`sweep_plan`): one line per
    setting, width and problem. `first_only`: the problems of the first setting and
    width that has some, trying first each width in the first setting and each setting
    at the first width."""
    config = page.source.config
    settings, widths, unjudged = sweep_plan(tab, config)
    if unjudged:
        return [f"{page}: its stylesheets cannot be judged at every width and setting: {what}" for what in unjudged]
    plan = [(setting, width) for setting in settings for width in widths]
    if first_only:
        plan.sort(key=lambda step: (step[0] != settings[0]) + (step[1] != widths[0]))
    applied, problems = None, []
    try:
        for setting, width in plan:
            if applied != setting:
                # Light and dark follow the system setting: the system's, with the reader's choice.
                dark = "dark" in config["theme"]["palette"][setting.palette].get("media", "")
                tab.emulate_media(color_scheme="dark" if dark else "light",
                                  reduced_motion="reduce" if setting.reduced_motion else "no-preference")
                tab.evaluate(_REVERSE_JS, list(setting.reversed))
                applied = setting
                assert tab.evaluate(SETTING_JS, [setting.palette, setting.large]) == [setting.scheme, setting.large], \
                    f"{page}: {setting} not applied"
            tab.set_viewport_size({"width": width, "height": setting.height})
            found = page_problems(tab, page.source, page.path)
            problems += [f"{page} at {width}px, {setting}: {what}: {problem}"
                         for what, listed in found.items() for problem in listed]
            if problems and first_only:
                break
    finally:
        tab.evaluate(_REVERSE_JS, [])
    return problems
