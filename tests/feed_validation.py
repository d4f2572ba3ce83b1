"""Feed validity, judged by real validators' rules.

RSS 2.0: the rules of the W3C Feed Validation Service (w3c/feedvalidator,
src/feedvalidator/), reproduced here because the service is not installable. Each
finding carries the validator's own message name and its severity; a feed is valid
when it has no Error (as the service judges it). JSON Feed 1.1: the JSON Schema of the
spec (after sonicdoe/jsonfeed-schema `schema-v1.1.json`), with date-time and URI formats
checked (rfc3339-validator, rfc3987), plus unique item ids.
"""

from __future__ import annotations

import email.utils
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" or "warning"
    message: str   # the W3C validator's message name
    where: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.message} at {self.where}"


# -- RSS 2.0 -------------------------------------------------------------------------------

# validators.py: the strict RFC 2822 date form.
_RFC2822 = re.compile(
    r"^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"\d{4} \d{2}:\d{2}(:\d{2})? ([+-]\d{2}[03]0|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)$"
)
_FULL_LINK = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
_MIME = re.compile(r"^[\w.+-]+/[\w.+-]+(\s*;\s*[\w.+-]+=[^;\s]+)*$")
_ADDR_SPEC = re.compile(r"^[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(\.[\w-]+)+$")
# iso639codes.py holds 693 codes; these are the ones a site in English may plausibly use.
_LANGUAGES = {"en", "eng", "es", "spa", "fr", "fre", "fra", "de", "ger", "deu", "it", "ita", "pt", "por"}
_ONCE_IN_CHANNEL = ("title", "link", "description", "ttl", "docs", "pubDate", "lastBuildDate",
                    "language", "managingEditor", "webMaster", "copyright", "generator", "cloud",
                    "image", "textInput", "skipHours", "skipDays")
_ONCE_IN_ITEM = ("title", "link", "description", "pubDate", "author", "guid", "source", "comments")
_CHANNEL_CHILDREN = {*_ONCE_IN_CHANNEL, "category", "item", "rating"}
_ITEM_CHILDREN = {*_ONCE_IN_ITEM, "category", "enclosure"}
_UNSAFE_TAGS = {"script", "iframe", "object", "embed", "style", "link", "meta", "base", "frame",
                "frameset", "applet", "form"}


def rss_findings(xml: bytes) -> list[Finding]:
    """Every finding of the W3C validator's RSS 2.0 rules on a feed document."""
    found: list[Finding] = []
    root = ElementTree.fromstring(xml)
    if root.tag != "rss":
        return [Finding("error", "UndefinedElement", root.tag)]
    if root.get("version") != "2.0":
        found.append(Finding("error", "InvalidRSSVersion", f"rss@version={root.get('version')}"))
    channels = root.findall("channel")
    if len(channels) != 1:
        return found + [Finding("error", "MissingElement" if not channels else "DuplicateElement", "channel")]
    channel = channels[0]
    found += _channel_findings(channel)
    guids: set[str] = set()
    for number, item in enumerate(channel.findall("item"), start=1):
        found += _item_findings(item, f"item {number}", guids)
    return found


def _channel_findings(channel) -> list[Finding]:
    found = []
    for name, message in (("title", "MissingTitle"), ("link", "MissingLink"), ("description", "MissingDescription")):
        if channel.find(name) is None:
            found.append(Finding("error", message, f"channel/{name}"))
    found += _children_findings(channel, _ONCE_IN_CHANNEL, _CHANNEL_CHILDREN, "channel")
    link = channel.findtext("link")
    if link is not None and not _FULL_LINK.match(link.strip()):
        found.append(Finding("error", "InvalidFullLink", "channel/link"))
    language = channel.findtext("language")
    if language is not None and language.split("-")[0].lower() not in _LANGUAGES:
        found.append(Finding("error", "InvalidLanguage", f"channel/language={language}"))
    for name in ("pubDate", "lastBuildDate"):
        if channel.find(name) is not None:
            found += _date_findings(channel.findtext(name), f"channel/{name}")
    ttl = channel.findtext("ttl")
    if ttl is not None and not (ttl.strip().isdigit() and int(ttl) > 0):
        found.append(Finding("error", "InvalidPositiveInteger", "channel/ttl"))
    for name in ("managingEditor", "webMaster"):
        if channel.find(name) is not None:
            found += _contact_findings(channel.findtext(name), f"channel/{name}")
    self_links = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if not self_links:
        found.append(Finding("warning", "MissingAtomSelfLink", "channel"))
    for link in self_links:
        if not _FULL_LINK.match(link.get("href", "")):
            found.append(Finding("error", "RelativeSelf", "channel/atom:link"))
        if link.get("type") not in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
            found.append(Finding("warning", "SelfNotAtom", "channel/atom:link@type"))
    image = channel.find("image")
    if image is not None:
        found += _image_findings(image, channel)
    items_started = False
    for child in channel:
        if child.tag == "item":
            items_started = True
        elif items_started and child.tag in _ONCE_IN_CHANNEL:
            found.append(Finding("warning", "MisplacedItem", f"channel/{child.tag}"))
    return found


