"""The booking call-to-action: on every page, visible, and making no health claim.

Its wording and links are settings (extra.cta, extra.booking in mkdocs.yml);
overrides/partials/booking-cta.html shows it after every page's content, and on the
consultation page its button is the booking site.

Steps, in build order:
1. on_config: the wording promises no outcome. It uses only the words of
   extra.cta_vocabulary, each read there as making no claim: a new word stops the
   build until someone has read it so and added it. And a word from
   extra.cta_forbidden_words ("cure", "heal", "reverse", ...), or one of its forms
   ("heals", "healing", "curable"), stops the build even there, naming the setting and
   the word, however it is disguised (look-alike letters of other alphabets, invisible
   characters, HTML entities or emphasis inside the word). The same holds for what the
   site says of its reading aids (extra.reading_aids). The label above it must call it
   a paid service.
2. on_post_build, after everything is written: every page (redirect pages aside)
   shows its label (a paid service), its title, its text and a visible link with the
   button's words to the consultation page, or the build stops naming each page and
   what hides it there. The tests judge in Chromium that it can be read and its
   button pressed (tests/reading.py).
"""

from __future__ import annotations

import html
import re
import unicodedata
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
    problems = (empty_problems(config.extra) + label_problems(config.extra) + claim_problems(config.extra)
                + vocabulary_problems(config.extra) + negation_problems(config.extra))
    if problems:
        raise PluginError(
            "The booking call-to-action and the reading aids must say what they are and make "
            "no health claim or promise (mkdocs.yml):\n" + "\n".join(problems))
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
        if not (page.redirect or page.editor) and not shows_call_to_action(page, expected)
    ]
    if problems:
        raise PluginError("Every page must show the booking call-to-action. Missing in:\n"
                          + "\n".join(problems))


# -----------------------------------------------------------------------------
# Checks (also used by the tests)
# -----------------------------------------------------------------------------


# The word the call-to-action's label must hold: booking is the practice's own paid
# service, and readers must see that it is advertising, not editorial content.
PAID = "paid"
# Words that would turn the label around ("not paid", "free"): the label holds none.
NEGATIONS = ("not", "no", "never", "without", "free", "unpaid", "nor", "non", "isn", "t")
CLAIM_EXAMPLE = "a coaching conversation about your own process"
# The call-to-action's texts, each shown on every page, with an example of each.
CTA_EXAMPLES = {"label": "Hope for Dystonia's paid coaching service", "title": "Book a consultation",
                "text": "A structured, supportive coaching conversation.", "button": "Book a consultation"}


def empty_problems(extra: dict) -> list[str]:
    """Each of the call-to-action's texts left empty (an empty button on every page)."""
    cta = extra.get("cta") or {}
    return [f"  - extra.cta.{key} is empty; write it, e.g. {example!r}."
            for key, example in CTA_EXAMPLES.items() if not words(str(cta.get(key) or ""))]


def label_problems(extra: dict) -> list[str]:
    """The label above the call-to-action (extra.cta.label) says it is a paid service:
    it holds the word "paid", as a reader reads it."""
    label = (extra.get("cta") or {}).get("label")
    read = readings(str(label or ""))
    turned = sorted({word for words in read for word in words if word in NEGATIONS})
    if turned:
        return [f"  - extra.cta.label is {str(label)!r}: it uses {', '.join(map(repr, turned))}, but it must "
                f"say plainly that booking is a paid service; write e.g. \"Hope for Dystonia's paid coaching "
                "service\"."]
    if any(PAID in words for words in read):
        return []
    return [f"  - extra.cta.label is {str(label or '')!r}: it must say that booking is a paid "
            f"service, with the word '{PAID}'; write e.g. \"Hope for Dystonia's paid coaching service\"."]


def claim_problems(extra: dict) -> list[str]:
    """Each setting of the call-to-action, or of the reading aids (the low-blue scheme,
    Listen), that uses a word of extra.cta_forbidden_words or one of its forms."""
    listed = extra.get("cta_forbidden_words")
    if not isinstance(listed, list) or not listed:
        return ["  - extra.cta_forbidden_words is missing or not a list; list the words the "
                "call-to-action must never use, e.g. [cure, heal, reverse]."]
    forbidden = [words for entry in listed if (words := readings(str(entry))[0])]
    texts = _wording(extra)
    if isinstance(extra.get("cta_vocabulary"), str):
        texts["extra.cta_vocabulary"] = extra["cta_vocabulary"]
    problems = []
    for setting, text in texts.items():
        for found, entry in dict.fromkeys(_claims(readings(text), forbidden)):
            notes = [f"a form of '{entry}'"] if found != entry else []
            if found not in text.casefold():
                notes.append("written with look-alike letters, invisible characters or markup")
            form = f" ({', '.join(notes)})" if notes else ""
            problems.append(f"  - {setting} uses '{found}'{form}: {text!r}; reword it without "
                            f"promising an outcome, e.g. '{CLAIM_EXAMPLE}'.")
    return problems


def vocabulary_problems(extra: dict) -> list[str]:
    """Each setting of the call-to-action, or of the reading aids, that uses a word not
    in extra.cta_vocabulary (as a reader reads both): a claim can be worded in words no
    list forbids ("your spasms simply disappear"), so a new word waits for someone to
    read it as no claim."""
    listed = extra.get("cta_vocabulary")
    if not isinstance(listed, str) or not listed.strip():
        return ["  - extra.cta_vocabulary is missing or empty; write the words the "
                "call-to-action and the reading aids may use, separated by spaces."]
    allowed = {word for reading in readings(listed) for word in reading}
    problems = []
    for setting, text in _wording(extra).items():
        new = sorted({word for reading in readings(text) for word in reading} - allowed)
        if new:
            problems.append(f"  - {setting} uses {', '.join(map(repr, new))}, not in extra.cta_vocabulary: "
                            "a paid service promises no outcome. If the new words make no health claim "
                            "or promise, add them to extra.cta_vocabulary; if they do, reword it, e.g. "
                            f"'{CLAIM_EXAMPLE}'.")
    return problems


