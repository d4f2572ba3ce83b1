"""Only the project's own scripts run on the site's pages.

The Content-Security-Policy allows inline scripts by their hashes: the scripts the
project ships, read from its templates (every one in overrides/, and those of the
Material templates in THEME_SCRIPT_TEMPLATES), never whatever a built page happens to
hold. A template's script may differ from page to page only where it prints a value
as a whole JavaScript string (`"{{ base_url }}"` is ".." on one page, "../.." on
another), and there only with the characters of an address (VALUE): none of them can
end the string, or the script, the value is printed in.

Each built page is read as a browser with scripts on reads it (html5lib), every tag as
the tokenizer sees it, even one the tree then leaves out (inside a <select>, say). An
inline script that is none of the project's, a script file from outside
SCRIPT_FOLDER, an event-handler attribute (onclick=), an address whose scheme is not
in URL_SCHEMES (javascript:), a style that fetches from another host (hfd.css_fetches),
an attribute naming another host other than a link's (ELSEWHERE_ALLOWED: a picture, a
frame, a preconnect, whatever wrote it) or a <meta http-equiv="refresh"> outside the
site's own redirect pages stops the build, naming the page. The editor's page (hfd.editor) is
not read: only its exact bytes are it, and it has a policy of its own.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import html5lib
from html5lib import _tokenizer
from html5lib.constants import tokenTypes
from mkdocs.config.defaults import MkDocsConfig

from hfd.css_fetches import fetched_from_elsewhere
from hfd.editor import is_editor_page
from hfd.page_cache import PageCache
from hfd.settings import written_settings

# Material's templates whose inline scripts the site's pages run (base.html includes
# them on every page): its storage helpers, content tabs following the address, and
# the reader's colour scheme applied before the first paint.
THEME_SCRIPT_TEMPLATES = (
    "partials/javascripts/base.html",
    "partials/javascripts/content.html",
    "partials/javascripts/palette.html",
)
# Where a template prints a value inside a script: the characters of an address or a
# plain JSON word only, so no quote, backslash, "<" or line break can end the string.
VALUE = r"[A-Za-z0-9._~:/?#&=+%-]*"
# The only script files pages load: the theme's and the site's own (docs/assets/javascripts).
SCRIPT_FOLDER = "assets/javascripts/"
# <script type>s a browser runs, and those it keeps as data (JSON-LD, Material's
# settings); a script of any other type stops the build.
RUN_TYPES = ("", "text/javascript", "application/javascript", "module")
DATA_TYPES = ("application/json", "application/ld+json")
# Addresses a page may hold (links, pictures, forms); any other scheme (javascript:,
# data:, vbscript:) stops the build. Attributes that hold an address:
URL_SCHEMES = ("https", "http", "mailto", "tel")
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "xlink:href", "data",
                  "poster", "cite", "background", "ping", "codebase", "longdesc", "manifest")

# Where a page may name an address on another host: links the reader follows. Any other
# attribute whose value is such an address (a picture, a frame, a preconnect, a video's
# poster, whatever carries it) stops the build: it is, or may become, a request.
ELSEWHERE_ALLOWED = {"a": {"href"}}
# What browsers strip from either end of an address: C0 controls and the space.
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
# Schemes whose address names a host, even without its slashes.
_HOSTED_SCHEMES = ("http", "https", "ws", "wss", "ftp")
# Names of XML namespaces (an SVG's xmlns="http://www.w3.org/2000/svg"), never fetched.
_NAMESPACE_DECLARATION = re.compile(r"^xmlns(:|$)")

_TEMPLATE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_PRINTED = re.compile(r"(\{\{)-?.*?-?(\}\})", re.S)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)
# Where a <meta http-equiv="refresh"> sends the reader (tests/site_links.py reads it too).
REFRESH_URL = re.compile(r"^\s*\d*\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"]*)", re.I)
_START_TAG = tokenTypes["StartTag"]


def known_scripts(config: MkDocsConfig) -> list[str]:
    """A regular expression for each inline script the project ships, from its templates."""
    own = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    templates = sorted(own.rglob("*.html")) if own else []
    for name in THEME_SCRIPT_TEMPLATES:  # the first theme folder that has it, as Jinja finds it
        templates += [Path(folder) / name for folder in config.theme.dirs if (Path(folder) / name).is_file()][:1]
    patterns = set()
    for template in templates:
        text = _TEMPLATE_COMMENT.sub("", template.read_text(encoding="utf-8"))
        for attributes, script in _TEMPLATE_SCRIPT.findall(text):
            if "src=" not in attributes and _script_type(attributes) in RUN_TYPES:
                patterns.add(_pattern(script))
    return sorted(patterns - {None})


def check_pages(site: Path, config: MkDocsConfig, redirects: dict[str, str],
                hosts: tuple[str, ...]) -> tuple[dict[str, list[str]], set[str]]:
    """({page: what is wrong with it}, the inline scripts the pages run) for every page
    under `site`; `redirects` is {redirect page: the page it leads to}, site-relative;
    `hosts` the site's own (own_hosts, read once a build by its caller)."""
    patterns = known_scripts(config)
    cache = PageCache(config.config_file_path, "page-scripts", code=[Path(__file__)],
                      salt=f"{patterns} {hosts} html5lib {html5lib.__version__}")
    known = re.compile("|".join(f"(?:{pattern})" for pattern in patterns) or "(?!)", re.S)
    problems, scripts = {}, set()
    for path in sorted(site.rglob("*.html")):
        dest = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        if is_editor_page(dest, html):  # exactly as hfd.editor writes it, under a policy of its own
            continue
        found = cache.get(f"{dest}\0{html}", lambda: _read_page(html, dest, known, hosts))
        scripts.update(found["scripts"])
        wrong = found["problems"] + _refresh_problems(found["refresh"], dest, redirects)
        if wrong:
            problems[dest] = wrong
    cache.save()
    return problems, scripts


