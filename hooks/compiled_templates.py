"""Fast rebuilds: the theme's templates are compiled once, not on every build.

Jinja compiles every template a build draws with (Material's and overrides/, about 75)
into Python code: about a third of a small site's build, repeated by each rebuild of
`make serve` after the author saves, and by each of the tests' builds. Jinja keeps what
it compiled in .cache/templates/ beside mkdocs.yml (ignored by git, as the checks' cache
is) and checks each template's source against it, so an edited template is compiled
afresh; so is a damaged entry. What the compiled code also depends on (Jinja's version
and options, the extensions, which filters and tests exist and what they are passed)
names the entry too, so a generator or plugin that sets up its templates differently
(ProperDocs, an upgrade) never reads another's code. After a build the folder holds the
templates that build drew with, no others; a cache that cannot be written is skipped.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from hfd.page_cache import FOLDER

# The options Jinja reads when it compiles (jinja2.Environment's parameters).
COMPILE_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                   "comment_start_string", "comment_end_string", "line_statement_prefix",
                   "line_comment_prefix", "trim_blocks", "lstrip_blocks", "newline_sequence",
                   "keep_trailing_newline", "optimized", "is_async")
THIS_CODE = Path(__file__).read_bytes()
used_entries: set[str] = set()  # this build's, by file name


def compile_settings(environment: jinja2.Environment) -> str:
    """All that Jinja's compiled code depends on besides the template's own source."""
    def called(functions: dict) -> list:
        return sorted((name, str(getattr(function, "jinja_pass_arg", ""))) for name, function in functions.items())

    autoescape = environment.autoescape
    return repr((jinja2.__version__, type(environment).__module__, sorted(environment.extensions),
                 [getattr(environment, option, None) for option in COMPILE_OPTIONS],
                 autoescape if isinstance(autoescape, bool) else getattr(autoescape, "__qualname__", "?"),
                 str(getattr(environment.finalize, "jinja_pass_arg", environment.finalize is not None)),
                 called(environment.filters), called(environment.tests), THIS_CODE))


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates in files, each named by the template and by
    the settings it was compiled under (looked at when it is loaded: the filters the
    plugins add to the environment before the pages are drawn count)."""

    def get_bucket(self, environment, name, filename, source):
        key = hashlib.sha1(f"{name}|{filename}|{compile_settings(environment)}".encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        used_entries.add(str(Path(self.directory) / (self.pattern % bucket.key)))
        try:
            self.load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged entry: Jinja reads only some damage as none
            bucket.reset()
        return bucket

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a read-only copy builds as before, only slower


def _with_compiled_templates(get_env, folder: Path):
    def get_env_keeping_compiled_templates() -> jinja2.Environment:
        environment = get_env()
        environment.bytecode_cache = CompiledTemplates(str(folder))
        return environment
    return get_env_keeping_compiled_templates


def _folder(config: MkDocsConfig) -> Path | None:
    # A configuration read from standard input has no folder: nothing is kept.
    return Path(config.config_file_path).parent / FOLDER / "templates" if config.config_file_path else None


@event_priority(110)  # before every other on_config: search and blog draw a template there
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    used_entries.clear()
    folder = _folder(config)
    if folder is None:
        return config
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return config
    # Every environment the theme makes: the pages', and those plugins make for themselves.
    config.theme.get_env = _with_compiled_templates(config.theme.get_env, folder)
    return config


@event_priority(-290)  # once every page is drawn
def on_post_build(config: MkDocsConfig) -> None:
    """Forget the templates this build did not draw with (an upgrade's old ones)."""
    folder = _folder(config)
    try:
        for entry in folder.glob("*.cache") if folder else ():
            if str(entry) not in used_entries:
                entry.unlink()
    except OSError:
        pass
