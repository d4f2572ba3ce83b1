"""Helpers for the browser tests: axe-core, schemes, measurements."""

from __future__ import annotations

import itertools
import time

from tests.site_build import REPO

AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"


def run_axe(page, rules: list[str] | None = None, within: str | None = None) -> dict:
    """axe-core on the loaded page (or the part matching the CSS selector `within`),
    every rule enabled or only `rules`: {"violations":
    [...], "undecided": {selector: text}}, the texts whose colour contrast axe leaves
    undecided (on a gradient or a picture, under another element, too short...), for a
    measure of the pixels (tests/reading.py)."""
    if not AXE_SCRIPT.is_file():
        raise AssertionError("axe-core is missing: run `make test` (it runs `npm ci`).")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate("""async ([rules, within]) => {
        const only = rules ? {runOnly: {type: "rule", values: rules}} : {};
        const results = await axe.run(within ? {include: [within]} : document,
                                      {resultTypes: ["violations", "incomplete"], ...only});
        const undecided = results.incomplete.filter(v => v.id === "color-contrast").flatMap(v => v.nodes)
            .map(n => n.target.join(" ")).map(target => [target, document.querySelector(target)?.innerText.trim()]);
        return {
            violations: results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
            })),
            undecided: Object.fromEntries(undecided.filter(([, text]) => text)),
        };
    }""", [rules, within])


def describe(violations: list[dict]) -> str:
    return "\n".join(f"  {v['id']} ({v['impact']}): {v['help']} at {v['targets']}"
                     for v in violations)


# A CSS colour as {r, g, b, a}, or null.
_PARSE_COLOUR_JS = """(value) => {
        const m = value && value.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return null;
        const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
        return {r, g, b, a};
    }"""

# WCAG's relative luminance of a colour {r, g, b}.
_LUMINANCE_JS = """({r, g, b}) => {
        const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    }"""

# WCAG's contrast ratio of two colours {r, g, b}.
_CONTRAST_JS = """(one, other) => {
        const luminance = """ + _LUMINANCE_JS + """;
        const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a);
        return (light + 0.05) / (dark + 0.05);
    }"""

# Colour contrast of a focus ring against what is behind the element, in the page.
FOCUS_RING_CONTRAST_JS = """(element) => {
    const parse = """ + _PARSE_COLOUR_JS + """;
    const contrastOf = """ + _CONTRAST_JS + """;
    const background = (node) => {
        for (; node && node.nodeType === 1; node = node.parentElement) {
            const color = parse(getComputedStyle(node).backgroundColor);
            if (color && color.a > 0.5) return color;
        }
        return parse(getComputedStyle(document.body).backgroundColor) || {r: 255, g: 255, b: 255};
    };
    const style = getComputedStyle(element);
    const ring = parse(style.outlineColor);
    const width = parseFloat(style.outlineWidth);
    const html = element.outerHTML.slice(0, 100);
    if (style.outlineStyle === "none" || !ring || width < 2) return {contrast: 0, width, html};
    const against = (colour) => contrastOf(ring, colour);
    // Drawn around the element, on what is behind it; drawn inward (a negative offset),
    // on the element's own background as well.
    const contrast = Math.min(against(background(element.parentElement)),
                              parseFloat(style.outlineOffset) < 0 ? against(background(element)) : Infinity);
    return {contrast, width, html};
}"""

# The page's chrome: where a reader finds the site's own controls.
CHROME_TARGETS = ", ".join(
    f"{area} {control}"
    for area in (".md-header", ".md-tabs", ".md-sidebar--primary", "footer", ".hfd-cta")
    for control in ("a[href]", "button", "label[for]", "input:not([type=hidden])")
)

# What the header shows of the site's name: its text, whether it is cut, whether it
# lies inside the header.
SITE_NAME_JS = """() => {
    const e = document.querySelector('.md-header__topic:first-child .md-ellipsis');
    const header = e.closest('.md-header').getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(e);
    const text = range.getBoundingClientRect();
    return {text: e.innerText.replace(/\\s+/g, ' ').trim(),
            cut: e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1,
            inside: text.left >= header.left && text.right <= header.right
                    && text.top >= header.top && text.bottom <= header.bottom};
}"""

