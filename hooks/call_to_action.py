"""The booking call-to-action: on every page, visible, and making no health claim.

Its wording and links are settings (extra.cta, extra.booking in mkdocs.yml);
overrides/partials/booking-cta.html shows it after every page's content, and on the
consultation page its button is the booking site.

Steps, in build order:
1. on_config: the wording promises no outcome: a word from extra.cta_forbidden_words
   ("cure", "heal", "reverse", ...) stops the build, naming the setting and the word.
   The same holds for what the site says of its reading aids (extra.reading_aids).
   Its label (extra.cta.label) says it is a paid service, in words.
2. on_post_build, after everything is written: every page (redirect pages aside)
   shows its label (a paid service), its title, its text and a visible link with the
   button's words to the consultation page, or the build stops naming each page and
   what hides it there. The tests judge in Chromium that it can be read and its
   button pressed (tests/reading.py).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hfd import built_pages
from hfd.visible_text import normalize, words

# Advertising is labelled as such: "Paid service" at the least.
MIN_LABEL_WORDS = 2

# -----------------------------------------------------------------------------
# Hooks, in the order they run
# -----------------------------------------------------------------------------


@event_priority(80)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problems = claim_problems(config.extra)
    if problems:
        raise PluginError(
            "The booking call-to-action and the reading aids must make no health claim or "
            "promise (mkdocs.yml):\n"
            + "\n".join(problems)
            + "\nReword it, e.g. 'a coaching conversation about your own process'."
        )
    label = str(config.extra["cta"].get("label") or "")
    if len(words(label)) < MIN_LABEL_WORDS:
        raise PluginError(
            "The booking call-to-action must say whose paid service it is (mkdocs.yml):\n"
            f"  - extra.cta.label is '{label}'; write who offers it, in {MIN_LABEL_WORDS} words "
            "or more, e.g. \"Hope for Dystonia's paid coaching service\"."
        )
    return config


@event_priority(10)
def on_pre_build(config: MkDocsConfig) -> None:
    built_pages.forget()  # a new build: the pages it reads are new


@event_priority(-210)  # after every file is written, with the disclaimer's check (-200)
def on_post_build(config: MkDocsConfig) -> None:
    expected = call_to_action(config)
    problems = [
        f"  - {built_pages.origin(page.dest)}: no visible booking call-to-action "
        f"('{expected['title']}', its label, text and button): "
        + built_pages.what_hides(config, page, [expected[part] for part in ("label", "title", "text", "button")])
        for page in built_pages.visible_pages(config)
        if not page.redirect and not shows_call_to_action(page, expected)
    ]
    if problems:
        raise PluginError("Every page must show the booking call-to-action. Missing in:\n"
                          + "\n".join(problems))


# -----------------------------------------------------------------------------
# Checks (also used by the tests)
# -----------------------------------------------------------------------------


def claim_problems(extra: dict) -> list[str]:
    """Each setting of the call-to-action, or of the reading aids (the low-blue scheme,
    Listen), that uses a forbidden word."""
    forbidden = [word.lower() for word in extra.get("cta_forbidden_words", [])]
    texts = {f"extra.cta.{key}": str(value) for key, value in extra.get("cta", {}).items()}
    texts["extra.booking.scheduler_label"] = str(extra.get("booking", {}).get("scheduler_label", ""))
    texts.update({f"extra.reading_aids.{key}": str(value)
                  for key, value in (extra.get("reading_aids") or {}).items()})
    return [
        f"  - {setting} uses '{word}': {text!r}"
        for setting, text in texts.items()
        for word in forbidden
        if re.search(rf"\b{re.escape(word)}", text, re.I)
    ]


def call_to_action(config: MkDocsConfig) -> dict:
    """What the call-to-action shows on every page, and where its button leads."""
    cta, booking = config.extra["cta"], config.extra["booking"]
    return {"label": normalize(cta["label"]), "title": cta["title"], "text": normalize(cta["text"]),
            "button": cta["button"],
            "page": booking["consultation_page"], "scheduler_label": booking["scheduler_label"],
            "scheduler_url": booking["scheduler_url"]}


def shows_call_to_action(page: built_pages.VisiblePage, expected: dict) -> bool:
    """Its label (a paid service), title and text are visible, and a visible link with
    the button's words leads to the consultation page (on that page itself, to the
    booking site)."""
    if any(expected[part] not in page.text for part in ("label", "title", "text")):
        return False
    address = "/" + (page.dest.removesuffix("index.html") if page.dest != "404.html" else "")
    on_consultation = address == "/" + expected["page"]
    label = expected["scheduler_label"] if on_consultation else expected["button"]
    target = expected["scheduler_url"] if on_consultation else "/" + expected["page"]
    return any(words == label and (href if href.startswith(("https:", "http:")) else urljoin(address, href)) == target
               for words, href in page.links)
