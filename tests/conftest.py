"""Shared fixtures: the real site and the site as the author will grow it, each built
once; a local static host; Chromium.

Every test that takes `site` runs on three builds:
- as-written: this repository, as it would be published now;
- grown: a copy with sample posts of every kind an author writes (tests/grown_site.py);
- empty: a copy before the first article (no posts, no redirects to them).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browsers import CHROMIUM_FLAGS, browser_problem, find_chromium
from tests.grown_site import empty_project, grown_project
from tests.site_build import REPO, build
from tests.site_model import SourceSite, source_site
from tests.static_server import serve

# The hooks' helpers (hfd.*) are tested directly too.
sys.path.insert(0, str(REPO / "hooks"))

IN_CI = os.environ.get("CI", "").lower() == "true"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VARIANTS = ["as-written", "grown", "empty"]


def site_now() -> dt.datetime:
    """One "now" for the whole run, in the site's time zone: the builds and the tests
    judge "published" and "today" alike, even across midnight."""
    from hfd.site_time import DEFAULT_TIME_ZONE
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(DEFAULT_TIME_ZONE)).replace(microsecond=0)


NOW = site_now()


@dataclass(frozen=True)
class BuiltSite:
    variant: str
    project: Path
    site: Path
    source: SourceSite


def build_variant(variant: str, root: Path) -> BuiltSite:
    if variant == "as-written":
        project = REPO
    elif variant == "grown":
        project = grown_project(root / "project", NOW.date())
    else:
        project = empty_project(root / "project")
    site = root / "site"
    result = build(project, site, now=NOW)
    assert result.returncode == 0, f"The {variant} site does not build:\n{result.output}"
    return BuiltSite(variant, project, site, source_site(project, NOW.isoformat()))


# -- The built sites ---------------------------------------------------------------


@pytest.fixture(scope="session", params=VARIANTS)
def built(request, tmp_path_factory) -> BuiltSite:
    return build_variant(request.param, tmp_path_factory.mktemp(request.param))


@pytest.fixture(scope="session")
def site(built) -> Path:
    """The site as `mkdocs build --strict` writes it."""
    return built.site


@pytest.fixture(scope="session")
def source(built) -> SourceSite:
    """What the site's sources say it holds: posts, addresses, settings."""
    return built.source


@pytest.fixture(scope="session")
def site_url(built) -> str:
    with serve(built.site) as url:
        yield url


@pytest.fixture(scope="session")
def disclaimer(built) -> str:
    """The disclaimer's visible text, from its one source (docs/disclaimer.md)."""
    return built.source.disclaimer


# -- A real browser ----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(
                executable_path=find_chromium(), args=CHROMIUM_FLAGS
            )
        except Error as error:
            message = f"No Chromium to drive. {browser_problem()}\n{error}"
            if IN_CI:
                pytest.fail(message)
            pytest.skip(message)
        yield chromium
        chromium.close()


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def viewport(request) -> dict:
    return request.param


@pytest.fixture
def page(browser, viewport):
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def reader_tour(browser, built, site_url):
    """`reader_tour(scheme, screen)`: every page visited in Chromium in that colour
    scheme and on that screen, once per run (tests/reader_tour.py)."""
    from tests.reader_tour import tour

    visits: dict[tuple[str, str], list] = {}

    def visited(scheme: str, screen: str) -> list:
        if (scheme, screen) not in visits:
            visits[scheme, screen] = tour(browser, built.site, site_url, built.source, scheme, screen)
        return visits[scheme, screen]

    return visited


# -- Pages to test a kind of page on ----------------------------------------------------------


@pytest.fixture(scope="session")
def articles(source) -> list[str]:
    """The address of the newest published post, as a one-item list (none on a site
    without articles): tests that read a whole article page run on it."""
    return [post.address for post in source.published_posts[:1]]


@pytest.fixture(scope="session")
def search_sample(site, source) -> tuple[str, str]:
    """(a word to search for, the address it must find): the rarest word of the newest
    post (or of the About page when there is no post), found in as few pages of the
    search index as can be, so that its page comes first among the results."""
    import json
    import re

    documents = json.loads((site / "search/search_index.json").read_text())["docs"]
    address = source.published_posts[0].address if source.published_posts else "about/"
    page = next(doc for doc in documents if doc["location"] == address)
    texts = [(doc["title"] + " " + doc["text"]).lower() for doc in documents if "#" not in doc["location"]]

    def found_in(word: str) -> int:
        return sum(re.search(rf"\b{word.lower()}\b", text) is not None for text in texts)

    words = {w for w in re.findall(r"[A-Za-z]{5,}", page["title"] + " " + page["text"])
             if w.lower() not in LUNR_STOP_WORDS}
    word = min(sorted(words), key=lambda w: (found_in(w), -len(w)))
    return word, address


# lunr's English stop words (Material's search drops them from queries), of 4 letters or more.
LUNR_STOP_WORDS = set("""able about across after almost also among because been cannot could dear
either else ever every from have hers however into just least like likely might most must
neither often only other rather said says should since some than that their them then there
these they this twas wants were what when where which while whom will with would your""".split())


def search_for(page, word: str) -> None:
    """Type a word into Material's search as a reader does, once its index is loaded.
    Material searches on keyup (or when the index arrives): text set without key
    presses after the index is ready is never searched, so the test types it."""
    page.locator(".md-search__input").click()
    page.locator(".md-search-result__meta").filter(has_text="Type to start searching").wait_for(
        state="attached", timeout=60_000)
    page.keyboard.type(word)


# -- In GitHub Actions: failures in plain words at the top of the run -------------------------

_failures: list[str] = []


def pytest_runtest_logreport(report) -> None:
    if report.failed and os.environ.get("GITHUB_STEP_SUMMARY"):
        crash = getattr(report.longrepr, "reprcrash", None)
        message = crash.message if crash else str(report.longrepr)
        _failures.append((report.nodeid, message, report.longreprtext))


def pytest_sessionfinish(session, exitstatus) -> None:
    if not _failures:
        return
    from scripts.ci_summary import build_problems, markdown, write

    # A site that does not build fails every test: name the build's own problems.
    problems = list(dict.fromkeys(problem for *_, text in _failures for problem in build_problems(text)))
    if not problems:
        problems = list(dict.fromkeys(f"{node}: {message.splitlines()[0][:300]}"
                                      for node, message, _ in _failures))
    write(markdown(f"{len(problems)} check{'s' if len(problems) > 1 else ''} failed", problems[:40],
                   "Each line names the check (tests/<file>.py) and what it found; the log "
                   "below has the details."))
