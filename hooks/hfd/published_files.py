"""Every file the site publishes is of a kind the build knows how to check.

PUBLISHED_KINDS is the one list: each kind of file by its extension, where docs/ may
hold it, and (in its comment) what checks it. A file of any other kind stops the
build, naming it: a .htm or .xhtml page would escape the checks every page gets (the
disclaimer, the call-to-action, the site's scripts only), an .xml file from docs/
could carry a script the browser runs. Every drawing (.svg) is checked by hfd.drawings,
every stylesheet (.css) fetches only the site's own files (hfd.css_fetches).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from hfd.css_fetches import fetched_from_elsewhere
from hfd.drawings import drawing_problems

# Each kind of file the site publishes, by extension, and where docs/ may hold it:
# "" anywhere, a folder, or None (only the theme or the build writes it).
PUBLISHED_KINDS = {
    ".md": "",                       # pages, written as .html
    ".html": None,                   # pages: the disclaimer, the call-to-action, only the site's scripts
    ".jpg": "", ".jpeg": "", ".png": "", ".webp": "",  # photos: read and re-encoded (hooks/pictures.py)
    ".heic": "", ".heif": "",        # iPhone photos: published as JPEG (hooks/pictures.py)
    ".gif": "", ".avif": "",         # other pictures: size-checked, served as pictures, never run
    ".svg": "",                      # drawings: SVG elements and attributes of hfd.drawings only
    ".css": "assets/stylesheets/",   # joined into one stylesheet (hooks/page_weight.py); own files only
    ".js": "assets/javascripts/",    # the only scripts pages may load (hfd.page_scripts)
    ".map": None,                    # the theme's source maps (data)
    ".json": None,                   # the search index, the JSON feeds (data)
    ".xml": None,                    # the sitemap, the RSS feeds
    ".xsl": None,                    # the RSS plugin's stylesheet for reading a feed in a browser
    ".gz": None,                     # sitemap.xml.gz
    ".txt": None,                    # robots.txt
    ".woff2": None,                  # the editor's fonts, from npm (hfd.editor); reader pages load none
}
# Files without an extension, by name: the hosts' headers (hfd.hosting); GitHub Pages' domain.
PUBLISHED_NAMES = {"_headers": None, "CNAME": ""}
_MATERIAL = Path(material.__file__).resolve().parent
PICTURES = tuple(kind for kind, folder in PUBLISHED_KINDS.items() if folder == "" and kind != ".md")


def files_problems(files: Files, config: MkDocsConfig) -> list[str]:
    """A line for each file MkDocs is to publish (docs/, the theme, what hooks add)
    that is of no kind the site publishes, or is a drawing that is more than one."""
    docs = Path(config.docs_dir).resolve()
    problems = []
    for file in files:
        if file.inclusion.is_excluded():
            continue
        from_docs = bool(not file.generated_by and file.abs_src_path
                         and Path(file.abs_src_path).resolve().is_relative_to(docs))
        name = f"docs/{file.src_uri}" if from_docs else f"{file.dest_uri} (from the theme or the build)"
        problem = kind_problem(file.src_uri if from_docs else file.dest_uri, from_docs=from_docs)
        if problem is None and file.src_uri.lower().endswith(".svg"):
            problem = _drawing_problem(file)
        if problem is None and file.src_uri.lower().endswith(".css") and not _from_material(file):
            problem = _stylesheet_problem(file)
        if problem:
            problems.append(f"  - {name}: {problem}")
    return problems


def site_problems(site: Path) -> list[str]:
    """A line for each file under site/ of no kind the site publishes (once everything is
    written: the feeds, the search index, what hooks write)."""
    return [f"  - site/{path}: {problem}" for path in sorted(
                path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
            if (problem := kind_problem(path, from_docs=False))]


def kind_problem(path: str, *, from_docs: bool) -> str | None:
    """What is wrong with publishing `path` (from docs/, or written by the theme or the
    build), or None."""
    name = PurePosixPath(path).name
    suffix = PurePosixPath(path).suffix.lower()
    kinds = PUBLISHED_NAMES if name in PUBLISHED_NAMES else PUBLISHED_KINDS
    key = name if name in PUBLISHED_NAMES else suffix
    if key not in kinds:
        return (f"a '{suffix or name}' file is not a kind of file the site publishes; a page is "
                f"written in Markdown (.md), a picture is {', '.join(PICTURES)}: convert it or remove it"
                + ("" if from_docs else " (or add its kind to PUBLISHED_KINDS, hooks/hfd/published_files.py)"))
    if key == ".md" and PurePosixPath(path).suffix != ".md":  # MkDocs reads only ".md" as a page:
        return (f"a page's name ends in '.md', in small letters; rename it to "  # the rest it publishes as is
                f"{PurePosixPath(path).stem}.md")
    folder = kinds[key]
    if from_docs and folder is None:
        return (f"a '{key}' file is written by the build, never taken from docs/; write a page in "
                "Markdown (.md), or remove the file")
    if from_docs and not path.startswith(folder):
        return f"a '{key}' file is published from docs/{folder} only; move it there, or remove it"
    return None


def _from_material(file: File) -> bool:
    # Material's own stylesheets are those of its pinned release, read by the tests
    # (test_privacy.py); reading them in every build would cost 0.1 s.
    return bool(file.abs_src_path) and Path(file.abs_src_path).resolve().is_relative_to(_MATERIAL)


def _stylesheet_problem(file: File) -> str | None:
    elsewhere = fetched_from_elsewhere(file.content_string)
    if not elsewhere:
        return None
    return (f"the stylesheet loads {', '.join(repr(address[:60]) for address in elsewhere[:3])} from "
            "another site, which would learn who reads what: save the file under docs/assets/ and "
            "name it by its path there, or remove the rule")


def _drawing_problem(file: File) -> str | None:
    data = file.content_bytes
    problems = drawing_problems(data)
    if not problems:
        return None
    return (f"the drawing is more than a drawing: {'; '.join(problems[:3])}. Export it again "
            "as plain SVG (Inkscape: Save As, Plain SVG; or SVGOMG), or save it as PNG")