def _image_findings(image, channel) -> list[Finding]:
    found = []
    for name, message in (("title", "MissingTitle"), ("url", "MissingElement"), ("link", "MissingLink")):
        if image.find(name) is None:
            found.append(Finding("error", message, f"image/{name}"))
    url = image.findtext("url") or ""
    if not _FULL_LINK.match(url):
        found.append(Finding("error", "InvalidFullLink", "image/url"))
    elif not re.search(r"\.(jpe?g|gif|png)$", url, re.I):
        found.append(Finding("warning", "ImageUrlFormat", "image/url"))
    for name, message, most in (("width", "InvalidWidth", 144), ("height", "InvalidHeight", 400)):
        value = image.findtext(name)
        if value is not None and not (value.strip().isdigit() and 1 <= int(value) <= most):
            found.append(Finding("error", message, f"image/{name}"))
    if image.findtext("title") != channel.findtext("title"):
        found.append(Finding("warning", "ImageTitleDoesntMatch", "image/title"))
    if image.findtext("link") != channel.findtext("link"):
        found.append(Finding("warning", "ImageLinkDoesntMatch", "image/link"))
    return found


def _item_findings(item, where: str, guids: set[str]) -> list[Finding]:
    found = []
    if item.find("title") is None and item.find("description") is None:
        found.append(Finding("error", "ItemMustContainTitleOrDescription", where))
    found += _children_findings(item, _ONCE_IN_ITEM, _ITEM_CHILDREN, where)
    title = item.findtext("title")
    if title is not None and not title.strip():
        found.append(Finding("warning", "NotBlank", f"{where}/title"))
    link = item.findtext("link")
    if link is not None and not _FULL_LINK.match(link.strip()):
        found.append(Finding("error", "InvalidFullLink", f"{where}/link"))
    if item.find("pubDate") is not None:
        found += _date_findings(item.findtext("pubDate"), f"{where}/pubDate")
    for author in item.findall("author"):
        found += _contact_findings(author.text, f"{where}/author")
    found += _guid_findings(item.find("guid"), where, guids)
    enclosures = item.findall("enclosure")
    if len(enclosures) > 1:
        found.append(Finding("warning", "DuplicateEnclosure", where))
    for enclosure in enclosures:
        found += _enclosure_findings(enclosure, f"{where}/enclosure")
    for category in item.findall("category"):
        if not (category.text or "").strip():
            found.append(Finding("warning", "NotBlank", f"{where}/category"))
    source = item.find("source")
    if source is not None and not _FULL_LINK.match(source.get("url", "")):
        found.append(Finding("error", "MissingAttribute" if source.get("url") is None else "InvalidFullLink",
                             f"{where}/source@url"))
    description = item.findtext("description")
    if description is not None:
        found += html_findings(description, f"{where}/description")
    return found


def _guid_findings(guid, where: str, guids: set[str]) -> list[Finding]:
    if guid is None:
        return [Finding("warning", "MissingGuid", where)]
    found = []
    permalink = guid.get("isPermaLink", "true")
    if permalink not in ("true", "false"):
        found.append(Finding("error", "InvalidBooleanAttribute", f"{where}/guid@isPermaLink"))
    value = (guid.text or "").strip()
    if not value:
        found.append(Finding("warning", "NotBlank", f"{where}/guid"))
    elif permalink == "true" and not _FULL_LINK.match(value):
        found.append(Finding("error", "InvalidHttpGUID", f"{where}/guid"))
    if value in guids:
        found.append(Finding("error", "DuplicateValue", f"{where}/guid"))
    guids.add(value)
    return found


def _enclosure_findings(enclosure, where: str) -> list[Finding]:
    found = []
    length = enclosure.get("length")
    if length is None:
        found.append(Finding("error", "MissingAttribute", f"{where}@length"))
    else:
        try:
            number = int(length)
        except ValueError:
            found.append(Finding("error", "InvalidIntegerAttribute", f"{where}@length={length}"))
        else:
            if number == -1:
                found.append(Finding("error", "UseZeroForUnknown", f"{where}@length"))
            elif number < 0:
                found.append(Finding("error", "InvalidNonNegativeInteger", f"{where}@length"))
    kind = enclosure.get("type")
    if kind is None or not _MIME.match(kind):
        found.append(Finding("error", "MissingAttribute" if kind is None else "InvalidMIMEAttribute", f"{where}@type"))
    if not _FULL_LINK.match(enclosure.get("url") or ""):
        found.append(Finding("error", "InvalidURLAttribute", f"{where}@url"))
    return found


def _contact_findings(value: str | None, where: str) -> list[Finding]:
    value = (value or "").strip().removeprefix("mailto:")
    if "@" not in value:
        return [Finding("error", "InvalidContact", where)]
    if not value.endswith(")"):
        return [Finding("warning", "EmailFormat" if " " in value else "MissingRealName", where)]
    address = email.utils.getaddresses([value])[0][1]
    if not _ADDR_SPEC.match(address):
        return [Finding("error", "InvalidContact", where)]
    return []


