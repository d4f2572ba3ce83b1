"""Shared fixtures: four builds of the site, each made once for the whole run (the first
worker that needs one builds it, the others wait and read it); a local static host; Chromium.

Tests that read the built files take `site` and run on every build: as-written (this
repository, as it would be published now); grown (sample posts of every kind an author
writes, tests/grown_site.py); publication-day (the grown copy built on the day its last
scheduled post goes online, so that a scheduled post is checked when it is pushed and the
daily publishing run only builds); empty (before the first article).

Tests that drive a browser take `sample_pages`: one page of each kind, from the
publication-day build (which holds every page of the site as written and grown) and the
empty one, so that their cost does not grow with the number of articles (site_pages.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest
from filelock import FileLock, Timeout

from tests.browsers import CHROMIUM_FLAGS, browser_problem, find_chromium
from tests.grown_site import empty_project, grown_project
from tests.site_build import REPO, build
from tests.site_model import SourceSite, source_site
from tests.static_server import serve

IN_CI = os.environ.get("CI", "").lower() == "true"
VARIANTS = ["as-written", "grown", "publication-day", "empty"]
BROWSED = "publication-day"  # the build whose pages the browser checks sample


def site_now() -> dt.datetime:
    """One "now" for the whole run, in the site's time zone: the builds and the tests
    judge "published" and "today" alike, even across midnight. Set once, before the
    run's workers start, and handed to them in the environment."""
    from hfd.site_time import DEFAULT_TIME_ZONE
    from zoneinfo import ZoneInfo

    if "HFD_TEST_NOW" not in os.environ:
        moment = dt.datetime.now(ZoneInfo(DEFAULT_TIME_ZONE)).replace(microsecond=0)
        os.environ["HFD_TEST_NOW"] = moment.isoformat()
    return dt.datetime.fromisoformat(os.environ["HFD_TEST_NOW"])


NOW = site_now()
# The build checks that the editor saves to the repository GitHub Actions runs in
# (GITHUB_REPOSITORY, hfd/settings.py); the tests' builds, copies of the site among them,
# build as on the author's computer, where it is unset (test_editor.py gives it).
os.environ.pop("GITHUB_REPOSITORY", None)


# -- Made once per run, shared by its workers ----------------------------------------------


def pytest_xdist_auto_num_workers(config) -> int | None:
    """`--numprocesses=auto` (pyproject.toml): a worker per core, and one more. A browser
    test waits on Chromium's frames (a sixth of the CPU went unused with a worker per
    core, ARCHITECTURE.md); the extra worker runs meanwhile."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # pytest-xdist's own setting, read by its own hook
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores + 1


@pytest.fixture(scope="session")
def run_folder(tmp_path_factory, worker_id) -> Path:
    """A folder every worker of this run shares (pytest-xdist gives each its own tmp)."""
    base = tmp_path_factory.getbasetemp()
    return (base if worker_id == "master" else base.parent) / "shared"


def once(folder: Path, make: Callable[[Path], None], wait: bool = True) -> Path | None:
    """`make(folder)` once for the whole run: the first worker to ask makes it, the
    others wait for it and find it made (or, `wait=False`, go on at once: None). If it
    fails, every test that needs it fails with its message (not with what a half-made
    folder would raise)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        held = FileLock(f"{folder}.lock", timeout=-1 if wait else 0).acquire()
    except Timeout:
        return None
    with held:  # released once made
        done, failed = folder.with_name(folder.name + ".made"), folder.with_name(folder.name + ".failed")
        if failed.exists():
            raise RuntimeError(failed.read_text(encoding="utf-8"))
        if not done.exists():
            folder.mkdir(exist_ok=True)
            try:
                make(folder)
            except BaseException as error:
                failed.write_text(f"{folder.name}, made once for the run, failed:\n{error}", encoding="utf-8")
                raise
            done.touch()
    return folder


def once_json(path: Path, compute: Callable[[], object], wait: bool = True):
    """`compute()` once for the whole run, kept as JSON: what one worker found in the
    browser, the others read (`wait=False`: None if another worker is computing it)."""
    made = once(path, lambda folder: (folder / "found.json").write_text(json.dumps(compute()), encoding="utf-8"),
                wait)
    return json.loads((path / "found.json").read_text(encoding="utf-8")) if made else None


# -- The built sites ---------------------------------------------------------------


@dataclass(frozen=True)
class BuiltSite:
    variant: str
    project: Path
    site: Path
    source: SourceSite


