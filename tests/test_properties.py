"""Property-based tests of the whole pipeline on generated and adversarial stories.

For any story: ``check_documents`` raises nothing, every reported span is a slice of its
document's original text, the report does not depend on the order the versions come in, a second
run gives the same bytes, and the facts cache never changes a result. Reading arbitrary bytes
either gives text or an InputError, nothing else. These runs use a stand-in embedder
(tests/fakes.py) but real fact extraction; a few cases run the real model.
"""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factdiff.pipeline import check_documents
from factdiff.errors import InputError
from factdiff.model import Document
from factdiff.read import read_corpus
from factdiff.render.jsonout import render_json

import sys

sys.path.insert(0, str(Path(__file__).parent))
from fakes import FakeEmbedder, assert_spans_point_into_the_text  # noqa: E402

PIPELINE = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

WORDS = (
    "the a said on in at of to and was were not never no officials police people soldiers homes "
    "visited arrived fled reported killed injured evacuated captured southern northern eastern "
    "north-east region city capital river border president minister mayor"
).split()
NAMES = "Putin Zelensky Kherson Mariupol Kyiv Kiev Lagos Lima Oslo Luhansk Lugansk Ukraine Russia Britain U.S. Paris".split()
NUMBERS = st.one_of(
    st.integers(0, 10**7).map(lambda n: f"{n:,}"),
    st.integers(0, 999).map(str),
    st.floats(0, 1e4, allow_nan=False).map(lambda x: f"{x:.1f}"),
    st.sampled_from(["1.5 million", "$3bn", "40%", "two", "dozens", "half", "a third", "99999999999999999999",
                     "1e308", "½", "²", "١٢٣", "3-4", "10,00", "1,2,3", "-7", "0.000001", "€5bn", "£2.3m"]),
)
DATES = st.sampled_from([
    "Monday", "on Tuesday", "last week", "March 3", "3 March 2023", "2023-03-05", "in May", "May 2022",
    "yesterday", "February 30", "31/02/2023", "1999", "the 1990s", "next year", "earlier this month",
    "at 5pm", "since 2014", "two days ago", "on Friday night", "December 31, 9999",
])
ADVERSARIAL = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=("L", "M", "N", "P", "S", "Zs", "Cf"),
        include_characters="\t\r\n\u2028\u00a0\u200b\u202e’“”—–…",
    ),
    max_size=40,
)
TOKEN = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(NAMES), NUMBERS, DATES, ADVERSARIAL,
    st.just("x" * 300), st.just("(") , st.just(")"), st.just("\""),
)
RANDOM_SENTENCE = st.builds(
    lambda tokens, end: (" ".join(tokens).strip() or "Empty") + end,
    st.lists(TOKEN, min_size=1, max_size=12),
    st.sampled_from([".", "!", "?", "", "...", ".\"", ";"]),
)
NEWS_SENTENCE = st.builds(
    lambda who, when, n, noun, neg, verb, where, tail: f"{who} said {when} that {n} {noun} were {neg}{verb} in {where}{tail}.",
    st.sampled_from(["The mayor", "Officials", "Police", "President Putin", "Zelensky", "The ministry", "A spokesman"]),
    DATES,
    NUMBERS,
    st.sampled_from(["people", "soldiers", "homes", "schools", "civilians"]),
    st.sampled_from(["", "", "not ", "never "]),
    st.sampled_from(["evacuated", "killed", "injured", "captured", "visited", "damaged"]),
    st.sampled_from(NAMES + ["the southern Kherson region", "the city of Mariupol", "eastern Ukraine", "the capital"]),
    st.sampled_from(["", ", the regional capital", ", which was captured in May", " on Monday"]),
)
SENTENCE = st.one_of(NEWS_SENTENCE, NEWS_SENTENCE, RANDOM_SENTENCE)
SEPARATORS = st.sampled_from([" ", "\n", "\r\n", "\n\n", "\r\n\r\n", "\t", "  \n"])


