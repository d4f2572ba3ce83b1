"""Run Lighthouse 12 (npm, pinned in package.json) on pages and summarise its reports."""

from __future__ import annotations

import json
import os
import subprocess
from urllib.parse import urlsplit

from tests.browsers import CHROMIUM_FLAGS, browser_problem, find_chromium
from tests.site_build import REPO

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The categories the tests score (test_performance.py); the performance score varies with
# the machine (`make audit` reports it).
SCORED_IN_TESTS = ("accessibility", "best-practices", "seo")
# What the tests read besides the scores (the performance category's timings vary with the
# machine: `make audit` reports them): requests, weight, layout shift, render-blocking.
CHECKED_AUDITS = ("network-requests", "total-byte-weight", "cumulative-layout-shift", "render-blocking-resources")


class LighthouseUnavailable(RuntimeError):
    pass


def unavailable() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if not LIGHTHOUSE.exists():
        return "Lighthouse is missing: run `make test` (it runs `npm ci`)."
    if find_chromium() is None:  # Lighthouse starts its own
        return f"No Chromium for Lighthouse. {browser_problem()}"
    return None


def audit_pages(urls: list[str], form_factor: str = "mobile", categories=CATEGORIES,
                audits=CHECKED_AUDITS) -> dict[str, dict]:
    """{url: Lighthouse's scores and figures}, the pages audited one after the other in
    one Chrome (tests/lighthouse.mjs): `categories` scored, and `audits` besides. A
    figure of a category left out is None."""
    problem = unavailable()
    if problem:
        raise LighthouseUnavailable(problem)
    completed = subprocess.run(
        ["node", str(REPO / "tests" / "lighthouse.mjs"), form_factor, ",".join(categories), ",".join(audits), *urls],
        capture_output=True, text=True, timeout=600, cwd=REPO,
        env={**os.environ, "CHROME_PATH": find_chromium(),
             "LIGHTHOUSE_CHROME_FLAGS": json.dumps(["--headless", *CHROMIUM_FLAGS])})
    if completed.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {urls}:\n{completed.stderr[-2000:]}")
    return {url: summarise(report) for url, report in json.loads(completed.stdout).items()}


def summarise(report: dict) -> dict:
    audits = report["audits"]

    def figure(audit: str, digits: int = 0):
        return round(audits[audit]["numericValue"], digits or None) if audit in audits else None

    requests = [item for item in audits["network-requests"]["details"]["items"]
                if not item["url"].startswith("data:")]
    page_host = urlsplit(report["finalDisplayedUrl"]).hostname
    return {
        "url": report["finalDisplayedUrl"],
        "scores": {name: round(category["score"] * 100) for name, category in report["categories"].items()},
        "lcp_ms": figure("largest-contentful-paint"),
        "fcp_ms": figure("first-contentful-paint"),
        "tbt_ms": figure("total-blocking-time"),
        "render_blocking": len((audits["render-blocking-resources"].get("details") or {}).get("items", []))
        if "render-blocking-resources" in audits else None,
        "benchmark_index": round(report.get("environment", {}).get("benchmarkIndex", 0)),
        "cls": figure("cumulative-layout-shift", 4),
        "total_bytes": figure("total-byte-weight"),
        "requests": len(requests),
        "image_requests": len(images := [item for item in requests if item.get("resourceType") == "Image"]),
        "image_bytes": sum(item.get("transferSize", 0) for item in images),
        "third_party_requests": [item["url"] for item in requests
                                 if urlsplit(item["url"]).hostname != page_host],
        "failed_audits": sorted(
            ref["id"] for category in report["categories"].values() for ref in category["auditRefs"]
            if ref.get("weight", 0) > 0 and (audits[ref["id"]].get("score") or 1) < 1
            and audits[ref["id"]].get("scoreDisplayMode") not in ("notApplicable", "informative")
        ),
    }
