"""Make the blog plugin's "is this page a post?" test constant-time.

Material's blog plugin asks `page not in self.blog.posts` for every page, twice: a
linear scan of a list, comparing pages field by field, so a site's build time grows
with the square of its number of posts. Replacing the list with one that answers
membership from a set of object ids keeps the same answers (the plugin tests its own
post objects) at a constant cost per page. `make bench` measures the gain.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files


class _PostList(list):
    """A list of posts whose `in` test is by identity, in constant time."""

    def __init__(self, posts) -> None:
        super().__init__(posts)
        self._ids = {id(post) for post in self}

    def __contains__(self, page) -> bool:
        return id(page) in self._ids


@event_priority(-60)  # right after the blog plugin has collected its posts (-50)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    blog = config.plugins.get("material/blog")
    if blog is not None and getattr(blog, "blog", None) is not None:
        blog.blog.posts = _PostList(blog.blog.posts)
    return files
