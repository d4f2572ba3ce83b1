"""The site as the author will grow it, made at test time from a copy of this one.

Sample posts cover what an author does: several articles in two categories, titles
with letters beyond ASCII and no `slug:` (published at a plain ASCII address, their
former one leading on), a flat `date:`, a large photo straight from a phone
(sideways, with its location in it) in a plain-Markdown figure, a video, a medically
reviewed article with its sources and related links, a footnote, a post scheduled for
later (with a table, a callout and a drawing, kinds of content no published page has
yet), a draft (with a drawing of its own and a published post's photo), a long
description, an odd title, a post updated after publication; and copies of them,
until the articles fill more than one page of the list, as a blog soon does. Also the
site with no articles at all: the article and its redirect gone.

HFD_TEST_ARTICLES=50 grows it to 50 published articles, of the same kinds in turn: to
show that the suite's time does not grow with the number of articles.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import re
from pathlib import Path
from urllib.parse import quote

import yaml

from tests.site_build import copy_project, post_markdown

PHOTO = "assets/images/articles/a-walk-in-the-morning/from-my-phone.jpg"
PHOTO_SIZE = (4032, 3024)  # a 12-megapixel phone camera, stored sideways
IPHONE_PHOTO = "assets/images/articles/ca-va/from-an-iphone.heic"  # published as .jpg
# A title beyond ASCII, without `slug:` (one no author's post would have: addresses are unique).
ACCENTED_TITLE = "Distonía cervical: una página de prueba"
# Named as the editor kept a photo's name before (a space, an accent), and linked as it wrote it.
NAMED_PHOTO = "assets/images/articles/distonía/estiramiento de cuello.jpg"
SECOND_CATEGORY = "Living with dystonia"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
REDIRECT_TO_A_SECTION = "old/after-the-walk.md: blog/posts/a-walk-in-the-morning.md#after-the-walk"
UNPUBLISHED_DRAWINGS = ["assets/images/articles/a-draft/plan.svg", "assets/images/articles/a-scheduled-post/plan.svg"]


def grown_project(destination: Path, today: dt.date) -> Path:
    """A copy of the site with the sample posts; `today` is the site's today."""
    project = copy_project(destination, warm=False)  # a first build, as in CI
    posts = project / "docs/blog/posts"
    _phone_photo(project / "docs" / PHOTO)
    _phone_photo(project / "docs" / IPHONE_PHOTO, size=(2400, 1800), kind="HEIF")
    _phone_photo(project / "docs" / NAMED_PHOTO, size=(2400, 1800))
    for drawing in UNPUBLISHED_DRAWINGS:  # shown only by the draft, or the scheduled post
        (project / "docs" / drawing).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / drawing).write_text(
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 4 3'><rect width='4' height='3'/></svg>")
    later = today + dt.timedelta(days=30)
    samples = _sample_posts(today, later)
    for name, text in samples.items():
        (posts / f"{name}.md").write_text(text, encoding="utf-8")
    _more_articles(posts, samples, max(int(os.environ.get("HFD_TEST_ARTICLES", "0")), _per_page(project) + 1))
    config = project / "mkdocs.yml"  # an old address that led to a section of a page
    config.write_text(config.read_text().replace("  redirects:\n", f"  redirects:\n    {REDIRECT_TO_A_SECTION}\n", 1))
    return project


def _per_page(project: Path) -> int:
    """The teasers on a page of the blog's list: mkdocs.yml's, or the blog plugin's default."""
    from hfd.settings import plain_settings
    from material.plugins.blog.config import BlogConfig

    plugins = plain_settings(project / "mkdocs.yml")["plugins"]
    blog = next(plugin["blog"] for plugin in plugins if isinstance(plugin, dict) and "blog" in plugin)
    return (blog or {}).get("pagination_per_page", BlogConfig.pagination_per_page.default)


def _more_articles(posts: Path, samples: dict[str, str], wanted: int) -> None:
    """Copies of the published sample posts, each kind in turn, until the site has
    `wanted` published articles."""
    published = [name for name, text in samples.items() if "draft: true" not in text and name != "a-scheduled-post"]
    have = len(list(posts.glob("*.md"))) - (len(samples) - len(published))
    for number, name in zip(range(have + 1, wanted + 1), itertools.cycle(published)):
        _, front, body = samples[name].split("---\n", 2)
        meta = yaml.safe_load(front)
        meta.pop("slug", None)
        meta.update(title=f"More, number {number}", description=f"Article number {number}, like {name}.")
        front = re.sub(r"'(\d{4}-\d{2}-\d{2})'", r"\1", yaml.safe_dump(meta, sort_keys=False, allow_unicode=True))
        body = re.sub(r"(?m)^# .*$", f"# {meta['title']}", body, count=1)
        (posts / f"more-{number}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def empty_project(destination: Path) -> Path:
    """A copy of the site before its first article: no posts, no redirects to them."""
    project = copy_project(destination, warm=False)
    for path in (project / "docs/blog/posts").glob("*.md"):
        path.unlink()
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^\s+\S+\.md: blog/posts/\S+\.md\s*\n", "", config.read_text()))
    return project


# -- The sample posts --------------------------------------------------------------


def _sample_posts(today: dt.date, later: dt.date) -> dict[str, str]:
    figure = (
        f"![A window with morning light falling across a chair.](../../{PHOTO})\n\n"
        "/// caption\nMorning light by the window.\n\nCredit: Photo by the author, taken with her phone.\n///\n"
    )
    video = '[A short talk: "hands & voice"](https://www.youtube.com/watch?v=abcdefghijk){ .youtube }'
    flat_date = post_markdown("flat-date-and-a-video", title="A talk, and a date written flat",
                     body=f"Intro to the talk.\n\n<!-- more -->\n\n{video}\n\nAfter the video.\n")
    flat_date = flat_date.replace("date:\n  created: 2024-03-01\n", "date: 2024-03-05\n")
    return {
        "a-walk-in-the-morning": post_markdown(
            "a-walk-in-the-morning", title="A walk in the morning",
            categories=[SECOND_CATEGORY], date={"created": "2024-04-02", "updated": "2024-05-10"},
            image=PHOTO, image_alt="A window with morning light falling across a chair.",
            sources=[{"title": "A study about light", "url": "https://example.org/light"}],
            body=f"Morning walks help me.\n\n<!-- more -->\n\n{figure}\n## After the walk\n\nThe rest of the walk.\n\n"
                 f"![The same chair, smaller.](../../{PHOTO}){{ width=\"300\" }}\n"),  # sized by the author
        "flat-date-and-a-video": flat_date,
        "non-ascii-title": post_markdown(
            "unused", title="Ça va? Dystonie, lumière & “odd” days <3",
            image=IPHONE_PHOTO, image_alt="A cup of tea on a windowsill.",
            body=("Un début.\n\n<!-- more -->\n\nLa suite, with an ampersand & a quote \" too.\n\n"
                  f"![A cup of tea on a windowsill.](../../{IPHONE_PHOTO})\n"),
        ).replace("slug: unused\n", ""),
        # As the editor writes a post: no "# Title" line in its text.
        "distonia-cervical": post_markdown(
            "unused", slug=None, title=ACCENTED_TITLE,
            description="Lo que aprendí en mis primeros meses con distonía cervical.",
            image="/" + NAMED_PHOTO, image_alt="Un cuello que se estira despacio.",  # as the editor writes it
            date={"created": "2024-03-12"},
            body=("Estos son los primeros pasos que di después del diagnóstico.\n\n<!-- more -->\n\n"
                  "Cada persona es distinta: hable con su médico antes de cambiar nada.\n\n"
                  f"![Un cuello que se estira despacio.](../../{quote(NAMED_PHOTO)})\n\n"
                  "/// caption\nUn estiramiento.\n\nCredit: Foto de la autora.\n///\n"),
        ).replace(f"# {ACCENTED_TITLE}\n\n", ""),
        "a-long-description": post_markdown(
            "a-long-description", title="Hands, pens and keyboards", categories=[SECOND_CATEGORY],
            description=("Writer's cramp, typing and the small adjustments that make a day of "
                         "writing possible: pens, grips, keyboards, voice typing, rests, and the "
                         "patience to try one change at a time. " * 4).strip(),
            date={"created": "2023-11-20"}, last_reviewed="2024-01-10",
            # A link to another site in the teaser: the lists of articles show it too.
            body=("Intro, with [a grip guide](https://example.org/grips).\n\n<!-- more -->\n\n"
                  "A thicker pen helped me.[^pen] An [older page](http://example.org/pens) says more.\n\n"
                  "[^pen]: Any wide grip will do.\n")),
        "a-reviewed-article": post_markdown(
            "a-reviewed-article", title="A reviewed article", date={"created": "2024-03-20"},
            last_reviewed="2024-03-20", next_review="2099-01-01",
            medical_reviewer={"name": "Dr Example Reviewer", "credentials": "MD, neurologist"}, links=["about.md", {"A guide elsewhere": "https://example.org/guide"}],
            sources=[{"title": "A study", "url": "https://example.org/study"},
                     {"title": "A book", "citation": "Publisher, 2020"}]),
        "a-scheduled-post": post_markdown(
            "a-scheduled-post", title="A scheduled post",
            date={"created": later.isoformat()}, last_reviewed=later.isoformat(),
            # A table wider than a phone: it scrolls within its column, not the page.
            body=("Coming soon.\n\n<!-- more -->\n\n| Day | " + " | ".join(WEEKDAYS) + " |\n"
                  + "| --- " * 8 + "|\n| Walk | " + " | ".join(["10 minutes"] * 7) + " |\n\n"
                  '!!! note "Before you start"\n    Talk to your own medical practitioner.\n\n'
                  f"![A plan of the week's walks.](../../{UNPUBLISHED_DRAWINGS[1]})\n\n"
                  "/// caption\nThe week's walks.\n\nCredit: Drawing by the author.\n///\n")),
        "a-draft": post_markdown("a-draft", title="A draft in progress", draft=True,
                                 body=f"A plan.\n\n<!-- more -->\n\n![A plan.](../../{UNPUBLISHED_DRAWINGS[0]})\n\n"
                                      f"![The same window.](../../{PHOTO})\n"),
        "escaped-description": post_markdown(
            "escaped-description", title="Quotes \"and\" <3 & more",
            description='A description with <!-- a comment -->, "quotes", <b>tags</b> & ampersands.'),
    }


def _phone_photo(path: Path, size: tuple[int, int] = PHOTO_SIZE, kind: str = "JPEG") -> None:
    """A photo as a phone writes it (a 3-4 MB JPEG, or an iPhone's HEIC): stored sideways
    (EXIF orientation 6, which HEIF readers rightly ignore) and carrying where it was taken
    (GPS), a JPEG with a note from the phone's app too (a COM segment). Made deterministically."""
    from PIL import Image, ImageDraw
    from pillow_heif import register_heif_opener

    register_heif_opener()  # and saver
    path.parent.mkdir(parents=True, exist_ok=True)
    width, height = size
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for step in range(0, width, 24):  # detail, so that it compresses like a photo
        draw.line([(step, 0), (width - step, height)], fill=(step % 255, 90, 200 - step % 200), width=3)
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    image = Image.blend(image, noise, 0.12)
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° to show it upright
    exif[0x8825] = {1: "N", 2: (39.0, 44.0, 30.0), 3: "W", 4: (104.0, 59.0, 0.0)}  # GPS: Denver
    buffer = io.BytesIO()
    image.save(buffer, kind, quality=85, exif=exif, **({"comment": b"Taken at home"} if kind == "JPEG" else {}))
    path.write_bytes(buffer.getvalue())

