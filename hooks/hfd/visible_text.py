"""The text a browser draws from an HTML document, as far as the HTML and the page's
stylesheets tell without a browser; and, when a text is not drawn, what hides it.

Parsed as browsers parse (html5lib: the WHATWG algorithm, into an lxml tree): a tag
left open hides from the build what it hides from a reader. An unclosed <select>,
<textarea>, <title>, <xmp> or <style> swallows the rest of the page, footer included.

Counted: the text of the elements browsers draw as text (`DRAWN`), and only those; not
counted: comments; anything inside another element (<head>, <script>, <select>,
<textarea>, the fallback of <video> or <iframe>, an SVG, an obsolete or unknown
element...); a closed <details> (but its <summary>) or <dialog>; anything with `hidden`,
`aria-hidden="true"`, a style that hides it (`hides`: display, visibility, opacity,
font size, colour, clipping, size, scale, far off the page), or a class that a
stylesheet of the page hides outright (`hidden_classes`). What a stylesheet does in
other ways is judged in a real browser by the tests (tests/reading.py).

html5lib is pure Python: it reads a page in about ten times lxml's time. The checks
read each page once per build, and a rebuild only the pages that changed
(hfd.page_cache).
"""

from __future__ import annotations

import html as html_module
import re
import warnings
from functools import lru_cache
from pathlib import Path

import html5lib
from html5lib.constants import DataLossWarning
from lxml import etree

# The HTML elements whose text browsers draw as text, and the elements that hold them
# (HTML Living Standard, "Rendering"). The text inside any other element is not
# counted, whatever it holds: browsers draw it as no text (<head>, <script>, <select>,
# <textarea>, <template>, <noscript> with scripting on), as the fallback of what they
# show instead (<video>, <iframe>, <object>, <canvas>), as a drawing (SVG, MathML), or
# as something this list does not know (an obsolete, unknown or custom element). To
# count one more, add it here, once the standard says its text is drawn as text.
DRAWN = frozenset("""
    html body header footer main nav aside article section search address hgroup div
    p span h1 h2 h3 h4 h5 h6 blockquote pre figure figcaption ul ol li menu dl dt dd
    a abbr b bdi bdo br cite code data del dfn em i ins kbd mark q s samp small strong
    sub sup time u var wbr table caption thead tbody tfoot tr th td
    details summary dialog form fieldset legend label button output
""".split())

# Characters that draw nothing: Unicode's default-ignorable code points (zero-width
# spaces and joiners, soft hyphen, direction marks, Hangul fillers, variation
# selectors, tags: DerivedCoreProperties.txt, Default_Ignorable_Code_Point). Spaces,
# no-break spaces included, are no letters either.
_DRAWS_NOTHING = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_WHITESPACE = re.compile(r"\s+")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_MARKUP = re.compile(r"<[^>]*>")
_TEXT = etree.XPath("string()")  # the text of text nodes only, as lxml.html's text_content()
_RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"\s*\.([\w-]+)\s*")
# One parser for every page: as a browser with scripting on, so <noscript> holds text.
_PARSER = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("lxml"), namespaceHTMLElements=False)


def parse(html: str):
    """The document as a browser builds it: an lxml tree, HTML elements without a
    namespace (`p`, `div`), SVG and MathML elements with theirs."""
    # lxml holds no control character: each is replaced, as browsers replace a NUL.
    html = _NOT_XML.sub("\ufffd", html.replace("\x0c", " "))
    with warnings.catch_warnings():  # comments after </html> cannot be kept: no text of the page
        warnings.simplefilter("ignore", DataLossWarning)
        return _PARSER.parse(html, scripting=True).getroot()


def visible_tree(html: str, hidden_classes: frozenset[str] = frozenset()):
    """The document with everything a browser would not draw taken out."""
    document = parse(html)
    for node, _reason in list(_hidden_nodes(document, hidden_classes)):
        _drop(node)
    for closed in document.xpath("//details[not(@open)] | //dialog[not(@open)]"):
        closed.text = None  # its loose text too
        for child in closed:
            child.tail = None
    return document


