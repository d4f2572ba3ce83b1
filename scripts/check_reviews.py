"""`make check-reviews`: every article with its review status.

Each post says when the author last reread it (`last_reviewed:`) and may say when it is
next due (`next_review:`); otherwise it is due `extra.review.max_age_months` after the
last review. Every build also warns about articles overdue for review
(hooks/author_checks.py). The statuses come from hfd.reviews, as the build's do.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # the build's helpers, as `hfd.*`

from hfd.reviews import reviews, site_today  # noqa: E402


def main() -> int:
    from mkdocs.config import load_config

    config = load_config(str(Path.cwd() / "mkdocs.yml"))
    today = site_today(config)
    rows = reviews(config)
    print(f"{'status':<15}{'last reviewed':<15}{'due':<12}{'medical review':<26}article")
    for review in sorted(rows, key=lambda r: (r.due or dt.date.min)):
        print(f"{review.status(today):<15}{str(review.last_reviewed or '-'):<15}"
              f"{str(review.due or '-'):<12}{review.reviewer[:25]:<26}{review.title} (docs/{review.source})")
    overdue = sum(review.status(today) == "overdue" for review in rows)
    print(f"\n{len(rows)} articles, {overdue} overdue for review.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
