"""Load the disclaimer from its one source, docs/disclaimer.md.

The footer partial, the feed hook and the disclaimer check all read it from
`config.extra.disclaimer`, so the legal text is written once.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from visible_text import visible_text

DISCLAIMER_SOURCE = "disclaimer.md"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    path = Path(config.docs_dir) / DISCLAIMER_SOURCE
    html = _render(_read(path))
    text = visible_text(html)
    if not text:
        raise PluginError(
            f"'{DISCLAIMER_SOURCE}' has no disclaimer text. Write the disclaimer "
            "paragraph below its front matter: every page and feed item shows it."
        )
    config.extra["disclaimer"] = {
        "html": html,
        "text": text,
        "page": _page_url(DISCLAIMER_SOURCE, config),
    }
    return config


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PluginError(
            f"'{DISCLAIMER_SOURCE}' is missing from {path.parent}: it holds the "
            "disclaimer that every page and feed item must show. Restore it."
        ) from None
    except UnicodeDecodeError:
        raise PluginError(
            f"'{DISCLAIMER_SOURCE}' is not UTF-8 text. Save it as UTF-8."
        ) from None


def _render(source: str) -> str:
    body, _meta = get_data(source)
    # Notes to the author (HTML comments) and the page's title are not the legal text.
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    body = re.sub(r"^\s*# .*$", "", body, count=1, flags=re.M)
    return markdown.markdown(body.strip())


def _page_url(src: str, config: MkDocsConfig) -> str:
    stem = src.removesuffix(".md")
    return f"{stem}/" if config.use_directory_urls else f"{stem}.html"
