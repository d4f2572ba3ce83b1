"""The build itself: its order is written in code, it runs on ProperDocs as on MkDocs,
what it copies from upstream is still what upstream ships, and a rebuild reuses only
what it learnt of pages that did not change."""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
import json
import random
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import NOW
from tests.site_build import MATERIAL, REPO, assert_refused, build, copy_project
from tests.site_pages import differences

HOOKS = sorted((REPO / "hooks").glob("*.py"))
HOOKS_LISTED = re.compile(r"\nhooks:\n((?:  - .*\n)+)")  # in mkdocs.yml


# -- The order of the build lives in code ------------------------------------------------------


def test_every_hook_in_the_folder_is_listed_and_only_once():
    listed = re.findall(r"  - (.*)", HOOKS_LISTED.search((REPO / "mkdocs.yml").read_text())[1])
    assert sorted(listed) == [f"hooks/{path.name}" for path in HOOKS]


def test_no_two_steps_share_an_event_and_a_priority():
    """Steps of one event run in the order of their priorities; two with the same
    priority would run in the order of the hooks list, which must not matter."""
    seen: dict[tuple[str, float], str] = {}
    for path in HOOKS:
        spec = importlib.util.spec_from_file_location(f"order_check_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # hooks/ is on the path (conftest.py)
        for name in dir(module):
            if name.startswith("on_") and callable(getattr(module, name)):
                key = (name, getattr(getattr(module, name), "mkdocs_priority", 0))
                assert key not in seen, f"{path.name} and {seen[key]} both run {name} at priority {key[1]}"
                seen[key] = path.name


@pytest.mark.parametrize("built", ["grown"], indirect=True)  # with videos, photos, drafts
def test_the_site_is_byte_identical_with_the_hooks_listed_in_any_order(built, tmp_path):
    text = (built.project / "mkdocs.yml").read_text()
    listed = HOOKS_LISTED.search(text)[1]
    lines = listed.splitlines(keepends=True)
    orders = {"reversed": lines[::-1], "shuffled": random.Random(2026).sample(lines, len(lines))}
    for name, order in orders.items():
        project = tmp_path / name
        project.mkdir()
        for part in built.project.iterdir():
            if part.name != "mkdocs.yml":
                (project / part.name).symlink_to(part)
        (project / "mkdocs.yml").write_text(text.replace(listed, "".join(order)))
        result = build(project, tmp_path / f"{name}-site", now=NOW)
        assert result.returncode == 0, result.output
        assert differences(built.site, tmp_path / f"{name}-site") == [], name


# -- A rebuild reuses what the checks learnt of unchanged pages, never a stale answer -----------


# Folders of .cache/: what the checks learnt of each page (hfd/page_cache.py), and the
# compiled templates (hooks/compiled_templates.py).
CACHES = ("visible-text", "page-names", "stylesheet-bundle", "page-scripts", "templates")


@pytest.mark.parametrize("built", ["publication-day"], indirect=True)  # with videos, photos, drafts
def test_a_rebuild_writes_the_same_site_as_a_first_build(built, tmp_path):
    # The publication-day site is a first build: of a fresh copy, without .cache/
    # (grown_project). Rebuilt where it is, with what that build wrote.
    assert all(_entries(built.project, name) for name in CACHES)
    result = build(built.project, tmp_path / "rebuilt", now=built.source.moment)
    assert result.returncode == 0, result.output
    assert differences(built.site, tmp_path / "rebuilt") == []


def _entries(project: Path, cache: str) -> list[Path]:
    return [path for path in (project / ".cache" / cache).rglob("*") if path.is_file()]


# An edit that hides the disclaimer: (file, the edit).
HIDING_EDITS = {
    "the-pages-whose-html-changed": ("overrides/partials/copyright.html", lambda text: text.replace(
        '<div class="hfd-disclaimer"', '<div class="hfd-disclaimer" hidden')),
    # A class the site's stylesheet hides: every page is read again, and refused.
    "every-page-when-a-stylesheet-changes": ("docs/assets/stylesheets/site.css",
                                             lambda text: text + "\n.hfd-disclaimer { opacity: 0; }\n"),
}


@pytest.mark.parametrize("edit", HIDING_EDITS)
def test_a_rebuild_reads_afresh(tmp_path, edit):
    project = copy_project(tmp_path / "project")
    assert build(project, tmp_path / "site").returncode == 0
    name, change = HIDING_EDITS[edit]
    (project / name).write_text(change((project / name).read_text()))
    assert_refused(build(project, tmp_path / "site"), "docs/about.md: no visible disclaimer", one_screen=False)


def test_a_cache_entry_edited_by_hand_is_read_afresh(tmp_path):
    project = copy_project(tmp_path / "project")
    about = tmp_path / "site/about/index.html"

    def entry() -> Path:  # what the disclaimer's check learnt of the about page as built now
        from hfd.built_pages import page_hidden_classes

        html = about.read_text(encoding="utf-8")  # its key: the page, and the classes its stylesheets hide
        hidden = page_hidden_classes(html, about, tmp_path / "site")
        name = hashlib.sha256(f"{html}\0{' '.join(sorted(hidden))}".encode()).hexdigest()[:40]
        return next((project / ".cache/visible-text").glob(f"*/{name}.json"))

    assert build(project, tmp_path / "site").returncode == 0
    seen = json.loads(entry().read_text())["value"]
    name, change = HIDING_EDITS["the-pages-whose-html-changed"]
    (project / name).write_text(change((project / name).read_text()))
    assert_refused(build(project, tmp_path / "site"), "docs/about.md: no visible disclaimer", one_screen=False)
    entry().write_text(json.dumps({**json.loads(entry().read_text()), "value": seen}))  # "the disclaimer is seen"
    assert_refused(build(project, tmp_path / "site"), "docs/about.md: no visible disclaimer", one_screen=False)


DAMAGES = {"not JSON": lambda _: b"not JSON {", "foreign": lambda _: b'{"version": "other"}',
           "a list": lambda _: b"[]", "empty": lambda _: b"",
           "cut short": lambda entry: entry[:20]}  # a compiled template's header kept, its checksum cut


def test_a_damaged_or_foreign_cache_is_read_as_empty(tmp_path):
    # One rebuild for every kind of damage: the entries of each cache damaged each in turn
    # one way. Each cache is read by one function (hfd/page_cache.py's PageCache.get,
    # compiled_templates.py's get_bucket), and each meets every kind.
    project = copy_project(tmp_path / "project")
    assert build(project, tmp_path / "first").returncode == 0
    met = {"page caches": set(), "templates": set()}
    for name in CACHES:
        for entry, (kind, damage) in zip(_entries(project, name), itertools.cycle(DAMAGES.items())):
            entry.write_bytes(damage(entry.read_bytes()))
            met["templates" if name == "templates" else "page caches"].add(kind)
    assert all(kinds == set(DAMAGES) for kinds in met.values()), met
    result = build(project, tmp_path / "second")
    assert result.returncode == 0, result.output
    assert differences(tmp_path / "first", tmp_path / "second") == []


def test_a_change_to_the_checks_code_forgets_what_they_learnt(tmp_path):
    from hfd.page_cache import PageCache

    code = tmp_path / "check.py"
    code.write_text("VERSION = 1\n")
    config = tmp_path / "mkdocs.yml"
    first = PageCache(config, "test", code=[code])
    assert first.get("<p>page</p>", lambda: "learnt") == "learnt"
    first.save()
    assert PageCache(config, "test", code=[code]).get("<p>page</p>", lambda: "afresh") == "learnt"
    assert PageCache(config, "test", code=[code], salt="other css").get("<p>page</p>", lambda: "afresh") == "afresh"
    code.write_text("VERSION = 2\n")
    assert PageCache(config, "test", code=[code]).get("<p>page</p>", lambda: "afresh") == "afresh"
    # A configuration read from standard input has no folder: nothing is kept.
    assert PageCache(None, "test", code=[code]).get("<p>page</p>", lambda: "afresh") == "afresh"


# -- What makes a build faster changes nothing it writes ------------------------------------------


def test_the_theme_files_a_build_copies_are_those_mkdocs_alone_copies():
    """hooks/theme_files.py lists the theme's folders without their dot-folders: MkDocs'
    own choice of what to copy keeps the same files. (ProperDocs, whose choice is the
    same code, cannot load a configuration in this process: its build is compared below.)"""
    import jinja2
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files
    from theme_files import ThemeFolders

    config = load_config(str(REPO / "mkdocs.yml"))
    copied = {}
    for loader in (jinja2.FileSystemLoader, ThemeFolders):
        files = Files([])
        files.add_files_from_theme(jinja2.Environment(loader=loader(config.theme.dirs)), config)
        copied[loader.__name__] = sorted(file.src_uri for file in files)
    assert copied["ThemeFolders"] == copied["FileSystemLoader"] != []


# -- ProperDocs, the maintained continuation of MkDocs 1.x -------------------------------------


@pytest.mark.parametrize("built", ["grown"], indirect=True)
def test_properdocs_builds_the_same_site_but_for_the_generator_tag(built, tmp_path):
    # A copy: its pages differ, so what its checks learn would replace the grown site's
    # .cache/, which the rebuild test above reads.
    project = tmp_path / "project"
    shutil.copytree(built.project, project, symlinks=True)
    result = build(project, tmp_path / "site", now=NOW, command="properdocs")
    assert result.returncode == 0, result.output
    different = differences(built.site, tmp_path / "site")
    assert different and all(name.endswith(".html") for name in different)
    generator = re.compile(r'<meta name="generator" content="[^"]*">')
    for name in different:
        ours, theirs = ((site / name).read_text() for site in (built.site, tmp_path / "site"))
        assert generator.sub("", ours) == generator.sub("", theirs), name


# -- Copies of upstream templates are still what upstream ships --------------------------------


def _without_comments(text: str) -> str:
    return re.sub(r"\{#.*?#\}", "", text, flags=re.S).strip()


def test_the_palette_partial_is_materials_plus_the_text_size_control():
    ours = _without_comments((REPO / "overrides/partials/palette.html").read_text())
    material = _without_comments((MATERIAL / "partials/palette.html").read_text())
    assert ours == material + '\n{% include "partials/text-size.html" %}', \
        "Material's partials/palette.html changed: copy it again (overrides/partials/palette.html)"


def test_the_site_meta_block_is_materials_with_its_two_changes():
    block = re.compile(r"\{% block site_meta %\}(.*?)\{% endblock %\}", re.S)
    material = block.search((MATERIAL / "base.html").read_text())[1]
    ours = block.search((REPO / "overrides/main.html").read_text())[1]
    expected = material.replace("{% if page.canonical_url %}",
                                "{% if page.canonical_url and not (page.meta and page.meta.redirect_to) %}")
    for value in ("page.meta.description", "config.site_description", "page.meta.author", "config.site_author"):
        expected = expected.replace(f'content="{{{{ {value} }}}}"', f'content="{{{{ {value} | e }}}}"')
    assert " ".join(ours.split()) == " ".join(expected.split()), \
        "Material's site_meta block changed: copy it again into overrides/main.html"


def test_the_social_links_are_materials_sending_no_referrer_in_the_same_tab_labelled():
    ours = _without_comments((REPO / "overrides/partials/social.html").read_text())
    material = _without_comments((MATERIAL / "partials/social.html").read_text())
    expected = material.replace('{% set rel = "noopener" %}', '{% set rel = "noopener noreferrer" %}').replace(
        ' target="_blank"', "").replace(
        'title="{{ title | e }}" ', 'title="{{ title | e }}" aria-label="{{ title | e }}" ').replace(
        'href="{{ social.link }}"', 'href="{{ social.link | e }}"')
    assert ours == expected and 'rel ~ " me"' in ours, \
        "Material's partials/social.html changed: copy it again (overrides/partials/social.html)"


def test_the_footer_ends_with_materials_copyright_partial():
    ours = _without_comments((REPO / "overrides/partials/copyright.html").read_text())
    assert ours.endswith(_without_comments((MATERIAL / "partials/copyright.html").read_text())), \
        "Material's partials/copyright.html changed: copy it again (overrides/partials/copyright.html)"


def test_the_articles_page_without_posts_repeats_materials_blog_container():
    container = (MATERIAL / "blog.html").read_text().split("{% block container %}")[1].rsplit("{% endblock %}", 1)[0]
    material = re.sub(r"\{% for post .*?\{% endfor %\}|\{% if pagination %\}.*\{% endif %\}", "", container, flags=re.S)
    ours = (REPO / "overrides/blog-index.html").read_text().split("{% else %}")[1].split("{% endif %}")[0]
    ours = re.sub(r"\{#.*?#\}|<p class=\"hfd-no-posts\">.*?</p>", "", ours, flags=re.S)
    assert ours.split() == material.split(), \
        "Material's blog.html changed: copy its container again (overrides/blog-index.html)"


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs"])
def test_the_sitemap_is_the_generators_but_for_redirect_pages(generator):
    spec = importlib.util.find_spec(generator)
    upstream = (Path(spec.origin).parent / "templates/sitemap.xml").read_text()
    ours = _without_comments((REPO / "overrides/sitemap.xml").read_text())
    expected = upstream.replace(
        "(file.page.abs_url or file.page.canonical_url) %}",
        "(file.page.abs_url or file.page.canonical_url) and not (file.page.meta and file.page.meta.redirect_to) %}")
    assert ours == expected.strip(), f"{generator}'s sitemap.xml changed: copy it again"


def test_the_readme_says_how_to_build_with_properdocs():
    assert "properdocs build" in (REPO / "README.md").read_text()
