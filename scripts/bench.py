"""`make bench`: build time and peak memory at 10, 100 and 500 posts.

For each size it builds a synthetic copy of the site (realistic posts of about 1,200
words, full front matter, a figure each) three ways: this project's first build in a
fresh clone (CI: nothing in .cache/), this project's rebuild (as `mkdocs serve` and a
maintainer's next build: what the checks learnt of unchanged pages is in .cache/, see
hooks/hfd/page_cache.py), and the same posts with plain Material (no project hooks or
overrides). Each way is built BENCH_RUNS times (3 by default), interleaved and in a
rotating order, so that a slow moment of the machine does not fall on one variant. It
prints the median wall time and peak memory (max RSS of the build process) with their
min-max spread, the project/plain ratios of the medians, and the share of build time
spent in the project's own hooks.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.site_build import REPO, copy_project, post_markdown

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "10,100,500").split(",")]
WORDS = ("dystonia nervous system body jaw neck posture movement pattern spasm balance "
         "awareness breath practice change coaching process tension muscle signal habit "
         "attention safety rest sleep light screen voice hand eye trauma support care "
         "the a of and to in is that with for as on it this can be or are we our your").split()


# -- Synthetic sites ------------------------------------------------------------------------


def _paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return ". ".join(s.strip().capitalize() for s in text.split(" the ") if s.strip()) + "."


def make_site(root: Path, posts: int) -> Path:
    project = copy_project(root / "project")
    rng = random.Random(posts)
    images = project / "docs/assets/images/bench"
    images.mkdir(parents=True)
    shutil.copy(REPO / "docs/assets/images/articles/what-causes-dystonia/jaw-three-dimensions.svg",
                images / "figure.svg")
    for number in range(posts):
        sections = "\n\n".join(
            f"## Section {s}\n\n" + "\n\n".join(_paragraph(rng, 80) for _ in range(3))
            for s in range(1, 6)
        )
        figure = (
            '<figure markdown="span">\n'
            "  ![A diagram used by the benchmark.](../../assets/images/bench/figure.svg)"
            '{ width="960" height="600" loading="lazy" }\n'
            '  <figcaption>A figure. <small class="hfd-credit">Drawn for this site.</small></figcaption>\n'
            "</figure>"
        )
        body = f"{_paragraph(rng, 60)}\n\n<!-- more -->\n\n{figure}\n\n{sections}\n"
        day = f"20{10 + number % 15:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        (project / f"docs/blog/posts/bench-{number:04d}.md").write_text(post_markdown(
            f"bench-{number:04d}", body=body, title=f"Benchmark article {number}",
            date={"created": day}, last_reviewed=day))
    return project


def plain_material_config(project: Path) -> Path:
    """The same site and plugins, without the project's hooks and theme overrides."""
    text = (project / "mkdocs.yml").read_text()
    text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    text = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", text)
    text = text.replace("  custom_dir: overrides\n", "")
    text = text.replace("as_creation: feed_created", "as_creation: date.created")
    text = text.replace("as_update: feed_updated", "as_update: date.created")
    for page in ("docs/index.md", "docs/blog/index.md"):  # the project's own templates
        (project / page).write_text(re.sub(r"(?m)^template: .*\n", "", (project / page).read_text()))
    path = project / "plain.yml"
    path.write_text(text)
    return path


# -- Measuring one build ----------------------------------------------------------------------


