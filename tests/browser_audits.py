"""Helpers for the browser tests: axe-core, schemes, measurements."""

from __future__ import annotations

from pathlib import Path

from tests.site_build import REPO

AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"


def run_axe(page) -> list[dict]:
    """axe-core's violations on the loaded page, every rule enabled."""
    if not AXE_SCRIPT.is_file():
        raise AssertionError("axe-core is missing: run `make test` (it runs `npm ci`).")
    page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate("""async () => {
        const results = await axe.run(document, {resultTypes: ["violations"]});
        return results.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
        }));
    }""")


def describe(violations: list[dict]) -> str:
    return "\n".join(f"  {v['id']} ({v['impact']}): {v['help']} at {v['targets']}"
                     for v in violations)
