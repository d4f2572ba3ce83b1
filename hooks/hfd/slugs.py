"""A post's address from its title, in plain ASCII: "Distonía cervical: primeros pasos"
is at /blog/distonia-cervical-primeros-pasos/, as other blog systems write it.

Material's blog plugin slugifies titles keeping their letters as they are (accents,
Greek, Chinese...), which gives addresses readers cannot type and that show
percent-encoded when shared. `post_slug` makes the title's letters plain ASCII
(anyascii) and then applies Material's own default, unchanged: a title that is
already ASCII keeps exactly the address it always had. hooks/blog.py hands it to the
blog plugin (`post_slugify`); an explicit `slug:` in a post still wins, as ever.
"""

from __future__ import annotations

import unicodedata

from anyascii import anyascii

# The address of a post whose title has no letter or digit (only emoji or punctuation):
# two such posts would share it, and the build then stops, asking for a `slug:`.
FALLBACK = "post"


def material_slugify(title: str, separator: str) -> str:
    """What Material's blog plugin makes of a title by default (its `post_slugify`)."""
    from material.plugins.blog.config import BlogConfig

    return BlogConfig.post_slugify.default(title, separator)


def plain(title: str) -> str:
    """The title with its letters, digits and spaces in plain ASCII ("í" "i", "ß" "ss",
    "Ж" "Zh", "北京" "BeiJing", a no-break space a space). Punctuation and symbols
    (emoji, "€", "—") are left as they are: Material's slugify drops them, as it
    always has."""
    return "".join(
        anyascii(char) if not char.isascii() and unicodedata.category(char)[0] in "LMNZ" else char
        for char in unicodedata.normalize("NFC", title)
    )


def post_slug(title: str, separator: str) -> str:
    """The blog plugin's `post_slugify`: Material's default of the title made plain, or
    FALLBACK when that has no letter or digit ("" or hyphens: a title of only emoji or
    punctuation; no ASCII title with a letter or digit gets it)."""
    slug = material_slugify(plain(title), separator)
    return slug if any(char.isalnum() for char in slug) else FALLBACK


def is_default(slugify) -> bool:
    """Whether the blog plugin's `post_slugify` is Material's default (mkdocs.yml names
    none of its own)."""
    from material.plugins.blog.config import BlogConfig

    return slugify is BlogConfig.post_slugify.default