# Every visible link and control in the page's chrome, with its size.
TARGETS_JS = """(selectors) => {
    const seen = new Set(), out = [];
    for (const element of document.querySelectorAll(selectors)) {
        if (seen.has(element)) continue;
        seen.add(element);
        const rect = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        if (rect.width === 0 || rect.height === 0 || style.visibility === "hidden") continue;
        if (element.closest("[hidden], .md-search")) continue;
        out.push({name: (element.getAttribute("aria-label") || element.textContent || element.title || element.outerHTML).trim().slice(0, 60),
                  width: rect.width, height: rect.height});
    }
    return out;
}"""


def tab_through(page, measure_js: str, limit: int):
    """Press Tab until focus leaves the page, or comes round again to the first element it
    reached (Chromium wraps round at the end in a window that has been navigated), or
    `limit` presses; yield what `measure_js` (a function of an element) finds on each
    element focused, a frame after focus moved (the page has scrolled it into view, at
    once if the reader asks for no motion)."""
    walk = next(_WALKS)
    for _ in range(limit):
        page.keyboard.press("Tab")
        found = page.evaluate(f"""async () => {{
            await new Promise((done) => requestAnimationFrame(done));
            const focused = document.activeElement;
            if (window.__hfdWalk?.id !== {walk}) window.__hfdWalk = {{id: {walk}, first: focused}};
            else if (focused === window.__hfdWalk.first) return null;
            return focused === document.body ? null : {{measured: ({measure_js})(focused)}};
        }}""")
        if found is None:
            return
        yield found["measured"]


_WALKS = itertools.count(1)


def tab_to(page, selector: str, limit: int) -> None:
    """Press Tab until the element focused matches the CSS `selector`."""
    matches = f"(e) => e.matches({selector!r})"
    assert any(tab_through(page, matches, limit)), f"Tab never reaches {selector} ({limit} presses)"


def block_other_hosts(context) -> list[str]:
    """Abort every request to a host other than this machine; return the list of them,
    which fills as the pages try."""
    from urllib.parse import urlsplit

    attempts: list[str] = []

    def handle(route):
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            attempts.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    return attempts


class Network:
    """The requests a page has under way, to wait until it is quiet: like Playwright's
    "networkidle" (500 ms without a request), on a shorter quiet spell."""

    FRAME = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"

    def __init__(self, page) -> None:
        self.under_way: set = set()
        self.last_change = time.monotonic()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request) -> None:
        self.under_way.add(request)
        self.last_change = time.monotonic()

    def _ended(self, request) -> None:
        self.under_way.discard(request)
        self.last_change = time.monotonic()

    def wait_until_quiet(self, page, quiet: float = 0.15, limit: float = 60) -> None:
        """Until no request has been under way for `quiet` seconds (each check lets the
        page run two frames, and Playwright deliver its events)."""
        started = time.monotonic()
        while self.under_way or time.monotonic() - self.last_change < quiet:
            if time.monotonic() - started > limit:
                raise AssertionError(f"requests still under way after {limit} s: "
                                     f"{[r.url for r in self.under_way][:5]}")
            page.evaluate(self.FRAME)


# -- The low-blue scheme ---------------------------------------------------------------------

def choose_stored_scheme(context, project_config: dict, scheme: str) -> None:
    """Open every page of `context` in Material's palette option `scheme`, as if the
    reader had chosen it with the toggle on an earlier visit (Material stores the choice
    in localStorage under "<site path>.__palette")."""
    import json

    options = project_config["theme"]["palette"]
    index = next(i for i, option in enumerate(options) if option["scheme"] == scheme)
    option = options[index]
    stored = {"index": index, "color": {"media": option.get("media", ""), "scheme": scheme,
                                        "primary": option.get("primary", "indigo"),
                                        "accent": option.get("accent", "indigo")}}
    context.add_init_script(f"localStorage.setItem('/.__palette', {json.dumps(json.dumps(stored))});")


