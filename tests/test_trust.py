"""Trustworthy health content: authorship, review dates, sources, advertising kept
apart, the policy pages, and a build that refuses an article missing any of it."""

from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from tests import schema_org
from tests.site_build import REPO, build, copy_project, post
from tests.site_pages import html_pages, soup, text_of, url_of

ARTICLE = "blog/what-causes-dystonia-really/index.html"
ARTICLE_URL = "https://www.hopefordystonia.com/blog/what-causes-dystonia-really/"
POLICY_PAGES = ["about/", "editorial-policy/", "privacy/", "accessibility/", "contact/"]


@pytest.fixture(scope="module")
def article(site):
    return soup(site, ARTICLE)


# -- Each article shows who, when, on what basis --------------------------------------------


def test_the_byline_names_the_author_and_her_role_linking_to_the_about_page(article):
    author = article.select_one(".hfd-byline__author")
    assert "Fede" in text_of(author)
    assert "Founder of Hope for Dystonia, coach; not a medical provider" in text_of(author)
    assert author.find("a")["href"] == "../../about/"


def test_the_byline_shows_publication_and_last_review_dates(article):
    dates = text_of(article.select_one(".hfd-byline__dates"))
    assert "Published February 13, 2024" in dates
    assert "Last reviewed February 13, 2024" in dates
    assert article.select_one('.hfd-byline__dates time[datetime="2024-02-13"]')


def test_an_article_without_a_medical_reviewer_says_so(article):
    assert "Not medically reviewed." in text_of(article.select_one(".hfd-byline__review"))


def test_an_article_without_sources_says_what_it_rests_on(article):
    sources = article.select_one("section.hfd-sources")
    assert text_of(sources.find("h2")).startswith("Sources")
    note = text_of(sources)
    assert "draws on the author's own experience" in note and "not medical advice" in note


def test_share_with_a_clinician_by_email_sends_nothing_until_the_reader_acts(article):
    share = article.select_one("section.hfd-share")
    email = share.select_one('a[href^="mailto:"]')
    query = parse_qs(urlsplit(email["href"]).query)
    assert query["subject"] == ["What causes dystonia, really?"]
    assert ARTICLE_URL in query["body"][0]
    assert share.select_one("[data-hfd-print]") and share.select_one("[data-hfd-copy-link]")
    assert not share.find("script") and not share.find("iframe")


def test_readers_reply_by_email_with_the_title_in_the_subject(article):
    reply = article.select_one("section.hfd-replies a[href^='mailto:']")
    subject = parse_qs(urlsplit(reply["href"]).query)["subject"]
    assert subject == ["Re: What causes dystonia, really?"]
    assert not article.select("[data-hfd-giscus]"), "comments are off unless enabled"


def test_article_json_ld_has_author_role_publisher_dates_and_last_reviewed(article):
    data = json.loads(article.find("script", type="application/ld+json").string)
    assert schema_org.problems(data) == []
    assert data["author"][0]["jobTitle"].startswith("Founder of Hope for Dystonia")
    assert data["publisher"]["name"] == "Hope for Dystonia, Inc."
    assert data["datePublished"] == "2024-02-13"
    assert data["mainEntityOfPage"]["@type"] == "WebPage"
    assert data["mainEntityOfPage"]["lastReviewed"] == "2024-02-13"


# -- Advertising apart from editorial content --------------------------------------------------


def test_the_cta_is_labelled_as_the_paid_service_and_makes_no_claim(site):
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *args: None)
    extra = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=_Loader)["extra"]
    wording = " ".join(str(value) for value in extra["cta"].values()).lower()
    for word in extra["cta_forbidden_words"]:
        assert word.lower() not in wording
    cta = soup(site, ARTICLE).select_one("aside.hfd-cta")
    assert "paid coaching service" in text_of(cta)
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

REVIEWED = post(
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
    project = copy_project(root / "project")
    (project / "docs/blog/posts/a-reviewed-article.md").write_text(REVIEWED)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text()
                      .replace("      enabled: false", "      enabled: true")
                      .replace('      repo: ""', "      repo: example/discussions"))
    result = build(project, root / "site")
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
        page.get_by_role("button", name="Show comments").click()
        page.wait_for_timeout(300)
        assert any(urlsplit(a).hostname == "giscus.app" for a in attempts)
        context.close()


