"""The settings (mkdocs.yml, docs/blog/.authors.yml) are safe to put in front of readers.

- Only the settings the site knows (KNOWN_SETTINGS, AUTHOR_FIELDS): Material acts on
  many others by fetching from other hosts (Google Fonts unless `theme.font: false`,
  analytics, cookie consent, GitHub's API for `repo_url`).
- A setting's text holds no markup: MkDocs' templates print settings as they are, so
  a tag in one would reach every page. The copyright, which uses an entity (&copy;),
  may hold the HTML pages may (hfd.allowed_html). Material prints a few inside an
  attribute, where a straight double quote would end it.
- Files the reader's browser fetches (logo, stylesheets, avatars) are the site's own;
  links to the site's pages are its own addresses.
- The booking link, the contact email and the social links appear on every page: each
  must be an https:// address (or, for email, a plain address); site_url too, except in
  `mkdocs serve`, which replaces it with its own local http:// address. The time zone
  must be a real one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from hfd.allowed_html import judge
from hfd.front_matter import MARKUP, SAFE_LOADER
from hfd.site_time import site_zone

_EMAIL = re.compile(r"^[^@\s:/]+@[^@\s:/]+\.[a-z]{2,}$", re.I)


# What a setting's value becomes in a page, beyond text without markup (None: only that).
def _quote_free(value) -> str | None:  # printed by Material inside an attribute, unescaped
    if '"' in str(value):
        return ("contains a straight double quote (\"), which would break the page's HTML; "
                "use curly quotes (“ ”) or none.")


def _own_file(value) -> str | None:  # fetched by the reader's browser
    address = str(value.get("path") if isinstance(value, dict) else value)
    parts = urlsplit(address.strip().replace("\\", "/"))
    if parts.scheme or parts.netloc:
        return (f"is '{address}', a file on another site, and pages load nothing from other "
                "sites; save the file in docs/assets/ and write its path from docs/, e.g. "
                "assets/images/logo.svg.")


def _own_page(value) -> str | None:  # the address of one of the site's pages, as readers see it
    parts = urlsplit(str(value).strip().replace("\\", "/"))
    if parts.scheme or parts.netloc:
        return f"is '{value}'; write the address of a page of this site, e.g. about/."
    if not re.fullmatch(r"([a-z0-9][a-z0-9._-]*/)*", str(value)):
        return (f"is '{value}'; write the address of a page of this site as readers see it, e.g. about/ "
                "(for docs/about.md).")


def _whole_number(value) -> str | None:  # a count or size, written as digits
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return f"is '{value}'; write a whole number, digits only, e.g. 12."


def _link(value) -> str | None:  # a page of the site, or another site
    if urlsplit(str(value).strip()).scheme not in ("", "https", "mailto"):
        return f"is '{value}'; write a page of this site (e.g. about/) or an https:// address."


def _icon(value) -> str | None:  # the name of one of the theme's icons
    if not re.match(r"^[\w-]+(/[\w-]+)+$", str(value)):
        return f"is '{value}'; write the name of one of the theme's icons, e.g. fontawesome/brands/youtube."


def _repo(value) -> str | None:  # the GitHub repository the editor saves to
    if not re.match(r"^[\w.-]+/[\w.-]+$", str(value)):
        return f"is '{value}'; write the GitHub repository as owner/name, e.g. hopefordystonia/website."
    # On GitHub Actions the build knows the site's own repository: an editor that would save
    # elsewhere (a guess, a renamed repository) is caught here, not by the author signing in.
    own = os.environ.get("GITHUB_REPOSITORY", "")
    if own and own.lower() != str(value).lower():  # GitHub ignores case in names
        return f"is '{value}', but this site's repository is '{own}'; write {own}, so that the editor saves there."


def _yes_no(value) -> str | None:
    if not isinstance(value, bool):
        return f"is '{value}'; write true or false."


def _html(value) -> str | None:  # the HTML pages may hold
    refused = judge(str(value))[0]
    return f"holds HTML the site does not allow: {'; '.join(map(str, refused))}" if refused else None


def _nav(value) -> str | None:  # titles without markup; pages, or links
    items = value if isinstance(value, list) else [value]
    for item in items:
        for title, target in (item.items() if isinstance(item, dict) else [(None, item)]):
            found = (isinstance(title, str) and _markup(title)) or (
                _nav(target) if isinstance(target, (list, dict)) else _link(target))
            if found:
                return f"'{title or target}': {found}"


# Every setting of mkdocs.yml the site knows, nested as there, with its check (above).
# Any other stops the build. To add one: list it here; if pages show its text, print it
# escaped in the templates (`{{ ... | e }}`).
KNOWN_SETTINGS = {
    "site_name": _quote_free, "site_url": _quote_free, "site_description": None, "copyright": _html,
    "docs_dir": None, "site_dir": None, "use_directory_urls": None, "strict": None,
    "validation": None, "not_in_nav": None, "exclude_docs": None, "nav": _nav, "plugins": None,
    "watch": None, "hooks": None, "markdown_extensions": None,
    "extra_css": [_own_file], "extra_javascript": [_own_file],
    "theme": {
        "name": None, "custom_dir": None, "language": None, "font": None,  # false: see below
        "logo": _own_file, "favicon": _own_file, "icon": {"*": _icon}, "features": None,
        "palette": [{"media": _quote_free, "scheme": _quote_free, "primary": _quote_free,
                     "accent": _quote_free, "toggle": {"icon": _icon, "name": _quote_free}}],
    },
    "extra": {
        "stylesheets": [_own_file], "generator": None, "time_zone": None, "tagline": None,
        "organization": {"legal_name": None, "logo": _own_file},
        "social_image": {"path": _own_file, "alt": None},
        "booking": {"consultation_page": _own_page, "scheduler_url": None,  # https: checked below
                    "scheduler_label": None, "email": None},
        "cta": {"label": None, "title": None, "text": None, "button": None},
        "cta_forbidden_words": None, "cta_vocabulary": None, "reading_aids": {"low_blue": None, "listen": None},
        "trust": {"about_page": _own_page, "editorial_page": _own_page, "no_sources_note": None},
        "emergency": {"number": None, "crisis_line": None, "crisis_line_name": None},
        "replies": {"giscus": {"enabled": None, "repo": None, "repo_id": None,
                               "category": None, "category_id": None}},
        "footer_links": [{"title": None, "page": _own_page}],
        "images": {"max_side": _whole_number}, "max_image_kb": _whole_number,
        "home": {"latest_posts": _whole_number}, "redirects": None, "review": {"max_age_months": _whole_number},
        "social": [{"icon": _icon, "link": None, "name": None}],  # links: checked below
        "editor": {"repo": _repo, "branch": _quote_free, "review": _yes_no},
    },
}
# An author in docs/blog/.authors.yml (Material's fields, and the site's `role`).
AUTHOR_FIELDS = {"name": _quote_free, "description": None, "role": None, "avatar": _own_file,
                 "url": _link, "slug": None}


class _PlainLoader(SAFE_LOADER):
    """YAML as plain data: the Python objects mkdocs.yml names (!!python/name:...) left out."""


_PlainLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *args: None)


def plain_settings(path: Path) -> dict:
    """mkdocs.yml as plain data, for tools that read it without a build (new_post.py, the tests)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_PlainLoader) or {}


