"""One stylesheet per page: the theme's and the site's, with only the rules the site uses.

Material links two stylesheets and the site one more, each a request that holds back
the first paint on a slow phone; together they weigh 28 KB compressed, two thirds of it
for features the site does not use (other colour palettes, code annotations, versions,
tabs, ...). The build joins them into one file and drops:
- a rule whose every selector names a class (or attribute value) found neither in any
  built page nor in the site's scripts (Material's and the site's own build some
  markup in the browser: a class written in their code counts as used);
  Classes of Material's features this site does not turn on (`disabled_features`) count
  only when a page has them;
- a custom property (`--name: ...`) that nothing reads (`var(--name)`), once the rules
  are dropped.
A rule is kept whenever in doubt: classes inside :not(), :is(), :where() and :has()
are not judged, nor are element, id or pseudo-class selectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import tinycss2

BUNDLE = "assets/stylesheets/hfd.css"

# Material's base.html links its stylesheets by name (with a content hash).
_THEME_STYLESHEET = re.compile(r"'(assets/stylesheets/[\w.]+\.css)'")
_ATTRIBUTE = re.compile(r'\s([\w:-]+)="([^"]*)"')
_STRING_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`([^`]*)`')
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_TEMPLATE_PREFIX = re.compile(r"([\w-]+)\$\{")
_WORD = re.compile(r"[\w-]+")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
# An attribute selector: (its operator before `=`, its value).
_ATTRIBUTE_SELECTOR = re.compile(r"\[\s*[\w-]+\s*([~|^$*]?)=\s*[\"']?([^\]\"']*)[\"']?\s*(?:i\s*)?\]")
_FUNCTIONAL = re.compile(r":[\w-]+\([^()]*\)")
# A declaration of a custom property (after `{` or `;`: `.a--b:hover` is a selector).
_CUSTOM_PROPERTY = re.compile(r"(?<=[{;])(--[\w-]+):((?:url\([^)]*\)|[^;}])*);?")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")


# Markup Material's scripts handle only for a feature of mkdocs.yml (a theme feature,
# a Markdown extension, a plugin), by its class prefix.
_FEATURE_CLASSES = {
    "md-version": lambda config: bool(config.extra.get("version")),
    "md-source": lambda config: bool(config.repo_url),
    "md-annotation": lambda config: "content.code.annotate" in _features(config),
    "md-tooltip2": lambda config: "content.tooltips" in _features(config),
    "md-code__": lambda config: bool({"content.code.copy", "content.code.select"} & _features(config)),
    "md-clipboard": lambda config: "content.code.copy" in _features(config),
    "tabbed-": lambda config: "pymdownx.tabbed" in config.markdown_extensions,
    "md-tag": lambda config: any(name.endswith("tags") for name in config.plugins),
}


def _features(config) -> set[str]:
    return set(config.theme.get("features") or [])


def disabled_features(config) -> tuple[str, ...]:
    """Class prefixes of the Material features that mkdocs.yml leaves off."""
    return tuple(prefix for prefix, enabled in _FEATURE_CLASSES.items() if not enabled(config))


def theme_stylesheets(theme_dirs: list[str], palette: bool) -> list[Path]:
    """Material's own stylesheets, in the order its base.html links them."""
    for folder in theme_dirs:
        base = Path(folder) / "base.html"
        if base.exists() and (names := _THEME_STYLESHEET.findall(base.read_text(encoding="utf-8"))):
            names = [name for name in names if palette or "/palette." not in name]
            return [Path(folder) / name for name in names]
    raise FileNotFoundError("Material's base.html, which names its stylesheets, was not found")


@dataclass(frozen=True)
class UsedNames:
    classes: frozenset[str]
    values: frozenset[str]
    prefixes: tuple[str, ...]
    script: str

    def has_class(self, name: str) -> bool:
        return name in self.classes or name.startswith(self.prefixes)


def stylesheet_names(stylesheets: list[str]) -> frozenset[str]:
    """Every class and attribute value that a selector of `stylesheets` names: all that
    a page's markup can tell `_may_match`."""
    names = set()
    for css in stylesheets:
        names.update(_CLASS.findall(css))
        names.update(value for _, value in _ATTRIBUTE_SELECTOR.findall(css))
    return frozenset(names)


