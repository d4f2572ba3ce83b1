"""Content: the seed article carried over whole, its figures, author and the site's pages."""

from __future__ import annotations

import pytest

from tests.site_pages import html_pages, soup, text_of

ARTICLE = "blog/what-causes-dystonia-really/index.html"

# The article's structure as the author wrote it (the seed page).
SECTIONS = [
    "Dystonia as an Emergent Phenomenon",
    "Primary Contributors",
    "Neuroplasticity Gone Awry",
    "Structural Imbalances: Cranium, TMJ, and Spine",
    "Physical Trauma and Scarring",
    "Psychological and Developmental Trauma",
    "Repetitive Movement Patterns",
    "Environmental Factors: Metals and Viruses",
    "A Whole-Person Framework",
]
PRIMARY_CONTRIBUTORS = [
    "A predisposition for neuroplasticity",
    "Dysfunctional anatomical or physical inputs (including TMJ and cranial asymmetry)",
    "Physical trauma and scarring",
    "Psychological and developmental trauma",
    "Repetitive movement patterns",
    "Heavy metal toxicity and certain viral infections",
]
# The practice's legal text, word for word: changing it is a decision, not an edit.
LEGAL_DISCLAIMER = (
    "Disclaimer: This website is for educational and informational purposes only and "
    "solely as a self-help tool for your own use. Hope for Dystonia does not provide "
    "medical, psychological, or nutrition therapy advice. You should not use this "
    "information to diagnose or treat any health problems or illnesses without consulting "
    "your own medical practitioner. Always seek the advice of your own medical practitioner "
    "and/or mental health provider about your specific health situation."
)


def _heading(element) -> str:
    """A heading's text, without its permalink."""
    return text_of(element).removesuffix("¶").strip()


@pytest.fixture(scope="module")
def article(site):
    return soup(site, ARTICLE).find("article")


# -- The article ---------------------------------------------------------------------


def test_article_has_the_seed_title_and_every_section_in_order(article):
    assert _heading(article.find("h1")) == "What causes dystonia, really?"
    headings = [_heading(h2) for h2 in article.find_all("h2")]
    # The seed's sections, then what the site adds after every article.
    assert headings == SECTIONS + ["Sources", "Share with your clinician", "Reply"]


def test_article_lists_the_six_primary_contributors(article):
    heading = next(h for h in article.find_all("h2") if "Primary Contributors" in h.get_text())
    items = [text_of(li) for li in heading.find_next("ul").find_all("li")]
    assert items == PRIMARY_CONTRIBUTORS


@pytest.mark.parametrize("passage", [
    "One of the most frustrating parts of navigating dystonia",
    "Dystonia may emerge from such maladaptive wiring.",
    "Cranial nerve XI, which innervates the sternocleidomastoid and trapezius muscles",
    "Some scars become hotbeds for maladaptive inputs",
    "This isn’t psychological in the dismissive sense; it’s deeply somatic.",
    "One side of the face, jaw, or body becomes hyper-engaged",
    "food-based and non-medical.",
    "Dystonia is not a sentence—it’s an invitation. There is no magic cure, but there is a process.",
    "Until then, may you feel held in the possibility of change.",
])
def test_article_keeps_the_authors_words(article, passage):
    assert passage in text_of(article)


def test_article_closes_with_the_quote_its_attribution_and_the_signature(article):
    quote = article.find("blockquote")
    assert text_of(quote).startswith("“I am your friend, not your enemy.")
    assert text_of(quote.find_parent("figure").find("figcaption")) == (
        "Excerpt from the Felt Sense Prayer (Anonymous)"
    )
    signature = text_of(article.select_one(".hfd-signature"))
    assert signature == "Warmly, Fede Hope for Dystonia"


def test_article_invites_the_reader_to_book_a_consultation(article):
    invitation = next(p for p in article.find_all("p") if "I invite you to" in p.get_text())
    assert invitation.find("a")["href"] == "../../consultation/"


def test_article_carries_none_of_the_old_site_builders_chrome(site):
    text = text_of(soup(site, ARTICLE))
    for chrome in ("top of page", "bottom of page", "Updated:", "bình luận", "Thích"):
        assert chrome not in text


