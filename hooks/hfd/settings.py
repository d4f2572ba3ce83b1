"""The addresses in mkdocs.yml's settings are safe to put in front of readers.

The booking link, the contact email and the social links appear on every page: each
must be an https:// address (or, for email, a plain address); site_url too, except in
`mkdocs serve`, which replaces it with its own local http:// address. The time zone
must be a real one.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig

from hfd.site_time import site_zone

_EMAIL = re.compile(r"^[^@\s:/]+@[^@\s:/]+\.[a-z]{2,}$", re.I)


def settings_problems(config: MkDocsConfig, command: str) -> list[str]:
    extra = config.extra
    problems = []
    if command != "serve" and not str(config.site_url or "").startswith("https://"):
        problems.append(f"site_url is '{config.site_url}'; it must start with https://.")
    booking = extra.get("booking", {})
    if not _is_https(booking.get("scheduler_url")):
        problems.append(f"extra.booking.scheduler_url is '{booking.get('scheduler_url')}'; "
                        "it must start with https://.")
    if not _EMAIL.match(str(booking.get("email") or "")):
        problems.append(f"extra.booking.email is '{booking.get('email')}'; write an email "
                        "address such as hello@hopefordystonia.com.")
    for number, social in enumerate(extra.get("social") or [], start=1):
        link = str((social or {}).get("link") or "")
        if not (_is_https(link) or (link.startswith("mailto:") and _EMAIL.match(link[7:]))):
            problems.append(f"extra.social item {number} link is '{link}'; it must start with "
                            "https:// (or be mailto:address).")
    site_zone(extra)  # a clear error of its own for a time zone that does not exist
    return problems


def _is_https(value: object) -> bool:
    return bool(re.match(r"^https://[^\s/]+\.[^\s]+$", str(value or "")))
