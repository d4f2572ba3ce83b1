"""Trustworthy health content: authorship, review dates, sources, advertising kept
apart, the policy pages, and a build that refuses an article missing any of it."""

from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from tests import schema_org
from tests.site_build import REPO, assert_refused, build, build_with, copy_project, post_markdown
from tests.site_pages import html_pages, soup, text_of, url_of

POLICY_PAGES = ["about/", "editorial-policy/", "privacy/", "accessibility/", "contact/"]


def _author(source, key):
    return source.config.plugins["material/blog"].authors[key]


# -- Each article shows who, when, on what basis --------------------------------------------


def test_the_byline_names_each_author_and_role_linking_to_the_about_page(site, source):
    about = "/" + source.config.extra["trust"]["about_page"]
    for post in source.published_posts:
        bylines = soup(site, post.page).select(".hfd-byline__author")
        assert len(bylines) == len(post.meta["authors"]), post.source
        for byline, key in zip(bylines, post.meta["authors"]):
            author = _author(source, key)
            assert author.name in text_of(byline) and author["role"] in text_of(byline)
            assert urljoin("/" + post.address, byline.find("a")["href"]) == about


def test_the_byline_shows_publication_update_and_review_dates(site, source):
    for post in source.published_posts:
        dates = soup(site, post.page).select_one(".hfd-byline__dates")
        created, _ = post.dates(source.zone)
        shown = {time["datetime"] for time in dates.select("time")}
        assert created.date().isoformat() in shown, post.source
        assert post.meta["last_reviewed"].isoformat() in shown, post.source
        updated = post.meta["date"].get("updated") if isinstance(post.meta["date"], dict) else None
        assert ("Updated" in text_of(dates)) == bool(updated), post.source


def test_each_article_says_whether_it_was_medically_reviewed(site, source):
    for post in source.published_posts:
        review = text_of(soup(site, post.page).select_one(".hfd-byline__review"))
        reviewer = post.meta.get("medical_reviewer")
        expected = (f"Medically reviewed by {reviewer['name']}, {reviewer['credentials']}."
                    if reviewer else "Not medically reviewed.")
        assert expected in review, post.source


def test_each_article_lists_its_sources_or_says_what_it_rests_on(site, source):
    note = " ".join(source.config.extra["trust"]["no_sources_note"].split())
    for post in source.published_posts:
        sources = soup(site, post.page).select_one("section.hfd-sources")
        if post.meta.get("sources"):
            listed = [text_of(li) for li in sources.select("ol li")]
            assert [s["title"] for s in post.meta["sources"]] == [t.split(". ")[0] for t in listed]
        else:
            assert note in text_of(sources), post.source


def test_share_with_a_clinician_by_email_sends_nothing_until_the_reader_acts(site, source):
    for post in source.published_posts:
        share = soup(site, post.page).select_one("section.hfd-share")
        query = parse_qs(urlsplit(share.select_one('a[href^="mailto:"]')["href"]).query)
        assert query["subject"] == [post.title]
        assert source.site_url + post.address in query["body"][0]
        assert share.select_one("[data-hfd-print]") and share.select_one("[data-hfd-copy-link]")
        assert not share.find("script") and not share.find("iframe")


def test_readers_reply_by_email_with_the_title_in_the_subject(site, source):
    for post in source.published_posts:
        page = soup(site, post.page)
        reply = page.select_one("section.hfd-replies a[href^='mailto:']")
        assert parse_qs(urlsplit(reply["href"]).query)["subject"] == [f"Re: {post.title}"]
        assert not page.select("[data-hfd-giscus]"), "comments are off unless enabled"


def test_article_json_ld_has_author_role_publisher_dates_and_last_reviewed(site, source):
    for post in source.published_posts:
        data = json.loads(soup(site, post.page).find("script", type="application/ld+json").string)
        assert schema_org.problems(data) == [], post.source
        created, updated = post.dates(source.zone)
        assert data["datePublished"] == created.date().isoformat()
        assert data["dateModified"] == updated.date().isoformat()
        assert data["author"][0]["jobTitle"] == _author(source, post.meta["authors"][0])["role"]
        assert data["publisher"]["name"] == source.config.extra["organization"]["legal_name"]
        assert data["mainEntityOfPage"]["lastReviewed"] == post.meta["last_reviewed"].isoformat()


# -- Advertising apart from editorial content --------------------------------------------------


def test_the_cta_is_labelled_as_the_paid_service_on_every_post(site, source):
    label = source.config.extra["cta"]["label"]
    for post in source.published_posts:
        cta = soup(site, post.page).select_one("aside.hfd-cta")
        assert label in text_of(cta), post.source
        assert cta.find_parent("article") is None


# -- The pages the site needs -------------------------------------------------------------------


def test_every_policy_page_exists_and_is_linked_from_every_footer(site):
    for page in POLICY_PAGES:
        assert (site / page / "index.html").is_file(), page
    for path in html_pages(site):
        footer = soup(site, path).find("footer")
        linked = {urljoin("/" + url_of(path), a["href"]) for a in footer.select(".hfd-footer-links a")}
        assert {"/" + page for page in POLICY_PAGES} <= linked, path