# -----------------------------------------------------------------------------
# A page, read as a browser reads it
# -----------------------------------------------------------------------------


class _RecordingTokenizer(_tokenizer.HTMLTokenizer):
    def __iter__(self):
        for token in super().__iter__():
            if token["type"] == _START_TAG:
                self.parser.start_tags.append(token)
            yield token


class _Reader(html5lib.HTMLParser):
    """html5lib's parser, keeping every start tag its tokenizer produced."""

    def mainLoop(self):
        self.start_tags = []
        self.tokenizer.__class__ = _RecordingTokenizer  # html5lib 1.1's own tokenizer, recording
        super().mainLoop()


def _read_page(html: str, dest: str, known: re.Pattern, hosts: tuple[str, ...]) -> dict:
    """What is wrong with the page at `dest`, the inline scripts it runs, and where
    its <meta http-equiv="refresh"> tags send the reader: plain data, as cached."""
    reader = _Reader(namespaceHTMLElements=False)
    tree = reader.parse(html, scripting=True)
    problems, scripts, refresh = [], [], []
    for element in tree.iter():
        local = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else None
        if local == "style":  # in the page, or in a drawing written into it
            problems += [f"has a <style> that loads '{address[:60]}' from another site"
                         for address in fetched_from_elsewhere("".join(element.itertext()))]
        if local != "script":
            continue
        attributes = {name.rsplit("}", 1)[-1]: value for name, value in element.attrib.items()}
        text = "".join(element.itertext())
        kind = attributes.get("type", "").strip().lower()
        source = attributes.get("src") or attributes.get("href")
        if element.tag != "script":
            problems.append(f"a drawing holds a <script> ({_start(text)}); drawings in pages run nothing")
        elif kind in DATA_TYPES and not source:
            continue
        elif kind not in RUN_TYPES:
            problems.append(f'holds a <script type="{kind}">, neither JavaScript nor JSON')
        elif source is not None:
            address = urljoin("/" + dest, source.strip())
            if urlsplit(source.strip()).scheme or not urljoin("/", address).startswith("/" + SCRIPT_FOLDER):
                problems.append(f"loads the script '{source}', not one of the site's own ({SCRIPT_FOLDER})")
        elif known.fullmatch(text):
            scripts.append(text)
        else:
            problems.append(f"runs an inline script that is none of the site's own ({_start(text)})")
    for tag in reader.start_tags:
        for name, value in tag["data"].items():
            if isinstance(name, tuple):  # (prefix, name, namespace) in SVG or MathML
                name = ":".join(filter(None, name[:2]))
            if name.lower().startswith("on"):
                problems.append(f"<{tag['name']}> has an event handler '{name}=' (inline code)")
            elif name.lower() in URL_ATTRIBUTES and _scheme(value) not in ("", *URL_SCHEMES):
                problems.append(f"<{tag['name']} {name}> holds the address '{value.strip()[:60]}', "
                                f"not {', '.join(URL_SCHEMES)} or on the site")
            elif name.lower() == "style":
                problems += [f"<{tag['name']} style> loads '{address[:60]}' from another site"
                             for address in fetched_from_elsewhere(value, declarations=True)]
            elif (name.lower() not in ELSEWHERE_ALLOWED.get(tag["name"], ()) and not _NAMESPACE_DECLARATION.match(name)
                  and names_another_host(value, hosts)):
                problems.append(f"<{tag['name']} {name}> names '{value.strip()[:60]}', on another site: pages "
                                "load nothing from other sites")
        if tag["name"] == "meta" and tag["data"].get("http-equiv", "").strip().lower() == "refresh":
            refresh.append(tag["data"].get("content", ""))
    return {"problems": list(dict.fromkeys(problems)), "scripts": scripts, "refresh": refresh}


