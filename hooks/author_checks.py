"""What the author writes is checked before anything is built from it.

The author is not a developer: each problem stops the build with one line naming the
file (or the setting), the field, what is wrong and an example of what is right,
instead of a traceback or a page that silently lacks its date, author or picture.

Steps, in build order:
1. on_config: the settings (mkdocs.yml, docs/blog/.authors.yml) are ones the site
   knows, their text holds no markup, and the files and links they name are safe
   (hfd.settings).
2. on_files, before the blog plugin reads the posts: every page's front matter, and
   every post's fields (hfd.front_matter); a page's `template:` is one for pages, and
   none is a redirect (hfd.templates).
3. on_nav, once the blog plugin has given posts their addresses: no two pages at one
   address.
4. on_page_content, on the page as the author wrote it: only the HTML the site's
   Markdown writes (hfd.allowed_html); every image described; every article figure
   credited (hfd.content_checks).
5. on_post_build, last: a reminder for each article overdue for review (hfd.reviews);
   a warning, never a failure.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hfd.author_warnings import author_warnings
from hfd.blog import is_post
from hfd.content_checks import footnote_problems, heading_problems, image_problems, unsafe_problems
from hfd.front_matter import author_roles, page_problems, post_problems, read_front_matter
from hfd.reviews import reviews, site_today
from hfd.settings import settings_problems
from hfd.templates import template_problems

_command = {"name": "build"}
log = author_warnings("author")  # reminders that must not stop a strict build

# -----------------------------------------------------------------------------
# Hooks, in the order they run
# -----------------------------------------------------------------------------


@event_priority(10)
def on_startup(*, command: str, dirty: bool) -> None:
    _command["name"] = command


@event_priority(90)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problems = settings_problems(config, _command["name"])
    if problems:
        raise PluginError("Settings need fixing:\n"
                          + "\n".join(f"  - {p}" for p in problems))
    return config


@event_priority(10)  # before publishing (0) and the blog plugin (-50) read the posts
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    roles = author_roles(config) if config.plugins.get("material/blog") else {}
    problems = []
    for file in files.documentation_pages():
        path = Path(file.abs_src_path)
        post = is_post(file, config)
        found = post_problems(path, roles, config) if post else page_problems(path)
        found += template_problems(read_front_matter(path)[0], config, post=post)
        problems += [f"  - docs/{file.src_uri}: {problem}" for problem in found]
    if problems:
        raise PluginError("Some pages need fixing before the site can be built:\n"
                          + "\n".join(problems))
    return files


@event_priority(-100)  # after the blog plugin has given the posts their addresses (-50)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    seen: dict[str, File] = {}
    problems = []
    for file in files.documentation_pages():
        if file.dest_uri in seen:
            other = seen[file.dest_uri]
            fix = ("give one of them its own `slug:` (without one, a post's address comes from "
                   "its title, with accents made plain)"
                   if is_post(other, config) and is_post(file, config)
                   else "give one of them another `slug:` or file name")
            problems.append(f"  - docs/{other.src_uri} and docs/{file.src_uri} would both "
                            f"be /{file.url}; {fix}.")
        else:
            seen[file.dest_uri] = file
    if problems:
        raise PluginError("Two pages would have the same address:\n" + "\n".join(problems))
    return nav


@event_priority(90)  # on the HTML as written, before the build's own additions (pictures, videos)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    if page.file.generated_by:
        return  # written by the site itself (redirect pages), not by the author
    source = f"docs/{page.file.src_uri}"
    problems, warnings = unsafe_problems(html, source)
    for warning in warnings:
        log.warning(warning)
    if problems:
        raise PluginError("HTML the site does not allow:\n" + "\n".join(problems))
    article = getattr(page, "authors", None) is not None
    problems = image_problems(html, source, article=article)
    if problems:
        raise PluginError("Images need a description and a credit:\n" + "\n".join(problems))
    problems = heading_problems(html, source, str(page.meta.get("title") or "") if article else None)
    if problems:
        raise PluginError("Headings need fixing:\n" + "\n".join(problems))
    problems = footnote_problems(html, source)
    if problems:
        raise PluginError("Footnotes need fixing:\n" + "\n".join(problems))


@event_priority(-300)  # after everything else: the last lines the author sees
def on_post_build(config: MkDocsConfig) -> None:
    today = site_today(config)
    for review in reviews(config):
        if review.status(today) == "overdue":
            log.warning(
                f"Review due: docs/{review.source} was last reviewed on "
                f"{review.last_reviewed}; it was due on {review.due}. Reread it, then set "
                "`last_reviewed:` to today's date."
            )
