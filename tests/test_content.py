"""Content: every published post has its page, its teaser and its figures; the site's
pages say what the practice is. Posts are found in docs/ at test time: nothing here
depends on which articles exist or what they say."""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup

from tests.site_pages import html_pages, soup, text_of, url_of


def _heading(element) -> str:
    """A heading's text, without its permalink."""
    return text_of(element).removesuffix("¶").strip()


# -- Posts -------------------------------------------------------------------------------


def test_every_published_post_has_its_page_under_its_title_and_no_other_post_has_one(site, source):
    for post in source.published_posts:
        assert _heading(soup(site, post.page).find("article").find("h1")) == post.title, post.source
    written = {page for page in html_pages(site) if page.startswith("blog/")
               and not page.startswith(("blog/archive/", "blog/category/", "blog/page/"))
               and page != "blog/index.html"}
    assert written == {post.page for post in source.published_posts}


def test_every_post_page_names_its_author_category_and_date(site, source):  # its avatar, local: test_privacy.py
    for post in source.published_posts:
        page = soup(site, post.page)
        created, _updated = post.dates(source.zone)
        assert page.select_one(".md-post__meta time")["datetime"].startswith(created.date().isoformat())
        authors = text_of(page.select_one(".md-post__authors"))
        for key in post.meta["authors"]:
            assert source.config.plugins["material/blog"].authors[key].name in authors, post.source
        for category in post.meta["categories"]:
            assert category in text_of(page.select_one(".md-post__meta")), post.source


# Its size, in its own proportions: test_images.py; its file: test_links.py.
def test_every_figure_in_a_post_has_alt_text_caption_and_credit(site, source):
    for post in source.published_posts:
        for image in soup(site, post.page).select("article figure img"):  # a quotation's figure has none
            assert image["alt"].strip(), post.source
            assert image.find_parent("figure").find("figcaption").select_one(".hfd-credit"), post.source


def test_the_articles_page_shows_a_teaser_of_each_published_post_newest_first(site, source):
    index = soup(site, "blog/index.html")
    teasers = index.select("article.md-post--excerpt")
    per_page = source.config.plugins["material/blog"].config.pagination_per_page
    expected = source.published_posts[:per_page]
    assert len(teasers) == len(expected)
    for teaser, post in zip(teasers, expected):
        assert _heading(teaser.find(["h1", "h2"])) == post.title
        link = teaser.select_one(".md-post__action a")
        if link is not None:
            assert urljoin("/blog/", link["href"]) == "/" + post.address


def test_the_articles_page_says_so_when_nothing_is_published_yet(site, source):
    notice = soup(site, "blog/index.html").select_one(".hfd-no-posts")
    assert (notice is not None) == (not source.published_posts)


def test_the_home_page_lists_the_newest_posts(site, source):
    home = soup(site, "index.html")
    count = source.config.extra["home"]["latest_posts"]
    listed = [(urljoin("/", a["href"]), text_of(a)) for a in home.select(".hfd-latest__link")]
    assert listed == [("/" + post.address, post.title) for post in source.published_posts[:count]]


# -- The site's own pages ------------------------------------------------------------------


def test_the_disclaimer_page_holds_the_disclaimer(site, source):
    assert source.disclaimer in text_of(soup(site, "disclaimer/index.html").find("article"))


def test_the_consultation_page_offers_the_scheduler_and_email_as_its_main_action(site, source):
    booking = source.config.extra["booking"]
    actions = soup(site, "consultation/index.html").select(".hfd-cta a.md-button")
    assert actions[0]["href"] == booking["scheduler_url"]
    assert "md-button--primary" in actions[0]["class"]
    assert actions[1]["href"].startswith(f"mailto:{booking['email']}")


def test_booking_never_needs_a_phone(site):
    for page in html_pages(site):
        assert not soup(site, page).select('a[href^="tel:"], a[href^="sms:"]'), page


def test_every_footer_states_the_copyright_and_the_practices_channels(site, source):
    for path in html_pages(site):
        footer = soup(site, path).find("footer")
        copyright = text_of(BeautifulSoup(source.config.copyright, "html.parser"))
        assert text_of(footer.select_one(".md-copyright")) == copyright, path
        links = {a["href"] for a in footer.select(".md-social a")}
        assert links == {social["link"] for social in source.config.extra["social"]}, path


def test_every_page_is_reachable_from_the_navigation_or_the_footer(site):
    linked = set()
    for path in html_pages(site):
        page = soup(site, path)
        for link in page.select(".md-tabs a[href], .md-nav a[href], footer a[href]"):
            linked.add(urljoin("/" + url_of(path), link["href"]).split("#")[0])
    for path in ("", "blog/", "consultation/", "about/", "contact/", "disclaimer/"):
        assert "/" + path in linked, path