def page_names(html: str, wanted: frozenset[str]) -> list:
    """What one built page brings to `used_names`: [its classes, its attribute values,
    its inline scripts], of classes and values only those in `wanted`
    (`stylesheet_names`); plain lists, as hfd.page_cache keeps them."""
    classes, values = set(), set()
    for name, value in set(_ATTRIBUTE.findall(html)):
        if value in wanted:
            values.add(value)
        if name == "class":
            classes.update(token for token in value.split() if token in wanted)
    inline = sorted(set(_INLINE_SCRIPT.findall(html))) if "<script>" in html else []
    return [sorted(classes), sorted(values), inline]


def used_names(pages, scripts, disabled: tuple[str, ...] = ()) -> UsedNames:
    """The classes and attribute values of the built pages (an iterable of `page_names`),
    and the words of the strings of the scripts (an iterable of JavaScript texts) and of
    the pages' inline scripts, but for
    the classes of `disabled` features that no page has."""
    classes, values, scripted = set(), set(), set()
    inline = set()
    for page_classes, page_values, page_scripts in pages:
        classes.update(page_classes)
        values.update(page_values)
        inline.update(page_scripts)
    script = "\n".join([*scripts, *sorted(inline)])
    prefixes = set()
    for groups in _STRING_LITERAL.findall(script):
        for text in groups:
            words = _WORD.findall(text)
            scripted.update(words)
            values.update(words)
            values.add(text)
            prefixes.update(_TEMPLATE_PREFIX.findall(text))
    classes |= {word for word in scripted if not word.startswith(disabled)}
    prefixes = {prefix for prefix in prefixes if not prefix.startswith(disabled)}
    return UsedNames(frozenset(classes), frozenset(values), tuple(sorted(prefixes)), script)


def bundle(stylesheets: list[str], used: UsedNames) -> str:
    """The stylesheets as one, without what `used` shows the site never uses."""
    rules = []
    for css in stylesheets:
        rules.extend(_kept(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), used))
    return _without_unread_properties("\n".join(rules), used.script)


def _kept(rules, used: UsedNames) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _selectors(tinycss2.serialize(rule.prelude)) if _may_match(s, used)]
            if selectors:
                kept.append(",".join(selectors) + "{" + _compact(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = _kept(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if inner:
                kept.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude) + "{" + "".join(inner) + "}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
    return kept


def _compact(tokens) -> str:
    """Declarations without comments, and no space beside `:` or `;`."""
    out = []
    for token in tokens:
        if token.type == "comment":
            continue
        if token.type == "whitespace":
            if out and out[-1] not in (" ", ":", ";"):
                out.append(" ")
            continue
        if token.type == "literal" and token.value in (":", ";") and out and out[-1] == " ":
            out.pop()
        out.append(token.value if token.type == "literal" else tinycss2.serialize([token]))
    return "".join(out).strip()


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, current = [], 0, []
    for char in prelude:
        depth += char in "([" and 1 or char in ")]" and -1 or 0
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [part for part in parts if part]


def _may_match(selector: str, used: UsedNames) -> bool:
    plain = selector
    while (simpler := _FUNCTIONAL.sub("", plain)) != plain:
        plain = simpler
    # A whole value (`=`) a page holds or not; a part of one ([id^="fnref:"]) may be in any
    # value, which pages do not report: such a selector is kept.
    if any(value and not operator and value not in used.values
           for operator, value in _ATTRIBUTE_SELECTOR.findall(plain)):
        return False
    return all(used.has_class(name) for name in _CLASS.findall(_ATTRIBUTE_SELECTOR.sub("", plain)))


def _without_unread_properties(css: str, script: str) -> str:
    """`css` without the custom properties that no rule, script or read property reads."""
    declared = _CUSTOM_PROPERTY.findall(css)
    read = set(re.findall(r"--[\w-]+", script)) | set(_VAR.findall(_CUSTOM_PROPERTY.sub("", css)))
    while True:
        now_read = read | {name for property, value in declared if property in read
                           for name in _VAR.findall(value)}
        if now_read == read:
            break
        read = now_read
    return _CUSTOM_PROPERTY.sub(lambda m: m[0] if m[1] in read else "", css)
