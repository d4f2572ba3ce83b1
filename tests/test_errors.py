"""Bad input gets a clear error naming the file and the fix: never a traceback, never a
silently wrong site."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from tests import browsers
from tests.site_build import (BAD_POST as BAD, REPO, assert_refused, bad_post, build, build_with, copy_project,
                              post_markdown)

BAD_PAGE = "docs/bad-page.md"


def _gif_with_a_note() -> bytes:
    from io import BytesIO

    from PIL import Image

    gif = BytesIO()
    Image.new("P", (8, 8)).save(gif, "GIF", comment=b"Taken at 1 Example Street")
    return gif.getvalue()


# case: (edits to a copy of the project, the texts of the message the build stops with)
BAD_INPUT = {
    "front-matter-not-yaml": ({BAD: "---\ntitle: Bad: post\n  description: x\n---\n\n# Bad\n"},
                              f"{BAD}: the front matter is not valid at line 2"),  # the file's line
    "page-front-matter-not-yaml": ({BAD_PAGE: "---\ntitle: [unclosed\n---\n\n# Bad\n"},
                                   f"{BAD_PAGE}: the front matter is not valid"),
    "impossible-date": ({BAD: post_markdown("bad").replace("created: 2024-03-01", "created: 2026-02-30")},
                        f"{BAD}: the front matter holds a date that does not exist"),
    "missing-title": (bad_post(title=None), f"{BAD}: `title:` is missing"),
    # Else the whole article, its pictures and videos, would be its teaser on the lists.
    "no-teaser-break": ({BAD: post_markdown("bad", body="All of it, with no teaser line.\n")},
                        "Couldn't find '<!-- more -->' in post 'blog/posts/bad.md'"),
    # The editor's Address field holds the same rule (hfd.post_fields.PLAIN_ADDRESS).
    "slug-with-loose-hyphens": (bad_post(slug="-neck--spasms-"), f"{BAD}: `slug:` is '-neck--spasms-'",
                                "lowercase words (letters and digits) joined by single hyphens"),
    "link-to-missing-page": (bad_post("[see](../../nowhere.md)"), "blog/posts/bad.md", "nowhere.md"),
    "link-to-missing-anchor": (bad_post("[see](../../about.md#nowhere)"), "blog/posts/bad.md", "#nowhere"),
    "missing-image": (bad_post("![A photo](../../nope.png)"), "blog/posts/bad.md", "nope.png"),
    "javascript-link": (bad_post("[x](javascript:alert(1))"),
                        f"{BAD}: the link 'javascript:alert(1)' uses a javascript: address"),
    "data-link": (bad_post('<a href="data:text/html,hi">x</a>'),
                  f"{BAD}: the link 'data:text/html,hi' uses a data: address"),
    "script": (bad_post("<script>alert(1)</script>"), f"{BAD}: remove the <script> element"),
    "iframe": (bad_post('<iframe src="https://example.org"></iframe>'), f"{BAD}: remove the <iframe> element",
               "{ .youtube }"),
    "event-handler": (bad_post('<p onclick="steal()">Hi</p>'), f"{BAD}: remove the 'onclick=' attribute of <p>"),
    # Raw HTML through the allowlist (hfd/allowed_html.py), read as browsers read it
    "unquoted-javascript-link": (bad_post("<a href=javascript:alert(1)>x</a>"),
                                 f"{BAD}: the link 'javascript:alert(1)' uses a javascript:"),
    "handler-after-a-quoted-bracket": (bad_post('<p class="a>b" onclick="steal()">Hi</p>'),
                                       f"{BAD}: remove the 'onclick=' attribute of <p>"),
    "meta-refresh": (bad_post('<meta http-equiv="refresh" content="0; url=https://example.org">'),
                     f"{BAD}: remove the <meta> element"),
    "dns-prefetch": (bad_post('<link rel="dns-prefetch" href="https://example.org">'),
                     f"{BAD}: remove the <link> element"),
    "style-element": (bad_post('<style>@import "https://example.org/x.css";</style>'),
                      f"{BAD}: remove the <style> element"),
    "ping": (bad_post('<a href="https://example.org" ping="https://example.org/seen">x</a>'),
             f"{BAD}: remove the 'ping=' attribute of <a>"),
    "picture-from-another-site": (bad_post("![A chart](https://example.org/chart.png)"),
                                  f"{BAD}: the picture 'https://example.org/chart.png' is not a file of this site",
                                  "download it into docs/assets/images/"),
    "a-theme-class": (bad_post('<div class="md-dialog md-dialog--active" markdown>\nOver the page.\n</div>'),
                      f"{BAD}: the class 'md-dialog md-dialog--active' belongs to the theme"),
    "a-theme-class-among-others": (bad_post('<div class="note md-dialog" markdown>\nOver the page.\n</div>'),
                                   f"{BAD}: the class 'md-dialog' belongs to the theme"),
    "a-theme-id": (bad_post('<div id="__config">{}</div>'), f"{BAD}: the id '__config' belongs to the theme"),
    # The call-to-action is named by the first element with its title's id.
    "a-templates-id": (bad_post("## A heading { #hfd-cta-title }\n\nText."),
                       f"{BAD}: the id 'hfd-cta-title' is on the page twice (the site's templates use it too)"),
    "a-templates-id-in-raw-html": (bad_post('<span class="a>b" ID = hfd-cta-title>Free</span>'),
                                   f"{BAD}: the id 'hfd-cta-title' is on the page twice"),
    "an-element-left-open": (bad_post('Some <small class="s1">small text.'), f"{BAD}: close the <small> element"),
    "an-element-left-open-with-a-slash": (bad_post("The end.<strong/> Then more."),  # "/>" closes only in SVG
                                          f"{BAD}: close the <strong> element"),
    # Material prints a related link's title as written.
    "related-link-with-markup": (bad_post(links=[{'More<meta name="referrer" content="unsafe-url">': "about.md"}]),
                                 f"{BAD}: `links:` has the title"),
    "related-link-elsewhere-without-https": (bad_post(links=[{"More": "//elsewhere.example/more"}]),
                                             f"{BAD}: `links:` leads to '//elsewhere.example/more'"),
    # MkDocs' older form of settings, which no check would read: printed raw into every page.
    "settings-without-dashes": (
        {BAD_PAGE: 'title: Bad\nsubtitle: <meta name="referrer" content="unsafe-url">\n\n# Bad\n\nText.\n'},
        f"{BAD_PAGE}: its first line, 'title: Bad', reads as a setting"),
    "srcset-from-another-site": (bad_post('<picture><source srcset="//example.org/a.webp 2x">'
                                          '<img src="../../assets/images/logo.svg" alt="Logo"></picture>'),
                                 f"{BAD}: the picture '//example.org/a.webp 2x'"),
    "redirect-in-front-matter": (bad_post(template="redirect-page.html", redirect_to="https://elsewhere.example/"),
                                 f"{BAD}: `redirect_to:` is for the site's own pages",
                                 "`template:` 'redirect-page.html' is not a template for an author's page"),
    "no-such-template": ({BAD_PAGE: "---\ntemplate: nonexistent.html\n---\n\n# Bad\n"},
                         f"{BAD_PAGE}: `template:` 'nonexistent.html' is no template of the site"),
    "same-address": ({"docs/blog/posts/one.md": post_markdown("same"), "docs/blog/posts/two.md": post_markdown("same")},
                     "docs/blog/posts/one.md and docs/blog/posts/two.md would both be /blog/same/"),
    "a-draft-at-a-published-address": (  # not "a link to a draft" on every page linking to the published one
        {"docs/blog/posts/one.md": post_markdown("same"), "docs/blog/posts/two.md": post_markdown("same", draft=True)},
        "docs/blog/posts/two.md (not published: a draft: `draft: true`) and docs/blog/posts/one.md would both "
        "be /blog/same/; give docs/blog/posts/two.md its own `slug:`"),
    "drawing-too-large": (
        {"docs/assets/images/huge.svg": b"<svg xmlns='http://www.w3.org/2000/svg'>" + b" " * (1100 * 1024) + b"</svg>"},
        "docs/assets/images/huge.svg is 1,100 KB (the limit is 1,024 KB)", "SVGOMG"),
    "a-gif-with-a-hidden-note": ({"docs/assets/images/note.gif": _gif_with_a_note()},  # published as written
                                 "docs/assets/images/note.gif holds details hidden in the file (comment"),
    "not-a-picture": ({"docs/assets/images/broken.jpg": b"\xff\xd8 this is not a photo"},
                      "docs/assets/images/broken.jpg could not be read as a picture", "save it again as JPEG"),
    "heic-photo-where-a-jpeg-is": ({"docs/assets/images/IMG_0001.HEIC": b"\x00\x00\x00\x18ftypheic",
                                    "docs/assets/images/IMG_0001.jpg": b"\xff\xd8"},
                                   "docs/assets/images/IMG_0001.HEIC would be published as "
                                   "assets/images/IMG_0001.jpg, as docs/assets/images/IMG_0001.jpg is"),
    "heic-photo-unreadable": ({"docs/assets/images/IMG_0002.heic": b"\x00\x00\x00\x18ftypheic"},
                              "docs/assets/images/IMG_0002.heic could not be read as a picture"),
    "a-post-saved-as-MD": (  # MkDocs would publish its text as it is, a draft's too
        {"docs/blog/posts/bad.MD": post_markdown("bad", draft=True)},
        "docs/blog/posts/bad.MD: a page's name ends in '.md', in small letters; rename it to bad.md"),
    "not-utf8": ({BAD: post_markdown("bad", title="Caf\u00e9").encode("latin-1")},
                 f"{BAD}: the file is not UTF-8 text; save it as UTF-8."),
    "not-utf8-page": ({BAD_PAGE: "# Caf\u00e9\n".encode("latin-1")}, f"{BAD_PAGE}: the file is not UTF-8 text"),
    # The disclaimer, on every page and in every feed item: text, emphasis, links, lists
    "disclaimer-a-note-in-its-text": (  # a comment out of the text would join "<scr" and "ipt>"
        {"docs/disclaimer.md": ("health situation.", 'health situation. <scr<!-- -->ipt src="/assets/x.js"></script>')},
        "docs/disclaimer.md: move the note to the author (<!-- ... -->) above the '# ' title line"),
    "disclaimer-a-tag-joined-above-its-title": (
        {"docs/disclaimer.md": ("# Disclaimer", '<im<!-- -->g src="https://tracker.example/p.png">\n\n# Disclaimer')},
        "docs/disclaimer.md: remove the <img> element"),
    "disclaimer-a-theme-class": ({"docs/disclaimer.md": ("health situation.", "health situation.\n{: .headerlink }")},
                                 "docs/disclaimer.md: remove the 'class=' of <p>"),
    # Front matter: only the fields the build knows, each of its kind; a title is plain text
    "a-field-no-check-reads": (bad_post(illustration="https://tracker.example/p.png"),  # the feed's picture
                               f"{BAD}: `illustration:` is not a field of a post; remove it"),
    "a-theme-option-of-another-kind": (bad_post(hide=5), f"{BAD}: `hide:` is the number 5, but it must be a list"),
    "an-author-as-a-group-of-fields": (bad_post(authors=[{"a": 1}]), f"{BAD}: `authors:` '{{'a': 1}}' is not one of"),
    "a-date-with-fields-of-mixed-kinds": (bad_post(date={"created": "2024-03-01", 1: "x", "b": "y"}),
                                          f"{BAD}: `date:` has `1:`, `b:`; it takes only"),
    "a-title-cut-by-a-note": ({BAD: post_markdown("bad").replace("title: Bad", "title: Tip #1 for mornings")},
                              f"{BAD}: `title:` has ' #' in it", '`title: "Tip #1 for mornings"`'),
    "a-picture-in-a-title": (bad_post(title="Neck ![a neck](https://tracker.example/t.png)"),
                             f"{BAD}: `title:` contains '![a neck](', a picture or link in Markdown"),
    "an-emoji-shortcode-in-a-title": (bad_post(title="Good days :smile:"), f"{BAD}: `title:` contains :smile:"),
    "a-published-post-with-the-templates-examples": (  # "Medically reviewed by Dr Jane Doe": a false claim
        bad_post("The rest of the article.", medical_reviewer={"name": "Dr Jane Doe", "credentials": "MD"}),
        f"{BAD}: it still holds the template's example text 'The rest of the article.'",
        f"{BAD}: it still holds the template's example text 'Dr Jane Doe'"),
    # Headings: one level at a time (screen readers move by them); an article's is its title
    "an-update-on-a-day-to-come": (bad_post(date={"created": "2024-03-01", "updated": "2099-01-01"}),
                                   f"{BAD}: `date.updated` (2099-01-01) is after today"),
    "a-heading-that-skips-a-level": (bad_post("## Part\n\n#### Detail\n\nText."),
                                     f"{BAD}: the heading 'Detail' is of level 4 (####) after one of level 2; "
                                     "make it level 3 (### Detail)"),
    "a-heading-that-skips-after-a-shallower-one": (
        bad_post("## Part\n\n### Detail\n\n## Next\n\n#### Deep\n\nText."),
        f"{BAD}: the heading 'Deep' is of level 4 (####) after one of level 2"),
    "a-heading-other-than-the-title": ({BAD: post_markdown("bad").replace("# Bad\n", "# Something else\n")},
                                       f"{BAD}: its heading '# Something else' is not its `title:` 'Bad'"),
    "a-footnote-without-its-note": (bad_post("A claim.[^2]\n\n`[^code]` stays code."),
                                    f"{BAD}: the footnote [^2] has no note; add a line `[^2]: The note.`"),
    "a-named-footnote-without-its-note": (bad_post("As Smith showed.[^smith2020]"),
                                          f"{BAD}: the footnote [^smith2020] has no note"),
    "a-page-field-no-check-reads": ({BAD_PAGE: "---\nsubtitle: <img src=x>\n---\n\n# Bad\n"},  # the menu prints it
                                    f"{BAD_PAGE}: `subtitle:` is not a field of a page"),
    "a-status-that-is-not-a-name": (bad_post(status='new" hidden title="x'), f"{BAD}: `status:` is 'new\" hidden"),
    "a-page-drawn-as-an-article": ({BAD_PAGE: "---\ntemplate: blog-post.html\n---\n\n# Bad\n"},
                                   f"{BAD_PAGE}: `template:` 'blog-post.html' draws the blog's articles, not a page"),
    "a-redirect-to-no-heading": (
        {"mkdocs.yml": ("blog/posts/what-causes-dystonia-really.md\n",
                        "blog/posts/what-causes-dystonia-really.md#x) ![a](https://t.example/r.png)\n")},
        "is not the address of a heading"),
    "a-redirect-from-the-articles-folder": (
        {"mkdocs.yml": ("post/what-causes-dystonia-really.md:", "blog/posts/old-article.md:")},
        "the articles' files are in docs/blog/posts/, which holds no old addresses"),
    "a-redirect-outside-the-site": ({"mkdocs.yml": ("post/what-causes-dystonia-really.md:", "../escaped/old.md:")},
                                    "the old address must be written as a Markdown file name"),
    "a-drawing-fetching-through-a-backslash": (
        {"docs/assets/images/x.svg": '<svg xmlns="http://www.w3.org/2000/svg"><image href="/\\t.example/a.png"/></svg>'},
        "docs/assets/images/x.svg: the drawing is more than a drawing", "links to '/\\t.example/a.png'"),
    "a-drawing-named-in-capitals": (  # as phones and Windows tools name files
        {"docs/assets/images/Diagram.SVG": '<svg xmlns="http://www.w3.org/2000/svg"><script>steal()</script></svg>'},
        "docs/assets/images/Diagram.SVG: the drawing is more than a drawing", "<script>"),
    "a-template-loading-from-another-site": (  # whatever wrote it: the pages as built are judged
        {"overrides/main.html": ("{% block scripts %}", '{% block content %}{{ super() }}<img src="https://t.example/'
                                 'p.png" alt="">{% endblock %}\n{% block scripts %}')},
        "<img src> names 'https://t.example/p.png', on another site"),
    "a-template-loading-from-another-site-without-slashes": (  # "http:host" on an https page is that host
        {"overrides/main.html": ("{% block scripts %}", '{% block content %}{{ super() }}<img src="http:t.example/'
                                 'p.png" alt="">{% endblock %}\n{% block scripts %}')},
        "<img src> names 'http:t.example/p.png', on another site"),
    "a-feed-picture-from-another-site": (
        {"mkdocs.yml": ("image: https://www.hopefordystonia.com/assets/images/logo-144.png",
                        "image: https://tracker.example/pixel.png")},
        "Feeds may name other sites only in links", "feed_rss_created.xml: <url> https://tracker.example/pixel.png",
        'feed_json_created.json: "icon": https://tracker.example/pixel.png'),
    # mkdocs.yml's settings
    "scheduler-not-https": ({"mkdocs.yml": ("scheduler_url: https://hello.hopefordystonia.com/",
                                            "scheduler_url: http://hello.hopefordystonia.com/")},
                            "extra.booking.scheduler_url is 'http://hello.hopefordystonia.com/'"),
    "email-not-an-address": ({"mkdocs.yml": ("email: hello@hopefordystonia.com", "email: hello at hopefordystonia")},
                             "extra.booking.email is 'hello at hopefordystonia'"),
    "social-javascript": ({"mkdocs.yml": ("link: https://www.youtube.com/@hopefordystonia",
                                          "link: javascript:alert(1)")},
                          "extra.social item 1 link is 'javascript:alert(1)'"),
    "a-number-with-its-unit": ({"mkdocs.yml": ("max_age_months: 12", "max_age_months: 12 months")},
                               "mkdocs.yml: extra.review.max_age_months is '12 months'; write a whole number"),
    "a-page-written-as-a-file": ({"mkdocs.yml": ("consultation_page: consultation/", "consultation_page: /consultation")},
                                 "mkdocs.yml: extra.booking.consultation_page is '/consultation'; write the address"),
    "script-in-a-setting": ({"mkdocs.yml": ("label: Hope for", "label: <script>alert(1)</script>Hope for")},
                            "mkdocs.yml: extra.cta.label contains '<s', which pages would read as HTML"),
    "script-in-the-copyright": ({"mkdocs.yml": ('copyright: "', 'copyright: "<script>alert(1)</script>')},
                                "mkdocs.yml: copyright holds HTML the site does not allow: remove the <script>"),
    "script-in-an-authors-name": ({"docs/blog/.authors.yml": ("name: Fede", "name: <script>alert(1)</script>")},
                                  "docs/blog/.authors.yml: authors.fede.name contains '<s'"),
    "google-fonts": ({"mkdocs.yml": ("  font: false", "  font:\n    text: Roboto")},
                     "mkdocs.yml: theme.font must be `false`"),
    "analytics": ({"mkdocs.yml": ("\nextra:\n", "\nextra:\n  analytics:\n    provider: google\n")},
                  "mkdocs.yml: extra.analytics is not a setting the site knows"),
    "css-and-script-from-another-site": (
        {"mkdocs.yml": ("\nextra:\n", "\nextra_css: [https://example.org/x.css]\n"
                                      "extra_javascript: [https://example.org/x.js]\nextra:\n")},
        "mkdocs.yml: extra_css item 1 is 'https://example.org/x.css', a file on another site",
        "mkdocs.yml: extra_javascript item 1 is 'https://example.org/x.js'"),
    "stylesheet-fetching-from-another-site": (  # on hover only: no visit would show it
        {"docs/assets/stylesheets/hover.css": '.md-button:hover { background: image-set("https://cdn.example.org/a.webp" 1x) }'},
        "docs/assets/stylesheets/hover.css: the stylesheet loads 'https://cdn.example.org/a.webp' from another site"),
    "a-page-at-the-editors-address": ({"docs/admin.md": "# Admin\n"},
                                      "docs/admin.md: its address /admin/index.html is the editor's (/admin/)"),
    "editor-repository-not-owner-name": ({"mkdocs.yml": ("repo: hopefordystonia/website",
                                                         "repo: https://github.com/x")},
                                         "mkdocs.yml: extra.editor.repo is 'https://github.com/x'"),
    "editor-review-not-yes-or-no": ({"mkdocs.yml": ("review: false", "review: sometimes")},
                                    "mkdocs.yml: extra.editor.review is 'sometimes'; write true or false"),
    "logo-from-another-site": ({"mkdocs.yml": ("logo: assets/images/logo.svg", "logo: https://example.org/logo.svg")},
                               "mkdocs.yml: theme.logo is 'https://example.org/logo.svg', a file on another site"),
}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_the_build_refuses_bad_input_naming_the_file_or_setting_and_the_cause(tmp_path, case):
    edits, *expected = BAD_INPUT[case]
    assert_refused(build_with(tmp_path, edits), *expected)


# What a build that succeeds says: MkDocs' own progress, and the site's reminders and
# warnings (hfd.author_warnings), each naming the file to look at. Anything else (a
# library's deprecation notice, and where it was raised) is noise the author cannot act
# on, and it hides what she can. (The grown site holds a plain http:// link: warned.)
A_GOOD_BUILD_SAYS = re.compile(r"(INFO|WARNING) +-  (Cleaning site directory|Building documentation to directory: "
                               r"|Documentation built in |Review due: docs/|docs/\S+\.md: )")


def test_a_build_that_succeeds_says_only_what_the_author_can_act_on(built):
    said = (built.site.parent / "output.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in said if not A_GOOD_BUILD_SAYS.match(line)] == []


# What Markdown writes, of each kind, and raw HTML of the same kinds: (Markdown, what shows it)
ALLOWED_CONSTRUCTS = {
    "![A logo.](../../assets/images/logo.svg){ width=\"120\" loading=\"lazy\" }\n\n/// caption\nA logo."
    "\n\nCredit: Hope for Dystonia\n///": "figure .hfd-credit",
    "[A talk](https://www.youtube.com/watch?v=abcdefghijk){ .youtube }": ".hfd-video",
    '??? note "More"\n    Hidden.\n\n<details open><summary>Raw</summary>Shown.</details>': "details summary",
    "| Day | Walk |\n| :--- | ---: |\n| Monday | 10 |": "td[style]",
    "A note.[^1]\n\n[^1]: The footnote.": ".footnote li[id]",
    "The HTML way.\n\n*[HTML]: HyperText Markup Language": "abbr[title]",
    '<figure class="hfd-quote" markdown>\n> A quote.\n\n<figcaption>Someone</figcaption>\n</figure>':
        "figure blockquote",
    "A ~~mistake~~ and H~2~O :material-heart:\n\n```python\nprint(1)\n```": ".twemoji svg",
    "[an old page](http://example.org/page)": "a[href^='http:']",
    "[a partner](http:example.org/partner)": "a[href='http:example.org/partner'][rel~=noreferrer]",  # a browser's http://
    '<a title="a>b" href=https://example.org/raw>raw</a>': "a[href='https://example.org/raw'][rel~=noreferrer]",
    "[Book a consultation](../../consultation.md){ .md-button }": "a.md-button",
}


def test_what_markdown_writes_builds_settings_show_as_text_and_a_plain_http_link_is_only_a_warning(tmp_path):
    body = "Intro.\n\n<!-- more -->\n\n" + "\n\n".join(ALLOWED_CONSTRUCTS) + "\n"
    label = 'A paid service, fish &amp; chips "<3"'  # text, as written: the templates escape settings
    result = build_with(tmp_path, {
        "docs/blog/posts/allowed.md": post_markdown("allowed", body=body),
        "mkdocs.yml": [("label: Hope for Dystonia's paid coaching service", f"label: {label}"),
                       ("  cta_vocabulary: >-\n", "  cta_vocabulary: >-\n    fish chips 3\n")]})
    assert result.returncode == 0, result.output
    for link in ("http://example.org/page", "http:example.org/partner"):
        assert f"WARNING -  docs/blog/posts/allowed.md: the link '{link}' is not secure; use https://" in result.output
    page = BeautifulSoup((tmp_path / "site/blog/allowed/index.html").read_text(), "html.parser")
    assert [shown for shown in ALLOWED_CONSTRUCTS.values() if not page.select_one(f"article {shown}")] == []
    assert page.select_one(".hfd-cta__label").get_text() == label


# -- Writing a post --------------------------------------------------------------------------


def test_new_post_creates_a_complete_draft_and_never_overwrites(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "Makefile").write_text((REPO / "Makefile").read_text())
    shutil.copytree(REPO / "scripts", project / "scripts")
    tool = [sys.executable, str(REPO / "scripts/new_post.py")]
    title = 'Living with "blepharospasm": light & screens'
    first = subprocess.run(tool + [title], capture_output=True, text=True, cwd=project)
    assert first.returncode == 0, first.stdout + first.stderr
    created = project / "docs/blog/posts/living-with-blepharospasm-light-screens.md"
    text = created.read_text()
    for field in ("title:", "description:", "slug:", "created:", "last_reviewed:",
                  "authors:", "categories:", "draft: true"):
        assert field in text
    # Through make, as the guide says, a title keeps its dollar signs and quotes.
    typed = """Is a $200 session worth it? "Yes", she's sure"""
    made = subprocess.run(["make", "--no-print-directory", "-o", f"{REPO / '.venv/.installed-site'}", "new-post",
                           f"TITLE={typed}", f"VENV={REPO / '.venv'}"], capture_output=True, text=True, cwd=project)
    assert made.returncode == 0, made.stdout + made.stderr
    written = project / re.search(r"Created (\S+\.md)", made.stdout)[1]
    assert yaml.safe_load(written.read_text().split("---")[1])["title"] == typed
    # Any title the author can type: letters of any alphabet in plain ASCII, as the build
    # makes addresses; a very long one cut between words.
    for long_or_foreign, expected in (("Ελληνικά νέα", "ellinika-nea"), ("Walking " * 60, "walking-" * 9 + "walking")):
        made = subprocess.run(tool + [long_or_foreign], capture_output=True, text=True, cwd=project)
        assert f"docs/blog/posts/{expected}.md" in made.stdout, made.stdout + made.stderr
    again = subprocess.run(tool + [title], capture_output=True, text=True, cwd=project)
    assert again.returncode != 0 and "already exists" in again.stdout
    assert created.read_text() == text
    # The draft passes every check, and is left out of the built site.
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert not (tmp_path / "site/blog/living-with-blepharospasm-light-screens").exists()


