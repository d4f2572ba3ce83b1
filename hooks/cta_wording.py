"""The booking call-to-action makes no health claim.

Its wording is a setting (extra.cta in mkdocs.yml). A paid service must not promise
an outcome: the build stops when the wording uses a word from extra.cta_forbidden_words
("cure", "heal", "reverse", ...), naming the setting and the word.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    forbidden = [word.lower() for word in config.extra.get("cta_forbidden_words", [])]
    texts = {f"extra.cta.{key}": str(value) for key, value in config.extra.get("cta", {}).items()}
    texts["extra.booking.scheduler_label"] = str(config.extra.get("booking", {}).get("scheduler_label", ""))
    problems = [
        f"  - {setting} uses '{word}': {text!r}"
        for setting, text in texts.items()
        for word in forbidden
        if re.search(rf"\b{re.escape(word)}", text, re.I)
    ]
    if problems:
        raise PluginError(
            "The booking call-to-action must make no health claim or promise (mkdocs.yml):\n"
            + "\n".join(problems)
            + "\nReword it, e.g. 'a coaching conversation about your own process'."
        )
    return config