def test_the_about_page_states_ownership_role_and_funding(site):
    text = text_of(soup(site, "about/index.html").find("article"))
    assert "Hope for Dystonia, Inc." in text and "Colorado, U.S.A." in text
    assert "not a medical provider" in text
    assert "coaching fees only" in text and "no advertising and no sponsorship" in text


def test_the_privacy_page_says_nothing_is_collected(site):
    text = text_of(soup(site, "privacy/index.html").find("article"))
    for fact in ("No cookies", "no analytics", "colour scheme", "text size", "booking site"):
        assert fact in text


def test_the_accessibility_statement_names_its_standard_and_how_to_ask(site):
    text = text_of(soup(site, "accessibility/index.html").find("article"))
    assert "WCAG" in text and "2.2" in text and "AA" in text
    assert "Known limitations" in text and "another format" in text


@pytest.mark.parametrize("page", ["consultation/index.html", "contact/index.html"])
def test_consultation_and_contact_pages_say_they_are_not_for_emergencies(site, page):
    notice = soup(site, page).select_one(".admonition.warning")
    text = text_of(notice)
    assert "Not for emergencies" in text
    assert "911" in text and "988" in text


def test_the_contact_page_offers_email_and_no_phone(site):
    contact = soup(site, "contact/index.html").find("article")
    assert contact.select_one('a[href^="mailto:"]')
    assert not contact.select('a[href^="tel:"]')


# -- A fully described article, and comments on request -----------------------------------------

REVIEWED = post_markdown(
    "a-reviewed-article",
    title="A reviewed article",
    last_reviewed="2024-03-01",
    next_review="2099-01-01",
    medical_reviewer={"name": "Dr Example Reviewer", "credentials": "MD, neurologist"},
    sources=[{"title": "A study", "url": "https://example.org/study"},
             {"title": "A book", "citation": "Publisher, 2020"}],
)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("trust")
    comments_on = ('      enabled: false\n      repo: ""', "      enabled: true\n      repo: example/discussions")
    result = build_with(root, {"docs/blog/posts/a-reviewed-article.md": REVIEWED, "mkdocs.yml": comments_on})
    assert result.returncode == 0, result.output
    return root / "site"


def test_a_reviewed_article_shows_its_reviewer_next_review_and_sources(fixture_site):
    page = soup(fixture_site, "blog/a-reviewed-article/index.html")
    assert "Medically reviewed by Dr Example Reviewer, MD, neurologist." in text_of(
        page.select_one(".hfd-byline__review"))
    assert "Next review due January 1, 2099" in text_of(page.select_one(".hfd-byline__dates"))
    items = page.select("section.hfd-sources ol li")
    assert items[0].find("a")["href"] == "https://example.org/study"
    assert "Publisher, 2020" in text_of(items[1])
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["mainEntityOfPage"]["reviewedBy"]["name"] == "Dr Example Reviewer"
    assert schema_org.problems(data) == []


@pytest.mark.browser
def test_comments_load_nothing_until_the_reader_asks(browser, fixture_site):
    from tests.browser_audits import block_other_hosts
    from tests.static_server import serve

    with serve(fixture_site) as url:
        context = browser.new_context()
        attempts = block_other_hosts(context)
        page = context.new_page()
        page.goto(url + "blog/a-reviewed-article/", wait_until="networkidle")
        assert attempts == []
        with page.expect_request(lambda request: urlsplit(request.url).hostname == "giscus.app"):
            page.get_by_role("button", name="Show comments").click()
        context.close()


@pytest.mark.browser
def test_print_and_copy_link_work_from_an_article(browser, fixture_site):
    from tests.static_server import serve

    with serve(fixture_site) as url:
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], bypass_csp=True)
        page = context.new_page()
        page.add_init_script("window.print = () => { window.__printed = true; };")
        page.goto(url + "blog/a-reviewed-article/")
        page.get_by_role("button", name="Print this article").click()
        assert page.evaluate("window.__printed") is True
        page.get_by_role("button", name="Copy the link").click()
        page.locator(".hfd-share__status").filter(has_text="copied").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == \
            "https://www.hopefordystonia.com/blog/a-reviewed-article/"
        context.close()


# -- The build refuses an article that lacks any of it ----------------------------------------------

BAD = "docs/blog/posts/bad.md"


def _post(body: str = "More.", **fields) -> dict:
    """A post at docs/blog/posts/bad.md: `body` after its excerpt, `fields` changed."""
    return {BAD: post_markdown("bad", body=f"Intro.\n\n<!-- more -->\n\n{body}\n", **fields)}


