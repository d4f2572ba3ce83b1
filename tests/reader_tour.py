"""A reader's tour of the built site in Chromium: one page of each kind (conftest.py,
`sample_pages`), once per colour scheme, looked at on a phone and a desktop screen
(the tab resized), with every other host blocked. Each visit records what the promises
need, so that each page is loaded once for all of them:

- what the page tried to fetch from another host (privacy);
- axe-core's findings (accessibility), on the desktop screen;
- why the disclaimer or the booking call-to-action could not be read (tests/reading.py);
- in the low-blue scheme, every colour with more blue than red or green (or pure white).

"light" and "dark" follow the system setting; "low-blue" is the palette option the
reader picks with the toggle (stored, as Material stores it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.browser_audits import (BLUE_COLOURS_JS, Network, block_other_hosts, choose_stored_scheme,
                                  run_axe)
from tests.reading import page_problems
from tests.site_pages import url_of

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


def call_to_action_texts(extra: dict, page: str) -> tuple[list[str], str]:
    """(texts, button label) the call-to-action shows on `page`: on the consultation
    page itself, its button is the booking site's."""
    cta, booking = extra["cta"], extra["booking"]
    button = booking["scheduler_label"] if url_of(page) == booking["consultation_page"] else cta["button"]
    return [cta["title"], cta["text"]], button


def tour(browser, pages, scheme: str, screens=tuple(SCREENS)) -> dict[str, list[Visit]]:
    """Visit each of `pages` (conftest.SamplePage) in one tab: loaded once, then looked at
    on each screen in turn (the tab resized)."""
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
                texts, button = call_to_action_texts(page.source.config.extra, page.path)
                problems = page_problems(tab, page.source.disclaimer, texts, button)
                visit.disclaimer, visit.call_to_action = problems["disclaimer"], problems["call-to-action"]
                if scheme == "low-blue":
                    visit.blue = tab.evaluate(BLUE_COLOURS_JS)
                if screen == "desktop":
                    visit.axe = run_axe(tab)
                visit.attempts = attempts[before:]
                visits[screen].append(visit)
    finally:
        context.close()
    return visits


def unreadable(visits: list[Visit], scheme: str, screen: str) -> list[str]:
    """One line per page where the disclaimer or the call-to-action cannot be read:
    the page, the scheme, the screen and the reason."""
    return [f"{visit.page} ({scheme} scheme, {screen}): {what}: {problem}"
            for visit in visits
            for what, problems in (("disclaimer", visit.disclaimer), ("call-to-action", visit.call_to_action))
            for problem in problems]