def _refresh_problems(refresh: list[str], dest: str, redirects: dict[str, str]) -> list[str]:
    """A page may send the reader elsewhere only if it is one of the site's redirect
    pages, and only to the page that redirect names."""
    problems = []
    for content in refresh:
        target = REFRESH_URL.match(content)[1].strip()
        lands = urlsplit(urljoin("/" + dest, target)).path.lstrip("/").removesuffix("index.html")
        if dest not in redirects or urlsplit(target).scheme or urlsplit(target).netloc or (
                lands != redirects[dest].split("#")[0]):
            problems.append(f"sends readers to '{target}' (<meta http-equiv=\"refresh\">), but only the "
                            "old addresses of mkdocs.yml extra.redirects lead on, each to its page")
    return problems


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _pattern(script: str) -> str | None:
    """The script of a template as a regular expression, each printed value an address
    (VALUE); None if a value is printed other than as a whole JavaScript string
    ("{{ base_url }}"): outside quotes, even letters and dots are code."""
    parts = _PRINTED.split(script)  # [text, "{{" or "{{-", "}}" or "-}}", text, ...]
    texts = parts[0::3]
    for before, after in zip(texts, texts[1:]):
        if not (before[-1:] in ('"', "'") and after[:1] == before[-1:]):
            return None
    return VALUE.join(re.escape(text) for text in texts)


def _script_type(attributes: str) -> str:
    match = _TYPE.search(attributes)
    return match[1].strip().lower() if match else ""


def _scheme(url: str) -> str:
    """The scheme of `url` as a browser reads it (tabs, line breaks and leading spaces
    ignored), or "" for an address on the site."""
    cleaned = re.sub(r"[\t\n\r]", "", url).lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                  "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match[1].lower() if match else ""


def own_hosts(config: MkDocsConfig) -> tuple[str, ...]:
    """The site's host names: its `site_url`'s, and mkdocs.yml's own (`mkdocs serve` sets
    `site_url` to its local address; settings still name the site's real host)."""
    written = written_settings(config).get("site_url")
    return tuple(sorted({urlsplit(str(url or "")).hostname or "" for url in (config.site_url, written)} - {""}))


def names_another_host(value: str, hosts: tuple[str, ...]) -> bool:
    """Whether `value`, or any address of a list of them (srcset), is an address with
    a host other than `hosts`, as a browser reads it: tabs and line breaks dropped, a
    backslash for a slash, and a scheme's slashes optional ("http:host" on an https page)."""
    cleaned = re.sub(r"[\t\n\r]", "", value).replace("\\", "/")
    for candidate in cleaned.split(","):
        words = candidate.strip(_C0_AND_SPACE).split()
        address = words[0] if words else ""
        scheme = _scheme(address)
        if scheme in ("", *_HOSTED_SCHEMES):
            rest = address[len(scheme) + 1:] if scheme else address
            if scheme or rest.startswith("//"):  # a host follows: up to the path, query or fragment
                named = re.split(r"[/?#]", rest.lstrip("/"), maxsplit=1)[0].rsplit("@", 1)[-1].lower()
                if named.split(":")[0] not in hosts:
                    return True
    return False


def _start(text: str) -> str:
    return " ".join(text.split())[:40] + "…"