# Each printed text whose colour, on paper, has under 4.5:1 contrast (WCAG 1.4.3): paper is
# white, as browsers print no background unless told to (print-color-adjust: exact), and
# the text's colour is dimmed by its own alpha and every opacity above it. Judged once the
# colours' transitions from the screen's ones have ended: paper shows no motion.
PRINTED_FAINT_JS = """async () => {
    await Promise.all(document.getAnimations().map((motion) => motion.finished.catch(() => null)));
    const parse = """ + _PARSE_COLOUR_JS + """;
    const contrastOf = """ + _CONTRAST_JS + """;
    const found = [];
    for (const element of document.body.querySelectorAll("*")) {
        const text = [...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
        if (!text || !element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
        let paper = {r: 255, g: 255, b: 255}, alpha = 1, printed = false;
        for (let node = element; node; node = node.parentElement) {
            const style = getComputedStyle(node);
            alpha *= parseFloat(style.opacity);
            const background = parse(style.backgroundColor);
            if (!printed && style.printColorAdjust === "exact" && background && background.a > 0.5) {
                paper = background;
                printed = true;
            }
        }
        const colour = parse(getComputedStyle(element).color);
        if (!colour) continue;
        const a = colour.a * alpha;
        const ink = {r: colour.r * a + paper.r * (1 - a), g: colour.g * a + paper.g * (1 - a),
                     b: colour.b * a + paper.b * (1 - a)};
        const contrast = contrastOf(ink, paper);
        if (contrast < 4.5) found.push(`<${element.tagName.toLowerCase()} class="${element.className}">`
            + ` '${text.slice(0, 40)}': ${getComputedStyle(element).color}, ${contrast.toFixed(2)}:1 on paper`);
    }
    return found;
}"""


# The page as drawn under the pointer (`true`), and as before (`false`): each rule of the
# page's stylesheets that names :hover gets a copy just after it, in the same place of the
# cascade, where :hover reads :not(.hfd-never-hovered) (the same specificity, true of
# every element), as if the pointer were on every element at once. Colours change at once.
HOVERED_JS = """(on) => {
    if (!on) {
        // In the reverse order of insertion, each index is where that copy then is.
        for (const [rules, index] of (window.__hfdHovered || []).reverse()) rules.deleteRule(index);
        window.__hfdHovered = [];
        document.getElementById("hfd-hovered")?.remove();
        return 0;
    }
    const added = window.__hfdHovered = [];
    const copy = (owner, rules) => {
        for (let index = rules.length - 1; index >= 0; index--) {
            const rule = rules[index];
            if (rule.cssRules && !(rule instanceof CSSStyleRule)) copy(rule, rule.cssRules);
            if (rule instanceof CSSStyleRule && rule.selectorText.includes(":hover")) {
                const selector = rule.selectorText.replaceAll(":hover", ":not(.hfd-never-hovered)");
                try {
                    owner.insertRule(`${selector} { ${rule.style.cssText} }`, index + 1);
                    added.push([owner, index + 1]);
                } catch (error) {}  // e.g. a scrollbar's ::-webkit-scrollbar-thumb:hover: no text
            }
        }
    };
    for (const sheet of document.styleSheets) copy(sheet, sheet.cssRules);
    const still = document.createElement("style");
    still.id = "hfd-hovered";
    still.textContent = "*, ::before, ::after { transition: none !important; }";
    document.head.append(still);
    return added.length;
}"""


