"""The author's editor at /admin/: forms for articles and pages, no Git or YAML.

Steps, in build order:
1. on_files: no page or file of docs/ takes the editor's address (/admin/): the editor
   page is the one exception to the reader pages' promises, and only its own.
2. on_env, once every page is read: the published pages' titles, for the list its
   links to other pages are chosen from.
3. on_post_build, after the pages are written and before the privacy checks read them
   (-30): the editor's page, its configuration (hfd.post_fields: the same fields the
   build checks), its script from the pinned npm package, and rules.js for the site's
   own editor scripts: the writing aids and the preview's parts (hfd.editor). It is in no
   sitemap, feed, search index or navigation: MkDocs never sees it as a page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from hfd.editor import EDITOR_DIR, package_problems, write_editor
from hfd.publishing import THIS_BUILD

# The published pages written in docs/, {source: title}: found on_env, read on_post_build.
_pages: dict[str, str] = {}


@event_priority(-110)  # once every file to publish is known (redirect pages: -90)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    problems = [f"  - docs/{file.src_uri}: its address /{file.dest_uri} is the editor's (/{EDITOR_DIR}); "
                "rename the file or give it another `slug:`."
                for file in files if file.dest_uri.startswith(EDITOR_DIR) and not file.inclusion.is_excluded()]
    problems += [f"  - {problem}" for problem in package_problems(Path(config.config_file_path).parent)]
    if problems:
        raise PluginError("The editor (/admin/) cannot be built:\n" + "\n".join(problems))
    return files


@event_priority(-10)  # any time once the pages are read; after the blog's (0)
def on_env(env, *, config: MkDocsConfig, files: Files):
    _pages.clear()  # written in docs/: not the blog's lists, which it makes itself
    _pages.update({file.src_uri: file.page.title for file in files.documentation_pages()
                   if file.page and file.page.title and file.src_uri not in THIS_BUILD
                   and file.abs_src_path and Path(file.abs_src_path).is_relative_to(config.docs_dir)})
    return env


@event_priority(-25)  # after the pages (and redirect pages, -20), before the privacy checks (-30)
def on_post_build(config: MkDocsConfig) -> None:
    write_editor(config, _pages)
