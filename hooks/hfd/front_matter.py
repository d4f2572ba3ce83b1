"""Front matter as the build reads it, and what is wrong with it.

One reading per version of a file, shared by the hooks that need it (the author's
checks, publishing, feeds, reviews). Every problem names the field, what is wrong and
an example of what is right: the author is not a developer.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import YAML_RE, get_data

from hfd import post_fields
from hfd.post_fields import field
from hfd.site_time import post_dates, site_zone, today

# libyaml's loader when PyYAML has it (several times faster), else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Characters that are invisible and invalid in feeds (XML): all controls but tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Markup in a title would be read as HTML by the theme: "<b>", "</", "<!--", "<?".
MARKUP = re.compile(r"<[A-Za-z!/?]")
SHARE_IMAGE_SUFFIXES = post_fields.SHARE_IMAGE_SUFFIXES

# Every field a post may have (hfd.post_fields, which the editor's form shows too); a
# close misspelling of one is reported.
POST_FIELDS = tuple(item.name for item in post_fields.POST_FIELDS) + tuple(post_fields.THEME_OPTIONS)
# And a page's (Material prints some others, `subtitle:`, into every page's menu unescaped).
PAGE_FIELDS = tuple(item.name for item in post_fields.PAGE_FIELDS) + tuple(post_fields.THEME_OPTIONS)
# A `status:` is a name Material writes into a class (md-status--new).
_STATUS = re.compile(r"^[a-z][a-z0-9-]*$")
# A title is plain text: Material's articles page reads it as Markdown, where a picture
# or link, or an emoji's shortcode (:smile:, drawn from another site), would be drawn.
_MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\(")
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_KIND_WORDS = {bool: "true or false", int: "a whole number", list: "a list, one item per line",
               dict: "a group of fields (`name: value` lines, indented below it)", str: "text"}
EXAMPLE_DATE = post_fields.DAY


def read_front_matter(path: Path | str) -> tuple[dict, str | None]:
    """(front matter, None), or ({}, what is wrong with it). Read once per version of
    the file: several hooks ask."""
    stat = os.stat(path)
    return _read_front_matter(str(path), stat.st_mtime_ns, stat.st_size)


def source_text(path: Path | str) -> str:
    """The file's text, read once per version of the file, as its front matter is."""
    stat = os.stat(path)
    return _source_text(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)
def _source_text(path: str, _mtime_ns: int, _size: int) -> str:
    return Path(path).read_text(encoding="utf-8-sig")


@lru_cache(maxsize=4096)
def _read_front_matter(path: str, _mtime_ns: int, _size: int) -> tuple[dict, str | None]:
    try:
        text = _source_text(path, _mtime_ns, _size)
    except UnicodeDecodeError:
        return {}, "the file is not UTF-8 text; save it as UTF-8."
    match = YAML_RE.match(text)
    if not match and get_data(text)[1]:  # MkDocs' older form: settings without `---` lines
        first = text.lstrip("\ufeff").splitlines()[0].strip()
        return {}, (f"its first line, '{first}', reads as a setting: without `---` lines around them, "
                    "MkDocs takes the lines up to the first blank line as settings, unchecked, and does "
                    "not show them. Put settings between two `---` lines; if it is text, start the page "
                    "with its heading (`# Title`).")
    if not match:
        return {}, "no front matter; start the file with the block between `---` lines."
    try:
        meta = yaml.load(match.group(1), Loader=SAFE_LOADER)
    except ValueError as error:  # a date that does not exist: `date: 2026-02-30`
        return {}, (f"the front matter holds a date that does not exist ({error}); correct it, "
                    f"e.g. `date: {EXAMPLE_DATE}`.")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        reason = getattr(error, "problem", None) or "it is not valid YAML"
        return {}, (f"the front matter is not valid{where}: {reason}. Check its colons, quotes "
                    "and indentation; a value with a colon needs quotes, e.g. "
                    "`title: \"Dystonia: what helps\"`.")
    if not isinstance(meta, dict):
        return {}, "the front matter must be `key: value` lines, e.g. `title: My article`."
    return meta, None


