"""Fast builds: the theme's files are listed without the folders MkDocs never copies.

On every build (and every rebuild of `make serve`), MkDocs lists each file of the
theme's folders to find what to copy into the site (Material's stylesheets, scripts,
fonts of icons), then drops every name it never copies, among them any under a folder
or file whose name begins with a dot (`.*`, `*/.*`). Material keeps its 14,000 icons in
templates/.icons/: listing and then dropping them was 0.2 s of a build. Here the list
skips such names as the folders are walked, so MkDocs keeps the same files, sooner.
Templates are still found by name, `.icons/...` included: only the listing changes.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


class ThemeFolders(jinja2.FileSystemLoader):
    """Jinja's loader of the theme's folders, whose list of files leaves out the names
    MkDocs drops for beginning with a dot (mkdocs/structure/files.py,
    add_files_from_theme), without walking through them."""

    def list_templates(self) -> list[str]:
        found = set()
        for root in self.searchpath:
            for folder, subfolders, files in os.walk(root, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                found.update(Path(folder, name).relative_to(root).as_posix()
                             for name in files if not name.startswith("."))
        return sorted(found)


def _listing_without_dot_folders(get_env):
    def get_env_listing_without_dot_folders() -> jinja2.Environment:
        environment = get_env()
        loader = environment.loader
        if type(loader) is jinja2.FileSystemLoader:  # as MkDocs 1.6 and ProperDocs make it
            environment.loader = ThemeFolders(loader.searchpath, loader.encoding, loader.followlinks)
        return environment
    return get_env_listing_without_dot_folders


@event_priority(105)  # any time before the build lists the theme's files (after on_pre_build)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.theme.get_env = _listing_without_dot_folders(config.theme.get_env)
    return config
