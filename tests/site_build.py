"""Build the real site (or a fixture copy of it) with the real `mkdocs build`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")


@dataclass
class BuildResult:
    returncode: int
    output: str  # stdout and stderr together, as the author sees them


def build(project: Path, site_dir: Path, *, strict: bool = True) -> BuildResult:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", *(["--strict"] if strict else []),
         "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr)


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
