"""Build the real site (or a fixture copy of it) with the real `mkdocs build`."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")


@dataclass
class BuildResult:
    returncode: int
    output: str  # stdout and stderr together, as the author sees them


def build(project: Path, site_dir: Path, *, strict: bool = True, now=None,
          command: str = "mkdocs") -> BuildResult:
    """`mkdocs build` (or `properdocs build`) of `project` into `site_dir`; `now` (a
    date-time) fixes the build's clock (HFD_NOW), so that "published" and "today" are
    the tests' own."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    # Reproducible, as `make` builds it: the dates a build stamps are the last commit's.
    env.setdefault("SOURCE_DATE_EPOCH", _last_commit_time())
    if now is not None:
        env["HFD_NOW"] = now.isoformat()
    completed = subprocess.run(
        [sys.executable, "-m", command, "build", "--clean", *(["--strict"] if strict else []),
         "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr)


@functools.lru_cache(maxsize=None)
def _last_commit_time() -> str:
    done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True)
    return done.stdout.strip() or "1700000000"


@contextlib.contextmanager
def built_site() -> Iterator[Path]:
    """The real site, built into a temporary folder for a command-line tool; a build
    that fails ends the tool with the build's own message."""
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        result = build(REPO, site)
        if result.returncode != 0:
            raise SystemExit(result.output)
        yield site


def copy_project(destination: Path) -> Path:
    """A throwaway copy of the site's sources, for fixture sites that break something."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        else:
            shutil.copy2(source, destination / part)
    return destination


def post_markdown(address: str, body: str = "Intro.\n\n<!-- more -->\n\nMore.\n", **front_matter) -> str:
    """A blog post with complete, valid front matter, at blog/<address>/; keyword
    arguments change or (with None) remove its fields."""
    import yaml

    meta = {
        "title": address.replace("-", " ").capitalize(),
        "description": f"A fixture post, {address}, for the site's tests.",
        "slug": address,
        "date": {"created": "2024-03-01"},
        "last_reviewed": "2024-03-01",
        "authors": ["fede"],
        "categories": ["Understanding dystonia"],
    }
    meta.update(front_matter)
    meta = {key: value for key, value in meta.items() if value is not None}
    # Dates as YAML dates, as the author writes them (unquoted).
    text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
    text = re.sub(r"'(\d{4}-\d{2}-\d{2})'", r"\1", text)
    return f"---\n{text}---\n\n# {meta.get('title', address)}\n\n{body}"
