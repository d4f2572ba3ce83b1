"""Trustworthy health content: authorship, review dates, sources, advertising kept
apart, the policy pages, and a build that refuses an article missing any of it."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from babel.dates import format_date

from tests.browser_audits import block_other_hosts
from tests.site_build import (BAD_POST as BAD, REPO, assert_refused, bad_post, build, build_with, copy_project,
                              post_markdown)
from tests.site_pages import html_pages, soup, text_of, url_of
from tests.static_server import serve

POLICY_PAGES = ["about/", "editorial-policy/", "privacy/", "accessibility/", "contact/"]


# -- Each article shows who, when, on what basis --------------------------------------------


def test_the_byline_names_each_author_and_role_the_dates_and_whether_it_was_medically_reviewed(site, source):
    about = "/" + source.config.extra["trust"]["about_page"]
    authors = source.config.plugins["material/blog"].authors
    date_format = source.config.plugins["material/blog"].config.post_date_format
    for post in source.published_posts:
        page = soup(site, post.page)
        bylines = page.select(".hfd-byline__author")
        assert len(bylines) == len(post.meta["authors"]), post.source
        for byline, key in zip(bylines, post.meta["authors"]):
            assert authors[key].name in text_of(byline) and authors[key]["role"] in text_of(byline)
            assert urljoin("/" + post.address, byline.find("a")["href"]) == about  # who they are
        dates = page.select_one(".hfd-byline__dates")
        shown = {time["datetime"] for time in dates.select("time")}
        assert post.dates(source.zone)[0].date().isoformat() in shown, post.source
        assert post.meta["last_reviewed"].isoformat() in shown, post.source
        for time in dates.select("time"):  # in words, the same day, as the blog writes dates
            assert text_of(time) == format_date(dt.date.fromisoformat(time["datetime"]), format=date_format,
                                                locale=source.config.theme["language"]), (post.source, str(time))
        updated = post.meta["date"].get("updated") if isinstance(post.meta["date"], dict) else None
        assert ("Updated" in text_of(dates)) == bool(updated), post.source
        reviewer = post.meta.get("medical_reviewer")
        assert (f"Medically reviewed by {reviewer['name']}, {reviewer['credentials']}." if reviewer
                else "Not medically reviewed.") in text_of(page.select_one(".hfd-byline__review")), post.source


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


# The same facts for search engines and citations, in JSON-LD: test_search_engines.py.


# -- The pages the site needs -------------------------------------------------------------------


def test_every_policy_page_exists_and_is_linked_from_every_footer(site):
    for page in POLICY_PAGES:
        assert (site / page / "index.html").is_file(), page
    for path in html_pages(site):
        footer = soup(site, path).find("footer")
        linked = {urljoin("/" + url_of(path), a["href"]) for a in footer.select(".hfd-footer-links a")}
        assert {"/" + page for page in POLICY_PAGES} <= linked, path


EMERGENCIES = ["Not for emergencies", "911", "988"]
# case: (page, the part of it that says them, what it must say)
PAGE_STATEMENTS = {
    "about-ownership-role-and-funding": ("about/", "article", [
        "Hope for Dystonia, Inc.", "Colorado, U.S.A.", "not a medical provider", "coaching fees only",
        "no advertising and no sponsorship"]),
    "privacy-nothing-is-collected": ("privacy/", "article", [
        "No cookies", "no analytics", "colour scheme", "text size", "booking site"]),
    "accessibility-its-standard-and-how-to-ask": ("accessibility/", "article", [
        "WCAG", "2.2", "AA", "Known limitations", "another format"]),
    "consultation-not-for-emergencies": ("consultation/", ".admonition.warning", EMERGENCIES),
    "contact-not-for-emergencies": ("contact/", ".admonition.warning", EMERGENCIES),
}


@pytest.mark.parametrize("case", PAGE_STATEMENTS)
def test_the_sites_own_pages_state_what_a_reader_must_know(site, case):
    page, part, statements = PAGE_STATEMENTS[case]
    text = text_of(soup(site, page + "index.html").select_one(part))
    assert [words for words in statements if words not in text] == []


def test_the_contact_page_offers_email(site):  # and no phone, on any page: test_content.py
    assert soup(site, "contact/index.html").find("article").select_one('a[href^="mailto:"]')


# -- A fully described article, and comments on request -----------------------------------------


# Its byline names its reviewer (test_the_byline_*); its JSON-LD fits schema.org (test_search_engines.py).
@pytest.mark.parametrize("built", ["grown"], indirect=True)  # with a medically reviewed article
def test_a_reviewed_article_shows_its_reviewer_next_review_and_sources(site):
    page = soup(site, "blog/a-reviewed-article/index.html")
    assert "Next review due January 1, 2099" in text_of(page.select_one(".hfd-byline__dates"))
    items = page.select("section.hfd-sources ol li")
    assert items[0].find("a")["href"] == "https://example.org/study"
    assert "Publisher, 2020" in text_of(items[1])
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["mainEntityOfPage"]["reviewedBy"]["name"] == "Dr Example Reviewer"


@pytest.fixture(scope="module")
def commented_post(tmp_path_factory):
    """The address of a post on a site with comments enabled, served."""
    root = tmp_path_factory.mktemp("trust")
    comments_on = ('      enabled: false\n      repo: ""', "      enabled: true\n      repo: example/discussions")
    result = build_with(root, {"docs/blog/posts/a-post.md": post_markdown("a-post"), "mkdocs.yml": comments_on})
    assert result.returncode == 0, result.output
    with serve(root / "site") as url:
        yield url + "blog/a-post/"


@pytest.mark.browser
def test_comments_load_nothing_until_the_reader_asks(tab, commented_post):
    page = tab()
    attempts = block_other_hosts(page.context)
    page.goto(commented_post, wait_until="networkidle")
    assert attempts == []
    with page.expect_request(lambda request: urlsplit(request.url).hostname == "giscus.app"):
        page.get_by_role("button", name="Show comments").click()


@pytest.mark.browser
def test_print_and_copy_link_work_from_an_article(tab, sample_articles):
    article = sample_articles[0]
    page = tab(permissions=["clipboard-read", "clipboard-write"], bypass_csp=True)
    page.add_init_script("window.print = () => { window.__printed = true; };")
    page.goto(article.url)
    page.get_by_role("button", name="Print this article").click()
    assert page.evaluate("window.__printed") is True
    page.get_by_role("button", name="Copy the link").click()
    page.locator(".hfd-share__status").filter(has_text="copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == article.source.site_url + article.address


# -- The build refuses an article that lacks any of it ----------------------------------------------


# case: (edits to a copy of the project, the texts of the message the build stops with)
ARTICLE_FIELDS = {
    "no-description": (bad_post(description=None), f"{BAD}: `description:` is missing"),
    "no-date": (bad_post(date=None), f"{BAD}: `date:` is missing"),
    "date-not-a-date": (bad_post(date={"created": "last spring"}),
                        f"{BAD}: `date.created` is 'last spring', not a date"),
    "no-last-reviewed": (bad_post(last_reviewed=None), f"{BAD}: `last_reviewed:` is missing"),
    "no-author": (bad_post(authors=None), f"{BAD}: `authors:` is missing"),
    "an-empty-list-of-authors": (bad_post(authors=[]), f"{BAD}: `authors:` is missing"),
    "unknown-author": (bad_post(authors=["someone"]),
                       f"{BAD}: `authors:` 'someone' is not one of: fede (listed in docs/blog/.authors.yml)"),
    "half-a-reviewer": (bad_post(medical_reviewer={"name": "Dr X"}), f"{BAD}: `medical_reviewer:` needs both"),
    "source-without-link": (bad_post(sources=[{"title": "A"}]),
                            f"{BAD}: `sources:` item 1 needs a `url:` or a `citation:`"),
    "source-over-plain-http": (bad_post(sources=[{"title": "A", "url": "http://example.org/study"}]),
                               f"{BAD}: `sources:` item 1: the url 'http://example.org/study' must start with https://."),
    "authors-as-text": (bad_post(authors="fede"), f"{BAD}: `authors:` is 'fede', but it must be a list"),
    "unknown-category-as-text": (bad_post(categories="Health"),  # not suggesting `- Health`, not allowed either
                                 f"{BAD}: `categories:` is 'Health', but it must be a list, one per line; "
                                 "'Health' is not one of:"),
    "date-in-quotes": ({BAD: post_markdown("bad").replace("date:\n  created: 2024-03-01\n", 'date: "2099-01-01"\n')},
                       f"{BAD}: `date` is '2099-01-01' in quotes, which makes it text, not a date; remove the "
                       "quotes: `date: 2099-01-01`"),
    "title-as-list": (bad_post(title=["a", "b"]), f"{BAD}: `title:` is a list (a, b), but it must be text"),
    "missing-share-image": (bad_post(image="assets/images/nope.png", image_alt="A picture"),
                            f"{BAD}: `image:` 'assets/images/nope.png' is not a file in docs/"),
    "share-image-without-alt": (bad_post(image="assets/images/social-card.png"), f"{BAD}: `image_alt:` is missing"),
    "draft-not-yes-or-no": (bad_post(draft="maybe"), f"{BAD}: `draft:` is 'maybe'; write `draft: true`"),
    "slug-with-spaces": (bad_post(slug="My Post"), f"{BAD}: `slug:` is 'My Post'; the address may use only"),
    "misspelled-field": (bad_post(catagories=["Understanding dystonia"]),
                         f"{BAD}: `catagories:` is not a field of a post; did you mean `categories:`?"),
    "updated-before-created": (bad_post(date={"created": "2024-03-01", "updated": "2024-01-01"}),
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
    "no-alt-text": (bad_post("![](../../assets/images/logo.svg)"), f"{BAD}: the image 'logo.svg' has no alt text"),
    "html-figure-without-credit": (
        bad_post('<figure markdown="span">\n  ![A logo](../../assets/images/logo.svg)\n</figure>'),
        f"{BAD}: {NO_CREDIT}"),
    "markdown-figure-without-credit": (
        bad_post("![A logo](../../assets/images/logo.svg)\n\n/// caption\nThe logo.\n///"), f"{BAD}: {NO_CREDIT}"),
    "no-alt-text-on-any-page": (
        {"docs/about.md": (REPO / "docs/about.md").read_text() + "\n![](assets/images/logo.svg)\n"},
        "docs/about.md: the image 'logo.svg' has no alt text"),
}


@pytest.mark.parametrize("case", PICTURES)
def test_the_build_refuses_a_picture_without_alt_text_or_credit_naming_page_and_picture(tmp_path, case):
    edits, *expected = PICTURES[case]
    assert_refused(build_with(tmp_path, edits), *expected)


# case: (an edit to mkdocs.yml, the texts of the message the build stops with)
CTA_WORDING = {
    "a-claim": (("    title: Book a consultation", "    title: Cure your dystonia today"),
                "extra.cta.title uses 'cure'"),
    "a-claim-on-the-booking-sites-button": (("scheduler_label: Choose a time on our booking site",
                                             "scheduler_label: Start healing your dystonia today"),
                                            "extra.booking.scheduler_label uses 'healing'"),
    "a-label-that-hides-the-payment": (("    label: Hope for Dystonia's paid coaching service", "    label: Our help"),
                                       "extra.cta.label is 'Our help': it must say that booking is a paid service"),
    "a-label-that-denies-the-payment": (("label: Hope for Dystonia's paid coaching service",
                                         "label: Hope for Dystonia's coaching service is not paid"),
                                        "extra.cta.label is \"Hope for Dystonia's coaching service is not paid\": "
                                        "it uses 'not'"),
    "an-empty-button": (("    button: Book a consultation", '    button: ""'),
                        "extra.cta.button is empty; write it, e.g. 'Book a consultation'"),
    "a-free-label": (("    label: Hope for Dystonia's paid coaching service", "    label: Free help, paid by nobody"),
                     "extra.cta.label is 'Free help, paid by nobody': it uses 'free'"),
    # Claims in words no list forbids: each new word waits until someone adds it to the vocabulary.
    "a-claim-in-other-words": (("Coaching is not medical care.", "Spasms disappear within weeks."),
                               "extra.cta.text uses 'disappear', 'spasms', 'weeks', 'within', not in "
                               "extra.cta_vocabulary"),
    # Words of the vocabulary that make a claim once their "not" is gone.
    "medical-without-not": (("Coaching is not medical care.", "Our paid coaching is medical care for dystonia."),
                            "extra.cta.text says 'medical' without 'not' before it"),
    "a-button-that-says-free": (("    button: Book a consultation", "    button: Book your free first consultation"),
                                "extra.cta.button uses 'first', 'free', not in extra.cta_vocabulary"),
    "a-forbidden-word-in-the-vocabulary": (("  cta_vocabulary: >-\n    a ", "  cta_vocabulary: >-\n    cures a "),
                                           "extra.cta_vocabulary uses 'cures' (a form of 'cure')"),
    "no-vocabulary": ((re.search(r"  cta_vocabulary: >-\n(    .*\n)+", (REPO / "mkdocs.yml").read_text())[0], ""),
                      "extra.cta_vocabulary is missing or empty"),
    "no-list-of-claim-words": (
        (re.search(r"  cta_forbidden_words: \[.*?\]\n", (REPO / "mkdocs.yml").read_text(), re.S)[0],
         "  cta_forbidden_words: []\n"), "extra.cta_forbidden_words is missing or not a list"),
}


@pytest.mark.parametrize("case", CTA_WORDING)
def test_the_build_refuses_a_call_to_action_that_promises_or_hides_that_it_is_paid(tmp_path, case):
    edit, expected = CTA_WORDING[case]
    assert_refused(build_with(tmp_path, {"mkdocs.yml": edit}), expected)


# case: (a setting's text, the word the claim check reads in it and refuses, or None)
CLAIM_READINGS = {
    "a-form-of-a-word": ("Healing starts here", "healing"),
    "a-word-made-from-it": ("Dystonia is curable", "curable"),
    "a-look-alike-letter": ("H\u0435al with us", "heal"),  # a Cyrillic "е"
    "fullwidth-letters": ("\uff28\uff45\uff41\uff4c", "heal"),
    "a-soft-hyphen": ("He\u00adals", "heals"),
    "a-zero-width-space": ("he\u200bal", "heal"),
    "an-html-entity": ("he&shy;al", "heal"),
    "emphasis-inside": ("he**al**", "heal"),
    "an-accent": ("c\u00fare", "cure"),
    "health-care-is-another-word": ("Coaching is not health care", None),
    "healthy-is-another-word": ("Healthy boundaries", None),
}


@pytest.mark.parametrize("case", CLAIM_READINGS)
def test_the_claim_check_reads_each_word_as_a_reader_does(case):
    from call_to_action import claim_problems

    text, word = CLAIM_READINGS[case]
    problems = claim_problems({"cta_forbidden_words": ["cure", "heal"], "cta": {"title": text}})
    assert [problem.split("'")[1] for problem in problems] == ([word] if word else [])


# -- Reviews: a warning at every build, a list on demand -------------------------------------------


@pytest.fixture(scope="module")
def reviews_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("reviews") / "project")
    (project / "docs/blog/posts/an-old-review.md").write_text(
        post_markdown("an-old-review", title="An old review", last_reviewed="2020-01-15"))
    return project


def test_an_overdue_review_is_a_warning_naming_the_article_and_its_due_day_not_a_failure(reviews_project,
                                                                                          tmp_path):
    result = build(reviews_project, tmp_path / "site")
    assert result.returncode == 0, result.output
    from hfd.settings import plain_settings

    months = plain_settings(reviews_project / "mkdocs.yml")["extra"]["review"]["max_age_months"]
    due = dt.date(2020 + months // 12, 1 + months % 12, 15)  # that many months after January 15, 2020
    assert ("WARNING -  Review due: docs/blog/posts/an-old-review.md was last "
            f"reviewed on 2020-01-15; it was due on {due.isoformat()}.") in result.output


def test_check_reviews_lists_every_article_with_its_status(reviews_project):
    listed = subprocess.run([sys.executable, str(REPO / "scripts/check_reviews.py")],
                            capture_output=True, text=True, cwd=reviews_project, timeout=120)
    assert listed.returncode == 0, listed.stderr
    row = next(line for line in listed.stdout.splitlines() if "An old review" in line)
    assert row.split()[0] == "overdue"
    assert "2020-01-15" in row and "not medically reviewed" in row
    posts = list((reviews_project / "docs/blog/posts").glob("*.md"))
    assert f"{len(posts)} articles" in listed.stdout
