"""Found, shared and cited correctly: titles, descriptions, cards, JSON-LD, sitemap, redirects."""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from pictures import PHONE_ONLY

from tests import schema_org
from tests.conftest import BROWSED
from tests.site_build import build_with
from tests.site_pages import html_pages, redirect_pages, soup, url_of

SITE = "https://www.hopefordystonia.com/"


def _meta(page, **attrs) -> str | None:
    tag = page.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def test_every_page_has_a_unique_title_and_description(site):
    titles, descriptions = Counter(), Counter()
    for path in html_pages(site):
        page = soup(site, path)
        assert len(page.head.find_all("title")) == 1, path
        titles[page.title.string.strip()] += 1
        description = _meta(page, name="description")
        assert description and len(description) > 30, path
        descriptions[description] += 1
    assert [t for t, n in titles.items() if n > 1] == []
    assert [d for d, n in descriptions.items() if n > 1] == []


def test_a_title_taken_from_a_pages_heading_stays_text_in_the_head(tmp_path):
    # A page without `title:`, under a nav entry without one: Material prints its heading
    # through `striptags`, which turns the text `&lt;` back into markup.
    heading = 'Privacy &lt;/title&gt;&lt;link rel="stylesheet" href="x.css"&gt; &amp; more'
    result = build_with(tmp_path, {"docs/privacy.md": [("title: Privacy\n", ""), ("# Privacy\n", f"# {heading}\n")],
                                   "mkdocs.yml": ("      - Privacy: privacy.md", "      - privacy.md")})
    assert result.returncode == 0, result.output
    head = soup(tmp_path / "site", "privacy/index.html").head
    assert [title.string.split(" - ")[0] for title in head.find_all("title")] == [html.unescape(heading)]
    assert head.find("link", href="x.css") is None


def test_every_page_declares_its_language_and_canonical_address(site):
    for path in html_pages(site):
        page = soup(site, path)
        assert page.html["lang"] == "en", path
        if path != "404.html":
            canonical = page.find("link", rel="canonical")["href"]
            assert unquote(canonical) == SITE + url_of(path), path


def test_every_page_has_open_graph_and_twitter_cards_with_a_local_image_of_its_stated_size(site):
    from PIL import Image

    for path in html_pages(site):
        page = soup(site, path)
        for name in ("og:title", "og:description", "og:image", "og:image:alt", "og:type"):
            assert _meta(page, property=name), f"{path}: {name}"
        for name in ("twitter:card", "twitter:title", "twitter:description", "twitter:image"):
            assert _meta(page, name=name), f"{path}: {name}"
        if path != "404.html":  # the page's full address, as its canonical link
            assert _meta(page, property="og:url") == page.find("link", rel="canonical")["href"], path
        image = _meta(page, property="og:image")
        assert image.startswith(SITE), "served by the site itself"
        local = site / unquote(urlsplit(image).path).lstrip("/")
        assert local.suffix in (".png", ".jpg") and local.is_file(), path
        with Image.open(local) as picture:
            assert (_meta(page, property="og:image:width"), _meta(page, property="og:image:height")) \
                == (str(picture.width), str(picture.height)), path


def test_every_post_is_shared_as_an_article_with_its_description_as_text_and_its_picture(site, source):
    default = source.config.extra["social_image"]["path"]
    for post in source.published_posts:
        page = soup(site, post.page)
        assert _meta(page, property="og:type") == "article"
        picture = Path(post.meta.get("image") or default)
        if picture.suffix.lower() in PHONE_ONLY:  # an iPhone's photo: shared as its JPEG
            picture = picture.with_suffix(".jpg")
        picture = quote(picture.as_posix().lstrip("/"))  # from docs/, written "/assets/..." by the editor
        assert _meta(page, property="og:image") == SITE + picture, post.source
        alt = post.meta.get("image_alt") or source.config.extra["social_image"]["alt"]
        assert _meta(page, property="og:image:alt") == alt, post.source
        created, _ = post.dates(source.zone)
        assert _meta(page, property="article:published_time") == created.date().isoformat()
        description = post.meta["description"]  # text in every tag, whatever characters it holds
        assert [_meta(page, name="description"), _meta(page, property="og:description"),
                _meta(page, name="twitter:description")] == [description] * 3, post.source


