"""The author's editor at /admin/: forms that are the build's rules, its own policy, for
no reader, and hidden from search engines, feeds and navigation."""

from __future__ import annotations

import base64
import difflib
import io
import json
import posixpath
import re
import subprocess

import pytest
import yaml
from pathlib import Path
from PIL import Image
from pillow_heif import register_heif_opener
from playwright.sync_api import expect

from hfd import post_fields
from hfd.editor import (EDITOR_CONFIG, EDITOR_FONTS, EDITOR_PAGE, EDITOR_POLICY, EDITOR_RULES, EDITOR_SCRIPT,
                        editor_config, editor_page, is_editor_page)
from hfd.front_matter import POST_FIELDS
from hfd.hosting import meta_policy
from hfd.video import VIDEO_ADDRESS, video_id
from hfd.writing_aids import FOLDERS, PAGE_LINK, VIDEO
from tests.conftest import BuiltSite, built_variant
from tests.site_build import REPO, assert_refused, build_with
from tests.site_pages import html_pages


@pytest.fixture(scope="module")
def as_written(run_folder) -> BuiltSite:
    """The site as written in this repository, built: the editor it publishes."""
    return built_variant(run_folder, "as-written")


@pytest.fixture(scope="module")
def form(as_written) -> dict:
    """The article form of the editor the site as written publishes: {name: field}."""
    fields = json.loads((as_written.site / EDITOR_CONFIG).read_text())["collections"][0]["fields"]
    return {field["name"]: field for field in fields}


def _value(item: post_fields.Field, form: dict):
    """A value the form can save for the field `item`: every option of a list of choices."""
    parts = {sub.name: sub.example for sub in item.fields}
    return form.get("options") or {"group": parts, "list": [parts]}.get(item.kind, item.example)


def test_the_form_holds_every_field_the_build_reads_with_the_values_it_allows(form, as_written):
    assert set(form) - {"body"} == set(POST_FIELDS) - set(post_fields.THEME_OPTIONS)
    assert form["authors"]["options"] == list(yaml.safe_load((REPO / "docs/blog/.authors.yml").read_text())["authors"])
    assert form["categories"]["options"] == as_written.source.config.plugins["material/blog"].config.categories_allowed
    assert all(field["label"] and field["hint"] for field in form.values())
    assert form["image"]["accept"] == ",".join(post_fields.SHARE_IMAGE_SUFFIXES)  # a WebP is refused, as built


def _left_empty(fields, values: dict, omitted: bool) -> dict:
    """`values` with every optional field left empty, as the editor writes it: left out
    (its setting `omit_empty_optional_fields`), or written as ''."""
    kept = {}
    for item in fields:
        if item.required:
            kept[item.name] = (_left_empty(item.fields, values[item.name], omitted) if item.kind == "group"
                               else values[item.name])
        elif not omitted:
            kept[item.name] = ""
    return kept


def test_the_forms_values_build_all_given_or_optional_ones_left_empty_and_a_required_one_left_out_stops_the_build(
        form, as_written, tmp_path):
    meta = {item.name: _value(item, form[item.name]) for item in post_fields.POST_FIELDS}
    meta["medical_reviewer"]["name"] = "Dr A. Reviewer"  # the template's Dr Jane Doe is refused once published
    photo = io.BytesIO()
    Image.new("RGB", (3000, 2000), "teal").save(photo, "JPEG")

    def post(fields: dict) -> str:
        text = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True)
        # No "# " line: the site writes the title as the heading.
        return "---\n" + re.sub(r"'(\d{4}-\d{2}-\d{2})'", r"\1", text) + "---\n\nIntro.\n\n<!-- more -->\n"

    picture = {"docs/" + meta["image"]: photo.getvalue()}
    result = build_with(tmp_path / "all", {"docs/blog/posts/all.md": post(meta), **picture})
    assert result.returncode == 0, result.output
    omitted = json.loads((as_written.site / EDITOR_CONFIG).read_text())["output"]["omit_empty_optional_fields"]
    least = build_with(tmp_path / "least", {"docs/blog/posts/least.md": post(
        _left_empty(post_fields.POST_FIELDS, meta, omitted))})
    assert least.returncode == 0, least.output
    required = [name for name, field in form.items() if field["required"] and name != "body"]
    bare = {name: value for name, value in meta.items() if name not in required}
    assert_refused(build_with(tmp_path / "bare", {"docs/blog/posts/bare.md": post(bare), **picture}),
                   *(f"`{name}:` is missing" for name in required), one_screen=False)


