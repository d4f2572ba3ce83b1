"""The practice's own clock: dates in front matter are days in its time zone.

A post dated 2026-12-01 is published at midnight on that day where the practice is
(America/Denver by default, `extra.time_zone` in mkdocs.yml), not at midnight UTC,
which is the previous evening in Colorado. Every "today" and "in the future" of the
build is judged here.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIME_ZONE = "America/Denver"


def site_zone(extra: dict) -> ZoneInfo:
    """The site's time zone, from `extra.time_zone`."""
    name = str(extra.get("time_zone") or DEFAULT_TIME_ZONE)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        from mkdocs.exceptions import PluginError

        raise PluginError(
            f"extra.time_zone is '{name}', which is not a time zone name; write one such "
            "as America/Denver (see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones)."
        ) from None


def now(zone: ZoneInfo) -> dt.datetime:
    """The current time in `zone`. HFD_NOW (an ISO date-time) fixes it, for tests."""
    fixed = os.environ.get("HFD_NOW")
    if fixed:
        moment = dt.datetime.fromisoformat(fixed)
        return moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)
    return dt.datetime.now(zone)


def today(zone: ZoneInfo) -> dt.date:
    return now(zone).date()


def local_datetime(value: object, zone: ZoneInfo) -> dt.datetime | None:
    """A front matter date or date-time as an aware date-time in `zone`: a day alone
    means its midnight there; a time without a zone means that time there."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), zone)
    return None


def post_dates(meta: dict) -> tuple[object, object]:
    """(created, updated) as written in a post's front matter, in either form:
    `date: 2026-01-05` or `date: {created: 2026-01-05, updated: ...}`."""
    dates = meta.get("date")
    if isinstance(dates, dict):
        return dates.get("created"), dates.get("updated")
    return dates, None
