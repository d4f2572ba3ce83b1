"""Warnings for the author that must not stop a `strict` build.

MkDocs counts every warning of its own loggers as a failure in strict mode. A review
that is due, or a link that is not https, is worth saying but not worth blocking
publication: such warnings go to a logger outside MkDocs' tree, printed the same way.
"""

from __future__ import annotations

import logging


def author_warnings(topic: str) -> logging.Logger:
    log = logging.getLogger(f"hope_for_dystonia.{topic}")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    return log