@st.composite
def stories(draw) -> list[Document]:
    """2–4 versions of a story: a base version and edited copies (sentences dropped, reordered,
    a word or number replaced), sometimes a version of unrelated random text."""
    base = draw(st.lists(SENTENCE, min_size=1, max_size=6))
    count = draw(st.integers(2, 4))
    documents = []
    for v in range(count):
        sentences = list(base)
        if v:
            edits = draw(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 99), TOKEN), max_size=4))
            for kind, where, token in edits:
                if not sentences:
                    break
                i = where % len(sentences)
                if kind == 0:
                    del sentences[i]
                elif kind == 4:  # another number
                    sentences[i] = re.sub(r"\d+", str(where), sentences[i], count=1)
                elif kind == 5:  # negated
                    sentences[i] = sentences[i].replace(" were ", " were not ", 1)
                elif kind == 6:  # another name
                    for name in NAMES:
                        if name in sentences[i]:
                            sentences[i] = sentences[i].replace(name, NAMES[where % len(NAMES)], 1)
                            break
                elif kind == 1:
                    words = sentences[i].split(" ")
                    words[where % len(words)] = token
                    sentences[i] = " ".join(words)
                elif kind == 2 and i + 1 < len(sentences):
                    sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
                else:
                    sentences.insert(i, draw(SENTENCE))
            if draw(st.integers(0, 9)) == 0:
                sentences = draw(st.lists(SENTENCE, min_size=1, max_size=4))
        separator = draw(SEPARATORS)
        text = draw(st.sampled_from(["", "\ufeff", "Headline\n\n", "By Jane Doe | April 18, 2023\n"])) + separator.join(sentences)
        published = draw(st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))))
        documents.append(Document(f"v{v}", f"v{v}.txt", text, published=published))
    assume(any(d.text.strip() for d in documents))
    return documents


@PIPELINE
@given(stories())
def test_pipeline_never_fails_spans_hold_and_order_does_not_matter(documents):
    report = check_documents(documents, embedder=FakeEmbedder())
    assert_spans_point_into_the_text(report)
    assert len({d.id for d in report.discrepancies}) == len(report.discrepancies)
    again = check_documents(list(reversed(documents)), embedder=FakeEmbedder())
    assert render_json(again) == render_json(report)


@PIPELINE
@given(stories())
def test_the_facts_cache_never_changes_a_result(documents):
    expected = render_json(check_documents(documents, embedder=FakeEmbedder()))
    with tempfile.TemporaryDirectory() as cache:
        cold = render_json(check_documents(documents, embedder=FakeEmbedder(Path(cache))))
        warm = render_json(check_documents(documents, embedder=FakeEmbedder(Path(cache))))
    assert cold == expected
    assert warm == expected


BOMS = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(BOMS, st.one_of(st.binary(max_size=300), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))), min_size=1, max_size=3))
def test_reading_any_bytes_gives_text_or_an_input_error(files):
    with tempfile.TemporaryDirectory() as folder:
        for n, (bom, data) in enumerate(files):
            (Path(folder) / f"f{n}.txt").write_bytes(bom + data)
        try:
            documents = read_corpus([folder])
        except InputError as error:
            assert str(error) and "\n" not in str(error)
            return
        assert len(documents) == len(files) >= 2
        for doc in documents:
            assert isinstance(doc.text, str) and doc.text.strip()


@pytest.fixture(scope="module")
def real_embedder(story_cache):
    from factdiff.pipeline import make_embedder

    return make_embedder(cache_dir=story_cache)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(stories())
def test_with_the_real_model(real_embedder, documents):
    report = check_documents(documents, embedder=real_embedder)
    assert_spans_point_into_the_text(report)
    again = check_documents(list(reversed(documents)), embedder=real_embedder)
    assert render_json(again) == render_json(report)


# --- alignment's fast paths agree with their plain definitions ----------------------------------


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_alignment_fast_checks_match_their_definitions(data):
    import numpy as np

    from factdiff.align import _cohesive, _cohesive_codes, _fits, _merged_if_fits
    from factdiff.model import Sentence

    docs = data.draw(st.integers(1, 4))
    sentences = [Sentence(f"d{d}", i, 0, 0, "") for d in range(docs) for i in range(5)]
    order = data.draw(st.permutations(range(len(sentences))))
    cut = data.draw(st.integers(1, len(order) - 1)) if len(order) > 1 else 1
    left = [p for p in order[:cut] if data.draw(st.booleans())] or [order[0]]
    right = [p for p in order[cut:] if data.draw(st.booleans())] or [order[-1]]
    assume(not set(left) & set(right) and _fits(left, sentences) and _fits(right, sentences))

    def indices(cluster):
        out: dict[str, list[int]] = {}
        for p in cluster:
            out.setdefault(sentences[p].doc, []).append(sentences[p].index)
        return out

    merged = _merged_if_fits(indices(left), indices(right))
    assert (merged is not None) == _fits(left + right, sentences)
    if merged is not None:
        assert {d: sorted(v) for d, v in merged.items()} == {d: sorted(v) for d, v in indices(left + right).items()}
    seed = data.draw(st.integers(0, 2**32 - 1))
    vectors = np.random.default_rng(seed).standard_normal((len(sentences), 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    doc_of = np.array([int(s.doc[1:]) for s in sentences])
    assert _cohesive_codes(left, right, doc_of, vectors) == _cohesive(left, right, sentences, vectors)
