"""Pictures: a photo straight from a phone just works. The build publishes every photo
upright, at most `extra.images.max_side` pixels, without the camera's metadata, with
a WebP copy; every image has its size; the file in docs/ is never changed."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from PIL import Image
from pictures import PHONE_ONLY

from tests.grown_site import IPHONE_PHOTO, PHOTO, PHOTO_SIZE
from tests.site_pages import html_pages, soup

RASTER = (".jpg", ".jpeg", ".png", ".webp")


def _images(site):
    """(page, <img>, the published file) for every image in every page's content (the
    theme's logo and avatars have their size in the stylesheet)."""
    for path in html_pages(site):
        for image in soup(site, path).select(".md-content .md-typeset img:not(.md-author img)"):
            target = unquote(urljoin("/" + path, image["src"])).lstrip("/")  # "a%20b.jpg" is "a b.jpg"
            yield path, image, site / target


def test_every_published_photo_fits_the_longest_side_and_carries_no_camera_metadata(site, source):
    longest = source.config.extra["images"]["max_side"]
    for path in site.rglob("*"):
        if path.suffix.lower() in RASTER:
            with Image.open(path) as picture:
                assert max(picture.size) <= longest, path
                assert not picture.getexif(), f"{path} keeps camera metadata (location, device)"
                assert not {"exif", "xmp", "comment"} & set(picture.info), f"{path} keeps {picture.info.keys()}"


def test_every_image_states_its_width_and_height_in_its_own_proportions(site):
    for page, image, file in _images(site):
        width, height = int(image["width"]), int(image["height"])  # no layout shift
        if file.suffix.lower() in RASTER:
            with Image.open(file) as picture:
                assert abs(width / height - picture.width / picture.height) < 0.02, (page, image["src"])


def test_an_articles_first_picture_loads_at_once_and_the_others_as_the_reader_nears_them(site, source):
    for post in source.published_posts:
        images = soup(site, post.page).select(".md-content .md-typeset img:not(.md-author img)")
        assert [image.get("loading") for image in images[:1]] in ([], [None]), post.source  # the largest paint
        assert all(image.get("loading") == "lazy" for image in images[1:]), post.source


def test_every_photo_is_offered_as_webp_with_the_original_format_as_fallback(site):
    for page, image, file in _images(site):
        if file.suffix.lower() not in (".jpg", ".jpeg", ".png"):
            continue
        picture = image.find_parent("picture")
        assert picture is not None, (page, image["src"])
        source = picture.find("source", type="image/webp")
        assert (file.with_suffix(".webp")).is_file() and source["srcset"].endswith(".webp"), page


@pytest.mark.parametrize("built", ["grown"], indirect=True)  # the site with a phone photo
def test_a_phone_photo_is_published_upright_and_smaller_and_its_source_is_untouched(built):
    source_file = built.project / "docs" / PHOTO
    with Image.open(source_file) as original:
        assert original.size == PHOTO_SIZE and original.getexif()[0x0112] == 6, "docs/ is untouched"
        assert 0x8825 in original.getexif(), "its location is still in the author's own file"
    assert source_file.stat().st_size > 3 * 1024 * 1024
    published = built.site / PHOTO
    with Image.open(published) as photo:
        assert photo.width < photo.height, "turned upright, as the camera meant it"
        assert max(photo.size) == 2000
    assert published.stat().st_size < source_file.stat().st_size / 3


@pytest.mark.parametrize("built", ["grown"], indirect=True)  # the site with an iPhone's photo
def test_an_iphone_photo_is_published_as_jpeg_where_the_article_and_its_share_picture_name_it(built):
    # Its size: test_every_published_photo_fits_the_longest_side...; its share picture: test_search_engines.py.
    jpeg = Path(IPHONE_PHOTO).with_suffix(".jpg")
    with Image.open(built.site / jpeg) as photo:  # turned as HEIF says (libheif), not by EXIF
        assert photo.format == "JPEG"
    assert not [path for path in built.site.rglob("*") if path.suffix.lower() in PHONE_ONLY], \
        "browsers other than Safari cannot show HEIC"
    naming = [path for path in html_pages(built.site) if Path(IPHONE_PHOTO).name in (built.site / path).read_text()]
    assert naming == [], f"pages still name the .heic file: {naming}"
    assert [path for path in html_pages(built.site)
            if soup(built.site, path).select_one(f'.md-content img[src$="{jpeg.name}"]')], "the article shows the JPEG"


@pytest.mark.browser
def test_readers_browsers_load_the_webp_copy(tab, sample_with):
    sample = sample_with("picture")
    page = tab(url=sample.url)
    loaded = page.eval_on_selector_all("picture img", """images => Promise.all(images.map(async (image) => {
        image.loading = "eager";
        await image.decode().catch(() => null);
        return {src: image.currentSrc, width: image.naturalWidth};
    }))""")
    for image in loaded:
        assert image["src"].endswith(".webp") and image["width"] > 0, (sample, image)


# -- A drawing is only a drawing: nothing in an SVG file runs, or loads from elsewhere ---------

SVG = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'>{}</svg>"
# case: (the SVG file, what the build names in it; None: a plain drawing)
DRAWINGS = {
    "script": (SVG.format("<script>steal()</script>"), "it holds a <script> element"),
    "event-handler": (SVG.format("<rect onload='steal()'/>"), "<rect> has the attribute 'onload='"),
    "html-inside": (SVG.format("<foreignObject><p xmlns='http://www.w3.org/1999/xhtml'>Hi</p></foreignObject>"),
                    "it holds a <foreignObject> element"),
    "animation-rewriting-a-link": (SVG.format("<set attributeName='href' to='javascript:steal()'/>"),
                                   "it holds a <set> element"),
    "picture-from-another-site": (SVG.format("<image href='https://elsewhere.example/a.png'/>"),
                                  "<image> links to 'https://elsewhere.example/a.png'"),
    "javascript-link": (SVG.format("<use xlink:href=' javascript:steal()'/>"), "<use> links to ' javascript:steal()'"),
    "style-import": (SVG.format("<style>@\\69mport url(a.css);</style>"), "'@import'"),
    "style-from-another-site": (SVG.format("<rect style='fill: url(https://elsewhere.example/p.svg#p)'/>"),
                                "loads 'https://elsewhere.example/p.svg#p'"),
    "declarations": ("<!DOCTYPE svg [<!ATTLIST svg onload CDATA 'steal()'>]>" + SVG.format(""), "it declares"),
    "stylesheet-instruction": ("<?xml-stylesheet type='text/xsl' href='https://elsewhere.example/a.xsl'?>"
                               + SVG.format(""), "it holds the instruction <?xml-stylesheet"),
    "gradient-marker-and-picture-inside": (SVG.format(
        "<linearGradient id='g'><stop offset='0' stop-color='#fff'/></linearGradient><rect fill='url(#g)'/>"
        "<image href='data:image/png;base64,iVBORw0KGgo='/><style>rect { stroke: url(#g) }</style>"), None),
}


@pytest.mark.parametrize("case", DRAWINGS)
def test_a_drawing_is_published_only_if_it_holds_nothing_but_a_drawing(case):
    from hfd.drawings import drawing_problems

    document, expected = DRAWINGS[case]
    problems = drawing_problems(document.encode())
    assert any(expected in problem for problem in problems) if expected else problems == [], problems