# case: (edits to a copy of the project, the texts of the message the build stops with)
ARTICLE_FIELDS = {
    "no-description": (_post(description=None), f"{BAD}: `description:` is missing"),
    "no-date": (_post(date=None), f"{BAD}: `date:` is missing"),
    "date-not-a-date": (_post(date={"created": "last spring"}), f"{BAD}: `date.created` is 'last spring', not a date"),
    "no-last-reviewed": (_post(last_reviewed=None), f"{BAD}: `last_reviewed:` is missing"),
    "no-author": (_post(authors=None), f"{BAD}: `authors:` is missing"),
    "unknown-author": (_post(authors=["someone"]),
                       f"{BAD}: `authors:` 'someone' is not one of: fede (listed in docs/blog/.authors.yml)"),
    "half-a-reviewer": (_post(medical_reviewer={"name": "Dr X"}), f"{BAD}: `medical_reviewer:` needs both"),
    "source-without-link": (_post(sources=[{"title": "A"}]),
                            f"{BAD}: `sources:` item 1 needs a `url:` or a `citation:`"),
    "authors-as-text": (_post(authors="fede"), f"{BAD}: `authors:` is 'fede', but it must be a list"),
    "title-as-list": (_post(title=["a", "b"]), f"{BAD}: `title:` is a list (a, b), but it must be text"),
    "missing-share-image": (_post(image="assets/images/nope.png", image_alt="A picture"),
                            f"{BAD}: `image:` 'assets/images/nope.png' is not a file in docs/"),
    "share-image-without-alt": (_post(image="assets/images/social-card.png"), f"{BAD}: `image_alt:` is missing"),
    "draft-not-yes-or-no": (_post(draft="maybe"), f"{BAD}: `draft:` is 'maybe'; write `draft: true`"),
    "slug-with-spaces": (_post(slug="My Post"), f"{BAD}: `slug:` is 'My Post'; the address may use only"),
    "misspelled-field": (_post(catagories=["Understanding dystonia"]),
                         f"{BAD}: `catagories:` is not a field of a post; did you mean `categories:`?"),
    "updated-before-created": (_post(date={"created": "2024-03-01", "updated": "2024-01-01"}),
                               f"{BAD}: `date.updated` (2024-01-01) is before `date.created` (2024-03-01)"),
    "author-without-a-role": (
        {"docs/blog/.authors.yml": ("    role: Founder of Hope for Dystonia, coach; not a medical provider\n", "")},
        "author 'fede' has no `role:` in docs/blog/.authors.yml"),
}


@pytest.mark.parametrize("case", ARTICLE_FIELDS)
def test_the_build_refuses_an_article_missing_a_field_naming_file_and_field(tmp_path, case):
    edits, *expected = ARTICLE_FIELDS[case]
    assert_refused(build_with(tmp_path, edits), *expected)


NO_CREDIT = "the figure 'logo.svg' needs a caption with a line starting \"Credit:\""
PICTURES = {
    "no-alt-text": (_post("![](../../assets/images/logo.svg)"), f"{BAD}: the image 'logo.svg' has no alt text"),
    "html-figure-without-credit": (
        _post('<figure markdown="span">\n  ![A logo](../../assets/images/logo.svg)\n</figure>'), f"{BAD}: {NO_CREDIT}"),
    "markdown-figure-without-credit": (
        _post("![A logo](../../assets/images/logo.svg)\n\n/// caption\nThe logo.\n///"), f"{BAD}: {NO_CREDIT}"),
    "no-alt-text-on-any-page": (
        {"docs/about.md": (REPO / "docs/about.md").read_text() + "\n![](assets/images/logo.svg)\n"},
        "docs/about.md: the image 'logo.svg' has no alt text"),
}


@pytest.mark.parametrize("case", PICTURES)
def test_the_build_refuses_a_picture_without_alt_text_or_credit_naming_page_and_picture(tmp_path, case):
    edits, *expected = PICTURES[case]
    assert_refused(build_with(tmp_path, edits), *expected)


def test_the_build_refuses_a_call_to_action_that_promises_a_cure(tmp_path):
    edits = {"mkdocs.yml": ("    title: Book a consultation", "    title: Cure your dystonia today")}
    assert_refused(build_with(tmp_path, edits), "extra.cta.title uses 'cure'")


# -- Reviews: a warning at every build, a list on demand -------------------------------------------


OVERDUE = post_markdown("an-old-review", title="An old review", last_reviewed="2020-01-15")


@pytest.fixture(scope="module")
def reviews_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("reviews") / "project")
    (project / "docs/blog/posts/an-old-review.md").write_text(OVERDUE)
    return project


def test_an_overdue_review_is_a_warning_naming_the_article_not_a_failure(reviews_project, tmp_path):
    result = build(reviews_project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert ("WARNING -  Review due: docs/blog/posts/an-old-review.md was last "
            "reviewed on 2020-01-15") in result.output


def test_check_reviews_lists_every_article_with_its_status(reviews_project):
    listed = subprocess.run([sys.executable, str(REPO / "scripts/check_reviews.py")],
                            capture_output=True, text=True, cwd=reviews_project, timeout=120)
    assert listed.returncode == 0, listed.stderr
    row = next(line for line in listed.stdout.splitlines() if "An old review" in line)
    assert row.split()[0] == "overdue"
    assert "2020-01-15" in row and "not medically reviewed" in row
    posts = list((reviews_project / "docs/blog/posts").glob("*.md"))
    assert f"{len(posts)} articles" in listed.stdout
