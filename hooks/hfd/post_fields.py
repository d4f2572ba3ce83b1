"""The fields of an article and of the site's own pages: one definition, two readers.

The build's front-matter check (hfd.front_matter) takes from here which fields exist,
which are required and the example each message shows; the editor at /admin/
(hooks/editor.py) gets its forms from here: label, hint, required or not, and the
allowed values (authors from docs/blog/.authors.yml, categories from mkdocs.yml). A
field added here appears in both; tests/test_editor.py proves they agree both ways.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class Field:
    name: str
    label: str          # in the author's words, as the form shows it
    kind: str           # one of KINDS
    required: bool
    hint: str
    example: object = None  # a value that builds: the messages' example, the tests' post
    fields: tuple[Field, ...] = ()  # a group's (or each list item's) own fields


# The kinds of picture a post's share picture (`image:`) may be (the form and the build):
# what sharing sites show; an iPhone's HEIC is published as JPEG.
SHARE_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".heic", ".heif")
# A web address the site links to as a source: https only (the form and the build).
SECURE_ADDRESS = "^https://"
# A post's own address (`slug:`): words of lowercase letters and digits joined by single
# hyphens (the form and the build).
PLAIN_ADDRESS = "^[a-z0-9]+(-[a-z0-9]+)*$"
# What each kind of field is in the editor (a Decap/Sveltia widget and its options).
KINDS = {
    "line": {"widget": "string"},
    "paragraph": {"widget": "text"},
    "address": {"widget": "string", "pattern": [PLAIN_ADDRESS, "Lowercase words joined by single hyphens"]},
    # A source's link: the build refuses any other (hfd.front_matter, _source_problems).
    "web address": {"widget": "string", "pattern": [SECURE_ADDRESS, "An address starting with https://"]},
    # YAML dates (not text): the build reads `2026-01-05`, never `"2026-01-05"`.
    "day": {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False},
    "authors": {"widget": "select", "multiple": True, "min": 1},
    "categories": {"widget": "select", "multiple": True, "min": 1},
    # A file of this site only: no "Enter URL" (the build refuses a picture from another site).
    "picture": {"widget": "image", "choose_url": False, "accept": ",".join(SHARE_IMAGE_SUFFIXES)},
    "yes/no": {"widget": "boolean", "default": False},
    "group": {"widget": "object"},
    "list": {"widget": "list"},
    "text": {"widget": "markdown"},
}

DAY = "2026-01-05"
POST_FIELDS = (
    Field("title", "Title", "line", True, "The article's heading; plain words, a colon is fine.",
          "What helps with neck spasms"),
    Field("description", "Summary", "paragraph", True,
          "One or two sentences: search engines and feed readers show them.",
          "One or two sentences about the article."),
    Field("slug", "Address", "address", False,
          "The end of the article's address (blog/what-helps/); once published, never change it.",
          "what-helps-with-neck-spasms"),
    Field("date", "Dates", "group", True, "When the article was published, and last updated.", fields=(
        Field("created", "Published on", "day", True,
              "The day it goes online; a day in the future schedules it.", DAY),
        Field("updated", "Updated on", "day", False, "The day of the last real change, if any.", DAY),
    )),
    Field("last_reviewed", "Last reviewed on", "day", True,
          "The day you last reread the article and confirmed it is still right.", DAY),
    Field("next_review", "Next review by", "day", False,
          "Leave empty: the article is due a year after its last review.", DAY),
    Field("authors", "Author", "authors", True, "Who wrote it (from docs/blog/.authors.yml).", ["fede"]),
    Field("categories", "Category", "categories", True, "Where readers find it (from mkdocs.yml).",
          ["Understanding dystonia"]),
    Field("image", "Picture shown when shared", "picture", False,
          "A photo from your phone or computer (an iPhone's too); it is shown when the article is shared.",
          "assets/images/articles/my-article/cover.jpg"),
    Field("image_alt", "What the shared picture shows", "paragraph", False,
          "For readers who cannot see it; needed when there is a picture.",
          "A woman stretching her neck by a window"),
    Field("sources", "Sources", "list", False,
          "Studies and pages the article relies on; each with a link or a full citation.", fields=(
              Field("title", "Title", "line", True, "The name of the study or page.", "Name of the study"),
              Field("url", "Link", "web address", False, "An address starting with https://.",
                    "https://example.org/study"),
              Field("citation", "Citation", "paragraph", False, "When there is no link: the full reference.",
                    "Author A. Title. Journal. 2024;1:1-2."),
          )),
    Field("medical_reviewer", "Medical reviewer", "group", False,
          "Only if a medical practitioner checked the article.", fields=(
              Field("name", "Name", "line", True, "As it should appear.", "Dr Jane Doe"),
              Field("credentials", "Credentials", "line", True, "E.g. MD, neurologist.", "MD, neurologist"),
          )),
    Field("draft", "Draft (not published)", "yes/no", False,
          "On: the article stays unpublished, whatever its date.", False),
)
# The example texts of the templates an article starts from (scripts/new_post.py, the
# editor's form, AUTHORING.md's template): a published article still holding one was
# never finished ("Medically reviewed by Dr Jane Doe" would be a false claim).
PLACEHOLDERS = ("One or two sentences that say what the article is about", "The first paragraph or two: the teaser",
                "The rest of the article.", "Dr Jane Doe", "Name of the study or page", "https://...",
                "Author, Publisher, 2020", "What the picture shows")
# Options of Material's that a hand-written post may carry and the build accepts; the
# form leaves them out (and keeps them as written): they change the theme, not the article.
# Each with the kind of value Material reads (anything else would stop its code).
THEME_OPTIONS = {"pin": bool, "readtime": int, "links": list, "tags": list, "hide": list, "search": dict,
                 "template": str, "comments": bool, "status": str}
PAGE_FIELDS = (
    Field("title", "Title", "line", False, "The page's name in the browser's tab.", "About"),
    Field("description", "Summary", "paragraph", False, "One or two sentences for search engines.",
          "Who we are."),
)
BODY = Field("body", "Text", "text", True,
             "The paragraphs before the line <!-- more --> are the teaser on the articles page; keep that line.",
             "The first paragraph or two: the teaser.\n\n<!-- more -->\n\nThe rest of the article.\n")


def field(name: str, fields: tuple[Field, ...] = POST_FIELDS) -> Field:
    return next(item for item in fields if item.name == name)


def form_field(item: Field, choices: dict[str, list[str]]) -> dict:
    """The editor's description of one field (Decap/Sveltia configuration format)."""
    form = {"name": item.name, "label": item.label, "hint": item.hint, "required": item.required,
            **KINDS[item.kind]}
    if item.kind in choices:
        form["options"] = choices[item.kind]
    if item.fields:
        form["fields"] = [form_field(sub, choices) for sub in item.fields]
    if item.kind == "text":  # Markdown as written: the teaser break and the site's markers kept
        form.update(modes=["raw", "rich_text"], default=item.example or "")
    if item.kind == "day" and item.required:  # a new article's: today, until changed
        form["default"] = "{{now}}"
    if item.kind == "picture":  # `image:` is a path from docs/, as the share picture is read
        form.update(media_folder="/docs/assets/images/articles/{{slug}}",
                    public_folder="assets/images/articles/{{slug}}")
    return form


def choices(config: MkDocsConfig, authors: dict) -> dict[str, list[str]]:
    """The allowed values of the fields that have a list of them."""
    blog = config.plugins.get("material/blog")
    return {"authors": list(authors), "categories": list(blog.config.categories_allowed) if blog else []}
