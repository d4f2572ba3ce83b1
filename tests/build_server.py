"""Loaded once in the tests' fork server (tests/site_build.py), so that each build, a
fork of it, starts where a second build of `mkdocs serve` starts: MkDocs, Material, the
plugins and what the hooks import already in memory, and Material's index of its emoji
and icons already read (functools-cached per process; about 0.14 s a build, a walk of
some 14,000 files). The site's own hooks (hooks/, hfd.*) are not loaded here: each
build imports those of the project it builds."""

import mkdocs.__main__  # noqa: F401 - loaded for the builds, not used here
import mkdocs.commands.build  # noqa: F401
import material.plugins.blog.plugin  # noqa: F401
import material.plugins.search.plugin  # noqa: F401
import mkdocs_rss_plugin.plugin  # noqa: F401
import pymdownx.blocks.caption  # noqa: F401
import pymdownx.blocks.html  # noqa: F401
import pymdownx.superfences  # noqa: F401
import pymdownx.emoji  # noqa: F401
import lxml.html  # noqa: F401
import PIL.Image  # noqa: F401
import tinycss2  # noqa: F401
import yaml  # noqa: F401
# What the hooks import besides MkDocs (hooks/*.py, hooks/hfd/*.py) and the plugins load.
import anyascii  # noqa: F401
import cachecontrol.caches.file_cache  # noqa: F401 - mkdocs-rss-plugin's cache
import difflib  # noqa: F401
import html5lib  # noqa: F401
import nh3  # noqa: F401
import pygments.formatters.html  # noqa: F401
import pygments.lexers  # noqa: F401
import rjsmin  # noqa: F401
from material.extensions import emoji

import tests.site_build  # noqa: F401 - what each build runs

emoji._load_twemoji_index(())  # as mkdocs.yml's pymdownx.emoji asks for it: no custom icons