def test_the_author_signs_in_with_a_token_and_saves_publish_unless_review_is_asked_for(as_written, monkeypatch):
    published = json.loads((as_written.site / EDITOR_CONFIG).read_text())
    assert published["backend"]["auth_methods"] == ["token"], "no GitHub sign-in service: the token only"
    editor = as_written.source.config.extra["editor"]
    assert published["publish_mode"] == ("editorial_workflow" if editor.get("review") else "simple")
    monkeypatch.setitem(editor, "review", not editor.get("review"))
    assert editor_config(as_written.source.config)["publish_mode"] != published["publish_mode"]


def test_on_github_actions_the_build_refuses_an_editor_that_would_save_to_another_repository(as_written, tmp_path):
    repo = as_written.source.config.extra["editor"]["repo"]
    renamed = repo + "-renamed"
    elsewhere = build_with(tmp_path / "elsewhere", {}, environment={"GITHUB_REPOSITORY": renamed})
    assert_refused(elsewhere, f"mkdocs.yml: extra.editor.repo is '{repo}', but this site's repository is "
                              f"'{renamed}'; write {renamed}")
    same = build_with(tmp_path / "same", {}, environment={"GITHUB_REPOSITORY": repo.upper()})  # GitHub ignores case
    assert same.returncode == 0, same.output


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
    libraries = json.loads((site / EDITOR_CONFIG).read_text())["media_libraries"]
    assert libraries["stock_assets"] is False and libraries["default"]["config"]["slugify_filename"] is True


def test_the_writing_aids_link_to_each_published_page_and_take_the_builds_video_addresses(built):
    # What the build wrote for the editor's own scripts (rules.js).
    rules = json.loads((built.site / EDITOR_RULES).read_text().removeprefix("window.hfdEditor = ").removesuffix(";\n"))
    aids = {aid["id"]: aid for aid in rules["aids"]}
    assert aids[VIDEO.id]["allowed"] == {"url": VIDEO_ADDRESS}
    docs = built.project / "docs"
    pages = {path.relative_to(docs).as_posix() for path in docs.glob("*.md")}
    published = pages | {post.source for post in built.source.published_posts} | {"blog/index.md"}
    for collection, folder in FOLDERS.items():
        options = aids[PAGE_LINK.id.format(collection=collection)]["options"]["page"]
        offered = [posixpath.normpath(posixpath.join(folder, option["value"])) for option in options]
        assert sorted(offered) == sorted(published), collection
        assert all(option["label"] for option in options)


# Addresses an author pastes, and the video each names for the build (None: refused).
VIDEO_ADDRESSES = {
    "https://www.youtube.com/watch?v=abcdefghijk": "abcdefghijk",
    "https://m.youtube.com/watch?feature=share&v=abcdefghijk&t=30": "abcdefghijk",
    "https://youtu.be/abcdefghijk?si=x": "abcdefghijk",
    "https://www.youtube.com/shorts/abcdefghijk": "abcdefghijk",
    "https://youtube.com/live/abcdefghijk?feature=share": "abcdefghijk",
    "http://youtu.be/abcdefghijk": None,
    "youtube.com/watch?v=abcdefghijk": None,
    "https://www.youtube.com/watch?v=abcdefghijkl": None,
    "https://youtu.be/abcdefghijk/more": None,
    "https://vimeo.com/123456789": None,
    "https://www.youtube.com.example.org/watch?v=abcdefghijk": None,
}


def test_the_editor_and_the_build_take_the_same_video_addresses():
    in_javascript = json.loads(subprocess.run(
        ["node", "-e", "const [pattern, ...urls] = process.argv.slice(1);"
                       "console.log(JSON.stringify(urls.map((url) => new RegExp(pattern).exec(url)?.[1] ?? null)))",
         VIDEO_ADDRESS, *VIDEO_ADDRESSES], capture_output=True, text=True, check=True).stdout)
    assert [video_id(url) for url in VIDEO_ADDRESSES] == list(VIDEO_ADDRESSES.values()) == in_javascript


def test_no_other_page_is_the_editors_exception():
    assert not is_editor_page(EDITOR_PAGE, editor_page().replace("<body>", "<body><p>Hello</p>"))
    assert not is_editor_page("about/index.html", editor_page())


# -- The editor in Chromium, on a copy of the project in the browser's own storage -----------

