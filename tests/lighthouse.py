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


class LighthouseUnavailable(RuntimeError):
    pass


def audit_pages(urls: list[str], form_factor: str = "mobile") -> dict[str, dict]:
    """{url: Lighthouse's scores and figures}, the pages audited one after the other in
    one Chrome (tests/lighthouse.mjs)."""
    if not LIGHTHOUSE.exists():
        raise LighthouseUnavailable("Lighthouse is missing: run `make test` (it runs `npm ci`).")
    chrome = find_chromium()  # Lighthouse starts its own
    if chrome is None:
        raise LighthouseUnavailable(f"No Chromium for Lighthouse. {browser_problem()}")
    completed = subprocess.run(
        ["node", str(REPO / "tests" / "lighthouse.mjs"), form_factor, *urls],
        capture_output=True, text=True, timeout=600, cwd=REPO,
        env={**os.environ, "CHROME_PATH": chrome,
             "LIGHTHOUSE_CHROME_FLAGS": json.dumps(["--headless=new", *CHROMIUM_FLAGS])})
    if completed.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {urls}:\n{completed.stderr[-2000:]}")
    return {url: summarise(report) for url, report in json.loads(completed.stdout).items()}


def summarise(report: dict) -> dict:
    audits = report["audits"]
    requests = [item for item in audits["network-requests"]["details"]["items"]
                if not item["url"].startswith("data:")]
    page_host = urlsplit(report["finalDisplayedUrl"]).hostname
    return {
        "url": report["finalDisplayedUrl"],
        "scores": {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "render_blocking": len((audits.get("render-blocking-resources", {}).get("details") or {}).get("items", [])),
        "benchmark_index": round(report.get("environment", {}).get("benchmarkIndex", 0)),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 4),
        "total_bytes": round(audits["total-byte-weight"]["numericValue"]),
        "requests": len(requests),
        "image_requests": len(images := [item for item in requests if item.get("resourceType") == "Image"]),
        "image_bytes": sum(item.get("transferSize", 0) for item in images),
        "third_party_requests": [item["url"] for item in requests
                                 if urlsplit(item["url"]).hostname != page_host],
        "failed_audits": sorted(
            ref["id"] for name in CATEGORIES for ref in report["categories"][name]["auditRefs"]
            if ref.get("weight", 0) > 0 and (audits[ref["id"]].get("score") or 1) < 1
            and audits[ref["id"]].get("scoreDisplayMode") not in ("notApplicable", "informative")
        ),
    }