# Every colour the page draws (text, backgrounds, borders, outlines, underlines, icons,
# ::before/::after, and each control's focus ring) that has more blue than red or green,
# or is pure white. Pictures (img, video, frames) are the author's and are not judged.
BLUE_COLOURS_JS = """() => {
    const parse = """ + _PARSE_COLOUR_JS + """;
    const found = new Map();
    const judge = (element, what, value) => {
        const c = parse(value);
        if (!c || c.a === 0) return;
        const problem = c.b > c.r + 2 || c.b > c.g + 2 ? "more blue than red or green"
            : c.r >= 250 && c.g >= 250 && c.b >= 250 && c.a > 0.5 ? "pure white" : null;
        if (!problem) return;
        const name = element.tagName.toLowerCase() + (element.className && typeof element.className === "string"
            ? "." + element.className.trim().split(/\\s+/).join(".") : "");
        const key = `${name} ${what}`;
        if (!found.has(key)) found.set(key, `${name}: ${what} ${value} (${problem})`);
    };
    const pictures = "img, picture, video, iframe, canvas, .hfd-video__player";
    const visible = (element) => element.checkVisibility({visibilityProperty: true, opacityProperty: true});
    const judgeStyle = (element, style, where) => {
        judge(element, where + "color", style.color);
        judge(element, where + "background-color", style.backgroundColor);
        for (const side of ["top", "right", "bottom", "left"]) {
            if (parseFloat(style[`border-${side}-width`]) > 0 && style[`border-${side}-style`] !== "none") {
                judge(element, `${where}border-${side}-color`, style[`border-${side}-color`]);
            }
        }
        if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) {
            judge(element, where + "outline-color", style.outlineColor);
        }
        if (style.textDecorationLine !== "none") judge(element, where + "text-decoration-color", style.textDecorationColor);
        if (style.fill && style.fill !== "none") judge(element, where + "fill", style.fill);
        if (style.stroke && style.stroke !== "none") judge(element, where + "stroke", style.stroke);
    };
    for (const element of document.body.querySelectorAll("*")) {
        if (element.closest(pictures) || !visible(element)) continue;
        judgeStyle(element, getComputedStyle(element), "");
        for (const pseudo of ["::before", "::after", "::marker"]) {
            const style = getComputedStyle(element, pseudo);
            if (style.content && style.content !== "none" && style.display !== "none") judgeStyle(element, style, pseudo + " ");
        }
    }
    judge(document.body, "page background", getComputedStyle(document.body).backgroundColor);
    const focusable = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])";
    for (const element of document.querySelectorAll(focusable)) {
        if (element.closest(pictures) || !visible(element)) continue;
        element.focus({focusVisible: true, preventScroll: true});
        if (document.activeElement !== element) continue;
        const style = getComputedStyle(element);
        if (style.outlineStyle !== "none") judge(element, "focus ring", style.outlineColor);
    }
    document.activeElement && document.activeElement.blur && document.activeElement.blur();
    return [...found.values()];
}"""


# -- Keyboard ---------------------------------------------------------------------------------

# What a reader who presses Tab lands on: its name, its box, whether it is a link inside
# running text (WCAG 2.5.8's inline exception) or a control, whether its focus ring
# shows, and whether it is in the page's main content.
FOCUS_STOP_JS = """(element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const block = element.closest("p, li, td, th, dd, dt, figcaption, blockquote, h1, h2, h3, h4, h5, h6");
    const own = (element.innerText || "").trim();
    const around = block ? (block.innerText || "").replace(own, "").replace(/[\\s·|,.:;()]/g, "") : "";
    const inSentence = element.tagName === "A" && block !== null && around.length > 0
        && style.display.startsWith("inline") && !element.closest("nav, .md-nav, .md-tabs, .md-footer");
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
        || (style.boxShadow && style.boxShadow !== "none");
    const seen = document.elementFromPoint(
        Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1),
        Math.min(Math.max(box.top + Math.min(box.height / 2, 10), 0), innerHeight - 1));
    // Whether it comes before the first `selector` in the page's order (not inside it).
    const before = (selector) => {
        const other = document.querySelector(selector);
        return !!other && (element.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    };
    const name = element.getAttribute("aria-label") || own || element.getAttribute("title") || element.tagName;
    return {
        name: name.replace(/\\s+/g, " ").slice(0, 60),
        html: element.outerHTML.slice(0, 100),
        width: box.width, height: box.height,
        inSentence, ring,
        visible: box.width > 0 && box.height > 0 && style.visibility !== "hidden"
            && !!seen && (seen === element || element.contains(seen) || seen.contains(element)),
        inTabs: !!element.closest(".md-tabs"),
        inSidebar: !!element.closest(".md-sidebar"),
        beforeMain: before(".md-content"),
        beforeText: before(".md-content article p"),  // the article's first paragraph
    };
}"""