# The editor's "Work with Local Repository" asks the browser for a folder; the test gives it
# the origin's private folder, filled with the project's sources (a `.git` marks the root).
LOCAL_FOLDER = "window.showDirectoryPicker = async () => navigator.storage.getDirectory();"
FOLDER = """async ([path, data, waiting]) => { try {
  let folder = await navigator.storage.getDirectory(); const parts = path.split('/');
  for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
  if (data === null) {  // read: the text, or a picture's bytes as base64
    const file = await (await folder.getFileHandle(parts.at(-1))).getFile();
    return path.endsWith('.md') ? await file.text()  // awaited: a file being written throws here
      : btoa(Array.from(new Uint8Array(await file.arrayBuffer()), byte => String.fromCharCode(byte)).join(''));
  }
  const writer = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
  await writer.write(data); await writer.close();
} catch (error) { if (!waiting) throw error; return waiting === true ? false : null; } }"""

PROJECT_FILES = ("mkdocs.yml", "docs/*.md", "docs/blog/posts/*.md", "docs/blog/.authors.yml")
ARTICLE = {"title": "Walking again: a first step, à pied", "description": "How one client began walking again.",
           "slug": "walking-again", "date.created": "2024-03-01", "date.updated": "2024-03-03",
           "last_reviewed": "2024-03-02", "next_review": "2025-01-01", "image_alt": "A teal square",
           "sources.0.title": "A study", "sources.0.url": "https://example.org/study",
           "sources.0.citation": "Author A. A study. 2024.", "medical_reviewer.name": "Dr A. Reviewer",
           "medical_reviewer.credentials": "MD, neurologist"}


ADDED = " Added in the editor."
# The author's words over the form's example teaser and text.
OWN_WORDS = ("How one client began walking again.", "The rest, in her own words.")
# The writing aids under the text's Insert menu, filled in as the author would: {menu item:
# {field: value}}; the page a link leads to is the first the list offers.
AIDS = {"YouTube video": {"title": "A short talk", "url": "https://www.youtube.com/watch?v=abcdefghijk"},
        "Link to a page of this site": {"text": "read this page", "page": None},
        "Picture with caption": {"src": "Café au lait.jpg", "alt": "A teal field", "caption": "A field, in teal.",
                                 "credit": "Drawn for this test"}}
UPLOADED = "cafe-au-lait.jpg"  # the picture's file, renamed as addresses are


