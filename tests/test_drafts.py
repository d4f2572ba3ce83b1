"""Drafts and scheduled posts: visible in the preview, absent from the published site."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.site_build import build, copy_project, post

DRAFT = post("a-draft", title="A draft in progress", draft=True)
SCHEDULED = post("a-scheduled-post", title="A scheduled post", date={"created": "2099-01-01"},
                 last_reviewed="2099-01-01")
SLUGS = ["a-draft", "a-scheduled-post"]
TITLES = ["A draft in progress", "A scheduled post"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("drafts")
    project = copy_project(root / "project")
    (project / "docs/blog/posts/a-draft.md").write_text(DRAFT)
    (project / "docs/blog/posts/a-scheduled-post.md").write_text(SCHEDULED)
    return project


@pytest.fixture(scope="module")
def published(project, tmp_path_factory):
    site = tmp_path_factory.mktemp("published") / "site"
    result = build(project, site)
    assert result.returncode == 0, result.output
    return site


def test_drafts_and_future_posts_have_no_page(published):
    for slug in SLUGS:
        assert not (published / "blog" / slug).exists()


def test_drafts_and_future_posts_are_in_no_list_feed_sitemap_or_search_index(published):
    places = [published / "blog/index.html", published / "index.html",
              published / "sitemap.xml", published / "search/search_index.json",
              *published.glob("feed_*"), *published.glob("blog/archive/**/*.html"),
              *published.glob("blog/category/**/*.html")]
    for place in places:
        text = place.read_text(encoding="utf-8")
        for slug, title in zip(SLUGS, TITLES):
            assert slug not in text and title not in text, f"{title} leaks into {place}"
    assert not (published / "blog/archive/2099").exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_preview_shows_drafts_and_future_posts_marked_as_drafts(project):
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base, timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError("mkdocs serve did not start")
                time.sleep(0.5)
        for slug, title in zip(SLUGS, TITLES):
            page = urllib.request.urlopen(f"{base}blog/{slug}/", timeout=30).read().decode()
            assert title in page
            assert 'class="hfd-draft"' in page, f"{slug} is marked as a draft"
    finally:
        server.terminate()
        server.wait(timeout=30)
