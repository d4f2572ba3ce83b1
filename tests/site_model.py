"""What a project's sources say its site holds, found at test time: its posts, their
addresses and whether they are published, and the disclaimer. Computed by the build's
own functions (hooks/hfd), from a configuration loaded as the build loads it."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from unittest import mock
from urllib.parse import unquote


@dataclass(frozen=True)
class SourcePost:
    source: str            # path under docs/, e.g. "blog/posts/my-post.md"
    meta: dict             # its front matter, as written
    address: str           # its address on the site, e.g. "blog/my-post/" (decoded: no %XX)
    unpublished: str | None  # why it is not published, or None

    @property
    def published(self) -> bool:
        return self.unpublished is None

    @property
    def page(self) -> str:
        """The file the build writes for it, under site/."""
        return self.address + "index.html"

    @property
    def title(self) -> str:
        return str(self.meta["title"])

    def dates(self, zone) -> tuple[dt.datetime, dt.datetime]:
        """(created, updated) as aware date-times in the site's time zone."""
        from hfd.site_time import local_datetime, post_dates

        created, updated = (local_datetime(value, zone) for value in post_dates(self.meta))
        return created, updated or created


@dataclass(frozen=True)
class SourceSite:
    project: Path
    config: object  # the loaded MkDocsConfig
    posts: tuple[SourcePost, ...]
    moment: dt.datetime  # the "now" the build was run at

    @property
    def zone(self):
        from hfd.site_time import site_zone

        return site_zone(self.config.extra)

    @property
    def published_posts(self) -> list[SourcePost]:
        """Published posts, newest first (as the blog lists them)."""
        published = [post for post in self.posts if post.published]
        return sorted(published, key=lambda post: post.dates(self.zone)[0], reverse=True)

    @property
    def unpublished_posts(self) -> list[SourcePost]:
        return [post for post in self.posts if not post.published]

    @property
    def disclaimer(self) -> str:
        return self.config.extra["disclaimer"]["text"]

    @property
    def site_url(self) -> str:
        return self.config.site_url


@lru_cache(maxsize=None)
def source_site(project: Path, moment_iso: str) -> SourceSite:
    """The posts and settings of `project`, judged at `moment_iso` (as HFD_NOW)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import File

    from hfd.blog import is_post, post_address, unpublished_reason
    from hfd.front_matter import read_front_matter
    from hfd.site_time import now, site_zone

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    # The blog plugin resolves docs/ from the working directory.
    with contextlib.chdir(project), mock.patch.dict(os.environ, {"HFD_NOW": moment_iso}):
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        zone = site_zone(config.extra)
        moment = now(zone)
        posts = []
        docs = Path(config.docs_dir)
        for path in sorted(docs.rglob("*.md")):
            file = File(path.relative_to(docs).as_posix(), str(docs), config.site_dir,
                        config.use_directory_urls)
            if not is_post(file, config):
                continue
            meta, problem = read_front_matter(path)
            assert problem is None, f"{file.src_uri}: {problem}"
            posts.append(SourcePost(file.src_uri, meta, unquote(post_address(file, config)),
                                    unpublished_reason(meta, zone, moment)))
        # No on_shutdown: MkDocs keeps plugin instances between loaded configurations
        # (for `mkdocs serve`), and the blog plugin's would delete its working folder.
    return SourceSite(project, config, tuple(posts), moment)