def page_problems(path: Path) -> list[str]:
    """What is wrong with a page's (not a post's) front matter; pages may have none."""
    meta, problem = read_front_matter(path)
    if problem and "no front matter" not in problem:
        return [problem]
    return _unknown_fields(meta, PAGE_FIELDS, "a page") + _cut_by_a_note_problems(path) + [
        found for item in post_fields.PAGE_FIELDS if item.name in meta  # the pages' form's fields
        for found in _text_problems(meta, item.name, required=item.required)] + _theme_option_problems(meta)


def post_problems(path: Path, roles: dict[str, str], config: MkDocsConfig) -> list[str]:
    """What is wrong with one post's front matter, each with what to do."""
    meta, problem = read_front_matter(path)
    if problem:
        return [problem]
    problems = (_unknown_fields(meta, POST_FIELDS, "a post") + _theme_option_problems(meta)
                + _cut_by_a_note_problems(path))
    for name in ("title", "description"):
        problems += _text_problems(meta, name, required=field(name).required,
                                   example=f"{name}: {field(name).example}")
    problems += _title_markdown_problems(meta.get("title"), config)
    problems += _slug_problems(meta)
    problems += _date_problems(meta)
    problems += _list_problems(meta, "authors", allowed=roles, example=next(iter(roles), field("authors").example[0]),
                               where="docs/blog/.authors.yml")
    problems += [f"author '{key}' has no `role:` in docs/blog/.authors.yml; add one, e.g. "
                 "`role: Founder of Hope for Dystonia, coach`."
                 for key in _as_list(meta.get("authors")) if isinstance(key, str) and key in roles and not roles[key]]
    allowed = _allowed_categories(config)
    problems += _list_problems(meta, "categories", allowed=dict.fromkeys(allowed),
                               example=allowed[0] if allowed else field("categories").example[0],
                               where="mkdocs.yml (categories_allowed)")
    problems += _review_problems(meta) + _future_problems(meta, today(site_zone(config.extra)))
    problems += _source_problems(meta)
    problems += _share_image_problems(meta, path, config)
    if meta.get("draft") is not True:  # a draft may keep them until it is written
        problems += _placeholder_problems(path)
    if "draft" in meta and not isinstance(meta["draft"], bool):
        problems.append(f"`draft:` is '{meta['draft']}'; write `draft: true` to keep the post "
                        "unpublished, or remove the line to publish it.")
    return problems


def _describe(value: object) -> str:
    """What the author wrote, in plain words."""
    if isinstance(value, list):
        return f"a list ({', '.join(map(str, value))})" if value else "an empty list"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value}"
    return f"'{value}'"


def _text_problems(meta: dict, field: str, *, required: bool = True, example: str = "") -> list[str]:
    value = meta.get(field)
    example = example or f"{field}: Some words"
    if value is None or (isinstance(value, str) and not value.strip()):
        return [f"`{field}:` is missing; add it, e.g. `{example}`."] if required else [
            f"`{field}:` is empty; write it, e.g. `{example}`, or remove the line."]
    if not isinstance(value, str):
        return [f"`{field}:` is {_describe(value)}, but it must be text; write it on one line, "
                f"e.g. `{example}` (put it in quotes if it starts with [, {{ or a number)."]
    if control := _CONTROL.search(value):
        return [f"`{field}:` contains an invisible control character "
                f"(U+{ord(control[0]):04X}); retype the text without it."]
    if field == "title" and MARKUP.search(value):
        return [f"`title:` contains '{MARKUP.search(value)[0]}', which pages would read as "
                "HTML; a title is plain text: remove the angle bracket."]
    return []


def _slug_problems(meta: dict) -> list[str]:
    if "slug" not in meta:
        return []
    slug = meta["slug"]
    if not isinstance(slug, str) or not re.fullmatch(post_fields.PLAIN_ADDRESS, slug):
        return [f"`slug:` is {_describe(slug)}; the address may use only lowercase words "
                "(letters and digits) joined by single hyphens, e.g. `slug: what-helps-with-neck-spasms`."]
    return []


