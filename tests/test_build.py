"""The build itself: its order is written in code, it runs on ProperDocs as on MkDocs,
and what it copies from upstream is still what upstream ships."""

from __future__ import annotations

import filecmp
import importlib.util
import random
import re
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import NOW
from tests.site_build import REPO, build

HOOKS = sorted((REPO / "hooks").glob("*.py"))
MATERIAL = Path(importlib.util.find_spec("material").origin).parent / "templates"


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [*comparison.left_only, *comparison.right_only]
    found += [name for name in comparison.common_files
              if not filecmp.cmp(left / name, right / name, shallow=False)]
    for name in comparison.common_dirs:
        found += [f"{name}/{inner}" for inner in _differences(left / name, right / name)]
    return found


# -- The order of the build lives in code ------------------------------------------------------


def test_every_hook_in_the_folder_is_listed_and_only_once():
    listed = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=_Loader)["hooks"]
    assert sorted(listed) == [f"hooks/{path.name}" for path in HOOKS]


def test_no_two_steps_share_an_event_and_a_priority():
    """Steps of one event run in the order of their priorities; two with the same
    priority would run in the order of the hooks list, which must not matter."""
    seen: dict[tuple[str, float], str] = {}
    for path in HOOKS:
        spec = importlib.util.spec_from_file_location(f"order_check_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        sys.path.insert(0, str(path.parent))
        try:
            spec.loader.exec_module(module)
        finally:
            sys.path.remove(str(path.parent))
        for name in dir(module):
            if name.startswith("on_") and callable(getattr(module, name)):
                key = (name, getattr(getattr(module, name), "mkdocs_priority", 0))
                assert key not in seen, f"{path.name} and {seen[key]} both run {name} at priority {key[1]}"
                seen[key] = path.name


@pytest.mark.parametrize("built", ["grown"], indirect=True)  # with videos, photos, drafts
def test_the_site_is_byte_identical_with_the_hooks_listed_in_any_order(built, tmp_path):
    config = built.project / "mkdocs.yml"
    text = config.read_text()
    listed = re.search(r"\nhooks:\n((?:  - .*\n)+)", text)[1]
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
        assert _differences(built.site, tmp_path / f"{name}-site") == [], name


# -- ProperDocs, the maintained continuation of MkDocs 1.x -------------------------------------


@pytest.mark.parametrize("built", ["grown"], indirect=True)
def test_properdocs_builds_the_same_site_but_for_the_generator_tag(built, tmp_path):
    result = build(built.project, tmp_path / "site", now=NOW, command="properdocs")
    assert result.returncode == 0, result.output
    different = _differences(built.site, tmp_path / "site")
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
    expected = (material
                .replace('content="{{ page.meta.description }}"', 'content="{{ page.meta.description | e }}"')
                .replace('content="{{ config.site_description }}"', 'content="{{ config.site_description | e }}"')
                .replace('content="{{ page.meta.author }}"', 'content="{{ page.meta.author | e }}"')
                .replace('content="{{ config.site_author }}"', 'content="{{ config.site_author | e }}"')
                .replace("{% if page.canonical_url %}",
                         "{% if page.canonical_url and not (page.meta and page.meta.redirect_to) %}"))
    assert " ".join(ours.split()) == " ".join(expected.split()), \
        "Material's site_meta block changed: copy it again into overrides/main.html"


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs"])
def test_the_sitemap_is_the_generators_but_for_redirect_pages(generator):
    spec = importlib.util.find_spec(generator)
    upstream = (Path(spec.origin).parent / "templates/sitemap.xml").read_text()
    ours = _without_comments((REPO / "overrides/sitemap.xml").read_text())
    expected = upstream.replace(
        "(file.page.abs_url or file.page.canonical_url) %}",
        "(file.page.abs_url or file.page.canonical_url) and not (file.page.meta and file.page.meta.redirect_to) %}")
    assert ours == expected.strip(), f"{generator}'s sitemap.xml changed: copy it again"


class _Loader(yaml.SafeLoader):  # mkdocs.yml names Python objects; they are not needed here
    pass


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *args: None)


def test_the_readme_says_how_to_build_with_properdocs():
    assert "properdocs build" in (REPO / "README.md").read_text()