def test_the_author_writes_an_article_with_a_photo_in_the_editor_and_what_it_saves_builds(browser, served, tmp_path):
    photo = tmp_path / "photo.heic"  # as an iPhone takes it; published as photo.jpg
    register_heif_opener()
    Image.new("RGB", (3000, 2000), "teal").save(photo, "HEIF")
    existing = "docs/blog/posts/what-causes-dystonia-really.md"
    page = _editor(browser, served("as-written")[1])
    expect(page.get_by_role("button", name="Sign In Using Access Token")).to_be_visible()
    expect(page.get_by_role("button", name="Sign In with GitHub")).to_have_count(0)
    page.get_by_role("button", name="Work with Local Repository").click()
    page.get_by_role("button", name="Create New Entry").click()
    # A field of the form (not of the preview).
    field = lambda name: page.locator(f'section.field[data-key-path="{name}"]')  # noqa: E731
    page.get_by_role("button", name="Save").click()
    expect(field("title")).to_contain_text("This field is required.")
    _drawn(page)
    for name, value in ARTICLE.items():
        if name == "sources.0.title":
            field("sources").get_by_role("button", name=re.compile("^Add")).click()
            _drawn(page)
        elif name == "medical_reviewer.name":
            _tick(field("medical_reviewer").get_by_role("checkbox"))
            _drawn(page)
        field(name).locator("input, textarea").first.fill(value)
    # A source's link the build would refuse is refused by the form, by the build's own rule.
    link = field("sources.0.url").locator("input").first
    link.fill("http://example.org/study")
    page.get_by_role("button", name="Save").click()
    expect(field("sources.0.url").get_by_role("alert")).to_contain_text("An address starting with https://")
    link.fill(ARTICLE["sources.0.url"])
    _tick(field("authors").get_by_role("checkbox", name="fede"))
    _tick(field("categories").get_by_role("checkbox", name="Living with dystonia"))
    field("image").locator("input[type=file]").first.set_input_files(photo)
    expect(field("image").get_by_role("textbox")).to_contain_text(photo.name)  # attached (no preview: HEIC)
    linked = _insert_aids(page, field("body"), tmp_path)
    # A block with a value the build would refuse is not saved, and says why.
    video = field("body").locator('section.field[data-key-path$=":url"] input')
    video.fill("https://example.org/a-talk")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alertdialog")).to_contain_text(
        "YouTube video: “https://example.org/a-talk” is not one the site accepts. Its address on YouTube, e.g.")
    page.get_by_role("alertdialog").get_by_role("button", name="OK").click()
    video.fill(AIDS["YouTube video"]["url"])
    page.get_by_role("button", name="Save").click()
    post = "docs/blog/posts/walking-again-a-first-step-a-pied.md"  # its file and folder in plain ASCII
    saved = {post: _saved(page, post)}
    _settled(page)
    picture = "docs" + yaml.safe_load(saved[post].split("---")[1])["image"]  # from the site's root, docs/
    inline = f"docs/assets/images/articles/{Path(post).stem}/{UPLOADED}"
    for path in (picture, inline):
        saved[path] = base64.b64decode(_saved(page, path))

    # Edited: an article the editor wrote changes by the changed line only; a hand-written
    # one keeps its text, and its front matter is rewritten in the editor's style once
    # (comments and folded lines go: ARCHITECTURE.md, "The editor").
    edited = {}
    for path, title, last in ((post, "Walking again", "draft: true"), (existing, "What causes dystonia?", ADDED)):
        page.evaluate(f"location.hash = '#/collections/articles/entries/{Path(path).stem}'")
        field("title").locator("input").fill(title)
        _drawn(page)
        if path == post:
            _tick(field("draft").get_by_role("switch"))
        else:  # a word added in the rich-text view, as a writer who never sees Markdown does
            field("body").get_by_role("button", name="Edit in Markdown").click()
            field("body").locator("[contenteditable=true]:visible p").last.click()
            page.keyboard.press("End")
            page.keyboard.type(ADDED)
        page.get_by_role("button", name="Save").click()
        edited[path] = _saved(page, path, f"title: {title}\n", last)
        _settled(page)

    # What the writing aids saved is what a hand-written article holds (AUTHORING.md).
    video, link, figure = AIDS.values()
    assert saved[post].endswith(
        f"{OWN_WORDS[1]}\n\n[{video['title']}]({video['url']}){{ .youtube }}\n\n"
        f"[{link['text']}]({linked})\n\n![{figure['alt']}](../../{inline.removeprefix('docs/')})\n\n"
        f"/// caption\n{figure['caption']}\n\nCredit: {figure['credit']}\n///\n"), saved[post]
    assert (REPO / Path(post).parent / linked).resolve().is_file()
    assert _changes(saved[post], edited[post]) == [
        "-title: 'Walking again: a first step, à pied'", "+title: Walking again", "-draft: false", "+draft: true"]
    hand_written = (REPO / existing).read_text()
    # Its text is kept, teaser break, captions and credits included, but for the words added.
    changes = _changes(hand_written.split("\n---\n", 1)[1], edited[existing].split("\n---\n", 1)[1])
    assert len(changes) == 2 and changes[1] == "+" + changes[0][1:] + ADDED, changes
    result = build_with(tmp_path / "project", saved)
    assert result.returncode == 0, result.output + saved[post]
    published = (tmp_path / "project/site/blog/walking-again/index.html").read_text()
    assert 'class="hfd-video"' in published and 'class="hfd-credit"' in published
    for name in ("photo.jpg", Path(inline).name):
        assert max(Image.open(tmp_path / "project/site" / Path(inline).parent.relative_to("docs") / name).size) <= 2000


def test_the_preview_shows_an_article_as_the_site_does(browser, served):
    built, url = served("as-written")
    post = built.source.published_posts[0]
    page = _editor(browser, url)
    page.get_by_role("button", name="Work with Local Repository").click()
    page.evaluate(f"location.hash = '#/collections/articles/entries/{Path(post.source).stem}'")
    preview = page.locator("iframe.preview")
    expect(preview.content_frame.locator(".hfd-cta")).to_be_visible()
    box = preview.bounding_box()
    site = page.context.new_page()  # the built article, as wide as the preview
    site.set_viewport_size({"width": round(box["width"]), "height": round(box["height"])})
    site.goto(url + post.address)
    assert preview.element_handle().content_frame().evaluate(AS_SHOWN) == site.evaluate(AS_SHOWN)


# What a reader sees of an article: the words of its byline, sources, call-to-action and disclaimer,
# and the type and colours of its title, text, captions, call-to-action and footer (null for
# what the article does not have: the newest article may have no photo with a caption).
AS_SHOWN = r"""() => {
  const words = (selector) => document.querySelector(selector)?.innerText.replace(/\s+/g, " ").trim() ?? null;
  const look = (selector) => { const element = document.querySelector(selector);
    if (!element) return null;
    const style = getComputedStyle(element);
    return [style.fontFamily, style.fontSize, style.lineHeight, style.fontWeight, style.color,
            style.backgroundColor]; };
  return {byline: words(".hfd-byline"), sources: words(".hfd-sources"), cta: words(".hfd-cta"),
          disclaimer: words(".hfd-disclaimer"),
          title: look("article h1"), text: look("article p:not([class], figure *)"),
          caption: look("article figcaption"), callToAction: look(".hfd-cta"), footer: look(".md-footer")};
}"""