def _date_problems(meta: dict) -> list[str]:
    dates = meta.get("date")
    if dates is None:
        return [f"`date:` is missing; add the day of publication, e.g. `date: {EXAMPLE_DATE}`."]
    if not isinstance(dates, dict):
        dates, flat = {"created": dates}, True
    else:
        flat = False
    problems = []
    for key in ("created", "updated"):
        value = dates.get(key)
        name = "date" if flat else f"date.{key}"
        if value is None and key == "created":
            problems.append(f"`date.created` is missing; under `date:` add `created: {EXAMPLE_DATE}`.")
        elif value is not None and not isinstance(value, dt.date):
            problems.append(_not_a_date(f"`{name}`", key if not flat else "date", value))
    unknown = sorted(map(str, set(dates) - {"created", "updated"}))
    if unknown:
        problems.append(f"`date:` has {', '.join(f'`{u}:`' for u in unknown)}; it takes only "
                        f"`created:` and `updated:`.")
    created, updated = dates.get("created"), dates.get("updated")
    if isinstance(created, dt.date) and isinstance(updated, dt.date) and _day(updated) < _day(created):
        problems.append(f"`date.updated` ({updated}) is before `date.created` ({created}); "
                        "an update comes after publication.")
    return problems


def _list_problems(meta: dict, field: str, *, allowed: dict, example: str, where: str) -> list[str]:
    value = meta.get(field)
    if value is None or value == []:
        return [f"`{field}:` is missing; add it as a list, e.g.\n        {field}:\n          - {example}"]
    known = f"{', '.join(map(str, allowed)) or '(none yet)'} (listed in {where})"
    if not isinstance(value, list):
        # The example is what the author wrote only if it is allowed: `- Health` would not be.
        fits = isinstance(value, str) and value in allowed
        unknown = f"; '{value}' is not one of: {known}" if isinstance(value, str) and not fits else ""
        return [f"`{field}:` is {_describe(value)}, but it must be a list, one per line{unknown}. "
                f"For example:\n        {field}:\n          - {value if fits else example}"]
    return [f"`{field}:` '{item}' is not one of: {known}; use one of them, or add it there."
            for item in value if not isinstance(item, str) or item not in allowed]


def _not_a_date(shown: str, key: str, value: object) -> str:
    """What is wrong with a date field's `value`, which is not a date, and what to write."""
    if isinstance(value, str) and _reads_as_date(value):  # `date: "2026-01-05"`
        return (f"{shown} is '{value}' in quotes, which makes it text, not a date; remove the "
                f"quotes: `{key}: {value.strip()}`.")
    return f"{shown} is {_describe(value)}, not a date; write it as YYYY-MM-DD, e.g. `{key}: {EXAMPLE_DATE}`."


def _reads_as_date(text: str) -> bool:
    try:
        return isinstance(yaml.load(text.strip(), Loader=SAFE_LOADER), dt.date)
    except (yaml.YAMLError, ValueError):
        return False


def _review_problems(meta: dict) -> list[str]:
    problems = []
    reviewed = meta.get("last_reviewed")
    if reviewed is None and field("last_reviewed").required:
        problems.append("`last_reviewed:` is missing; add the day you last reread and confirmed "
                        f"the article, e.g. `last_reviewed: {EXAMPLE_DATE}`.")
    elif reviewed is not None and not isinstance(reviewed, dt.date):
        problems.append(_not_a_date("`last_reviewed:`", "last_reviewed", reviewed))
    next_review = meta.get("next_review")
    if next_review is not None and not isinstance(next_review, dt.date):
        problems.append(_not_a_date("`next_review:`", "next_review", next_review))
    reviewer = meta.get("medical_reviewer")
    if reviewer is not None and not (
        isinstance(reviewer, dict) and str(reviewer.get("name") or "").strip()
        and str(reviewer.get("credentials") or "").strip()
    ):
        problems.append("`medical_reviewer:` needs both `name:` and `credentials:` under it, e.g.\n"
                        "        medical_reviewer:\n          name: Dr Jane Doe\n"
                        "          credentials: MD, neurologist")
    return problems


