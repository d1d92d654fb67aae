"""Sentence splitting with offsets: abbreviations, initials, numbers, quotes; normalisation."""
from __future__ import annotations

import pytest

from crossread.clean.text import normalise, split_paragraphs, split_sentences


def _sentences(text: str) -> list[str]:
    text = normalise(text)
    return [text[s.start:s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gen. Ortiz landed in the U.S. on Monday. He left.", ["Gen. Ortiz landed in the U.S. on Monday.", "He left."]),
        ("It moved to No. 4 in the chart. No. It did not.", ["It moved to No. 4 in the chart.", "No.", "It did not."]),
        ("John F. Kennedy spoke. Crowds cheered!", ["John F. Kennedy spoke.", "Crowds cheered!"]),
        ("Sales rose 3.5 percent in Jan. 2021, a record. Shares fell.", ["Sales rose 3.5 percent in Jan. 2021, a record.", "Shares fell."]),
        ("She said: \u201cWe will win.\u201d Then she left.", ["She said: \u201cWe will win.\u201d", "Then she left."]),
        ("The meeting ended at 5 p.m. Officials said it went well.", ["The meeting ended at 5 p.m.", "Officials said it went well."]),
        ("Troops left the U.S. The next day was calm.", ["Troops left the U.S.", "The next day was calm."]),
        ("Was it over? Nobody knew... Later, yes.", ["Was it over?", "Nobody knew...", "Later, yes."]),
        ("Acme Corp. said profits fell.", ["Acme Corp. said profits fell."]),
        ("A magnitude 6. 1 quake hit. 12 people died.", ["A magnitude 6. 1 quake hit.", "12 people died."]),
    ],
)
def test_sentences_split_news_prose(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_sentences_never_cross_lines_and_offsets_are_exact() -> None:
    text = normalise("Headline Without Stop\nBy A Writer\n\nFirst para sentence one. Sentence two.\nSecond para.")
    sents = split_sentences(text)
    assert [text[s.start:s.end] for s in sents] == [
        "Headline Without Stop", "By A Writer", "First para sentence one.", "Sentence two.", "Second para."]
    assert [s.paragraph for s in sents] == [0, 1, 2, 2, 3]
    assert len(split_paragraphs(text)) == 4


def test_normalise_spaces_unicode_and_blank_lines() -> None:
    raw = "Caf\u0065\u0301\u00a0open \u200b now\r\n\r\n\r\n  next line  \t\n"
    assert normalise(raw) == "Caf\u00e9 open now\n\nnext line"


def test_sentences_long_paragraph_is_linear() -> None:
    text = " ".join(f"Sentence number {i} ends here." for i in range(3000))
    assert len(split_sentences(text)) == 3000
