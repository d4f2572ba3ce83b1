"""The author's editor at /admin/: forms that are the build's rules, its own policy, for
no reader, and hidden from search engines, feeds and navigation."""

from __future__ import annotations

import io
import json
import re

import pytest
import yaml
from PIL import Image

from hfd import post_fields
from hfd.editor import (EDITOR_CONFIG, EDITOR_FONTS, EDITOR_PAGE, EDITOR_POLICY, EDITOR_SCRIPT, editor_page,
                        is_editor_page, package_problems)
from hfd.front_matter import POST_FIELDS
from hfd.hosting import meta_policy
from tests.conftest import built_variant
from tests.site_build import REPO, assert_refused, build_with
from tests.site_pages import html_pages


@pytest.fixture(scope="module")
def form(run_folder) -> dict:
    """The article form of the editor the site as written publishes: {name: field}."""
    site = built_variant(run_folder, "as-written").site
    return {field["name"]: field for field in json.loads((site / EDITOR_CONFIG).read_text())["collections"][0]["fields"]}


def _value(item: post_fields.Field, form: dict):
    """A value the form can save for the field `item`: every option of a list of choices."""
    parts = {sub.name: sub.example for sub in item.fields}
    return form.get("options") or {"group": parts, "list": [parts]}.get(item.kind, item.example)


def test_the_form_holds_every_field_the_build_reads_with_the_values_it_allows(form, run_folder):
    source = built_variant(run_folder, "as-written").source
    assert set(form) - {"body"} == set(POST_FIELDS) - set(post_fields.THEME_OPTIONS)
    assert form["authors"]["options"] == list(yaml.safe_load((REPO / "docs/blog/.authors.yml").read_text())["authors"])
    assert form["categories"]["options"] == source.config.plugins["material/blog"].config.categories_allowed
    assert all(field["label"] and field["hint"] for field in form.values())


def test_every_value_the_form_can_save_builds_and_a_required_field_left_out_stops_the_build(form, tmp_path):
    meta = {item.name: _value(item, form[item.name]) for item in post_fields.POST_FIELDS}
    photo = io.BytesIO()
    Image.new("RGB", (3000, 2000), "teal").save(photo, "JPEG")

    def post(fields: dict) -> str:
        text = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True)
        return "---\n" + re.sub(r"'(\d{4}-\d{2}-\d{2})'", r"\1", text) + "---\n\n# A title\n\nIntro.\n\n<!-- more -->\n"

    result = build_with(tmp_path / "all", {"docs/blog/posts/all.md": post(meta), "docs/" + meta["image"]: photo.getvalue()})
    assert result.returncode == 0, result.output
    required = [name for name, field in form.items() if field["required"] and name != "body"]
    bare = {name: value for name, value in meta.items() if name not in required}
    assert_refused(build_with(tmp_path / "bare", {"docs/blog/posts/bare.md": post(bare),
                                                  "docs/" + meta["image"]: photo.getvalue()}),
                   *(f"`{name}:` is missing" for name in required), one_screen=False)


def test_the_editor_page_has_its_own_policy_and_is_for_no_reader_search_engine_or_feed(site):
    page = (site / EDITOR_PAGE).read_text()
    assert is_editor_page(EDITOR_PAGE, page) and EDITOR_PAGE not in html_pages(site)
    assert f'content="{meta_policy(EDITOR_POLICY)}"' in page and 'name="robots" content="noindex' in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page), "nothing from another host"
    assert "cdn.jsdelivr.net" not in (site / EDITOR_SCRIPT).read_text() and all(
        (site / "admin/fonts" / font.rsplit("/", 1)[1]).is_file() for font in EDITOR_FONTS.values())
    for place in ["sitemap.xml", "search/search_index.json", *(p.name for p in site.glob("feed_*")),
                  *html_pages(site)]:
        assert "admin/" not in (site / place).read_text(), f"{place} names the editor"
    assert "/admin/*\n  ! Content-Security-Policy\n" in (site / "_headers").read_text()


def test_no_other_page_is_the_editors_exception():
    assert not is_editor_page(EDITOR_PAGE, editor_page().replace("<body>", "<body><p>Hello</p>"))
    assert not is_editor_page("about/index.html", editor_page())
    assert package_problems(REPO) == []