def _editor(browser, url: str):
    """A tab on the editor of the site served at `url`, with the project's files in the
    browser's private folder, before it is asked to work with them."""
    context = browser.new_context()
    context.add_init_script(LOCAL_FOLDER)
    page = context.new_page()
    page.goto(url + "admin/")
    for pattern in PROJECT_FILES:
        for path in REPO.glob(pattern):
            page.evaluate(FOLDER, [path.relative_to(REPO).as_posix(), path.read_text()])
    page.evaluate(FOLDER, [".git/HEAD", "ref: refs/heads/main\n"])
    return page


def _insert_aids(page, body, folder: Path) -> str:
    """The form's example text written over (OWN_WORDS: a published article may not keep
    it), then the writing aids (AIDS) put at the end of the text in its rich-text view,
    and filled in; the address of the page the link leads to."""
    body.get_by_role("button", name="Edit in Markdown").click()
    for paragraph, words in zip((body.locator("[contenteditable=true]:visible p").first,
                                 body.locator("[contenteditable=true]:visible p").last), OWN_WORDS):
        paragraph.click()
        page.keyboard.press("Home")
        page.keyboard.press("Shift+End")
        page.keyboard.type(words)
    for item in AIDS:
        body.get_by_role("button", name="Insert").click()
        page.get_by_role("menuitem", name=item).click()
    part = lambda name: body.locator(f'section.field[data-key-path$=":{name}"]')  # noqa: E731 (a block's field)
    for name, value in (values for values in AIDS.values() for values in values.items()):
        if name == "page":
            part(name).get_by_role("combobox").click()
            choice = page.get_by_role("option").first
            title = choice.inner_text()
            choice.click()
        elif name == "src":  # through the editor's picture chooser, as from the phone
            Image.new("RGB", (2400, 1600), "teal").save(folder / value)
            part(name).get_by_role("button", name="Browse").click()
            with page.expect_file_chooser() as chooser:
                page.get_by_role("dialog").get_by_role("button", name="Upload").click()
            chooser.value.set_files(folder / value)
            expect(page.get_by_role("dialog").get_by_text("Enter URL")).to_have_count(0)  # files of this site only
            page.get_by_role("dialog").get_by_role("option", name=re.compile("[/]" + re.escape(UPLOADED) + "$")).click()
            page.get_by_role("dialog").get_by_role("button", name="Insert").click()
            expect(part(name)).to_contain_text(UPLOADED)
        else:
            part(name).locator("input, textarea").first.fill(value)
    options = next(aid for aid in page.evaluate("window.hfdEditor.aids") if aid["id"] == PAGE_LINK.id.format(
        collection="articles"))["options"]["page"]
    return next(option["value"] for option in options if option["label"] == title)


def _changes(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def _settled(page) -> None:
    """Once the editor has finished moving between views after a save (its address the
    same for a second, within 15 s): a navigation of the test's own is then not undone
    by the editor's (on a busy machine it moved after the file was written)."""
    last, held = None, 0
    for _ in range(150):
        now = page.evaluate("location.hash")
        held, last = (held + 1 if now == last else 0), now
        if held >= 10:
            return
        page.wait_for_timeout(100)


def _drawn(page) -> None:
    """Once the form has drawn every field. It draws a field when the place kept for it (an
    empty box) scrolls into sight, and the fields below move as it does: a click in a form
    still being drawn could land where a field was a moment before (seen on a busy machine)."""
    assert page.evaluate("""async () => { for (let i = 0; i < 300; i++) {
      const kept = document.querySelector('div.placeholder:empty'); if (!kept) return true;
      kept.scrollIntoView(); await new Promise(done => setTimeout(done, 50)); } return false; }"""), \
        "the form did not draw every field within 15 s"


def _tick(box) -> None:
    box.click()
    expect(box).to_be_checked()


def _saved(page, path: str, *holding: str) -> str:
    """The file at `path` once the editor has written it (holding each of `holding`), within 10 s."""
    for _ in range(100):
        found = page.evaluate(FOLDER, [path, None, True])
        if found and all(text in found for text in holding):
            return found
        page.wait_for_timeout(100)
    raise AssertionError(f"the editor did not save {path}")
