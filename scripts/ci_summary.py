"""What to fix, in plain words, at the top of a GitHub Actions run.

    python scripts/ci_summary.py build build.log   # after `make build` failed

reads the build's output and writes, to the job summary ($GITHUB_STEP_SUMMARY, or
standard output), one numbered line per problem the build named: the file, what is
wrong and what to do. Loaded by pytest too (pyproject.toml, `-p scripts.ci_summary`):
under GitHub Actions, a test run writes the same kind of list for its failures, then
its time and its ten slowest tests.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

# A problem the site's checks name: "  - docs/file.md: what is wrong; what to do".
_PROBLEM = re.compile(r"^ {2}- (.+)$")
# MkDocs' own messages that stop a strict build.
_MKDOCS = re.compile(r"^(?:WARNING|ERROR)\s+-\s+(?!\s|Review due)(.+)$")
_HEADLINE = re.compile(r"^ERROR\s+-\s+(.+:)$")
_IGNORED = ("Error reading page", "Aborted with", "Config value")


def build_problems(log: str) -> list[str]:
    """Each problem of a failed build, once, in the order the build named them."""
    problems: list[str] = []
    lines = log.splitlines()
    for number, line in enumerate(lines):
        problem = _PROBLEM.match(line)
        if problem:
            detail = [problem[1].strip()]
            for follow in lines[number + 1:]:  # an example on the following lines
                if follow.startswith("        "):
                    detail.append(follow.strip())
                else:
                    break
            problems.append("\n".join(detail))
            continue
        message = _MKDOCS.match(line)
        if message and not _HEADLINE.match(line) and not message[1].startswith(_IGNORED):
            problems.append(_plain(message[1].strip()))
    return list(dict.fromkeys(problems))


def _plain(message: str) -> str:
    """MkDocs' wording, said for the author."""
    found = re.match(r"Doc file '(.+?)' contains a link '(.+?)', but the target .* is not found", message)
    if found:
        return (f"docs/{found[1]}: the link '{found[2]}' leads to no page or file; correct it "
                "(a link to a page ends in .md, from the folder of the file it is in).")
    found = re.match(r"Doc file '(.+?)' contains a link '(.+?)', but there is no such anchor", message)
    if found:
        return f"docs/{found[1]}: the link '{found[2]}' points to a section that does not exist."
    return message


def cost(seconds: float, outcomes: dict[str, str], durations: dict[str, float], slowest: int = 10) -> str:
    """The test run's time, its counts and its slowest tests, for the job summary."""
    counts = {outcome: list(outcomes.values()).count(outcome) for outcome in ("passed", "failed", "skipped")}
    said = ", ".join(f"{count} {outcome}" for outcome, count in counts.items() if count)
    rows = "\n".join(f"| {duration:.1f} s | `{node}` |" for node, duration in
                     sorted(durations.items(), key=lambda item: -item[1])[:slowest])
    return (f"## Tests: {said} in {seconds / 60:.0f} min {seconds % 60:.0f} s\n\n"
            f"The {slowest} slowest:\n\n| time | test |\n| --- | --- |\n{rows}\n")


def markdown(title: str, problems: list[str], advice: str) -> str:
    items = "\n".join(f"{number}. {_as_markdown(problem)}" for number, problem in enumerate(problems, 1))
    return f"## {title}\n\n{items}\n\n{advice}\n"


def _as_markdown(problem: str) -> str:
    head, *example = problem.split("\n")
    head = re.sub(r"^(docs/\S+?|mkdocs\.yml):", r"**\1**:", head)
    if example:
        head += "\n\n   ```yaml\n" + "\n".join(f"   {line}" for line in example) + "\n   ```"
    return head


def write(text: str) -> None:
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(text + "\n")
    else:
        print(text)


# -- A test run's summary (pytest's hooks; in a run on several workers, the main process
# receives every worker's reports) -------------------------------------------------------

_failures: list[tuple[str, str, str]] = []
_run = {"started": time.monotonic(), "outcomes": {}, "durations": {}}


def pytest_runtest_logreport(report) -> None:
    _run["durations"][report.nodeid] = _run["durations"].get(report.nodeid, 0.0) + report.duration
    if report.when == "call" or report.outcome != "passed":
        _run["outcomes"][report.nodeid] = report.outcome
    if report.failed and os.environ.get("GITHUB_STEP_SUMMARY"):
        crash = getattr(report.longrepr, "reprcrash", None)
        _failures.append((report.nodeid, crash.message if crash else str(report.longrepr), report.longreprtext))


def pytest_sessionfinish(session, exitstatus) -> None:
    if not os.environ.get("GITHUB_STEP_SUMMARY") or hasattr(session.config, "workerinput"):
        return
    if _failures:
        # A site that does not build fails every test: name the build's own problems.
        problems = list(dict.fromkeys(problem for *_, text in _failures for problem in build_problems(text)))
        if not problems:
            problems = list(dict.fromkeys(f"{node}: {message.splitlines()[0][:300]}"
                                          for node, message, _ in _failures))
        write(markdown(f"{len(problems)} check{'s' if len(problems) > 1 else ''} failed", problems[:40],
                       "Each line names the check (tests/<file>.py) and what it found; the log "
                       "below has the details."))
    write(cost(time.monotonic() - _run["started"], _run["outcomes"], _run["durations"]))


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "build":
        print(__doc__)
        return 2
    problems = build_problems(Path(argv[1]).read_text(encoding="utf-8", errors="replace"))
    if not problems:
        problems = ["The build stopped without naming a file: open the log of the step "
                    "\"Build the site\" below."]
    write(markdown(
        f"The site was not published: {len(problems)} thing{'s' if len(problems) > 1 else ''} to fix",
        problems,
        "Open each file on GitHub (the pencil icon edits it), make the change and commit: "
        "the site is checked again, and published once nothing is left to fix. "
        "The author's guide (AUTHORING.md) explains every message.",
    ))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