def measure(config: Path, site: Path) -> dict:
    """Wall time, peak memory and time in project hooks of one `mkdocs build`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    # Output goes to files: a full pipe would stall the build we are timing.
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "scripts.bench", "--child", str(config), str(site)],
                                 cwd=REPO, env=env, stdout=out_file, stderr=err_file, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        out_file.seek(0), err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    if status != 0:
        raise RuntimeError(f"build of {config.name} failed:\n{err[-3000:]}")
    return {"seconds": wall, "peak_mb": usage.ru_maxrss / 1024, **json.loads(out.splitlines()[-1])}


def _child(config_path: str, site_dir: str) -> None:
    """Run one build in this process, timing the project's hook functions."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_path, site_dir=site_dir)
    hook_modules = {module.__name__ for module in config.hooks.values()} if config.hooks else set()
    spent: dict[str, float] = {}

    def timed(method):
        name = f"{Path(method.__module__).name}.{method.__name__}"

        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - started
        wrapper.mkdocs_priority = getattr(method, "mkdocs_priority", 0)
        return wrapper

    for name, methods in config.plugins.events.items():
        config.plugins.events[name] = [
            timed(m) if getattr(m, "__module__", None) in hook_modules else m for m in methods
        ]
    config.plugins.on_startup(command="build", dirty=False)
    started = time.perf_counter()
    build(config)
    total = time.perf_counter() - started
    config.plugins.on_shutdown()
    print(json.dumps({"build_seconds": total, "hook_seconds": sum(spent.values()),
                      "hooks": dict(sorted(spent.items(), key=lambda item: -item[1]))}))


# -- The table ---------------------------------------------------------------------------------

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
VARIANTS = ("first build", "rebuild", "plain")


def spread(values: list[float], digits: int = 0) -> str:
    """The median, and the lowest and highest, of `values`."""
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def main() -> int:
    print(f"{RUNS} runs of each variant, interleaved; median (min-max). 'first build': a fresh "
          "clone (empty .cache/); 'rebuild': the same build again.", flush=True)
    print(f"{'posts':>6} {'variant':>12} {'seconds':>19} {'x plain':>8} {'MB':>15} {'x plain':>8} "
          f"{'in hooks':>9}", flush=True)
    rows = []
    for size in SIZES:
        with tempfile.TemporaryDirectory() as temp:
            project = make_site(Path(temp), size)
            configs = {"first build": project / "mkdocs.yml", "rebuild": project / "mkdocs.yml",
                       "plain": plain_material_config(project)}
            measure(configs["rebuild"], Path(temp) / "warm-up")  # a rebuild has a build before it
            runs: dict[str, list[dict]] = {variant: [] for variant in VARIANTS}
            for number in range(RUNS):
                order = VARIANTS[number % 3:] + VARIANTS[:number % 3]  # rotate who goes first
                for variant in order:
                    if variant == "first build":
                        shutil.rmtree(project / ".cache", ignore_errors=True)
                    runs[variant].append(measure(configs[variant], Path(temp) / f"{variant}-{number}"))
                    if variant == "first build":  # leave the cache as a rebuild finds it
                        measure(configs["rebuild"], Path(temp) / "warm-up")
        seconds = {variant: [run["seconds"] for run in runs[variant]] for variant in VARIANTS}
        memory = {variant: [run["peak_mb"] for run in runs[variant]] for variant in VARIANTS}
        rows.append({"posts": size, "runs": runs})
        for variant in VARIANTS:
            time_x = statistics.median(seconds[variant]) / statistics.median(seconds["plain"])
            mem_x = statistics.median(memory[variant]) / statistics.median(memory["plain"])
            in_hooks = statistics.median(run["hook_seconds"] / run["build_seconds"] for run in runs[variant])
            print(f"{size:>6} {variant:>12} {spread(seconds[variant], 2):>19} {time_x:>8.2f} "
                  f"{spread(memory[variant]):>15} {mem_x:>8.2f} {in_hooks:>8.0%}", flush=True)
    for variant in ("first build", "rebuild"):
        fastest = min(rows[-1]["runs"][variant], key=lambda run: run["seconds"])
        print(f"\nTime in the project's hooks at {rows[-1]['posts']} posts, {variant}, fastest run (seconds):")
        for name, spent in list(fastest["hooks"].items())[:8]:
            print(f"  {spent:7.2f}  {name}")
    (REPO / "bench-report.json").write_text(json.dumps(rows, indent=2) + "\n")
    print("\nWritten to bench-report.json. 'x plain': this project / plain Material, medians; "
          "'in hooks': share of the project's build time in its own hooks.")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], sys.argv[3])
    else:
        sys.exit(main())
