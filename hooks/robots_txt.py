"""Write robots.txt: everything may be indexed; the sitemap's address from site_url."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def on_post_build(config: MkDocsConfig) -> None:
    sitemap = (config.site_url or "/").rstrip("/") + "/sitemap.xml"
    (Path(config.site_dir) / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n", encoding="utf-8"
    )
