"""The tools the Makefile runs besides the build and the tests: each starts; the check of
links to other sites collects them from the built site, checks them, and is safe offline."""

from __future__ import annotations

import re
import subprocess
import sys

import requests

from scripts import external_links
from tests.site_build import REPO
from tests.static_server import serve


def test_every_tool_the_makefile_runs_as_a_module_starts():
    # No test runs `make audit` or `make bench` whole (Lighthouse, hundreds of builds); a
    # tool that cannot import its helpers must still fail here, as `make audit` once did.
    modules = re.findall(r"\$\(BIN\)/python -m (?!pytest\b)([\w.]+)", (REPO / "Makefile").read_text())
    assert "scripts.audit" in modules
    started = subprocess.run([sys.executable, "-c", "import importlib, sys\nfor name in sys.argv[1:]: "
                              "importlib.import_module(name)", *modules], cwd=REPO, capture_output=True, text=True)
    assert started.returncode == 0, started.stderr


def test_every_external_link_of_the_site_is_collected(site):
    links = external_links.external_links(site)
    assert "https://hello.hopefordystonia.com/" in links
    assert "https://www.youtube.com/@hopefordystonia" in links
    assert not [url for url in links if "hopefordystonia.com/blog" in url], "own pages are internal"


def test_a_live_link_passes_and_a_dead_one_is_reported(site):
    with serve(site) as base, requests.Session() as session:
        assert external_links.check(base + "about/", session) is None
        assert external_links.check(base + "no-such-page/", session) == "HTTP 404"


def test_without_a_network_the_check_says_offline_and_does_not_fail(monkeypatch, capsys):
    monkeypatch.setattr(external_links, "online", lambda urls: False)
    assert external_links.main([]) == 0
    assert "offline, skipped" in capsys.readouterr().out
