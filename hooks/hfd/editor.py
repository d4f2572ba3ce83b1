"""The author's editor at /admin/: Sveltia CMS, from the pinned npm package.

Written by the build (hooks/editor.py): the page (EDITOR_PAGE), its configuration
(forms from hfd.post_fields), the editor's script, fonts and chunks, copied from
node_modules (package.json pins them; nothing from a CDN), and what the site's own two
editor scripts read (rules.js: the writing aids of hfd.writing_aids, and the preview's
parts as the built site shows them). The page is the one named
exception to the reader pages' promises (disclaimer, call-to-action, the site-wide
policy): only a file at EDITOR_PAGE whose bytes are exactly `editor_page()` is it, so
no other page, and no page an author writes at that address, can use it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from hfd import post_fields
from hfd.front_matter import author_roles, authors
from hfd.hosting import script_hashes, with_meta_policy
from hfd.writing_aids import aid_ids, aid_rules

EDITOR_DIR = "admin/"
EDITOR_PAGE = EDITOR_DIR + "index.html"
EDITOR_CONFIG = EDITOR_DIR + "config.json"
# Under the folder the site's pages may load scripts from (hfd.page_scripts.SCRIPT_FOLDER);
# a subfolder, so the stylesheet bundle (hooks/page_weight.py) does not read it.
EDITOR_SCRIPT = "assets/javascripts/editor/sveltia-cms.js"
PACKAGE_SCRIPT = "node_modules/@sveltia/cms/dist/sveltia-cms.js"
# The writing aids under the editor's Insert menu (hfd.writing_aids), and what the
# preview shows as the built site does: written by the build, for the site's two editor
# scripts (docs/assets/javascripts/editor/) to read.
COMPONENTS_SCRIPT = "assets/javascripts/editor/components.js"
EDITOR_RULES = "assets/javascripts/editor/rules.js"
# The preview in the site's look (docs/assets/javascripts/editor/preview.js). It is drawn
# with React, whose chunk the editor's script loads from beside itself, and needs
# Immutable.js, which the script asks of a CDN: the same file from npm (package-lock.json
# pins it), named in the page's import map instead. A script asking another version stops
# the build, as for the fonts.
PREVIEW_SCRIPT = "assets/javascripts/editor/preview.js"
EDITOR_CHUNKS = {"assets/javascripts/editor/chunks/react-dom.js": "node_modules/@sveltia/cms/dist/chunks/react-dom.js",
                 "assets/javascripts/editor/immutable.es.js": "node_modules/immutable/dist/immutable.es.js"}
IMPORT_MAP = json.dumps({"imports": {"https://unpkg.com/immutable@5.1.9/dist/immutable.es.js":
                                     "../assets/javascripts/editor/immutable.es.js"}})
# The editor's fonts, which its script asks of a CDN: the same files from npm (package.json
# pins them), served from /admin/fonts/. A script that no longer names one stops the build.
EDITOR_FONTS = {
    "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2":
        "node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2":
        "node_modules/@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2":
        "node_modules/@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2",
}
# The Git host's addresses the editor talks to (GitHub's API; avatars of the signed-in
# author); anything else it would fetch (map tiles, code highlighting, stock photos from
# unpkg.com and others) is refused by its policy.
GIT_HOST = ("https://api.github.com", "https://avatars.githubusercontent.com")
EDITOR_POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'", *script_hashes([IMPORT_MAP])],
    # The editor (Svelte) inserts its own <style> elements.
    "style-src": ["'self'", "'unsafe-inline'"],
    # blob: and data: are pictures chosen on the author's device, before they are saved.
    "img-src": ["'self'", "blob:", "data:", *GIT_HOST],
    "media-src": ["'self'", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", "blob:", "data:", *GIT_HOST],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
    # The preview is a page of its own (a blob: frame) whose addresses start at the site.
    "frame-src": ["blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
}


def editor_page() -> str:
    """The editor's page: its script and configuration, hidden from search engines."""
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n"
        "    <meta charset=\"utf-8\">\n"
        "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "    <meta name=\"robots\" content=\"noindex, nofollow\">\n"
        "    <meta name=\"referrer\" content=\"no-referrer\">\n"
        "    <title>Write: Hope for Dystonia</title>\n"
        "    <link rel=\"cms-config-url\" type=\"application/json\" href=\"config.json\">\n"
        f"    <script type=\"importmap\">{IMPORT_MAP}</script>\n"
        "</head>\n<body>\n"
        + "".join(f"    <script src=\"../{script}\"></script>\n"
                  for script in (EDITOR_SCRIPT, EDITOR_RULES, COMPONENTS_SCRIPT, PREVIEW_SCRIPT))
        + "</body>\n</html>\n"
    )


