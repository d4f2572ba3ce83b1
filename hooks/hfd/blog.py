"""The blog's posts as this site sees them: where they are, their address, and whether
they are published. Used by the build hooks and by the tests, one implementation."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from hfd.site_time import local_datetime, post_dates


def posts_dir(config: MkDocsConfig) -> str | None:
    """Where the blog's posts are, relative to docs/."""
    blog = config.plugins.get("material/blog")
    if blog is None:
        return None
    return blog.config.post_dir.format(blog=blog.config.blog_dir)


_FENCE = re.compile(r"^(```|~~~)")


def has_title_line(markdown: str) -> bool:
    """Whether `markdown` has a "# " heading (outside fenced code)."""
    fenced = False
    for line in markdown.splitlines():
        if _FENCE.match(line.lstrip()):
            fenced = not fenced
        elif not fenced and re.match(r"#[ \t]", line):
            return True
    return False


def escape_markdown(text: str) -> str:
    """`text` as plain words in Markdown: the characters it reads as markup (emphasis,
    links, attribute lists, strike-through) backslash-escaped. ("<" needs none: a title
    holding HTML is refused.)"""
    return re.sub(r"([\\`*_{}\[\]()>#+!~-])", r"\\\1", text)


def is_post(file: File, config: MkDocsConfig) -> bool:
    folder = posts_dir(config)
    return bool(folder) and file.src_uri.startswith(folder + "/") and file.src_uri.endswith(".md")


def post_address(file: File, config: MkDocsConfig) -> str:
    """The address the blog plugin gives the post, e.g. "blog/my-post/", computed by the
    plugin itself (if its internals change, the tests that open each post's page at this
    address fail, e.g. tests/test_search_engines.py)."""
    from material.plugins.blog.structure import Post

    blog = config.plugins["material/blog"]
    path = blog._format_path_for_post(Post(file, config), config)
    return File(path, "", "", config.use_directory_urls).url


def former_addresses(config: MkDocsConfig) -> dict[str, str]:
    """{former address as a Markdown file name: the post's file}, e.g.
    {"blog/distonía.md": "blog/posts/distonia.md"}: where Material's own slugify put
    each post without `slug:` whose title has letters beyond ASCII, before hfd.slugs
    made addresses plain. Once the blog plugin has read the posts (on_files, -50)."""
    from material.plugins.blog.structure import Post

    from hfd.slugs import material_slugify, post_slug

    blog = config.plugins.get("material/blog")
    if blog is None or not blog.config.enabled or blog.config.post_slugify is not post_slug:
        return {}
    separator = blog.config.post_slugify_separator
    former = {}
    for post in blog.blog.posts:
        old = material_slugify(post.title, separator)
        if post.config.slug or not old or old == post_slug(post.title, separator):
            continue
        # A Post of its own File: the plugin's post and its file stay untouched.
        copy = Post(File(post.file.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls),
                    config)
        copy.config.slug = old
        former[blog._format_path_for_post(copy, config)] = post.file.src_uri
    return former


def unpublished_reason(meta: dict, zone, moment) -> str | None:
    """Why a post with this front matter is not published at `moment`, or None."""
    if meta.get("draft") is True:
        return "a draft: `draft: true`"
    created = local_datetime(post_dates(meta)[0], zone)
    if created is not None and created > moment:
        return f"scheduled: dated {created.date().isoformat()}, after today"
    return None