@pytest.mark.browser
def test_print_and_copy_link_work_from_the_article(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], bypass_csp=True)
    page = context.new_page()
    page.add_init_script("window.print = () => { window.__printed = true; };")
    page.goto(site_url + "blog/what-causes-dystonia-really/")
    page.get_by_role("button", name="Print this article").click()
    assert page.evaluate("window.__printed") is True
    page.get_by_role("button", name="Copy the link").click()
    page.locator(".hfd-share__status").filter(has_text="copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == ARTICLE_URL
    context.close()


# -- The build refuses an article that lacks any of it ----------------------------------------------

BAD_POSTS = {
    "no-description": (dict(description=None), "`description:` is missing"),
    "no-date": (dict(date=None), "`date:` is missing"),
    "date-not-a-date": (dict(date={"created": "last spring"}), "`date.created` is 'last spring', not a date"),
    "no-last-reviewed": (dict(last_reviewed=None), "`last_reviewed:` is missing"),
    "no-author": (dict(authors=None), "`authors:` is missing"),
    "unknown-author": (dict(authors=["someone"]), "author 'someone' is not in docs/blog/.authors.yml"),
    "half-a-reviewer": (dict(medical_reviewer={"name": "Dr X"}), "`medical_reviewer:` needs both"),
    "source-without-link": (dict(sources=[{"title": "A"}]), "`sources:` item 1 needs a `url:` or a `citation:`"),
}


@pytest.mark.parametrize("case", BAD_POSTS, ids=list(BAD_POSTS))
def test_an_article_missing_a_field_stops_the_build_naming_file_and_field(tmp_path, case):
    changes, message = BAD_POSTS[case]
    project = copy_project(tmp_path / "project")
    (project / f"docs/blog/posts/{case}.md").write_text(post(case, **changes))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/blog/posts/{case}.md: {message}" in result.output
    assert "Traceback" not in result.output


def test_an_author_without_a_role_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    authors = project / "docs/blog/.authors.yml"
    authors.write_text(authors.read_text().replace(
        "    role: Founder of Hope for Dystonia, coach; not a medical provider\n", ""))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "author 'fede' has no `role:` in docs/blog/.authors.yml" in result.output


@pytest.mark.parametrize("markdown, message", [
    ("![](../../assets/images/logo.svg)", "the image 'logo.svg' has no alt text"),
    ('<figure markdown="span">\n  ![A logo](../../assets/images/logo.svg)\n</figure>',
     "the figure 'logo.svg' needs a <figcaption> with its credit"),
], ids=["no-alt-text", "figure-without-credit"])
def test_an_image_without_alt_text_or_credit_stops_the_build(tmp_path, markdown, message):
    project = copy_project(tmp_path / "project")
    body = f"Intro.\n\n<!-- more -->\n\n{markdown}\n"
    (project / "docs/blog/posts/pictures.md").write_text(post("pictures", body=body))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/blog/posts/pictures.md: {message}" in result.output


def test_an_image_without_alt_text_on_any_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    about = project / "docs/about.md"
    about.write_text(about.read_text() + "\n![](assets/images/logo.svg)\n")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/about.md: the image 'logo.svg' has no alt text" in result.output


def test_a_cta_that_promises_a_cure_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("    title: Book a consultation",
                                                 "    title: Cure your dystonia today"))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "extra.cta.title uses 'cure'" in result.output


# -- Reviews: a warning at every build, a list on demand -------------------------------------------


def test_an_overdue_review_is_a_warning_naming_the_article_not_a_failure(tmp_path):
    project = copy_project(tmp_path / "project")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert ("WARNING -  Review due: docs/blog/posts/what-causes-dystonia-really.md was last "
            "reviewed on 2024-02-13") in result.output


def test_check_reviews_lists_every_article_with_its_status():
    listed = subprocess.run([sys.executable, str(REPO / "hooks/reviews.py")],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    assert listed.returncode == 0, listed.stderr
    row = next(line for line in listed.stdout.splitlines() if "What causes dystonia" in line)
    assert row.split()[0] in ("overdue", "due", "up")
    assert "2024-02-13" in row and "not medically reviewed" in row