def _date_findings(value: str | None, where: str) -> list[Finding]:
    value = (value or "").strip()
    match = _RFC2822.match(value)
    if not match:
        return [Finding("error", "InvalidRFC2822Date", where)]
    parsed = email.utils.parsedate_to_datetime(value)
    if match[1] and match[1] != parsed.strftime("%a"):
        return [Finding("error", "IncorrectDOW", where)]
    return []


def _children_findings(element, once, allowed, where: str) -> list[Finding]:
    """Children RSS 2.0 allows once that appear again, and children it does not define
    (those of other namespaces aside)."""
    found = [Finding("error", "DuplicateElement", f"{where}/{name}") for name in once if len(element.findall(name)) > 1]
    return found + [Finding("error", "UndefinedElement", f"{where}/{child.tag}") for child in element
                    if not child.tag.startswith("{") and child.tag not in allowed]


def html_findings(html: str, where: str) -> list[Finding]:
    """The validator's checks of HTML in an item description (validators.py safeHtml):
    well-formed (html5lib, strict), known and safe tags, no event handlers, and no
    relative link (feed readers have no page to resolve it against)."""
    import html5lib
    from html5lib.constants import namespaces

    found = []
    try:
        fragment = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(html)
    except html5lib.html5parser.ParseError as error:
        return [Finding("warning", "NotHtml", f"{where}: {error}")]
    for element in fragment.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.replace("{%s}" % namespaces["html"], "")
        if tag in _UNSAFE_TAGS:
            found.append(Finding("warning", "SecurityRisk", f"{where}: <{tag}>"))
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(Finding("warning", "SecurityRiskAttr", f"{where}: {name}"))
            if name in ("href", "src") and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
                found.append(Finding("error" if " " in value else "warning",
                                     "InvalidUriChar" if " " in value else "ContainsRelRef",
                                     f"{where}: {name}={value}"))
    return found


# -- JSON Feed 1.1 -----------------------------------------------------------------------------

_URI = {"type": "string", "format": "uri"}
_AUTHOR = {"type": "object", "minProperties": 1, "additionalProperties": False,
           "properties": {"name": {"type": "string"}, "url": _URI, "avatar": _URI},
           "patternProperties": {"^_[a-zA-Z][^.]*$": {"type": "object"}}}
JSON_FEED_1_1 = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["version", "title", "items"],
    "additionalProperties": False,
    "patternProperties": {"^_[a-zA-Z][^.]*$": {"type": "object"}},
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"},
        "home_page_url": _URI, "feed_url": _URI, "next_url": _URI, "icon": _URI, "favicon": _URI,
        "description": {"type": "string"}, "user_comment": {"type": "string"},
        "author": _AUTHOR, "authors": {"type": "array", "items": _AUTHOR},
        "language": {"type": "string"}, "expired": {"type": "boolean"},
        "hubs": {"type": "array", "items": {"type": "object", "required": ["type", "url"]}},
        "items": {"type": "array", "items": {
            "type": "object",
            "required": ["id"],
            "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
            "additionalProperties": False,
            "patternProperties": {"^_[a-zA-Z][^.]*$": {"type": "object"}},
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "url": _URI, "external_url": _URI, "image": _URI, "banner_image": _URI,
                "title": {"type": "string"}, "content_html": {"type": "string"},
                "content_text": {"type": "string"}, "summary": {"type": "string"},
                "date_published": {"type": "string", "format": "date-time"},
                "date_modified": {"type": "string", "format": "date-time"},
                "author": _AUTHOR, "authors": {"type": "array", "items": _AUTHOR},
                "tags": {"type": "array", "items": {"type": "string"}},
                "language": {"type": "string"},
                "attachments": {"type": "array", "items": {
                    "type": "object", "required": ["url", "mime_type"],
                    "properties": {"url": _URI, "mime_type": {"type": "string"},
                                   "title": {"type": "string"},
                                   "size_in_bytes": {"type": "number"},
                                   "duration_in_seconds": {"type": "number"}}}},
            },
        }},
    },
}


def json_feed_findings(feed: dict) -> list[Finding]:
    """Every way `feed` breaks JSON Feed 1.1 (all are errors: the spec has no warnings)."""
    import jsonschema

    checker = jsonschema.FormatChecker()
    assert {"date-time", "uri"} <= set(checker.checkers), \
        "install rfc3339-validator and rfc3987, or dates and addresses go unchecked"
    validator = jsonschema.Draft7Validator(JSON_FEED_1_1, format_checker=checker)
    found = [Finding("error", error.message, "/".join(map(str, error.absolute_path)) or "feed")
             for error in validator.iter_errors(feed)]
    ids = [item.get("id") for item in feed.get("items", [])]
    found += [Finding("error", "id-unique", f"items id {value}") for value in set(ids) if ids.count(value) > 1]
    if feed.get("next_url") and feed.get("next_url") == feed.get("feed_url"):
        found.append(Finding("error", "next-url", "next_url"))
    for number, item in enumerate(feed.get("items", []), start=1):
        found += [finding for finding in html_findings(item.get("content_html") or "", f"item {number}")
                  if finding.severity == "error"]
    return found
