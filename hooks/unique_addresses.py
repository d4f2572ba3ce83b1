"""No two pages may be written to the same address (two posts with the same slug, say):
one would silently replace the other. The build stops, naming both files."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation


@event_priority(-100)  # after the blog plugin has given the posts their addresses
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    seen: dict[str, str] = {}
    problems = []
    for file in files.documentation_pages():
        if file.dest_uri in seen:
            problems.append(f"  - docs/{seen[file.dest_uri]} and docs/{file.src_uri} would both "
                            f"be /{file.url}; give one of them another `slug:` or file name.")
        else:
            seen[file.dest_uri] = file.src_uri
    if problems:
        raise PluginError("Two pages would have the same address:\n" + "\n".join(problems))
    return nav
