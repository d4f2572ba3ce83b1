"""The template each page is drawn with, and the site's own redirect pages.

An author's page may name one of PAGE_TEMPLATES in its front matter (`template:`).
The pages that send readers on are the site's own: hooks/search_engines.py writes one
for each old address in `extra.redirects` (and each post's former address), drawn with
REDIRECT_TEMPLATE, and records it in `redirect_pages`; hooks/privacy.py refuses any
other page that sends readers elsewhere. So no page an author writes is a redirect
(to another site or not), and no page names a template the theme lacks (a traceback).
"""

from __future__ import annotations

from pathlib import Path

# The templates a page's `template:` may name (overrides/ and Material's): the home
# page's, the articles page's, and those Material's blog draws its pages with.
PAGE_TEMPLATES = ("main.html", "home.html", "blog-index.html", "blog.html", "blog-post.html")
REDIRECT_TEMPLATE = "redirect-page.html"

# {the page written at an old address: the address it leads to}, site-relative, e.g.
# {"post/old/index.html": "blog/new/"}; filled by hooks/search_engines.py each build.
redirect_pages: dict[str, str] = {}


def template_problems(meta: dict, theme_dirs: list[str]) -> list[str]:
    """What is wrong with a page's `template:` and `redirect_to:` (the author's page)."""
    problems = []
    if "redirect_to" in meta:
        problems.append("`redirect_to:` is for the site's own pages at old addresses; remove it. To "
                        "send readers from an old address to a page, add a line under `redirects:` "
                        "in mkdocs.yml (extra), e.g. `post/old-article.md: blog/posts/new-article.md`.")
    if "template" not in meta or meta["template"] in PAGE_TEMPLATES:
        return problems
    template = str(meta["template"])
    choices = f"use one of {', '.join(PAGE_TEMPLATES)}, or remove the line"
    if not any((Path(folder) / template).is_file() for folder in theme_dirs):
        problems.append(f"`template:` '{template}' is no template of the site (none in overrides/ "
                        f"or in Material); {choices}.")
    else:
        problems.append(f"`template:` '{template}' is not a template for an author's page (old "
                        f"addresses are set in mkdocs.yml, extra.redirects); {choices}.")
    return problems