def _future_problems(meta: dict, on: dt.date) -> list[str]:
    """An update or a review dated after the day `on` of a post published by then: the
    page would show a day that has not come ("Updated December 15" on December 4)."""
    created, updated = post_dates(meta)
    if not isinstance(created, dt.date) or _day(created) > on:
        return []  # scheduled: it is checked on its own day
    return [f"`{name}` ({value}) is after today ({on}); write the day it happened, once it has."
            for name, value in (("date.updated", updated), ("last_reviewed:", meta.get("last_reviewed")))
            if isinstance(value, dt.date) and _day(value) > on]


def _source_problems(meta: dict) -> list[str]:
    sources = meta.get("sources")
    if sources is None:
        return []
    if not isinstance(sources, list):
        return ["`sources:` must be a list of items with `title:` and `url:` or `citation:`, e.g.\n"
                "        sources:\n          - title: Name of the study\n"
                "            url: https://example.org/study"]
    problems = []
    for number, source in enumerate(sources, start=1):
        if not isinstance(source, dict) or not str(source.get("title") or "").strip():
            problems.append(f"`sources:` item {number} needs a `title:`, e.g. `- title: Name of the study`.")
        elif not (source.get("url") or source.get("citation")):
            problems.append(f"`sources:` item {number} needs a `url:` or a `citation:`, e.g. "
                            "`url: https://example.org/study`.")
        elif source.get("url") and not re.match(post_fields.SECURE_ADDRESS, str(source["url"])):
            problems.append(f"`sources:` item {number}: the url '{source['url']}' must start with https://.")
    return problems


def _share_image_problems(meta: dict, path: Path, config: MkDocsConfig) -> list[str]:
    """`image:` (the picture shown when the post is shared) names a PNG or JPEG in docs/."""
    if "image" not in meta:
        return []
    image = meta["image"]
    example = "image: assets/images/articles/my-article/cover.jpg"
    if not isinstance(image, str) or not image.strip():
        return [f"`image:` is {_describe(image)}; write the picture's path in docs/, e.g. `{example}`."]
    image = share_image_path(image)
    problems = []
    docs = Path(config.docs_dir)
    if not image.lower().endswith(SHARE_IMAGE_SUFFIXES):
        problems.append(f"`image:` '{image}' must be a .png or .jpg picture (or an iPhone's .heic): "
                        "sharing sites show no other kind.")
    elif not (docs / image).is_file():
        candidate = (path.parent / image).resolve()
        hint = (f" It is at `{candidate.relative_to(docs.resolve()).as_posix()}` from docs/: write that."
                if candidate.is_file() and docs.resolve() in candidate.parents else "")
        problems.append(f"`image:` '{image}' is not a file in docs/ (the path starts at docs/, "
                        f"e.g. `{example}`).{hint}")
    if not str(meta.get("image_alt") or "").strip():
        problems.append("`image_alt:` is missing: describe the picture for readers who cannot "
                        "see it, e.g. `image_alt: A woman stretching her neck by a window`.")
    return problems


def share_image_path(image: str) -> str:
    """`image:`'s path in docs/: the editor writes it from the site's root (`/assets/...`),
    which is docs/."""
    return image.removeprefix("/")


def _cut_by_a_note_problems(path: Path | str) -> list[str]:
    """A title or summary written without quotes ends where " #" begins: YAML reads the
    rest as a note to the writer (`title: Tip #1` is "Tip")."""
    match = YAML_RE.match(source_text(path))
    return [f"`{key}:` has ' #' in it: without quotes, what follows is dropped as a note; put it in "
            f"quotes: `{key}: \"{value.strip()}\"`."
            for key, value in re.findall(r"^(title|description):[ \t]+([^'\"|>\s].*?[ \t]#.*)$",
                                         match[1] if match else "", flags=re.M)]


def _placeholder_problems(path: Path) -> list[str]:
    text = source_text(path)
    return [f"it still holds the template's example text '{example}'; replace it with your own words, "
            "or remove that line or field (or keep `draft: true` until the article is written)."
            for example in post_fields.PLACEHOLDERS if example in text]


