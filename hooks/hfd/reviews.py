"""Articles due for review: each post says when the author last reread it
(`last_reviewed:`) and may say when it is next due (`next_review:`); otherwise it is due
`extra.review.max_age_months` after the last review (12 by default). Read by the build
(a reminder at every build) and by `make check-reviews` (scripts/check_reviews.py)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from hfd.blog import posts_dir
from hfd.front_matter import read_front_matter
from hfd.site_time import post_dates, site_zone, today as zone_today

DEFAULT_MAX_AGE_MONTHS = 12
DUE_SOON_DAYS = 30

@dataclass
class Review:
    source: str
    title: str
    published: dt.date | None
    last_reviewed: dt.date | None
    due: dt.date | None
    reviewer: str

    def status(self, today: dt.date) -> str:
        if self.due is None:
            return "no review date"
        if self.due < today:
            return "overdue"
        if (self.due - today).days <= DUE_SOON_DAYS:
            return "due soon"
        return "up to date"


def reviews(config: MkDocsConfig) -> list[Review]:
    posts = Path(config.docs_dir) / posts_dir(config)
    max_age = int(config.extra.get("review", {}).get("max_age_months", DEFAULT_MAX_AGE_MONTHS))
    found = []
    for path in sorted(posts.rglob("*.md")):
        meta, _problem = read_front_matter(path)
        if meta.get("draft"):
            continue
        created = post_dates(meta)[0]
        last = meta.get("last_reviewed") if isinstance(meta.get("last_reviewed"), dt.date) else None
        due = meta.get("next_review") if isinstance(meta.get("next_review"), dt.date) else (
            _add_months(last, max_age) if last else None)
        reviewer = meta.get("medical_reviewer") or {}
        found.append(Review(
            source=path.relative_to(config.docs_dir).as_posix(),
            title=str(meta.get("title") or path.stem),
            published=created if isinstance(created, dt.date) else None,
            last_reviewed=last,
            due=due,
            reviewer=(f"{reviewer.get('name')}, {reviewer.get('credentials')}"
                      if isinstance(reviewer, dict) and reviewer.get("name") else "not medically reviewed"),
        ))
    return found


def site_today(config: MkDocsConfig) -> dt.date:
    return zone_today(site_zone(config.extra))


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))