def is_editor_page(dest: str, html: str) -> bool:
    """Whether the page written to `dest` is the editor's, as written (before or after
    its policy is put in)."""
    return dest == EDITOR_PAGE and html in (editor_page(), with_meta_policy(editor_page(), EDITOR_POLICY))


def editor_config(config: MkDocsConfig) -> dict:
    """The editor's configuration (Decap's format, which Sveltia reads): the forms are
    hfd.post_fields, with the allowed values read where the build reads them."""
    choices = post_fields.choices(config, author_roles(config) if config.plugins.get("material/blog") else {})
    editor = config.extra.get("editor") or {}
    body = post_fields.form_field(post_fields.BODY, choices)
    return {
        # Sign-in with a personal access token only: "Sign In with GitHub" needs an OAuth
        # service the site does not run (AUTHORING.md, Netlify and Cloudflare).
        "backend": {"name": "github", "repo": editor.get("repo", ""), "branch": editor.get("branch", "main"),
                    "auth_methods": ["token"]},
        # review: true: a save is proposed as a pull request, to be published after review.
        "publish_mode": "editorial_workflow" if editor.get("review") else "simple",
        "media_folder": "docs/assets/images",
        # No stock photo services in the picture chooser: they are other sites (the policy
        # refuses them, and the build refuses a picture from another site). A photo's file
        # is renamed as addresses are ("Cuello mañana.jpg" is cuello-manana.jpg).
        "media_libraries": {"stock_assets": False, "default": {"config": {"slugify_filename": True}}},
        # File and folder names in plain ASCII, as the build gives a post's address.
        "slug": {"encoding": "ascii", "clean_accents": True},
        "public_folder": "/assets/images",
        "site_url": config.site_url or "",
        # An optional field left empty is left out, not written as '' (which the build refuses
        # for a date); lists indented as a hand-written post's.
        "output": {"omit_empty_optional_fields": True, "yaml": {"indent_sequences": True}},
        "collections": [
            {
                "name": "articles", "label": "Articles", "label_singular": "Article",
                "folder": "docs/blog/posts", "create": True, "extension": "md", "format": "yaml-frontmatter",
                "slug": "{{slug}}", "summary": "{{title}}",
                # Each article's pictures in its own folder; Markdown links relative to the post.
                "media_folder": "/docs/assets/images/articles/{{slug}}",
                "public_folder": "../../assets/images/articles/{{slug}}",
                "fields": [post_fields.form_field(item, choices) for item in post_fields.POST_FIELDS]
                + [{**body, "editor_components": aid_ids("articles")}],
            },
            {
                "name": "pages", "label": "Site pages", "label_singular": "Page",
                "format": "yaml-frontmatter",
                "files": [{"name": name, "label": name.replace("-", " ").capitalize(),
                           "file": f"docs/{name}.md",
                           "fields": [post_fields.form_field(item, choices) for item in post_fields.PAGE_FIELDS]
                           + [{**body, "default": "", "editor_components": aid_ids("pages")}]}
                          for name in site_pages(config)],
            },
        ],
    }


def editor_rules(config: MkDocsConfig, pages: dict[str, str]) -> dict:
    """What the editor's own scripts read: the writing aids (`pages`, {source: title}: the
    published pages written in docs/, for links) and the preview's parts."""
    return {"aids": aid_rules(config, pages), "preview": preview_parts(config)}


# In a built page (the site's own templates write them): its stylesheets, the colour
# attributes of its <body>, the call-to-action and the footer with the disclaimer.
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
_COLOURS = re.compile(r'<body\b[^>]*>')
_COLOUR = re.compile(r'(data-md-color-[a-z]+)="([^"]*)"')
_AFTER_TEXT = re.compile(r'<aside class="hfd-cta".*?</aside>|<footer class="md-footer">.*?</footer>', re.S)
# A built page with them and nothing of its own: its addresses start at the site's root.
PREVIEW_SOURCE = "404.html"


