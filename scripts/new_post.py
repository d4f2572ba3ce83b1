"""`make new-post TITLE="..."`: start a new article with complete front matter.

The author's tool: it writes docs/blog/posts/<slug>.md as a draft, dated today where
the practice is, with every field the build's checks ask for, and never overwrites an
existing file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

ROOT = Path.cwd()
POSTS = ROOT / "docs" / "blog" / "posts"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))  # `hfd.*`

MAX_SLUG = 80  # a file name the author can read, well within every system's limit
TEMPLATE = """---
title: {title}
description: >-
  One or two sentences that say what the article is about (search engines and feed
  readers show them).
slug: {slug}
date:
  created: {today}
last_reviewed: {today}
authors:
  - fede
categories:
  - Understanding dystonia
# Remove this line to publish the article.
draft: true
---

# {title}

The first paragraph or two: the teaser on the articles page.

<!-- more -->

The rest of the article.
"""


def site_today() -> dt.date:
    """Today where the practice is (extra.time_zone in mkdocs.yml)."""
    from hfd.settings import plain_settings
    from hfd.site_time import site_zone, today

    return today(site_zone(plain_settings(ROOT / "mkdocs.yml").get("extra") or {}))


def slugify(title: str) -> str:
    """The title's address, written into the post as its `slug:`: as the build makes one
    (hfd.slugs: its letters in plain ASCII, then Material's rule), one hyphen between
    words, at most MAX_SLUG characters, cut between words; "" if the title has no letter
    or digit."""
    from hfd.slugs import FALLBACK, post_slug

    slug = re.sub(r"-{2,}", "-", post_slug(title, "-"))
    if slug == FALLBACK and not any(char.isalnum() for char in title):
        return ""
    return slug if len(slug) <= MAX_SLUG else slug[:MAX_SLUG + 1].rsplit("-", 1)[0].strip("-")


def main(argv: list[str]) -> int:
    title = (" ".join(argv) or os.environ.get("TITLE", "")).strip()
    if not title:
        print('Give the article a title: make new-post TITLE="What helps with neck spasms"')
        return 2
    slug = slugify(title)
    if not slug:
        print(f"The title '{title}' has no letters or digits to make an address from; "
              "add some to the title.")
        return 2
    path = POSTS / f"{slug}.md"
    if path.exists():
        print(f"docs/blog/posts/{slug}.md already exists; it was not changed. Choose another title.")
        return 1
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    path.write_text(TEMPLATE.format(title=quoted, slug=slug, today=site_today().isoformat())
                    .replace(f"# {quoted}", f"# {title}"), encoding="utf-8")
    print(f"Created docs/blog/posts/{slug}.md (a draft). Preview it with `make serve`.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
