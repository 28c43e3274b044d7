"""The quick search for where a grammar may start: the grammar tried only there finds what it finds everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex

from planparse.lang import quantities, times
from planparse.lang.scan import cased, find, starts


def _texts() -> list[str]:
    """Every word of the quantity and time grammars, in lower, upper and title case, spaced oddly, before
    numbers and after letters, digits and marks (a word's edge or not)."""
    words = [w for table in (quantities.lexicon(), times.lexicon()) for group in table.values() for w in group]
    out = []
    for word in words:
        for form in (word, word.upper(), word.title(), word.replace(" ", "  ")):
            out.append(f"Đạt {form} 20% và {form}  15/12/2025; x{form} 3 cơ quan, 7{form} quý II/2026, {form}\n"
                       f"({form}) 2.500 người/năm {form}-2030 từ 70% - 80% Thời gian thực hiện: {form} 2025")
    return out


@pytest.mark.parametrize("grammar, opens, digits", [
    (quantities._grammar().quantity, quantities._grammar().opens, True),
    (times._grammar().pattern, times._opens(), True),
], ids=["quantities", "times"])
def test_the_grammar_tried_where_it_may_start_finds_what_it_finds_everywhere(grammar, opens, digits) -> None:
    for text in _texts():
        assert [m.span() for m in find(grammar, opens, text, digits=digits)] == \
            [m.span() for m in grammar.finditer(text)], text


@pytest.mark.parametrize("grammar, opens", [
    (quantities._grammar().quantity, quantities._grammar().opens),
    (times._grammar().pattern, times._opens()),
], ids=["quantities", "times"])
def test_the_corpus_is_read_where_the_grammar_may_start_as_everywhere(grammar, opens) -> None:
    """The tests a digit passes before the grammar is tried there (its number followed by what a unit, range or
    date needs) skip no match of the corpus's plans."""
    for path in sorted((Path(__file__).parent.parent / "corpus").glob("*.[tm][xd]*")):
        text = path.read_text(encoding="utf-8")
        assert [m.span() for m in find(grammar, opens, text, digits=True)] == \
            [m.span() for m in grammar.finditer(text)], path.name


def test_a_letter_in_any_case_and_spacing_opens_a_phrase() -> None:
    opens = starts(["tối thiểu", "thời gian", "/năm"])
    assert [m.start() for m in opens.finditer("TỐI THIỂU 5; Thời   gian: 2 lớp/ năm")] == [0, 13, 31]
    assert opens.search("xtối thiểu") is None  # not on a word's edge
    assert "ſ" in cased("s") and "K" in cased("k")  # what the engines match to s and k ignoring case


def test_digits_of_another_script_are_read_by_the_grammar_everywhere() -> None:
    g = quantities._grammar()
    text = "đạt ٢٠% và 30% cơ quan"
    assert [m.span() for m in find(g.quantity, g.opens, text, digits=True)] == \
        [m.span() for m in g.quantity.finditer(text)]
    assert quantities.extract_quantities(text) and len(quantities.extract_quantities(text)) == \
        len(list(g.quantity.finditer(text)))


def test_no_character_beyond_the_basic_plane_shares_a_case_with_a_grammar_letter() -> None:
    """:func:`cased` reads the Basic Multilingual Plane only; the grammars' letters have no case beyond it."""
    letters = {ch for table in (quantities.lexicon(), times.lexicon()) for group in table.values()
               for word in group for ch in word if not ch.isspace()}
    beyond = "".join(map(chr, range(0x10000, 0x110000)))
    for engine in (re, regex):
        klass = "[" + "".join(engine.escape(ch) for ch in sorted(letters)) + "]"
        assert engine.findall(klass, beyond, engine.IGNORECASE) == []


def test_a_phrase_is_read_ignoring_case_by_either_engine_and_found_where_a_search_meets_it() -> None:
    """:func:`~planparse.lang.quantities.phrases` writes each way of writing a first letter apart (a search then
    skips in C to one): every word of the tables, in any case, is found as a pattern ignoring case finds it."""
    words = sorted({w for table in (quantities.lexicon(), times.lexicon()) for group in table.values() for w in group})
    for engine in (re, regex):
        for lead in (False, True):
            pattern = engine.compile(quantities.phrases(words, lead=lead), engine.IGNORECASE)
            for word in words:
                for form in (word, word.upper(), word.title(), word.swapcase()):
                    text = f"x {form}. x{form}"
                    found = pattern.search(text)
                    assert found is not None and found.start() == 2, (form, lead)
                    edged = lead and word[0].isalnum()  # not after a letter
                    assert not edged or all(m.start() != len(form) + 5 for m in pattern.finditer(text))
