"""Publishing: drafts and scheduled posts stay private until their day, judged where
the practice is; dates written either way mean the same everywhere."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import signal
import socket
import subprocess
import time
import urllib.request
from zoneinfo import ZoneInfo

import pytest
import yaml

from tests.conftest import built_variant
from tests.grown_site import ACCENTED_TITLE
from tests.site_build import REPO, assert_refused, build_with, copy_project, post_markdown
from tests.site_pages import differences, html_pages

DENVER = ZoneInfo("America/Denver")
SITE_URL = re.search(r"^site_url: (\S+)", (REPO / "mkdocs.yml").read_text(), re.M)[1]  # ends in /
WORKFLOW = yaml.safe_load((REPO / ".github/workflows/site.yml").read_text())


# -- Unpublished posts leave no trace ---------------------------------------------------------


def test_unpublished_posts_and_their_pictures_have_no_page_and_appear_in_no_list_feed_sitemap_or_search(
        site, source):
    places = [*site.rglob("*.html"), site / "sitemap.xml", site / "search/search_index.json", *site.glob("feed_*")]
    texts = {place: place.read_text(encoding="utf-8") for place in places if place.is_file()}
    for post in source.unpublished_posts:
        assert not (site / post.address).exists(), post.source
        for place, text in texts.items():
            assert post.address not in text and post.title not in text, f"{post.source} leaks into {place}"
    for picture in _pictures(source, source.unpublished_posts) - _pictures(source, source.published_posts):
        assert not (site / picture).exists(), f"{picture}, shown only by unpublished posts, is published"


def _pictures(source, posts) -> set[str]:
    """The files of docs/ the posts show as pictures."""
    return {posixpath.normpath(posixpath.join(posixpath.dirname(post.source), path)) for post in posts
            for path in re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", (source.project / "docs" / post.source).read_text())}


def test_a_scheduled_posts_year_has_no_archive_page_of_its_own(site, source):
    years = {str(post.dates(source.zone)[0].year) for post in source.published_posts}
    archives = {page.split("/")[2] for page in html_pages(site) if page.startswith("blog/archive/")}
    assert archives == years


# -- "Today" is the practice's day ---------------------------------------------------------------


# (the post's `date.created`, the build's moment, whether the post is online then)
ONLINE_AT = {
    "the-evening-before-in-colorado": ("2030-03-15", dt.datetime(2030, 3, 14, 23, 59, tzinfo=DENVER), False),  # 05:59 UTC
    "midnight-in-colorado": ("2030-03-15", dt.datetime(2030, 3, 15, 0, 0, tzinfo=DENVER), True),
    # A time of day without a zone is the practice's too: at 18:00 in Colorado (summer
    # time), a post of 20:30 there waits, though 20:30 UTC has passed.
    "the-evening-before-its-hour": (dt.datetime(2030, 3, 15, 20, 30), dt.datetime(2030, 3, 15, 18, 0, tzinfo=DENVER),
                                    False),
    "its-hour-in-colorado": (dt.datetime(2030, 3, 15, 20, 30), dt.datetime(2030, 3, 15, 20, 30, tzinfo=DENVER), True),
}


@pytest.mark.parametrize("case", ONLINE_AT)
def test_a_post_goes_online_at_its_day_and_hour_where_the_practice_is(tmp_path, case):
    created, moment, published = ONLINE_AT[case]
    post = post_markdown("on-its-day", date={"created": created}, last_reviewed="2030-03-15")
    result = build_with(tmp_path, {"docs/blog/posts/on-its-day.md": post}, now=moment)
    assert result.returncode == 0, result.output
    assert (tmp_path / "site/blog/on-its-day/index.html").exists() == published


def test_the_daily_publishing_run_fires_just_after_midnight_in_colorado_all_year():
    # Every day of every month and week (a scheduled post may be dated a Sunday).
    crons = [fields for entry in WORKFLOW[True]["schedule"] if (fields := entry["cron"].split())[2:] == ["*"] * 3]
    for day in (dt.date(2030, 1, 15), dt.date(2030, 7, 15)):  # winter and summer time
        local_runs = [dt.datetime.combine(day, dt.time(int(hour), int(minute)), dt.timezone.utc)
                      .astimezone(DENVER).time() for minute, hour, *_ in crons]
        assert any(dt.time(0, 0) <= run <= dt.time(0, 30) for run in local_runs), (day, local_runs)


def test_a_post_scheduled_for_later_is_checked_when_pushed_on_the_site_of_its_day(run_folder):
    # Every test that reads the built site runs on the publication-day build too, and the
    # browser checks sample its pages: what the daily run will publish is checked now.
    today, later = built_variant(run_folder, "grown"), built_variant(run_folder, "publication-day")
    scheduled = [post for post in today.source.unpublished_posts if post.meta.get("draft") is not True]
    assert scheduled, "tests/grown_site.py schedules a post"
    for post in scheduled:
        assert not (today.site / post.page).exists() and (later.site / post.page).is_file(), post.source
    assert not [post for post in later.source.unpublished_posts if post.meta.get("draft") is not True]


def test_a_workflow_step_fails_when_any_command_of_a_pipe_fails():
    # Actions runs `bash -e` without pipefail: `make build | tee build.log` would pass a
    # failed build, and the plain summary of what to fix (if: failure()) would not run.
    for workflow in sorted((REPO / ".github/workflows").glob("*.yml")):
        for job, steps in ((name, job["steps"]) for name, job in yaml.safe_load(workflow.read_text())["jobs"].items()):
            for step in steps:
                piped = re.search(r"[^|]\|[^|]", step.get("run", ""))
                assert not piped or "set -o pipefail" in step["run"] or "pipefail" in step.get("shell", ""), \
                    f"{workflow.name}, job {job}: {step.get('name') or step['run']}"


def test_the_daily_publishing_run_only_builds_and_publishes():
    jobs = WORKFLOW["jobs"]
    assert "schedule" in jobs["test"]["if"] and "!=" in jobs["test"]["if"], "no tests in the daily run"
    assert "needs.test.result == 'skipped' && github.event_name == 'schedule'" in jobs["publish"]["if"]
    assert any(step.get("run") == "make build" for step in jobs["publish"]["steps"]), "the build's own checks"


# -- A date is a date, however it is written --------------------------------------------------------


def test_a_flat_date_builds_exactly_like_date_created(tmp_path):
    nested = post_markdown("dated", date={"created": "2025-07-04"}, last_reviewed="2025-07-04")
    flat = nested.replace("date:\n  created: 2025-07-04\n", "date: 2025-07-04\n")
    assert flat != nested
    for form, text in (("flat", flat), ("nested", nested)):
        result = build_with(tmp_path / form, {"docs/blog/posts/dated.md": text})
        assert result.returncode == 0, result.output
    assert differences(tmp_path / "flat/site", tmp_path / "nested/site") == [], \
        "pages, feeds, JSON-LD and sitemap must be identical"


# -- Links and redirects to unpublished posts ---------------------------------------------------------


A_DRAFT = {"docs/blog/posts/a-draft.md": post_markdown("a-draft", draft=True)}


def _about_links_to_a_draft(link: str) -> dict:
    return {**A_DRAFT, "docs/about.md": (REPO / "docs/about.md").read_text() + f"\nComing: {link}\n"}


LINK_TO_A_DRAFT = ("docs/about.md links to docs/blog/posts/a-draft.md, which is not published "
                   "(a draft: `draft: true`)")
# case: (edits to a copy of the project, the texts of the message the build stops with)
UNPUBLISHED_TARGETS = {
    "markdown-link-to-a-draft": (_about_links_to_a_draft("[soon](blog/posts/a-draft.md)"), LINK_TO_A_DRAFT),
    "address-link-to-a-draft": (_about_links_to_a_draft("[soon](../blog/a-draft/)"), LINK_TO_A_DRAFT),
    "absolute-link-to-a-draft": (_about_links_to_a_draft("[soon](/blog/a-draft/)"), LINK_TO_A_DRAFT),
    "full-address-link-to-a-draft": (_about_links_to_a_draft(f"[soon]({SITE_URL}blog/a-draft/)"), LINK_TO_A_DRAFT),
    "other-scheme-and-host-form-link-to-a-draft": (_about_links_to_a_draft(
        "[soon](" + SITE_URL.replace("https://www.", "http://") + "blog/a-draft/#part)"), LINK_TO_A_DRAFT),
    "nav-entry-to-a-draft": (
        {**A_DRAFT, "mkdocs.yml": ("  - Contact: contact.md\n",
                                   "  - Contact: contact.md\n  - Soon: blog/posts/a-draft.md\n")},
        "mkdocs.yml nav lists blog/posts/a-draft.md, which is not published (a draft: `draft: true`)"),
    "disclaimer-link-to-a-draft": (
        {**A_DRAFT,
         "docs/disclaimer.md": (REPO / "docs/disclaimer.md").read_text() + "\nSoon: [more](blog/posts/a-draft.md).\n"},
        "docs/disclaimer.md links to 'blog/posts/a-draft.md', which is not published (a draft: `draft: true`)"),
    "redirect-to-a-scheduled-post": (
        {"docs/blog/posts/later.md": post_markdown("later", date={"created": "2099-01-01"}, last_reviewed="2099-01-01"),
         "mkdocs.yml": ("  redirects:\n", "  redirects:\n    post/later.md: blog/posts/later.md\n")},
        "mkdocs.yml redirects post/later.md to docs/blog/posts/later.md, which is not "
        "published (scheduled: dated 2099-01-01, after today)"),
}


@pytest.mark.parametrize("case", UNPUBLISHED_TARGETS)
def test_the_build_refuses_a_link_or_redirect_to_an_unpublished_post_naming_both(tmp_path, case):
    edits, *expected = UNPUBLISHED_TARGETS[case]
    assert_refused(build_with(tmp_path, edits), *expected)


def test_a_draft_may_link_to_another_draft(tmp_path):
    b_draft = post_markdown("b-draft", draft=True, body="See [a](a-draft.md).\n\n<!-- more -->\n\nMore.\n")
    assert build_with(tmp_path, {**A_DRAFT, "docs/blog/posts/b-draft.md": b_draft}).returncode == 0


# -- `make edit`: the preview shows everything, marked, reloads by itself, and serves the editor --


@pytest.mark.browser
def test_make_edit_previews_drafts_and_future_posts_marked_reloads_by_itself_and_serves_the_editor(tmp_path, tab):
    project = copy_project(tmp_path / "project")
    (project / "docs/blog/posts/a-draft.md").write_text(post_markdown("a-draft", title="A draft", draft=True))
    (project / "docs/blog/posts/later.md").write_text(
        post_markdown("later", title="Later", date={"created": "2099-01-01"}, last_reviewed="2099-01-01"))
    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        # The repository's installs, taken as they are (-o): an install here could empty the
        # shared node_modules under the other tests.
        ["make", "--no-print-directory", "-f", str(REPO / "Makefile"), "-o", f"{REPO / '.venv/.installed-site'}",
         "-o", "node_modules/.installed", "edit", f"PORT={port}", f"VENV={REPO / '.venv'}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        # Its built copy of the site (mkdocs serve writes it to a temporary folder, and
        # leaves it there when stopped) goes with the test's own folder.
        env={**os.environ, "TMPDIR": str(tmp_path)})
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 180
        while True:  # wait for the first build: a condition, with a generous bound
            try:
                urllib.request.urlopen(base, timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError("make edit did not start the preview")
                time.sleep(0.5)
        # Drafts are shown to this computer only: not on any other of its addresses (Linux
        # gives all of 127.0.0.0/8 to this computer; a server on 0.0.0.0 answers there).
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.2", port), timeout=5).close()
        for slug, title in (("a-draft", "A draft"), ("later", "Later")):
            html = urllib.request.urlopen(f"{base}blog/{slug}/", timeout=60).read().decode()
            assert title in html
            assert 'class="hfd-draft"' in html, f"{slug} is marked as a draft"
        page, refused = tab(), []
        page.on("console", lambda message: refused.append(message.text) if "Content Security" in message.text else None)
        with page.expect_request(lambda request: "/livereload/" in request.url):  # MkDocs' script, asking for changes
            page.goto(base + "blog/a-draft/")
        assert refused == [], "the page's policy lets the live-reload script run"
        page.goto(base + "admin/")
        page.get_by_role("button", name="Work with Local Repository").wait_for()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


# -- Addresses in plain ASCII ----------------------------------------------------------------------

# (what it shows, title, address): a post without `slug:` gets its title in plain ASCII,
# by Material's own rule ("-" between words); an ASCII title keeps Material's address.
POST_SLUGS = [
    ("accented-latin", "Distonía cervical: primeros pasos", "distonia-cervical-primeros-pasos"),
    ("french", "Ça va? Dystonie, lumière & “odd” days <3", "ca-va-dystonie-lumiere--odd-days-3"),
    ("german-eszett", "Straße und Füße", "strasse-und-fusse"),
    ("greek", "Ελληνικά νέα", "ellinika-nea"),
    ("cyrillic", "Привет, мир", "privet-mir"),
    ("cjk", "北京欢迎你", "beijinghuanyingni"),
    ("emoji-only", "😀🎉", "post"),
    ("emoji-and-punctuation-only", "🎉 ✨ !?", "post"),
    ("ascii-apostrophes", "Don't panic: it's (mostly) fine!", "dont-panic-its-mostly-fine"),
    ("ascii-punctuation", 'Quotes "and" <3 & more', "quotes-and-3--more"),
    ("ascii-plain", "What causes dystonia, really?", "what-causes-dystonia-really"),
]


@pytest.mark.parametrize("title, address", [row[1:] for row in POST_SLUGS], ids=[row[0] for row in POST_SLUGS])
def test_a_posts_address_is_its_title_in_plain_ascii(title, address):
    from pymdownx.slugs import slugify

    from hfd.slugs import post_slug

    assert post_slug(title, "-") == address
    if title.isascii():  # byte for byte what Material 9.8's default post_slugify gives
        assert address == slugify(case="lower")(title, "-")


@pytest.mark.parametrize("built", ["grown"], indirect=True)
def test_a_post_titled_beyond_ascii_is_published_at_its_ascii_address_and_its_former_one_leads_on(
        site, source):
    from material.plugins.blog.config import BlogConfig

    post = next(post for post in source.posts if post.title == ACCENTED_TITLE)
    assert "slug" not in post.meta
    assert post.address == "blog/distonia-cervical-una-pagina-de-prueba/"  # published there: test_content.py
    assert all(post.address.isascii() for post in source.posts), [post.address for post in source.posts]
    material_default = BlogConfig.post_slugify.default  # the address it had before
    formers = {f"blog/{material_default(post.title, '-')}/": post for post in source.published_posts
               if "slug" not in post.meta and not post.title.isascii()}
    assert "blog/distonía-cervical-una-página-de-prueba/" in formers
    for former, post in formers.items():
        redirect = (site / former / "index.html").read_text(encoding="utf-8")
        relative = "../" + post.address.removeprefix("blog/")
        assert f'<meta http-equiv="refresh" content="0; url={relative}">' in redirect, former
        assert f'<link rel="canonical" href="{source.site_url}{post.address}">' in redirect, former
