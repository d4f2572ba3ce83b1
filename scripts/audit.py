"""`make audit`: Lighthouse on the key pages, mobile and desktop, as a table and JSON.

Builds the site, serves it from 127.0.0.1 with gzip like a static host, and audits one
page of each template (home, articles page, newest article, consultation page, 404 page,
as the tests choose them) three times each, interleaved (page after page, then again),
and prints each figure as its median with the lowest and highest of the runs. Timings depend on the machine (Lighthouse's
"benchmark index" is printed with them): they are reported here, never tested.
"""

from __future__ import annotations

import json
import statistics
import sys

from mkdocs.config import load_config

from scripts.bench import spread
from tests.lighthouse import audit_pages
from tests.site_build import REPO, built_site
from tests.site_pages import one_page_of_each_template
from tests.static_server import serve

REPORT = REPO / "audit-report.json"
RUNS = 3


def main() -> int:
    with built_site() as site:
        runs: dict[tuple[str, str], list[dict]] = {}
        pages = {page.removesuffix("index.html"): kind for page, kind in
                 one_page_of_each_template(site, load_config(str(REPO / "mkdocs.yml"))).items()}
        with serve(site) as base:
            for form_factor in ("mobile", "desktop"):
                for _ in range(RUNS):  # the pages one after the other in one Chrome, then again
                    found = audit_pages([base + page for page in pages], form_factor)
                    for page, kind in pages.items():
                        runs.setdefault((kind, form_factor), []).append(found[base + page])
        rows = [{"page": name, "form_factor": form_factor, "runs": results}
                for (name, form_factor), results in runs.items()]
        for index, row in enumerate(rows):
            _print_row(row, header=index == 0)
    REPORT.write_text(json.dumps(rows, indent=2) + "\n")
    print(f"\nMedian (lowest-highest) of {RUNS} runs. Written to {REPORT.relative_to(REPO)}")
    return 0


def _print_row(row: dict, header: bool) -> None:
    if header:
        print(f"{'page':<18}{'device':<9}{'perf':>14}{'LCP ms':>18}{'TBT ms':>16}{'CLS':>7}"
              f"{'a11y/best/seo':>15}{'KB':>7}{'reqs':>6}{'blocking':>9}{'bench':>7}  failing audits")
    runs = row["runs"]
    last = runs[-1]
    scores = "/".join(str(min(run["scores"][name] for run in runs))
                      for name in ("accessibility", "best-practices", "seo"))
    print(f"{row['page']:<18}{row['form_factor']:<9}"
          f"{spread([run['scores']['performance'] for run in runs]):>14}"
          f"{spread([run['lcp_ms'] for run in runs]):>18}{spread([run['tbt_ms'] for run in runs]):>16}"
          f"{max(run['cls'] for run in runs):>7}{scores:>15}{last['total_bytes'] / 1024:>7.1f}"
          f"{last['requests']:>6}{max(run['render_blocking'] for run in runs):>9}"
          f"{round(statistics.median(run['benchmark_index'] for run in runs)):>7}"
          f"  {', '.join(sorted({a for run in runs for a in run['failed_audits']})) or '-'}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
