"""Check every page's front matter, and every blog post's fields, before anything is
built from them.

The author is not a developer: a file that is not UTF-8, front matter that is not valid
YAML (which MkDocs would otherwise print as page text), or a post's missing or mistyped
field stops the build with one line per problem, naming the file, the line where known
and the field, instead of a traceback or a page that silently lacks its date or author.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.utils.meta import YAML_RE

# libyaml's loader when PyYAML has it (several times faster), else the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Characters that are invisible and invalid in feeds (XML): all controls but tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # Runs before the blog plugin reads the posts (it does so as late as possible).
    posts = posts_dir(config)
    roles = _author_roles(config) if posts else {}
    problems = []
    for file in files.documentation_pages():
        path = Path(file.abs_src_path)
        if posts and file.src_uri.startswith(posts + "/"):
            found = post_problems(path, roles, config)
        else:
            found = [problem] if (problem := read_front_matter(path)[1]) else []
            if problem and "no front matter" in problem:
                found = []  # pages other than posts may have none
        problems += [f"  - docs/{file.src_uri}: {problem}" for problem in found]
    if problems:
        raise PluginError("Some pages need fixing before the site can be built:\n"
                          + "\n".join(problems))
    return files


# -----------------------------------------------------------------------------
# Checks
# -----------------------------------------------------------------------------


def post_problems(path: Path, roles: dict[str, str], config: MkDocsConfig) -> list[str]:
    """What is wrong with one post's front matter, each with what to do."""
    meta, problem = read_front_matter(path)
    if problem:
        return [problem]
    problems = []
    for field in ("title", "description"):
        if not isinstance(meta.get(field), str) or not meta[field].strip():
            problems.append(f"`{field}:` is missing; add it to the front matter.")
        elif control := _CONTROL.search(meta[field]):
            problems.append(f"`{field}:` contains an invisible control character "
                            f"(U+{ord(control[0]):04X}); retype the text without it.")
    problems += _date_problems(meta)
    problems += _author_problems(meta, roles)
    problems += _review_problems(meta)
    problems += _source_problems(meta)
    categories = meta.get("categories")
    allowed = _allowed_categories(config)
    if not isinstance(categories, list) or not categories:
        problems.append("`categories:` is missing; list one category.")
    elif allowed:
        problems += [f"`categories:` '{c}' is not one of: {', '.join(allowed)}."
                     for c in categories if c not in allowed]
    return problems


def read_front_matter(path: Path) -> tuple[dict, str | None]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return {}, "the file is not UTF-8 text; save it as UTF-8."
    match = YAML_RE.match(text)
    if not match:
        return {}, "no front matter; start the file with the block between `---` lines."
    try:
        meta = yaml.load(match.group(1), Loader=_SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        reason = getattr(error, "problem", None) or "it is not valid YAML"
        return {}, f"the front matter is not valid{where}: {reason}. Check its colons, quotes and indentation."
    if not isinstance(meta, dict):
        return {}, "the front matter must be `key: value` lines."
    return meta, None


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _date_problems(meta: dict) -> list[str]:
    dates = meta.get("date")
    if dates is None:
        return ["`date:` is missing; add `date:` with `created: YYYY-MM-DD` under it."]
    if not isinstance(dates, dict):
        dates = {"created": dates}
    problems = []
    for key in ("created", "updated"):
        value = dates.get(key)
        if value is None and key == "created":
            problems.append("`date.created` is missing; add `created: YYYY-MM-DD` under `date:`.")
        elif value is not None and not isinstance(value, dt.date):
            problems.append(f"`date.{key}` is '{value}', not a date; write it as YYYY-MM-DD.")
    return problems


def _author_problems(meta: dict, roles: dict[str, str]) -> list[str]:
    authors = meta.get("authors")
    if not isinstance(authors, list) or not authors:
        return ["`authors:` is missing; list the author's key, e.g. `- fede`."]
    problems = []
    for key in authors:
        if key not in roles:
            problems.append(f"author '{key}' is not in docs/blog/.authors.yml; use one of: "
                            f"{', '.join(sorted(roles)) or '(none yet)'}, or add it there.")
        elif not roles[key]:
            problems.append(f"author '{key}' has no `role:` in docs/blog/.authors.yml; add one.")
    return problems


def _review_problems(meta: dict) -> list[str]:
    problems = []
    reviewed = meta.get("last_reviewed")
    if reviewed is None:
        problems.append("`last_reviewed:` is missing; add the date you last reread and "
                        "confirmed the article (YYYY-MM-DD).")
    elif not isinstance(reviewed, dt.date):
        problems.append(f"`last_reviewed:` is '{reviewed}', not a date; write it as YYYY-MM-DD.")
    next_review = meta.get("next_review")
    if next_review is not None and not isinstance(next_review, dt.date):
        problems.append(f"`next_review:` is '{next_review}', not a date; write it as YYYY-MM-DD.")
    reviewer = meta.get("medical_reviewer")
    if reviewer is not None and not (
        isinstance(reviewer, dict) and str(reviewer.get("name") or "").strip()
        and str(reviewer.get("credentials") or "").strip()
    ):
        problems.append("`medical_reviewer:` needs both `name:` and `credentials:` under it.")
    return problems


def _source_problems(meta: dict) -> list[str]:
    sources = meta.get("sources")
    if sources is None:
        return []
    if not isinstance(sources, list):
        return ["`sources:` must be a list of items with `title:` and `url:` or `citation:`."]
    problems = []
    for number, source in enumerate(sources, start=1):
        if not isinstance(source, dict) or not str(source.get("title") or "").strip():
            problems.append(f"`sources:` item {number} needs a `title:`.")
        elif not (source.get("url") or source.get("citation")):
            problems.append(f"`sources:` item {number} needs a `url:` or a `citation:`.")
        elif source.get("url") and not str(source["url"]).startswith("https://"):
            problems.append(f"`sources:` item {number}: the url must start with https://.")
    return problems


def posts_dir(config: MkDocsConfig) -> str | None:
    """Where the blog's posts are, relative to docs/ (also used by hooks/reviews.py)."""
    blog = config.plugins.get("material/blog")
    if blog is None:
        return None
    return blog.config.post_dir.format(blog=blog.config.blog_dir)


def _allowed_categories(config: MkDocsConfig) -> list[str]:
    blog = config.plugins.get("material/blog")
    return list(blog.config.categories_allowed) if blog else []


def _author_roles(config: MkDocsConfig) -> dict[str, str]:
    blog = config.plugins["material/blog"]
    path = Path(config.docs_dir) / blog.config.authors_file.format(blog=blog.config.blog_dir)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return {}
    except yaml.YAMLError as error:
        raise PluginError(f"docs/{path.relative_to(config.docs_dir)} is not valid YAML: {error}") from None
    authors = data.get("authors") or {}
    return {key: str((value or {}).get("role") or "").strip() for key, value in authors.items()}
