"""What the build's checks learn from a built page, kept for the next build.

The checks read every page of the site (its visible text, the classes it uses) and
the stylesheet bundle is made from what they find: at 500 posts that is seconds of
every build, though most pages come out of a rebuild byte for byte the same. A result
is stored under a digest of the page's HTML, in a folder named by a digest of
whatever else it depends on (`salt`: the stylesheets, the libraries' versions) and of
the source code that computed it (`code`), so an edit to a page, to a stylesheet or
to the checks themselves, or an upgrade, is always read afresh. The first build of a
fresh clone (CI) reads every page.

One small JSON file per page in .cache/<kind>/ beside mkdocs.yml (ignored by git),
written as it is learnt: nothing of the whole site is held in memory twice. After a
build the folder holds that build's pages only. A missing, unreadable or foreign
entry is read afresh, and a cache that cannot be written is skipped: never an error.
Each entry carries a digest of its value, its name and its folder: an entry edited by
hand (a failing page's result changed to a passing one) or copied from another page
no longer matches it, and the page is read afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Callable, TypeVar

Value = TypeVar("Value")
FOLDER = ".cache"


class PageCache:
    def __init__(self, config_file: str | os.PathLike | None, kind: str, code: list[Path], salt: str = ""):
        digest = hashlib.sha256(f"{salt}|{sys.version}".encode("utf-8", "surrogatepass"))
        for source in code:
            digest.update(source.read_bytes())
        # No mkdocs.yml file (a configuration read from standard input): no cache.
        self.root = Path(config_file).parent / FOLDER / kind if config_file else None
        self.folder = self.root / digest.hexdigest()[:32] if self.root else None
        self._used: set[str] = set()
        self._writable = self.root is not None

    def get(self, text: str, compute: Callable[[], Value]) -> Value:
        """`compute()`, or its stored result: `text` is what it reads (a built page's
        HTML, or all else it depends on) and its result must be plain JSON data."""
        if self.folder is None:
            return compute()
        name = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:40] + ".json"
        self._used.add(name)
        try:
            entry = json.loads((self.folder / name).read_text(encoding="utf-8"))
            if entry["digest"] == self._digest(name, entry["value"]):
                return entry["value"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
        value = compute()
        self._store(name, value)
        return value

    def save(self) -> None:
        """Forget what this build did not read: other pages, other code, other salt."""
        if not self._writable:
            return
        try:
            for entry in self.root.iterdir():
                if entry != self.folder:
                    shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink()
            for entry in self.folder.iterdir():
                if entry.name not in self._used:
                    entry.unlink()
        except OSError:
            pass

    def _digest(self, name: str, value) -> str:
        """What an entry's own content must hash to (JSON writes a value read back from
        JSON exactly as it first wrote it)."""
        content = f"{self.folder.name}|{name}|{json.dumps(value)}"
        return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()

    def _store(self, name: str, value) -> None:
        if not self._writable:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = self.folder / f"{name}.{os.getpid()}.tmp"
            entry = {"value": value, "digest": self._digest(name, value)}
            partial.write_text(json.dumps(entry), encoding="utf-8")
            partial.replace(self.folder / name)  # whole or not at all, even if two builds run at once
        except OSError:
            self._writable = False  # a read-only checkout: the next build reads every page again
