"""Build the real site (or a fixture copy of it) with the real `mkdocs build`."""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent
MATERIAL = Path(importlib.util.find_spec("material").origin).parent / "templates"  # what the site overrides
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")


@dataclass
class BuildResult:
    returncode: int
    output: str  # stdout and stderr together, as the author sees them


# Each build is a fork of a server that has already loaded what a build loads
# (tests/build_server.py): a warm build of this repository in about 0.7 s, a refused
# one in 0.4 s, instead of 1.4 s for a new interpreter; and still a clean process of its
# own: its own working directory, environment, logging and imported hooks.
@functools.lru_cache(maxsize=None)
def _builders():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.build_server"])
    return context


def build(project: Path, site_dir: Path, *, strict: bool = True, now=None,
          command: str = "mkdocs", environment: dict[str, str] | None = None) -> BuildResult:
    """`mkdocs build` (or `properdocs build`) of `project` into `site_dir`, through the
    generator's own command line, as the author runs it; `now` (a date-time) fixes the
    build's clock (HFD_NOW), so that "published" and "today" are the tests' own;
    `environment`: variables of the build's own (GITHUB_REPOSITORY, as on GitHub Actions)."""
    env = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           # Reproducible, as `make` builds it: the dates a build stamps are the last commit's.
           "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or _last_commit_time(),
           **(environment or {})}
    if now is not None:
        env["HFD_NOW"] = now.isoformat()
    arguments = ["build", "--clean", *(["--strict"] if strict else []),
                 "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)]
    if command != "mkdocs":  # ProperDocs and MkDocs cannot share one process
        completed = subprocess.run([sys.executable, "-m", command, *arguments], cwd=project,
                                   env={**os.environ, **env}, capture_output=True, text=True, timeout=600)
        return BuildResult(completed.returncode, completed.stdout + completed.stderr)
    with tempfile.NamedTemporaryFile("w+", encoding="utf-8", suffix=".log") as log:
        process = _builders().Process(target=_run_command_line,
                                      args=(arguments, str(project), env, log.name))
        process.start()
        process.join(timeout=600)
        if process.exitcode is None:
            process.kill()
            process.join()
            raise TimeoutError(f"{command} build of {project} took over 10 minutes")
        return BuildResult(process.exitcode, Path(log.name).read_text(encoding="utf-8"))


def _run_command_line(arguments: list[str], cwd: str, env: dict, log: str) -> None:
    """In the forked builder: MkDocs' command line, its output to `log`."""
    os.environ.pop("HFD_NOW", None)
    os.environ.update(env)
    os.chdir(cwd)
    output = os.open(log, os.O_WRONLY | os.O_TRUNC)
    os.dup2(output, 1)
    os.dup2(output, 2)
    from mkdocs.__main__ import cli

    code = 0
    try:
        cli.main(args=arguments, prog_name="mkdocs")
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    except BaseException:  # noqa: BLE001 - shown as the command line would show it
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


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


def copy_project(destination: Path, *, warm: bool = True) -> Path:
    """A throwaway copy of the site's sources, for fixture sites that break something.
    `warm`: with what the build's checks learnt of this repository's pages (its .cache/,
    if a build made one): found by content and salted by the stylesheets and the checks'
    code, so a changed page, stylesheet or check is read afresh, and the rest is not
    read again (a build in half the time)."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        else:
            shutil.copy2(source, destination / part)
    (destination / "node_modules").symlink_to((REPO / "node_modules").resolve())  # the editor's package
    if warm and (REPO / ".cache").is_dir():
        shutil.copytree(REPO / ".cache", destination / ".cache", dirs_exist_ok=True)
    return destination


BAD_POST = "docs/blog/posts/bad.md"  # the post bad_post adds, as the build's messages name it


def bad_post(more: str = "More.", **fields) -> dict[str, str]:
    """Edits that add BAD_POST: `more` after its excerpt, `fields` changed."""
    return {BAD_POST: post_markdown("bad", body=f"Intro.\n\n<!-- more -->\n\n{more}\n", **fields)}


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


# -- A copy of the project with changes, built: for the messages the build stops with -----

# An edit to one file of a copy: its new text or bytes, (old, new) to replace text that
# must be in it (mkdocs.yml's settings, a template), a list of those, or None to delete it.
Edit = str | bytes | tuple[str, str] | list[tuple[str, str]] | None


def build_with(root: Path, edits: dict[str, Edit], *, now=None, strict: bool = True,
               environment: dict[str, str] | None = None) -> BuildResult:
    """A copy of the project under `root`, with `edits` ({path in the project: edit}),
    built into root/site."""
    project = copy_project(root / "project")
    for name, edit in edits.items():
        target = project / name
        if edit is None:
            target.unlink()
        elif isinstance(edit, (tuple, list)):
            text = target.read_text(encoding="utf-8")
            for old, new in [edit] if isinstance(edit, tuple) else edit:
                assert old and old in text, f"{name} no longer holds {old!r}: update the test"
                text = text.replace(old, new)
            target.write_text(text, encoding="utf-8")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(edit if isinstance(edit, bytes) else edit.encode("utf-8"))
    return build(project, root / "site", now=now, strict=strict, environment=environment)


def assert_refused(result: BuildResult, *expected: str, one_screen: bool = True) -> None:
    """The build stopped with each of the `expected` texts in its message, and no
    traceback; all of it on one screen unless it names many pages."""
    assert result.returncode != 0, result.output
    for text in expected:
        assert text in result.output, result.output
    assert "Traceback" not in result.output, result.output
    assert not one_screen or len(result.output.splitlines()) <= 40, "fits on one screen:\n" + result.output