def test_every_post_carries_blogposting_json_ld_that_fits_schema_org(site, source):
    authors = source.config.plugins["material/blog"].authors
    for post in source.published_posts:
        data = json.loads(soup(site, post.page).find("script", type="application/ld+json").string)
        assert data["@type"] == "BlogPosting"
        assert schema_org.problems(data) == [], post.source
        assert data["headline"] == post.title
        assert data["description"] == post.meta["description"]
        assert data["image"].startswith(SITE)
        # Who wrote it, in what role, for whom, when, and when it was last reviewed.
        assert data["author"][0]["@type"] == "Person"
        assert data["author"][0]["jobTitle"] == authors[post.meta["authors"][0]]["role"]
        assert data["publisher"]["@type"] == "Organization"
        assert data["publisher"]["name"] == source.config.extra["organization"]["legal_name"]
        created, updated = post.dates(source.zone)
        assert data["datePublished"] == created.date().isoformat()
        assert data["dateModified"] == updated.date().isoformat()
        assert data["mainEntityOfPage"]["lastReviewed"] == post.meta["last_reviewed"].isoformat()


def test_the_schema_org_check_catches_a_wrong_property():
    broken = {"@type": "BlogPosting", "headline": "x", "price": 3,
              "author": {"@type": "Place", "name": "Nowhere"}}
    found = schema_org.problems(broken)
    assert any("price" in problem for problem in found)
    assert any("a Place where schema.org expects" in problem for problem in found)


def test_the_sites_search_finds_only_pages_never_a_redirect_page(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    found = {unquote(entry["location"].partition("#")[0]) for entry in index["docs"]}
    assert found - {url_of(path) for path in html_pages(site)} == set()


def test_sitemap_lists_every_page_and_robots_txt_points_to_it(site):
    tree = ElementTree.parse(site / "sitemap.xml")
    listed = {unquote(loc.text) for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    # Every page, and only pages: no redirect page, the 404 or the editor.
    assert listed == {SITE + url_of(path) for path in html_pages(site) if path != "404.html"}
    robots = (site / "robots.txt").read_text()
    assert "Sitemap: https://www.hopefordystonia.com/sitemap.xml" in robots
    assert "Disallow: /\n" not in robots


# An article without a description is refused by the build: test_trust.py.


# -- Addresses that last -------------------------------------------------------------------


def test_every_redirect_in_the_settings_has_its_page(site, source):
    from mkdocs.structure.files import File

    maps = source.config.extra.get("redirects") or {}
    written = set(redirect_pages(site))
    for old in maps:
        assert File(old, "", "", True).dest_uri in written, old


@pytest.mark.browser
def test_every_redirect_leads_to_the_page_and_section_it_names(tab, served):
    from mkdocs.structure.files import File

    built, site_url = served(BROWSED)
    site, page = built.site, tab()
    sections = {File(old, "", "", True).dest_uri: new.partition("#")[2]
                for old, new in (built.source.config.extra.get("redirects") or {}).items()}
    assert any(sections.values()), "the grown site has a redirect to a section"
    for path in redirect_pages(site):
        former = site_url + quote(url_of(path))
        response = page.goto(former)
        page.wait_for_load_state("load")
        page.wait_for_url(lambda url: url != former)
        assert response.ok
        final, _, section = unquote(page.url.removeprefix(site_url)).partition("#")
        assert (site / final / "index.html").is_file() or (site / final).is_file(), path
        assert section == sections.get(path, ""), f"{path} leads to #{section}"
        assert not section or page.locator(f"[id='{section}']").count() == 1, path
        assert page.locator("footer .hfd-disclaimer").is_visible()


def test_redirect_pages_show_the_disclaimer_and_are_not_indexed(site, source):
    for path in redirect_pages(site):
        page = soup(site, path)
        assert source.disclaimer in " ".join(page.select_one(".hfd-disclaimer").get_text(" ").split())
        assert _meta(page, name="robots") == "noindex"
