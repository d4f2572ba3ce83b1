"""Front matter as the build reads it: one reading per version of a file, shared by
the hooks that need it (the checks, publishing, reviews)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

# libyaml's loader when PyYAML has it (several times faster), else the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_front_matter(path: Path | str) -> tuple[dict, str | None]:
    """(front matter, None), or ({}, what is wrong with it). Read once per version of
    the file: several hooks ask."""
    stat = os.stat(path)
    return _read_front_matter(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)
def _read_front_matter(path: str, _mtime_ns: int, _size: int) -> tuple[dict, str | None]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return {}, "the file is not UTF-8 text; save it as UTF-8."
    match = YAML_RE.match(text)
    if not match:
        return {}, "no front matter; start the file with the block between `---` lines."
    try:
        meta = yaml.load(match.group(1), Loader=_SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        reason = getattr(error, "problem", None) or "it is not valid YAML"
        return {}, (f"the front matter is not valid{where}: {reason}. Check its colons, quotes "
                    "and indentation; a value with a colon needs quotes, e.g. "
                    "`title: \"Dystonia: what helps\"`.")
    if not isinstance(meta, dict):
        return {}, "the front matter must be `key: value` lines, e.g. `title: My article`."
    return meta, None