# -- Figures ---------------------------------------------------------------------------


def test_every_figure_has_alt_text_size_caption_and_credit(site, article):
    figures = [f for f in article.find_all("figure") if f.find("img")]
    assert len(figures) == 2
    for figure in figures:
        image = figure.find("img")
        assert len(image["alt"]) > 40, "alt text describes the picture"
        assert image["width"] and image["height"], "reserved space: no layout shift"
        assert (site / "blog/what-causes-dystonia-really" / image["src"]).resolve().is_file()
        assert figure.find("figcaption").select_one(".hfd-credit")


def test_cover_caption_is_the_seeds(article):
    caption = text_of(article.find("figure").find("figcaption"))
    assert caption.startswith(
        "Causes of dystonia: cranial asymmetry and TMJ, viruses, heavy metals, repetitive "
        "movements, physical and emotional trauma, genetic predisposition."
    )
    assert "© Hope for Dystonia" in caption


def test_second_figure_credit_says_what_is_shipped(article):
    credit = text_of(article.find_all("figure")[1].select_one(".hfd-credit"))
    assert "drawn for this site" in credit and "Wikimedia Commons" in credit


# -- Metadata, author, category ------------------------------------------------------------


def test_article_has_description_date_author_and_category(site):
    page = soup(site, ARTICLE)
    assert len(page.find("meta", attrs={"name": "description"})["content"]) > 50
    assert page.select_one(".md-post__meta time")["datetime"].startswith("2024-02-13")
    author = text_of(page.select_one(".md-post__authors"))
    assert "Fede" in author and "not a medical provider" in author
    avatar = page.select_one(".md-post__authors img")
    assert not avatar["src"].startswith(("http:", "https:", "//")), "avatar is local"
    assert page.select_one('a[href$="category/understanding-dystonia/"]')


def test_blog_index_shows_a_teaser_with_a_link_to_the_article(site):
    index = soup(site, "blog/index.html")
    teaser = index.select_one("article.md-post--excerpt")
    assert "One of the most frustrating parts" in text_of(teaser)
    assert "Structural Imbalances" not in text_of(teaser), "only the excerpt"
    assert teaser.select_one('.md-post__action a[href$="what-causes-dystonia-really/"]')


# -- The site's pages ------------------------------------------------------------------------


def test_home_page_says_who_the_practice_is_for_and_lists_the_latest_posts(site):
    home = soup(site, "index.html")
    text = text_of(home.find("article"))
    assert "coaching practice for people navigating dystonia" in text
    assert "not a medical provider" in text
    latest = home.select_one(".hfd-latest")
    assert latest.select_one('a[href$="blog/what-causes-dystonia-really/"]')


def test_disclaimer_page_holds_the_legal_text_word_for_word(site):
    assert LEGAL_DISCLAIMER in text_of(soup(site, "disclaimer/index.html").find("article"))


def test_consultation_page_explains_coaching_is_not_medical_care(site):
    text = text_of(soup(site, "consultation/index.html").find("article"))
    assert "Coaching is not medical care." in text
    assert "does not replace your own medical practitioner" in text
    assert "without making a phone call" in text


def test_consultation_page_offers_the_scheduler_and_email_as_its_main_action(site):
    actions = soup(site, "consultation/index.html").select(".hfd-cta a.md-button")
    hrefs = [a["href"] for a in actions]
    assert hrefs[0] == "https://hello.hopefordystonia.com/"
    assert "md-button--primary" in actions[0]["class"]
    assert hrefs[1].startswith("mailto:") and "@hopefordystonia.com" in hrefs[1]


def test_booking_never_needs_a_phone(site):
    for page in html_pages(site):
        assert not soup(site, page).select('a[href^="tel:"], a[href^="sms:"]'), page


def test_footer_states_the_practice_and_its_youtube_channel(site):
    footer = soup(site, "index.html").find("footer")
    assert "© Hope for Dystonia, Inc. Colorado, U.S.A." in text_of(footer)
    assert footer.select_one('.md-social a[href^="https://www.youtube.com/"]')