def _build_variant(variant: str, root: Path) -> None:
    if variant == "as-written":
        project = REPO
    elif variant == "empty":
        project = empty_project(root / "project")
    elif variant == "grown":
        # The publication-day build's sources, and what its first build learnt (.cache/:
        # photos resized, pages read), so that a run does not learn them twice.
        first = built_variant(root.parent, "publication-day").project
        project = Path(shutil.copytree(first, root / "project", symlinks=True))
    else:
        project = grown_project(root / "project", NOW.date())  # a first build, as in CI
    moment = publication_day(project) if variant == "publication-day" else NOW
    (root / "moment").write_text(moment.isoformat())
    result = build(project, root / "site", now=moment)
    assert result.returncode == 0, f"The {variant} site does not build on {moment}:\n{result.output}"
    (root / "output.txt").write_text(result.output, encoding="utf-8")  # what the author would read


def publication_day(project: Path) -> dt.datetime:
    """Just after midnight, where the practice is, on the day the last of the posts
    scheduled in `project` goes online (when the daily publishing run builds it)."""
    source = source_site(project, NOW.isoformat())
    days = [post.dates(source.zone)[0] for post in source.unpublished_posts if post.meta.get("draft") is not True]
    assert days, "the grown site has a post scheduled for later (tests/grown_site.py)"
    return max(days).replace(hour=0, minute=5, second=0)


def built_variant(run_folder: Path, variant: str) -> BuiltSite:
    root = once(run_folder / variant, lambda folder: _build_variant(variant, folder))
    project = REPO if variant == "as-written" else root / "project"
    moment = (root / "moment").read_text()
    return BuiltSite(variant, project, root / "site", source_site(project, moment))


@pytest.fixture(scope="session", params=VARIANTS)
def built(request, run_folder) -> BuiltSite:
    return built_variant(run_folder, request.param)


@pytest.fixture(scope="session")
def site(built) -> Path:
    """The site as `mkdocs build --strict` writes it."""
    return built.site


@pytest.fixture(scope="session")
def source(built) -> SourceSite:
    """What the site's sources say it holds: posts, addresses, settings."""
    return built.source


# -- One page of each kind, for the browser ---------------------------------------------------


@dataclass(frozen=True)
class SamplePage:
    built: BuiltSite
    path: str     # the file under site/, e.g. "blog/my-post/index.html"
    kind: str     # why it was chosen: "home", "newest article", "shows figure, picture"
    url: str      # where the local host serves it

    @property
    def address(self) -> str:
        """Its address on the site, e.g. "blog/my-post/"."""
        return self.path.removesuffix("index.html")

    @property
    def source(self) -> SourceSite:
        return self.built.source

    def __str__(self) -> str:
        return f"{self.path} ({self.kind}, {self.built.variant} site)"


@pytest.fixture(scope="session")
def served(run_folder):
    """`served(variant)`: the built site of that variant on a local host (per worker)."""
    stack = contextlib.ExitStack()
    urls: dict[str, tuple[BuiltSite, str]] = {}

    def url_of(variant: str) -> tuple[BuiltSite, str]:
        if variant not in urls:
            built = built_variant(run_folder, variant)
            urls[variant] = built, stack.enter_context(serve(built.site))
        return urls[variant]

    with stack:
        yield url_of


@pytest.fixture(scope="session")
def sample_pages(served, run_folder) -> Iterator[list[SamplePage]]:
    """One page of each kind the site has: every page kind and every kind of content the
    grown site shows (tests/site_pages.py, one_page_of_each_kind), and the home and
    articles pages of the site before its first article. Lighthouse begins to audit them
    at once, beside the tests (`lighthouse_reports`)."""
    from tests.site_pages import one_page_of_each_kind

    pages = []
    for variant, only in ((BROWSED, None), ("empty", ["index.html", "blog/index.html"])):
        built, url = served(variant)
        for path, kind in one_page_of_each_kind(built.site, built.source.config, only).items():
            pages.append(SamplePage(built, path, kind, url + path.removesuffix("index.html")))
    # Lighthouse spends much of its 40 s waiting on the pages: this worker's tests run
    # meanwhile. Whatever it finds, or why it failed, waits in run_folder for the tests.
    def audit() -> None:
        with contextlib.suppress(Exception):
            lighthouse_reports(run_folder, pages, wait=False)

    auditing = threading.Thread(target=audit, name="lighthouse")
    auditing.start()
    yield pages
    auditing.join()  # before the pages stop being served


def lighthouse_reports(run_folder: Path, pages: list[SamplePage], wait: bool = True) -> dict | None:
    """{kind: what Lighthouse found} on the browsed site's page of each template, audited
    once per run in one Chrome (tests/lighthouse.py; the 404 page at its own address:
    Lighthouse refuses a 404 status); None with `wait=False` if another is auditing. By
    kind, not address: each worker serves the site at an address of its own."""
    from tests.lighthouse import SCORED_IN_TESTS, audit_pages
    from tests.site_pages import TEMPLATE_KINDS

    urls = {page.kind: page.url for page in pages if page.kind in TEMPLATE_KINDS and page.built.variant == BROWSED}
    return once_json(run_folder / "lighthouse.json", lambda: dict(zip(urls, audit_pages(
        list(urls.values()), categories=SCORED_IN_TESTS).values())), wait)