def settings_problems(config: MkDocsConfig, command: str) -> list[str]:
    extra = config.extra
    problems = [f"mkdocs.yml: {problem}" for problem in _known_problems(written_settings(config), KNOWN_SETTINGS)]
    problems += _authors_problems(config)
    if "font" in config.theme and config.theme["font"] is not False:  # Material's default: Google Fonts
        problems.append("mkdocs.yml: theme.font must be `false`: any other value loads fonts "
                        "from Google; the site uses the reader's own fonts.")
    if command != "serve" and not str(config.site_url or "").startswith("https://"):
        problems.append(f"mkdocs.yml: site_url is '{config.site_url}'; it must start with https://.")
    booking = extra.get("booking", {})
    if not _is_https(booking.get("scheduler_url")):
        problems.append(f"mkdocs.yml: extra.booking.scheduler_url is '{booking.get('scheduler_url')}'; "
                        "it must start with https://.")
    if not _EMAIL.match(str(booking.get("email") or "")):
        problems.append(f"mkdocs.yml: extra.booking.email is '{booking.get('email')}'; write an email "
                        "address such as hello@hopefordystonia.com.")
    for number, social in enumerate(extra.get("social") or [], start=1):
        link = str((social or {}).get("link") or "")
        if not (_is_https(link) or (link.startswith("mailto:") and _EMAIL.match(link[7:]))):
            problems.append(f"mkdocs.yml: extra.social item {number} link is '{link}'; it must "
                            "start with https:// (or be mailto:address).")
    site_zone(extra)  # a clear error of its own for a time zone that does not exist
    return problems


