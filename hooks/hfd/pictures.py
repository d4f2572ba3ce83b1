"""The pictures the site publishes, with the size they are published at, by address.

Filled by hooks/images.py when it prepares the files; read when pages are written
(width and height, the WebP copy) and for the picture shown when a page is shared.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Picture:
    width: int
    height: int
    webp_url: str | None = None  # the site-relative address of its WebP copy


published: dict[str, Picture] = {}  # by the site-relative address of the published file


def published_picture(url: str) -> Picture | None:
    return published.get(url)