def preview_parts(config: MkDocsConfig) -> dict:
    """The preview's parts as the built site shows them (read from PREVIEW_SOURCE; its
    stylesheets addressed from the editor's page), and
    what an article's byline names: its authors, the pages it links to, the language of
    its dates."""
    built = (Path(config.site_dir) / PREVIEW_SOURCE).read_text(encoding="utf-8")
    blog = config.plugins.get("material/blog")
    trust = config.extra.get("trust") or {}
    return {
        "stylesheets": ["../" + href.lstrip("/") for href in _STYLESHEET.findall(built)],
        "colours": dict(_COLOUR.findall(_COLOURS.search(built)[0])),
        "after": "\n".join(_AFTER_TEXT.findall(built)),
        "authors": {key: {"name": author.get("name", key), "role": author.get("role") or author.get("description") or ""}
                    for key, author in (authors(config) if blog else {}).items()},
        # From the site's root ("/about/"), never "//" (another host), whatever the setting starts with.
        **{name: "/" + str(trust.get(name, "")).lstrip("/") for name in ("about_page", "editorial_page")},
        "language": config.theme.get("language") or "en",
        "no_sources_note": trust.get("no_sources_note", ""),
        "pages": site_pages(config),  # a preview template each
    }


def site_pages(config: MkDocsConfig) -> list[str]:
    """The site's own pages (docs/*.md), by name: the editor's "Site pages"."""
    return sorted(path.stem for path in Path(config.docs_dir).glob("*.md"))


def package_problems(root: Path) -> list[str]:
    """What is missing for the editor in the project at `root` (npm's packages)."""
    script = root / PACKAGE_SCRIPT
    if not script.is_file():
        return [f"{PACKAGE_SCRIPT}: missing; run `make build` (it installs the editor with npm ci)."]
    text = script.read_text(encoding="utf-8")
    problems = [f"{PACKAGE_SCRIPT}: no longer asks for the font {url}; update EDITOR_FONTS "
                "(hooks/hfd/editor.py) to the fonts this version names." for url in EDITOR_FONTS if url not in text]
    # The script asks for Immutable.js at the version its package.json names (as a range).
    wanted = json.loads((script.parent.parent / "package.json").read_text(encoding="utf-8"))["dependencies"]
    immutable = f"https://unpkg.com/immutable@{wanted['immutable'].lstrip('^~')}/dist/immutable.es.js"
    if immutable not in json.loads(IMPORT_MAP)["imports"]:
        problems.append(f"{PACKAGE_SCRIPT}: asks for Immutable.js at {immutable}; update IMPORT_MAP "
                        "(hooks/hfd/editor.py) to name it.")
    return problems + [f"{path}: missing; run `make build` (npm ci)."
                       for path in [*EDITOR_FONTS.values(), *EDITOR_CHUNKS.values()] if not (root / path).is_file()]


def write_editor(config: MkDocsConfig, pages: dict[str, str]) -> None:
    """The editor's files, into site/: its page, configuration, script and fonts, and
    the rules of its writing aids (`pages`: see editor_rules)."""
    site, root = Path(config.site_dir), Path(config.config_file_path).parent
    script = site / EDITOR_SCRIPT
    script.parent.mkdir(parents=True, exist_ok=True)
    text = (root / PACKAGE_SCRIPT).read_text(encoding="utf-8")
    (site / EDITOR_DIR / "fonts").mkdir(parents=True, exist_ok=True)
    for url, path in EDITOR_FONTS.items():  # relative to the page, where the editor's styles are
        text = text.replace(url, f"fonts/{Path(path).name}")
        (site / EDITOR_DIR / "fonts" / Path(path).name).write_bytes((root / path).read_bytes())
    script.write_text(text, encoding="utf-8")
    (site / EDITOR_PAGE).write_text(editor_page(), encoding="utf-8")
    (site / EDITOR_RULES).write_text(f"window.hfdEditor = {json.dumps(editor_rules(config, pages), ensure_ascii=False)};\n",
                                     encoding="utf-8")
    for published, path in EDITOR_CHUNKS.items():
        (site / published).parent.mkdir(parents=True, exist_ok=True)
        (site / published).write_bytes((root / path).read_bytes())
    (site / EDITOR_CONFIG).write_text(json.dumps(editor_config(config), indent=1, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
