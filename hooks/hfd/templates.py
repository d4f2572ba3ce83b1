"""The template each page is drawn with, and the site's own redirect pages.

An author's page may name in its front matter (`template:`) one of the site's page
templates (page_templates): Material's (MATERIAL_PAGE_TEMPLATES) and the site's own in
overrides/, but never one of NOT_FOR_PAGES. The pages that send readers on are the
site's own: hooks/search_engines.py writes one for each old address in
`extra.redirects` (and each post's former address), drawn with REDIRECT_TEMPLATE, and
records it in `redirect_pages`; hooks/privacy.py refuses any other page that sends
readers elsewhere. So no page an author writes is a redirect (to another site or not),
and no page names a template the theme lacks (that would end in a traceback).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

REDIRECT_TEMPLATE = "redirect-page.html"
# Material's templates an author's page may be drawn with; the site's own are the .html
# files at the top of overrides/. Those of its blog only draw the blog's own pages (a
# post, with the blog's data): on any other page they would end in a traceback.
MATERIAL_PAGE_TEMPLATES = ("main.html", "blog.html", "blog-post.html")
BLOG_TEMPLATES = ("blog.html", "blog-post.html")
# The site's templates that are not for an author's page: its redirect pages, its 404 page.
NOT_FOR_PAGES = (REDIRECT_TEMPLATE, "404.html")

# {the page written at an old address: the address it leads to}, site-relative, e.g.
# {"post/old/index.html": "blog/new/"}; filled by hooks/search_engines.py each build.
redirect_pages: dict[str, str] = {}


def page_templates(config: MkDocsConfig) -> list[str]:
    own = [path.name for path in Path(config.theme.custom_dir).glob("*.html")] if config.theme.custom_dir else []
    return sorted((set(MATERIAL_PAGE_TEMPLATES) | set(own)) - set(NOT_FOR_PAGES))


def template_problems(meta: dict, config: MkDocsConfig, *, post: bool) -> list[str]:
    """What is wrong with a page's (or, with `post`, a post's) `template:` and `redirect_to:`."""
    problems = []
    if "redirect_to" in meta:
        problems.append("`redirect_to:` is for the site's own pages at old addresses; remove it. To "
                        "send readers from an old address to a page, add a line under `redirects:` "
                        "in mkdocs.yml (extra), e.g. `post/old-article.md: blog/posts/new-article.md`.")
    allowed = [name for name in page_templates(config) if post or name not in BLOG_TEMPLATES]
    if not post and meta.get("template") in BLOG_TEMPLATES:
        return problems + [f"`template:` '{meta['template']}' draws the blog's articles, not a page; use one "
                           f"of {', '.join(allowed)}, or remove the line."]
    if "template" not in meta or meta["template"] in allowed:
        return problems
    template = str(meta["template"])
    choices = f"use one of {', '.join(allowed)}, or remove the line"
    if not any((Path(folder) / template).is_file() for folder in config.theme.dirs):
        problems.append(f"`template:` '{template}' is no template of the site (none in overrides/ "
                        f"or in Material); {choices}.")
    else:
        problems.append(f"`template:` '{template}' is not a template for an author's page (old "
                        f"addresses are set in mkdocs.yml, extra.redirects); {choices}.")
    return problems
