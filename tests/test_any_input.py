"""Whatever the author writes, the build either publishes a correct site (disclaimer and
call-to-action on every page, disclaimer in every feed item) or stops with one of the
site's clear messages: never a traceback.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.conftest import NOW
from tests.site_build import REPO, build, copy_project
from tests.site_model import source_site
from tests.site_pages import redirect_pages
from tests.test_feeds import FEEDS

CLEAR_MESSAGES = (
    "Some pages need fixing before the site can be built",
    "HTML the site does not allow:",
    "Images need a description and a credit",
    "Two pages would have the same address",
    "contains a link",           # MkDocs' own link validation, in strict mode
    "A published page must not link to an unpublished post",
    "Aborted with",
)

text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
# Printable text (any script, emoji, punctuation), without control characters.
printable = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(str.strip)
safe_html = st.sampled_from([
    "<b>bold</b>", "<div>block</div>", "<span style='color:red'>red</span>", "<br>",
    "&amp; &lt;tag&gt;", "<!-- a comment -->", "<details><summary>More</summary>Hidden</details>",
])
unsafe_html = st.sampled_from([
    "<script>alert(1)</script>", "<iframe src='https://example.org'></iframe>",
    "<p onclick='x()'>click</p>", "<a href='javascript:x()'>x</a>", "<img src='x.png' alt=''>",
])
html_fragments = st.one_of(safe_html, safe_html, safe_html, unsafe_html)
markdown_blocks = st.one_of(
    text.map(lambda t: t.replace("\n", " ")),
    text.map(lambda t: "- " + t + "\n  - " + t + "\n    - nested"),
    text.map(lambda t: "## " + t.replace("\n", " ")),
    st.integers(200, 3000).map(lambda n: "word " * (n // 5)),
    html_fragments,
)
front_matter_values = st.one_of(text, st.integers(), st.booleans(), st.none(),
                                st.lists(text, max_size=3), st.dates().map(str))


@st.composite
def posts(draw, fields: str) -> str:
    if fields == "valid":  # valid fields, with arbitrary text in them
        meta = {
            "title": draw(printable), "description": draw(printable),
            "date": {"created": "2024-03-01"}, "last_reviewed": "2024-03-01",
            "authors": ["fede"], "categories": ["Understanding dystonia"], "slug": "generated",
        }
    else:  # each field valid or any value at all
        meta = {
            "title": draw(st.one_of(text, front_matter_values)),
            "description": draw(st.one_of(text, front_matter_values)),
            "date": draw(st.one_of(st.just({"created": "2024-03-01"}), front_matter_values)),
            "last_reviewed": draw(st.one_of(st.just("2024-03-01"), front_matter_values)),
            "authors": draw(st.one_of(st.just(["fede"]), front_matter_values)),
            "categories": draw(st.one_of(st.just(["Understanding dystonia"]), front_matter_values)),
            "slug": draw(st.one_of(st.just("generated"), text)),
        }
    front = yaml.safe_dump(meta, allow_unicode=True).replace("'2024-03-01'", "2024-03-01")
    body = "\n\n".join(draw(st.lists(markdown_blocks, min_size=1, max_size=6)))
    return f"---\n{front}---\n\n# {draw(text)}\n\n{body}\n\n<!-- more -->\n\nEnd.\n"


@pytest.fixture(scope="module")
def repo_site():
    return source_site(REPO, NOW.isoformat())


# 30 posts in all, in two halves that two of the run's workers build side by side.
@pytest.mark.parametrize("fields", ["valid", "arbitrary"])
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_any_post_builds_a_correct_site_or_fails_clearly(repo_site, fields, data):
    written = data.draw(posts(fields), label="the post")
    from call_to_action import call_to_action, shows_call_to_action
    from disclaimer import missing_in_feeds
    from hfd.built_pages import read_site

    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as root:
        project = copy_project(Path(root) / "project")
        (project / "docs/blog/posts/generated.md").write_text(written, encoding="utf-8")
        site = Path(root) / "site"
        result = build(project, site)
        assert "Traceback" not in result.output, result.output
        event("built" if result.returncode == 0 else "refused")
        if result.returncode != 0:
            assert any(message in result.output for message in CLEAR_MESSAGES), result.output
            return
        expected = call_to_action(repo_site.config)
        # With what the build learnt of each page's visible text (.cache/, keyed by the
        # page's HTML and the classes its stylesheets hide): judged alike, read once.
        for page in read_site(site, str(project / "mkdocs.yml"), frozenset(redirect_pages(site))):
            if page.editor:  # the one exception (hfd.editor), for no reader
                continue
            assert repo_site.disclaimer in page.text, page.dest
            assert page.redirect or shows_call_to_action(page, expected), page.dest
        assert missing_in_feeds(site, FEEDS, repo_site.disclaimer) == []
