"""Every value a person reads is a label in their language: no stored code ("on_track"), no
"None", no English label left on a French page. Checked on every page of the demo, in English and
French, as an anonymous visitor, a city officer and staff."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.utils import translation

pytestmark = pytest.mark.slow

LABEL_TAGS = {"td", "th", "dd", "dt", "label", "legend", "button", "caption", "summary"}
LABEL_CLASSES = re.compile(r"\b(badge|eyebrow|tag|status|meta|figure-label)")
HIDDEN_TAGS = {"script", "style", "template", "textarea", "option"}
VOID_TAGS = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area"}


class _VisibleText(HTMLParser):
    """The text a person sees (no tags, attributes, scripts or styles), each piece with whether
    its element is one that shows a label (a badge, a table cell, a term of a list)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple[str, bool]] = []
        self._stack: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        classes = dict(attrs).get("class") or ""
        self._stack.append((tag, tag in LABEL_TAGS or bool(LABEL_CLASSES.search(classes))))

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if any(tag in HIDDEN_TAGS for tag, _label in self._stack):
            return
        self.parts.append((data, bool(self._stack) and self._stack[-1][1]))


def visible_texts(html: str) -> list[tuple[str, bool]]:
    """Each piece of text between tags, as shown (spaces collapsed), and whether it is a label."""
    parser = _VisibleText()
    parser.feed(html)
    pieces = ((re.sub(r"\s+", " ", part).strip(), label) for part, label in parser.parts)
    return [(piece, label) for piece, label in pieces if piece]


def _choices():
    """Every (code, English label, French label) of the portal's models."""
    found = set()
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in {
            "cities", "objectives", "practices", "meetings", "actionplans", "reports",
        }:  # fmt: skip
            continue
        for field in model._meta.get_fields():
            for code, label in getattr(field, "flatchoices", None) or []:
                if not isinstance(code, str) or not code:
                    continue
                with translation.override("en"):
                    english = str(label)
                with translation.override("fr"):
                    french = str(label)
                found.add((code, english, french))
    return found


@pytest.mark.django_db
def test_every_page_shows_labels_not_codes_in_the_readers_language(demo_pages):
    choices = _choices()
    # Codes with an underscore are never words of a sentence ("on_track", "school_dropout").
    codes = {code for code, _en, _fr in choices if "_" in code}
    code_pattern = re.compile(r"(?<![\w/-])(" + "|".join(map(re.escape, codes)) + r")(?![\w/-])")
    # Labels whose French differs, where pages show labels (a badge, a cell, a term); the same
    # words in a title or a sentence are content, in English until someone translates it.
    untranslated = {en for _code, en, fr in choices if en != fr}
    problems = []
    pages = 0
    for page in demo_pages(("en", "fr")):
        pages += 1
        pieces = visible_texts(page.html)
        text = " ".join(piece for piece, _label in pieces)
        where = f"{page.who} {page.url}"
        problems += [f"{where}: code {m!r}" for m in sorted(set(code_pattern.findall(text)))]
        if re.search(r"\bNone\b", text):
            problems.append(f"{where}: None")
        if page.url.startswith("/fr/"):
            shown = {piece.rstrip(" :·—,") for piece, label in pieces if label}
            problems += [f"{where}: English {en!r}" for en in sorted(untranslated & shown)]
    print(f"{pages} pages read")
    assert pages > 300
    assert problems == [], "\n".join(problems[:80]) + f"\n({len(problems)} problems)"
