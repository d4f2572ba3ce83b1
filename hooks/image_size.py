"""Images stay small enough for readers on phones: one over the limit stops the build.

The limit is extra.max_image_kb in mkdocs.yml (1024 KB by default).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
DEFAULT_LIMIT_KB = 1024


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    limit_kb = int(config.extra.get("max_image_kb", DEFAULT_LIMIT_KB))
    problems = []
    for file in files.media_files():
        if file.src_uri.lower().endswith(IMAGE_SUFFIXES) and file.abs_src_path:
            size_kb = Path(file.abs_src_path).stat().st_size / 1024
            if size_kb > limit_kb:
                problems.append(f"  - docs/{file.src_uri} is {size_kb:,.0f} KB (the limit is "
                                f"{limit_kb:,} KB). {_hint(file.src_uri)}")
    if problems:
        raise PluginError("Images too large for readers on phones:\n" + "\n".join(problems))
    return files


def _hint(name: str) -> str:
    if name.lower().endswith(".svg"):
        return "Simplify the drawing, or optimise it (for example with svgo or SVGOMG)."
    return ("Resize it to at most 1600 pixels wide and save it as JPEG at quality 80 "
            "(or WebP), for example with squoosh.app or your photo editor's 'export'.")