# Words the wording may use only to say what the service is not ("Coaching is not
# medical care", "not a medical aid"): the vocabulary allows words, and these words
# alone, without the "not", make the claim ("Our coaching is medical care").
NEGATED_ONLY = ("medical",)


def negation_problems(extra: dict) -> list[str]:
    """Each setting of the call-to-action, or of the reading aids, that uses a word of
    NEGATED_ONLY without a negation just before it ("not", or "not a")."""
    problems = []
    for setting, text in _wording(extra).items():
        for said in readings(text):
            for at, word in enumerate(said):
                before = said[max(0, at - 2):at]
                if word in NEGATED_ONLY and not (before[-1:] and before[-1] in NEGATIONS or len(before) == 2
                                                 and before[0] in NEGATIONS and before[1] in ("a", "an")):
                    problems.append(f"  - {setting} says '{word}' without 'not' before it: {text!r}; the "
                                    "call-to-action and the reading aids name medical care only to say what "
                                    "they are not, e.g. 'Coaching is not medical care.'")
    return list(dict.fromkeys(problems))


def _wording(extra: dict) -> dict[str, str]:
    """{setting: its text}: the call-to-action's, the booking button's, the reading aids'."""
    texts = {f"extra.cta.{key}": str(value) for key, value in (extra.get("cta") or {}).items()}
    texts["extra.booking.scheduler_label"] = str((extra.get("booking") or {}).get("scheduler_label", ""))
    texts.update({f"extra.reading_aids.{key}": str(value)
                  for key, value in (extra.get("reading_aids") or {}).items()})
    return texts


# -- How a reader reads a setting's text, so that no disguise hides a word from the check --

# Letters of other alphabets drawn like Latin ones ("hеal" with a Cyrillic "е"). Unicode's
# table of look-alikes (UTS #39 confusables) is in no installed package: these are its
# Greek and Cyrillic letters that look like a Latin one, and two Latin variants.
_LOOK_ALIKES = str.maketrans(
    "аеіјкорсухѕһԁԛԝӏАВЕКМНОРСТХЅІЈУ" "αγεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ" "ıɑ",
    "aeijkopcyxshdqwlABEKMHOPCTXSIJY" "ayeikvoptuxABEZHIKMNOPTYX" "ia")
# Not drawn at all: format characters (soft hyphen, zero-width space and joiners, direction
# marks) and combining marks (accents: "cúre" reads as "cure").
_UNDRAWN = {"Cf", "Mn", "Me"}
_MARKUP = re.compile(r"<[^>]*>|[*_~`]")  # HTML tags (the settings are written into pages
#                                          as HTML) and Markdown's emphasis marks
_WORD = re.compile(r"[^\W_]+%?")  # "100%" is a word
# Endings of a word's forms, and of the words made from it that make the same claim:
# heal: heals, healed, healing, healer; cure: cured, curing, curable, curative; reverse:
# reversal, reversible; recover: recovery; eliminate: elimination. "health" and "healthy"
# are other words: "not health care" makes no claim.
_ENDINGS = frozenset(("s", "es", "d", "ed", "ing", "er", "ers", "y", "ies", "ied", "al",
                      "able", "ible", "ion", "ions", "ative", "atic", "ly", "ally"))
_VOWEL_ENDINGS = frozenset(ending for ending in _ENDINGS if ending[0] in "aeiou")  # after "cur", "remedi"


def readings(text: str) -> list[list[str]]:
    """The words a reader reads in `text`, in one plain form each: HTML entities decoded,
    compatibility forms made plain (NFKC: fullwidth letters, ligatures, mathematical
    letters), undrawn characters dropped, look-alike letters made Latin, case folded.
    Markup may join two words or split one ("he<b>al</b>", "he**al**"): two readings,
    with markup as nothing and as a space."""
    found = []
    for markup in ("", " "):
        plain = _MARKUP.sub(markup, unicodedata.normalize("NFKC", html.unescape(text)))
        plain = "".join(char for char in unicodedata.normalize("NFKD", plain)
                        if unicodedata.category(char) not in _UNDRAWN)
        found.append(_WORD.findall(plain.translate(_LOOK_ALIKES).casefold()))
    return found


def _claims(readings_of_text: list[list[str]], forbidden: list[list[str]]):
    """(the words as read, the forbidden entry) for each forbidden entry the text uses,
    its last word in any of its forms."""
    for words in readings_of_text:
        for entry in forbidden:
            size = len(entry)
            for start in range(len(words) - size + 1):
                window = words[start:start + size]
                if window[:-1] == entry[:-1] and _is_form_of(window[-1], entry[-1]):
                    yield " ".join(window), " ".join(entry)


def _is_form_of(word: str, forbidden: str) -> bool:
    """"heals", "healed", "healing", "healer" are forms of "heal"; "cured", "curing",
    "curable" of "cure" (not "curly"); "remedies" of "remedy"; "stopped" of "stop"."""
    stems = {forbidden: _ENDINGS, forbidden + forbidden[-1]: _VOWEL_ENDINGS}
    if forbidden[-1] in "ey":
        stems[forbidden[:-1] + ("i" if forbidden[-1] == "y" else "")] = _VOWEL_ENDINGS
    return word == forbidden or any(word.startswith(stem) and word[len(stem):] in endings
                                    for stem, endings in stems.items())


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