@pytest.fixture(scope="session")
def grown_url(served) -> str:
    """The address of the browsed grown site's home page on the local host: for checks
    of one page whose address the settings give (about/, contact/, consultation/)."""
    return served(BROWSED)[1]


@pytest.fixture(scope="session")
def sample_with(sample_pages):
    """`sample_with(selector)`: the first sample page with an element matching the CSS
    `selector` (a video, a figure...); fails if the sites have none."""
    from tests.site_pages import soup

    def first(selector: str) -> SamplePage:
        found = [page for page in sample_pages if soup(page.built.site, page.path).select_one(selector)]
        assert found, f"no page of the grown site has {selector}: tests/grown_site.py should add one"
        return found[0]

    return first


@pytest.fixture(scope="session")
def sample_articles(sample_pages) -> list[SamplePage]:
    """The sample's articles: the newest, and one with each kind of content."""
    return [page for page in sample_pages if page.path in
            {post.page for post in page.source.published_posts}]


# -- A real browser ----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_FLAGS)
        except Error as error:
            message = f"No Chromium to drive. {browser_problem()}\n{error}"
            if IN_CI:
                pytest.fail(message)
            pytest.skip(message)
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser, request):
    """`tab(scheme="light", url=None, **options)`: a new page, at `url` if given, in a
    window of its own (Playwright's context options; a desktop screen unless `viewport` is
    given), closed after the test. "low-blue" is chosen with the palette toggle, as a
    reader does, not by the system."""
    from tests.browser_audits import choose_stored_scheme
    from tests.reader_tour import LOW_BLUE, SCREENS

    contexts = []

    def open_tab(scheme: str = "light", url: str | None = None, **options):
        context = browser.new_context(**{"viewport": SCREENS["desktop"],
                                         "color_scheme": "dark" if scheme == "dark" else "light", **options})
        if scheme == "low-blue":
            choose_stored_scheme(context, request.getfixturevalue("sample_pages")[0].source.config, LOW_BLUE)
        contexts.append(context)
        page = context.new_page()
        if url:
            page.goto(url)
        return page

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def reader_tour(browser, sample_pages, run_folder):
    """`reader_tour(scheme, screen)`: the sample pages visited in Chromium in that colour
    scheme, on that screen; each scheme's tour once per run (tests/reader_tour.py)."""
    from tests.reader_tour import SCHEMES, Visit, tour
    from tests.site_pages import TEMPLATE_KINDS

    # The pages test_disclaimer.py sweeps through every width and reader setting.
    swept = {page.url for page in sample_pages if page.built.variant == BROWSED and page.kind in TEMPLATE_KINDS}

    def toured(scheme: str, wait: bool = True) -> dict | None:
        return once_json(run_folder / "tours" / f"{scheme}.json", lambda: {
            screen: [dataclasses.asdict(visit) for visit in visits]
            for screen, visits in tour(browser, sample_pages, scheme, swept=swept).items()}, wait)

    def visited(scheme: str, screen: str) -> list:
        found = toured(scheme, wait=False)
        if found is None:  # another worker is touring it: tour the schemes nobody has begun, then wait
            for other in SCHEMES:
                with contextlib.suppress(Exception):  # a failed tour fails the tests that need it
                    toured(other, wait=False)
            found = toured(scheme)
        return [Visit(**visit) for visit in found[screen]]

    visited.site_name = sample_pages[0].source.config.site_name
    return visited


# -- Search ---------------------------------------------------------------------------------


def search_word(site: Path, source: SourceSite) -> tuple[str, str]:
    """(a word to search for, the address it must find): the rarest word of the newest
    post (or of the About page when there is no post), found in as few pages of the
    search index as can be, so that its page comes first among the results."""
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


# lunr's English stop words (Material's search drops them from queries), of 5 letters or more.
LUNR_STOP_WORDS = set("""about across after almost among because cannot could either every however least
likely might neither often other rather should since their there these wants where which while would""".split())


def search_for(page, word: str) -> None:
    """Type a word into Material's search as a reader does, once its index is loaded.
    Material searches on keyup (or when the index arrives): text set without key
    presses after the index is ready is never searched, so the test types it."""
    page.locator(".md-search__input").click()
    page.locator(".md-search-result__meta").filter(has_text="Type to start searching").wait_for(
        state="attached", timeout=60_000)
    page.keyboard.type(word)
