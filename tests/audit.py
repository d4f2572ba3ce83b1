"""`make audit`: Lighthouse on the key pages, mobile and desktop, as a table and JSON.

Builds the site, serves it from 127.0.0.1 with gzip like a static host, and audits the
home page, the article, the consultation page and the 404 page.
"""

from __future__ import annotations

import json
import sys

from tests.lighthouse import audit
from tests.site_build import REPO, built_site
from tests.static_server import serve

REPORT = REPO / "audit-report.json"


def pages(site) -> dict[str, str]:
    """Home, the newest article (found in the built site), consultation, 404."""
    from tests.site_pages import newest_post

    article = newest_post(site)
    return {"home": "", **({"article": article} if article else {}),
            "consultation": "consultation/",
            "404": "404.html"}  # Lighthouse refuses pages served with a 404 status


def main() -> int:
    with built_site() as site:
        rows = []
        with serve(site) as base:
            for form_factor in ("mobile", "desktop"):
                for name, path in pages(site).items():
                    rows.append({"page": name, "form_factor": form_factor, **audit(base + path, form_factor)})
                    _print_row(rows[-1], header=len(rows) == 1)
    REPORT.write_text(json.dumps(rows, indent=2) + "\n")
    print(f"\nWritten to {REPORT.relative_to(REPO)}")
    return 0


def _print_row(row: dict, header: bool) -> None:
    if header:
        print(f"{'page':<13}{'device':<9}{'perf':>5}{'a11y':>6}{'best':>6}{'seo':>5}"
              f"{'LCP ms':>8}{'CLS':>8}{'KB':>7}{'reqs':>6}  failing audits")
    scores = row["scores"]
    print(f"{row['page']:<13}{row['form_factor']:<9}{scores['performance']:>5}"
          f"{scores['accessibility']:>6}{scores['best-practices']:>6}{scores['seo']:>5}"
          f"{row['lcp_ms']:>8}{row['cls']:>8}{row['total_bytes'] / 1024:>7.1f}{row['requests']:>6}"
          f"  {', '.join(row['failed_audits']) or '-'}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