def _unknown_fields(meta: dict, known: tuple[str, ...], what: str) -> list[str]:
    """A post or page holds only the fields the build knows (POST_FIELDS, PAGE_FIELDS):
    any other is read by no check, but may be by the theme or a plugin (`illustration:`
    becomes the feed's picture, `subtitle:` is printed into the menu as HTML)."""
    problems = []
    for key in meta:
        if key in known:
            continue
        close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.75)
        problems.append(f"`{key}:` is not a field of {what}; " + (
            f"did you mean `{close[0]}:`?" if close else
            f"remove it (the fields of {what}: {', '.join(known)}; AUTHORING.md explains each)."))
    return problems


def _theme_option_problems(meta: dict) -> list[str]:
    """Each of Material's options (post_fields.THEME_OPTIONS) with the kind of value it takes."""
    problems = []
    for name, kind in post_fields.THEME_OPTIONS.items():
        value = meta.get(name)
        if value is not None and (not isinstance(value, kind) or (kind is int and isinstance(value, bool))):
            problems.append(f"`{name}:` is {_describe(value)}, but it must be {_KIND_WORDS[kind]}; correct it "
                            "or remove the line.")
    if isinstance(meta.get("links"), list):
        problems += _related_links_problems(meta["links"])
    if isinstance(meta.get("status"), str) and not _STATUS.match(meta["status"]):
        problems.append(f"`status:` is '{meta['status']}'; write a status's name, e.g. `status: new`, or "
                        "remove the line.")
    return problems


def _related_links_problems(items: list) -> list[str]:
    """Material's related links (`links:`, a list like `nav:`): it prints their titles as
    written, so plain text; each leads to a page's file or an https:// address."""
    problems = []
    for item in items:
        for title, target in item.items() if isinstance(item, dict) else [(None, item)]:
            if title is not None and MARKUP.search(str(title)):
                problems.append(f"`links:` has the title {str(title)!r}, which pages would read as "
                                "markup; write plain text.")
            if isinstance(target, list):
                problems += _related_links_problems(target)
                continue
            address = urlsplit(str(target).strip())
            if not (address.scheme == "https" and address.netloc or not (address.scheme or address.netloc)
                    and not str(target).strip().startswith(("/", "\\"))):
                problems.append(f"`links:` leads to '{target}'; name a page's file (`about.md`) or a "
                                "full https:// address.")
    return problems


def _title_markdown_problems(title: object, config: MkDocsConfig) -> list[str]:
    if not isinstance(title, str):
        return []
    if found := _MARKDOWN_LINK.search(title):
        return [f"`title:` contains '{found[0]}', a picture or link in Markdown; a title is plain text: "
                "remove it (link from the article's text instead)."]
    emoji = _emoji_shortcodes(config.mdx_configs.get("pymdownx.emoji", {}).get("emoji_index"))
    return [f"`title:` contains {code}, which the articles page would draw as a picture from "
            "another site; type the emoji itself (e.g. 😊), or remove it."
            for code in dict.fromkeys(_SHORTCODE.findall(title)) if code in emoji][:1]


@lru_cache(maxsize=4)
def _emoji_shortcodes(index) -> frozenset[str]:
    """The shortcodes (:smile:) of pymdownx.emoji's index as mkdocs.yml sets it."""
    if index is None:
        return frozenset()
    found = index({}, None)
    return frozenset(found["emoji"]) | frozenset(found["aliases"])


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else []


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _allowed_categories(config: MkDocsConfig) -> list[str]:
    blog = config.plugins.get("material/blog")
    return list(blog.config.categories_allowed) if blog else []


def author_roles(config: MkDocsConfig) -> dict[str, str]:
    return {key: str(author.get("role") or "").strip() for key, author in authors(config).items()}


def authors(config: MkDocsConfig) -> dict[str, dict]:
    """The blog's authors file (`.authors.yml`): {key: its entry}."""
    blog = config.plugins["material/blog"]
    path = Path(config.docs_dir) / blog.config.authors_file.format(blog=blog.config.blog_dir)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return {}
    except yaml.YAMLError as error:
        raise PluginError(f"docs/{path.relative_to(config.docs_dir)} is not valid YAML: {error}") from None
    return {key: value or {} for key, value in (data.get("authors") or {}).items()}