# -- In GitHub Actions: the problems in plain words, at the top ------------------------------


def test_the_ci_summary_lists_each_problem_of_a_failed_build_naming_its_file(tmp_path, monkeypatch):
    from scripts import ci_summary

    result = build_with(tmp_path, {
        "docs/blog/posts/one.md": post_markdown("one", authors="fede"),
        **bad_post("[see](../../nowhere.md)"),
    })
    assert result.returncode != 0
    log = tmp_path / "build.log"
    log.write_text(result.output)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert ci_summary.main(["build", str(log)]) == 0
    text = summary.read_text()
    assert text.startswith("## The site was not published:")
    assert "1. **docs/blog/posts/one.md**: `authors:` is 'fede', but it must be a list" in text
    assert "authors:\n" in text and "- fede" in text, "with an example of what is right"
    # A review due is a warning that never stops publication: not a thing to fix.
    due = build_with(tmp_path / "due", {
        "docs/blog/posts/due.md": post_markdown("due", date={"created": "2019-01-01"}, last_reviewed="2019-01-01"),
        **bad_post("![A photo](../../nope.png)")})
    log.write_text(due.output)
    assert "Review due: docs/blog/posts/due.md" in due.output and ci_summary.main(["build", str(log)]) == 0
    assert "Review due" not in summary.read_text() and "nope.png" in summary.read_text()