def visible_text(html: str, hidden_classes: frozenset[str] = frozenset()) -> str:
    """The visible text of `html`, whitespace collapsed to single spaces."""
    if not html.strip():
        return ""
    return text_of(visible_tree(html, hidden_classes))


def normalize(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The words of `text` a reader reads: runs of two letters or more, once the
    characters that draw nothing are taken out."""
    return _WORD.findall(_DRAWS_NOTHING.sub("", text))


def text_of(element) -> str:
    """The text of `element` and its descendants (comments aside), whitespace collapsed."""
    return normalize(_TEXT(element))


def what_hides(html: str, text: str, hidden_classes: frozenset[str] = frozenset()) -> str | None:
    """What keeps `text`, which the page `html` holds, from being seen, and what to do,
    in words for the build's messages; None when the page does not hold it at all."""
    body = parse(html).find("body")
    target = normalize(text)
    # Inside something not drawn: an element, a comment, or a tag left open whose
    # content is text (the rest of the page then reads as markup).
    for node, reason in _hidden_nodes(body, hidden_classes):
        content = "".join(node.itertext()) if isinstance(node.tag, str) else node.text or ""
        if target in normalize(html_module.unescape(_MARKUP.sub("", content))):
            return reason
    # In drawn elements, but part of it hidden: the smallest element that holds it all.
    if target not in text_of(body):
        return None
    holder = body
    while (inner := next((child for child in holder if isinstance(child.tag, str)
                          and target in text_of(child)), None)) is not None:
        holder = inner
    return next((reason for _node, reason in _hidden_nodes(holder, hidden_classes, inside=True)), None)


# -----------------------------------------------------------------------------
# What hides a node
# -----------------------------------------------------------------------------


def _hidden_nodes(root, hidden_classes: frozenset[str], inside: bool = False):
    """(node, why it is not drawn) for each outermost node of `root` (`inside`: of its
    descendants) that a browser does not draw."""
    stack = list(reversed(root)) if inside else [root]
    while stack:
        node = stack.pop()
        reason = _why_hidden(node, hidden_classes)
        if reason:
            yield node, reason
        else:
            stack.extend(reversed(node))


def _why_hidden(node, hidden_classes: frozenset[str]) -> str | None:
    if not isinstance(node.tag, str):
        return ("it is inside an HTML comment (<!-- ... -->, or a '<!--' never closed); "
                "remove the comment marks")
    namespace, _, tag = node.tag.rpartition("}")
    if namespace or tag not in DRAWN:
        return (f"it is inside {_start_tag(node, tag)}, whose content browsers do not show as text "
                "(a tag left open swallows all that follows); close or remove that tag")
    parent = node.getparent()
    if (parent is not None and parent.tag in ("details", "dialog") and parent.get("open") is None
            and tag != "summary"):
        return f"it is inside a closed <{parent.tag}>; move it out, or add `open` to the <{parent.tag}>"
    if node.get("hidden") is not None:
        return f"{_start_tag(node, tag)} has the `hidden` attribute; remove it"
    if (node.get("aria-hidden") or "").strip().lower() == "true":
        return f'{_start_tag(node, tag)} has aria-hidden="true"; remove it'
    if node.get("style") and hides(node.get("style")):
        return f"{_start_tag(node, tag)} has a style that hides it; remove that style"
    classes = hidden_classes.intersection((node.get("class") or "").split()) if hidden_classes else ()
    if classes:
        return f"{_start_tag(node, tag)} has the class '{min(classes)}', which a stylesheet hides; remove that class"
    return None


def _start_tag(node, tag: str) -> str:
    """The element's start tag, for a message (cut at 60 characters)."""
    start = f"<{tag}" + "".join(f' {name}="{value}"' for name, value in node.attrib.items()) + ">"
    return start if len(start) <= 60 else start[:56] + "...>"


def hides(style: str) -> bool:
    """Whether a style (an element's `style`, or the declarations of a rule) keeps its
    element's text from being seen."""
    rules = {}
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        rules[name.strip().lower()] = value.replace("!important", "").strip().lower()
    number = _number_in
    overflow_hidden = rules.get("overflow", "") in ("hidden", "clip")
    return any((
        rules.get("display") == "none",
        rules.get("visibility") in ("hidden", "collapse"),
        rules.get("content-visibility") == "hidden",
        number(rules.get("opacity"), 1) < 0.1,
        _pixels(rules.get("font-size")) < 1,
        rules.get("color") == "transparent" or _alpha(rules.get("color", "")) < 0.1,
        rules.get("clip", "").startswith("rect(0"),
        rules.get("clip-path", "").startswith(("inset(50%", "inset(100%", "circle(0")),
        overflow_hidden and min(number(rules.get("height"), 1), number(rules.get("max-height"), 1)) <= 0,
        overflow_hidden and min(number(rules.get("width"), 1), number(rules.get("max-width"), 1)) <= 0,
        rules.get("transform", "").startswith(("scale(0)", "scale(0,", "scalex(0)", "scaley(0)")),
        min(number(rules.get("left"), 0), number(rules.get("top"), 0), number(rules.get("text-indent"), 0)) <= -999,
    ))


def _number_in(value: str | None, default: float) -> float:
    match = re.match(r"^\s*(-?[0-9]*\.?[0-9]+)", value or "")
    return float(match[1]) if match else default


def _pixels(size: str | None) -> float:
    """A font size in CSS px (em, rem and % of 16 px); 16 when not a plain length."""
    match = re.match(r"^\s*([0-9]*\.?[0-9]+)\s*(px|r?em|%|pt)?\s*$", size or "")
    if not match or (match[2] is None and float(match[1]) != 0):
        return 16
    return float(match[1]) * {"px": 1, "em": 16, "rem": 16, "%": 0.16, "pt": 4 / 3, None: 0}[match[2]]


def _alpha(color: str) -> float:
    match = re.match(r"^rgba?\(([^)]*)\)$", color.replace(" / ", ",").replace("/", ","))
    parts = [part.strip() for part in re.split(r"[,\s]+", match[1].strip())] if match else []
    if len(parts) == 4:
        return float(parts[3].rstrip("%")) / (100 if parts[3].endswith("%") else 1)
    return 1.0


def _drop(node) -> None:
    """Take `node` out of the tree, keeping the text that follows it (its tail)."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


# -----------------------------------------------------------------------------
# Classes a stylesheet hides
# -----------------------------------------------------------------------------


def hidden_classes(stylesheets: list[Path], inline: tuple[str, ...] = ()) -> frozenset[str]:
    """Classes that the `stylesheets` (files) or `inline` stylesheets (texts) hide
    outright: a rule `.name { ... }` whose declarations hide (`hides`), outside any
    @media or @supports block."""
    found: set[str] = set()
    for path in stylesheets:
        found |= _hidden_in_file(str(path), path.stat().st_mtime_ns)
    for css in inline:
        found |= _hidden_in(css)
    return frozenset(found)


@lru_cache(maxsize=32)
def _hidden_in_file(path: str, _mtime_ns: int) -> frozenset[str]:
    return _hidden_in(Path(path).read_text(encoding="utf-8"))


@lru_cache(maxsize=32)
def _hidden_in(css: str) -> frozenset[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = set()
    for selectors, declarations in _RULE.findall(_top_level(css)):
        if hides(declarations):
            found |= {match[1] for s in selectors.split(",") if (match := _CLASS_SELECTOR.fullmatch(s))}
    return frozenset(found)


def _top_level(css: str) -> str:
    """The stylesheet without its @-blocks (their rules apply only sometimes)."""
    out, depth, at_depth = [], 0, None
    index = 0
    while index < len(css):
        char = css[index]
        if char == "@" and at_depth is None:
            end = css.find(";", index)
            block = css.find("{", index)
            if end != -1 and (block == -1 or end < block):
                index = end + 1
                continue
            at_depth = depth
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if at_depth is not None and depth == at_depth:
                at_depth = None
                index += 1
                continue
        if at_depth is None:
            out.append(char)
        index += 1
    return "".join(out)
