"""Word segmentation: underthesea's words, read without importing the underthesea package."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import corpus_documents

from planparse.lang import segment
from planparse.lang import tokens as grammar
from planparse.lang.tokens import tokenize

_ODD = [
    "", "  ", "Sở TT&TT, H'Mông, T.Ư, Tp. Hà Nội, NĐ-CP; v.v... ==> 3x4, °C",
    "xem http://vbpl.vn/a?b=1 và tk@gmail.com; gọi 03-5730-2357, ngày 02/05/2014, 4K, 43H-0530, 1.600m-2.000m",
    "4.123,2 tỷ đồng; 60.542.000 đồng; 100,000,000; 1,5%; :) <3 ʺ × ÷",
    "Hoà bình, thuỷ lợi, Ðà Nẵng",  # old tone placement and an eth: normalised as underthesea does
    "Thủ tướng (Chính phủ); Thể thao, Thasa Thes; Th Sơn",  # plain but for Th.S / Th.s: the full grammar
]


@pytest.mark.parametrize("text", _ODD)
def test_words_are_underthesea_words_on_odd_tokens(text):
    from underthesea import word_tokenize

    assert segment.words(text) == word_tokenize(text)


def test_words_are_underthesea_words_on_the_corpus():
    from underthesea import word_tokenize

    for path in corpus_documents():
        for line in path.read_text("utf-8").splitlines():
            assert segment.words(line) == word_tokenize(line), line


def test_plain_texts_are_split_as_the_full_grammar_splits_them():
    lines = ["Thủ tướng (Chính phủ); Sở Tài chính, Thể thao", "Thasa", "ThaS Thủ", "a_b", "Sở 2", "Ủy ban  nhân dân"]
    lines += [line for path in corpus_documents() for line in path.read_text("utf-8").splitlines()]
    plain = [line for line in lines if grammar._plain(line)]
    assert len(plain) > 100
    for line in plain:
        assert grammar._PLAIN_TOKEN.findall(line) == [m.group() for m in grammar._TOKEN.finditer(line)], line


def test_spans_cover_the_words_of_the_text():
    text = "Phòng Quản lý Công nghệ thông tin cảnh báo"
    assert [text[a:b] for a, b in segment.word_spans(text)] == [
        "Phòng", "Quản lý", "Công nghệ thông tin", "cảnh báo"]


def test_segmenting_does_not_import_the_underthesea_package():
    code = "from planparse.lang import segment; segment.words('Sở Tài chính'); import sys; " \
           "print('underthesea' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_features_are_the_compiled_featurizers_on_odd_tokens_and_the_corpus():
    from underthesea_core import CRFFeaturizer

    s = segment._segmenter()
    model = segment._package().joinpath(*segment._MODEL)
    featurizer = CRFFeaturizer(segment._load(model / "features.bin"), segment._load(model / "dictionary.bin"))
    integers = ["2147483647", "2147483648", "-2147483648", "-2147483649", "+1", "-0", "00", "1.5", "１２", "٣", "²"]
    lines = [*_ODD, " ".join(integers), "ǅa Ǆa ß İ ΑΣ"]
    lines += [line for path in corpus_documents() for line in path.read_text("utf-8").splitlines()]
    for line in lines:
        tokens = tokenize(line, s.characters, s.tokens)
        if tokens:
            assert segment._features(tokens, s.dictionary) == featurizer.process([[[t] for t in tokens]])[0], line