def written_settings(config: MkDocsConfig) -> dict:
    """mkdocs.yml as written, read as MkDocs reads it (not the theme's defaults, nor the
    address `mkdocs serve` puts in `site_url`). Read from the file: MkDocs' own copy
    (`config.user_configs`) is deprecated, and reading it prints a warning in every build."""
    if not config.config_file_path:
        return {}  # read from standard input: only what MkDocs kept can be checked
    with open(config.config_file_path, encoding="utf-8") as file:
        # libyaml's loader when PyYAML has it: several times faster than MkDocs' own.
        return yaml_load(file, loader=get_yaml_loader(getattr(yaml, "CLoader", yaml.Loader), config=config))


def _authors_problems(config: MkDocsConfig) -> list[str]:
    blog = config.plugins.get("material/blog")
    path = Path(config.docs_dir) / blog.config.authors_file.format(blog=blog.config.blog_dir) if blog else None
    if path is None or not path.is_file():
        return []
    try:
        authors = (yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}).get("authors") or {}
    except (yaml.YAMLError, UnicodeDecodeError, AttributeError):
        return []  # said, with its line, when the posts are checked (hfd.front_matter)
    source = f"docs/{path.relative_to(config.docs_dir).as_posix()}"
    return [f"{source}: {problem}" for problem in
            _known_problems({"authors": authors}, {"authors": {"*": AUTHOR_FIELDS}})]


def _known_problems(value, known, path: str = "") -> list[str]:
    """What is wrong with `value`, a setting at `path` whose known form is `known`."""
    if isinstance(known, dict) and isinstance(value, dict):
        problems = []
        for key, item in value.items():
            where = f"{path}{' ' if path.endswith(tuple('0123456789')) else '.' if path else ''}{key}"
            if key in known or "*" in known:
                problems += _known_problems(item, known.get(key, known.get("*")), where)
            else:
                problems.append(f"{where} is not a setting the site knows; remove it (settings "
                                "of Material's beyond the site's can load things from other sites).")
        return problems
    if isinstance(known, list) and isinstance(value, list):
        return [problem for number, item in enumerate(value, start=1)
                for problem in _known_problems(item, known[0], f"{path} item {number}")]
    found = known(value) if callable(known) and value is not None else None
    if known is not _html:
        found = found or next(filter(None, map(_markup, _strings(value))), None)
    return [f"{path} {found}"] if found else []


def _markup(text: str) -> str | None:
    if match := MARKUP.search(text):
        return (f"contains '{match[0]}', which pages would read as HTML; write plain text, "
                "without angle brackets.")


def _strings(value) -> list[str]:
    """Every text in `value`, however nested."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


def _is_https(value: object) -> bool:
    return bool(re.match(r"^https://[^\s/]+\.[^\s]+$", str(value or "")))