def test_a_post_written_from_the_guides_template_builds(tmp_path):
    guide = (REPO / "AUTHORING.md").read_text()
    template = re.search(r"```markdown\n(---\ntitle: .*?)```", guide, re.S)[1]
    result = build_with(tmp_path, {"docs/blog/posts/my-new-article.md": template})
    assert result.returncode == 0, result.output


# -- Two commands on a fresh machine: a browser for the tests -------------------------------


def test_without_any_chromium_make_test_downloads_one_or_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setattr(browsers, "find_chromium", lambda: None)
    commands = []
    monkeypatch.setattr(browsers.subprocess, "run",
                        lambda command, **kwargs: commands.append(command) or subprocess.CompletedProcess(command, 1))
    assert browsers.install() == 1
    assert commands == [[sys.executable, "-m", "playwright", "install", "chromium"]]
    out = capsys.readouterr()
    assert "downloading Playwright's Chromium" in out.out
    assert "sudo apt-get install chromium-headless-shell" in out.err and "CHROME_PATH" in out.err


# -- Every message the build can stop with is in the author's guide ---------------------------


def _stop_messages() -> list[tuple[str, str]]:
    """(file, the message's opening words) of every way the site's hooks stop the build."""
    found = []
    for path in sorted((REPO / "hooks").rglob("*.py")):
        for match in re.finditer(r'(?:PluginError|_Refused)\(\s*f?"((?:[^"\\]|\\.)*)"', path.read_text()):
            parts = [part.strip(" :.'\\n(") for part in re.split(r"\{[^}]*\}", match[1])]
            words = next(part for part in parts if len(part) > 8).split()[:4]
            found.append((path.name, " ".join(words)))
    return found


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[.,;:'\"()`{}]", " ", text).lower().split())


def test_the_authors_guide_explains_every_message_the_build_can_stop_with():
    guide = _plain((REPO / "AUTHORING.md").read_text())
    missing = [f"{name}: {words}" for name, words in _stop_messages() if _plain(words) not in guide]
    assert not missing, "AUTHORING.md should explain:\n" + "\n".join(missing)
