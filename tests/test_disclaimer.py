"""Disclaimer and booking call-to-action: on every page and feed item, or no build."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from tests.site_build import build, copy_project, post_markdown
from tests.site_pages import html_pages, soup, text_of, url_of



def _is_hidden(element) -> bool:
    for node in [element, *element.parents]:
        attrs = getattr(node, "attrs", None) or {}
        style = attrs.get("style", "").replace(" ", "").lower()
        if ("hidden" in attrs or attrs.get("aria-hidden") == "true"
                or "display:none" in style or node.name in ("template", "noscript", "head")):
            return True
    return False


# -- On every page ------------------------------------------------------------------


def test_generated_pages_are_among_those_checked(site, source):
    pages = set(html_pages(site))
    assert {"404.html", "blog/index.html"} <= pages
    if source.published_posts:  # the blog plugin's archive and category pages
        assert any(page.startswith("blog/archive/") for page in pages)
        assert any(page.startswith("blog/category/") for page in pages)


def test_every_page_shows_the_whole_disclaimer_in_its_footer(site, disclaimer):
    for page in html_pages(site):
        block = soup(site, page).select_one("footer .hfd-disclaimer")
        assert block is not None, page
        assert disclaimer in text_of(block), page
        assert not _is_hidden(block), page


def test_every_page_links_to_the_disclaimer_page(site):
    for page in html_pages(site):
        links = soup(site, page).select("footer .hfd-disclaimer a[href]")
        targets = {urljoin("/" + url_of(page), a["href"]) for a in links}
        assert "/disclaimer/" in targets, page


def test_every_page_has_a_labelled_booking_cta_outside_the_article(site):
    for page in html_pages(site):
        cta = soup(site, page).select_one("aside.hfd-cta")
        assert cta is not None, page
        assert cta.find_parent("article") is None, f"{page}: the CTA is kept apart from the article"
        assert "paid coaching service" in text_of(cta.select_one(".hfd-cta__label")), page
        assert cta.select_one("a.md-button--primary[href]"), page


def test_the_cta_follows_every_posts_body(site, source):
    for post in source.published_posts:
        article = soup(site, post.page).select_one("article.md-content__inner")
        assert article.find_next("aside", class_="hfd-cta") is not None, post.source


def test_the_cta_leads_to_the_consultation_page_except_on_it(site):
    for page in html_pages(site):
        button = soup(site, page).select_one("aside.hfd-cta a.md-button--primary")
        if page == "consultation/index.html":
            assert button["href"].startswith("https://")
        else:
            assert button["href"].rstrip("/").endswith("consultation"), page


# -- The checker, on crafted HTML ------------------------------------------------------

TEXT = "Disclaimer: this is not medical advice."


@pytest.mark.parametrize("html", [
    f"<footer><p>{TEXT}</p></footer>",
    "<footer><p><strong>Disclaimer:</strong> this is not <em>medical</em> advice.</p></footer>",
    f"<div><p>{TEXT}<br>more</p></div>",
    f"<details open><summary>Legal</summary><p>{TEXT}</p></details>",
    f"<div hidden>x</div><p>{TEXT}</p>",
])
def test_checker_accepts_a_visible_disclaimer(html):
    from disclaimer_check import shows

    assert shows(f"<html><body>{html}</body></html>", TEXT)


@pytest.mark.parametrize("html", [
    f"<!-- {TEXT} -->",
    f"<script>var d = '{TEXT}';</script>",
    f"<template><p>{TEXT}</p></template>",
    f"<div hidden><p>{TEXT}</p></div>",
    f'<div aria-hidden="true"><p>{TEXT}</p></div>',
    f'<div style="display: none"><p>{TEXT}</p></div>',
    f'<div style="color:red;DISPLAY:NONE"><p>{TEXT}</p></div>',
    f'<p style="visibility:hidden">{TEXT}</p>',
    f"<noscript><p>{TEXT}</p></noscript>",
    f"<details><summary>Legal</summary><p>{TEXT}</p></details>",
    f"<title>{TEXT}</title>",
    "<p>Disclaimer: this is not</p>",
], ids=["comment", "script", "template", "hidden", "aria-hidden", "display-none",
        "display-none-uppercase", "visibility-hidden", "noscript", "closed-details", "title",
        "partial-text"])
def test_checker_is_not_fooled_by_hidden_disclaimer(html):
    from disclaimer_check import shows

    assert not shows(f"<html><head></head><body>{html}</body></html>", TEXT)


# -- The build refuses a site without it --------------------------------------------------

BARE_TEMPLATE = """{% extends "main.html" %}
{% block footer %}<footer><p>Nothing to see here.</p></footer>{% endblock %}
"""


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_a_page_whose_template_drops_the_disclaimer_fails_the_build_by_name(tmp_path, strict):
    project = copy_project(tmp_path / "project")
    (project / "overrides" / "bare.html").write_text(BARE_TEMPLATE)
    (project / "docs" / "landing.md").write_text(
        "---\ntitle: Landing\ntemplate: bare.html\n---\n\n# Landing\n\nHello.\n"
    )
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Disclaimer: disclaimer.md",
                                                 "  - Disclaimer: disclaimer.md\n  - Landing: landing.md"))
    if not strict:
        config.write_text(config.read_text().replace("strict: true", "strict: false"))
    result = build(project, tmp_path / "site", strict=strict)
    assert result.returncode != 0
    assert "docs/landing.md, template 'bare.html': no visible disclaimer" in result.output
    assert "Traceback" not in result.output
    offending = [line for line in result.output.splitlines() if line.startswith("  - ")]
    assert len(offending) == 1, "one line per offending page, and only that page"


def test_a_404_template_without_the_disclaimer_fails_the_build_by_name(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "overrides" / "404.html").write_text(BARE_TEMPLATE)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(r"  - 404\.html \(the theme's 404 page.*no visible disclaimer", result.output)


def test_feeds_without_the_disclaimer_fail_the_build_by_name(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs/blog/posts/a-post.md").write_text(post_markdown("a-post", title="A post"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - hooks/feed_items.py\n", ""))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    for feed in ("feed_rss_created.xml", "feed_rss_updated.xml",
                 "feed_json_created.json", "feed_json_updated.json"):
        assert f"  - {feed}: item 'A post' has no disclaimer" in result.output


def test_a_missing_disclaimer_source_is_a_clear_error(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "disclaimer.md").unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "'disclaimer.md' is missing" in result.output
    assert "Traceback" not in result.output


# -- Links written in the disclaimer work wherever it appears ------------------------------

LINKED = ("**Disclaimer:** read our [privacy policy](privacy.md), the [contact page](contact.md#write-to-us)"
          " and [this page](#disclaimer).")


@pytest.fixture(scope="module")
def linked_disclaimer_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("linked-disclaimer")
    project = copy_project(root / "project")
    (project / "docs/blog/posts/a-post.md").write_text(post_markdown("a-post", title="A post"))
    source = project / "docs/disclaimer.md"
    front, _body = source.read_text().rsplit("# Disclaimer", 1)
    source.write_text(f"{front}# Disclaimer\n\n{LINKED}\n")
    contact = project / "docs/contact.md"
    contact.write_text(contact.read_text() + "\n## Write to us\n\nBy email.\n")
    result = build(project, root / "site")
    assert result.returncode == 0, result.output
    return root / "site"


def test_links_in_the_disclaimer_lead_to_their_page_from_every_page(linked_disclaimer_site):
    site = linked_disclaimer_site
    for path in html_pages(site):
        links = soup(site, path).select("footer .hfd-disclaimer a[href]")
        targets = {urljoin("/" + url_of(path), a["href"]) for a in links}
        assert {"/privacy/", "/contact/#write-to-us", "/disclaimer/#disclaimer"} <= targets, path


def test_links_in_the_disclaimer_are_full_addresses_in_feeds(linked_disclaimer_site):
    feed = (linked_disclaimer_site / "feed_rss_created.xml").read_text()
    assert "https://www.hopefordystonia.com/privacy/" in feed
    assert "https://www.hopefordystonia.com/contact/#write-to-us" in feed


def test_a_disclaimer_link_to_a_missing_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "docs/disclaimer.md"
    source.write_text(source.read_text() + "\nSee [our terms](terms.md).\n")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/disclaimer.md links to 'terms.md', which is not a page or file of the site" in result.output
    assert "Traceback" not in result.output
