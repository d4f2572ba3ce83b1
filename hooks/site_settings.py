"""The addresses in mkdocs.yml's settings are safe to put in front of readers.

The booking link, the contact email and the social links appear on every page: each
must be an https:// address (or, for email, a plain address). A typo stops the build,
naming the setting.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

_EMAIL = re.compile(r"^[^@\s:/]+@[^@\s:/]+\.[a-z]{2,}$", re.I)


_command = {"name": "build"}


def on_startup(*, command: str, dirty: bool) -> None:
    _command["name"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    extra = config.extra
    problems = []
    # `mkdocs serve` replaces site_url with its own local http:// address.
    if _command["name"] != "serve" and not str(config.site_url or "").startswith("https://"):
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
    if problems:
        raise PluginError("Settings in mkdocs.yml need fixing:\n"
                          + "\n".join(f"  - {p}" for p in problems))
    return config


def _is_https(value: object) -> bool:
    return bool(re.match(r"^https://[^\s/]+\.[^\s]+$", str(value or "")))
