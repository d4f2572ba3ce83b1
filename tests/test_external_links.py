"""External links: collected from the built site, checked with retries, offline-safe."""

from __future__ import annotations

import requests

from tests import external_links
from tests.static_server import serve


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
