"""The language data in src/planparse/data: every table loads and holds together."""

from __future__ import annotations

from importlib import resources

import re
import unicodedata

import pytest

from planparse.lang import vocab


def test_every_table_loads():
    assert vocab.doctypes()["KH"] == "Kế hoạch"
    assert vocab.abbreviations()["UBND"] == "Ủy ban nhân dân"
    assert vocab.signature_marks()["Q."] == "Quyền "
    assert vocab.body_heads()["Ủy ban nhân dân"] is True
    assert "thành phố" in vocab.admin_units()
    assert vocab.section_roles()
    assert vocab.column("positions")
    assert vocab.column("continuation_words")


def test_provinces_before_and_after_the_2025_mergers():
    provinces = vocab.provinces()
    current = [p for p in provinces.values() if p.merged_into is None]
    assert len(current) == 34
    for p in provinces.values():
        if p.merged_into:
            assert p.merged_into.casefold() in provinces, p
            assert provinces[p.merged_into.casefold()].merged_into is None
    assert provinces["hà giang"].merged_into == "Tuyên Quang"
    assert provinces["hồ chí minh"].full_name == "thành phố Hồ Chí Minh"


def test_a_toneless_head_is_its_head_without_marks():
    def bare(word: str) -> str:
        return "".join(ch for ch in unicodedata.normalize("NFD", word.replace("Đ", "D").replace("đ", "d"))
                       if not unicodedata.combining(ch))

    heads = vocab.toneless_heads()
    assert heads["Vu"] == "Vụ"
    for toneless, head in heads.items():
        assert toneless == bare(head) != head


def test_section_roles_are_known_roles():
    from planparse.model import SectionRole

    for _, role in vocab.section_roles():
        SectionRole(role)


# the registry


def test_every_data_file_is_declared_and_every_declared_table_loads():
    files = {p.name.removesuffix(".tsv") for p in resources.files("planparse.data").iterdir()
             if p.name.endswith(".tsv")}
    assert files == set(vocab.TABLES)
    for name in vocab.TABLES:
        assert vocab.table(name), name


def _source(name: str) -> list[str]:
    return resources.files("planparse.data").joinpath(f"{name}.tsv").read_text("utf-8").splitlines()


def _broken(name: str, fault) -> tuple[str, int]:
    """A copy of the table with its first data row replaced by ``fault(row)``, and the line of that row."""
    lines = _source(name)
    header = next(i for i, line in enumerate(lines) if line and not line.startswith("#"))
    first = next(i for i in range(header + 1, len(lines)) if lines[i] and not lines[i].startswith("#"))
    lines[first] = fault(lines[first])
    return "\n".join(lines), first + 1


@pytest.mark.parametrize("name", sorted(vocab.TABLES))
def test_a_row_with_a_cell_too_many_or_too_few_names_the_file_and_line(name):
    for fault in (lambda row: row + "\textra", lambda row: row.rsplit("\t", 1)[0] if "\t" in row else row + "\t"):
        text, line = _broken(name, fault)
        with pytest.raises(vocab.DataError, match=rf"^data/{name}\.tsv:{line}: \d cells, declared"):
            vocab.read(name, text)


MANY_COLUMNS = sorted(name for name, decl in vocab.TABLES.items() if len(decl.columns) > 1)


@pytest.mark.parametrize("name", MANY_COLUMNS)
def test_an_empty_key_names_the_file_and_line(name):
    text, line = _broken(name, lambda row: "\t".join(["", *row.split("\t")[1:]]))
    with pytest.raises(vocab.DataError, match=rf"^data/{name}\.tsv:{line}: empty key"):
        vocab.read(name, text)


@pytest.mark.parametrize("name", sorted(vocab.TABLES))
def test_a_duplicate_key_names_the_file_and_the_second_line(name):
    lines = _source(name)
    header = next(i for i, line in enumerate(lines) if line and not line.startswith("#"))
    row = next(line for line in lines[header + 1:] if line and not line.startswith("#"))
    text = "\n".join([*lines, row])
    with pytest.raises(vocab.DataError, match=rf"^data/{name}\.tsv:{len(lines) + 1}: duplicate key"):
        vocab.read(name, text)


CLOSED = sorted((name, col.name) for name, decl in vocab.TABLES.items() for col in decl.columns
                if col.allowed not in (None, vocab.FILLED))
FILLED = sorted((name, col.name) for name, decl in vocab.TABLES.items() for col in decl.columns
                if col.allowed is vocab.FILLED)


@pytest.mark.parametrize(("name", "column", "value", "message"),
                         [(n, c, "no such value", f"{c} 'no such value'") for n, c in CLOSED]
                         + [(n, c, "", f"{c} '' is not an allowed value") for n, c in FILLED])
def test_a_value_outside_its_allowed_set_names_the_file_and_line(name, column, value, message):
    index = vocab.TABLES[name].header.index(column)

    def fault(row: str) -> str:
        cells = row.split("\t")
        cells[index] = value
        return "\t".join(cells)

    text, line = _broken(name, fault)
    with pytest.raises(vocab.DataError, match=rf"^data/{name}\.tsv:{line}: {re.escape(message)}"):
        vocab.read(name, text)


def test_a_dependent_value_and_a_missing_category_fail():
    text, line = _broken("time_words", lambda row: "tuần\tduration_unit\tfortnight")
    with pytest.raises(vocab.DataError, match=rf"^data/time_words\.tsv:{line}: value 'fortnight' is not allowed"):
        vocab.read("time_words", text)
    kept = [line for line in _source("time_words") if "\tevent\t" not in line]
    with pytest.raises(vocab.DataError, match=r"^data/time_words\.tsv: no rows for category \['event'\]"):
        vocab.read("time_words", "\n".join(kept))


def test_a_wrong_header_fails():
    with pytest.raises(vocab.DataError, match=r"^data/doctypes\.tsv:1: columns"):
        vocab.read("doctypes", "code\tname\n")
