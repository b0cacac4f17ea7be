"""segment: story sentences with offsets that always point back into the original text."""

from __future__ import annotations

import random
import time
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factdiff.clean import story_regions
from factdiff.model import Document, Region, Sentence
from factdiff.segment import MAX_SENTENCE_CHARS, segment

BUNDLED = Path(__file__).resolve().parent.parent / "corpora" / "putin-visit-2023-04"


def make(text: str, doc_id: str = "t") -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text)


def whole(doc: Document) -> list[Region]:
    return [Region(0, len(doc.text), True)]


def texts(sentences: tuple[Sentence, ...]) -> list[str]:
    return [s.text for s in sentences]


def assert_invariant(doc: Document, sentences: tuple[Sentence, ...]) -> None:
    """The contract every later stage relies on."""
    previous_end = 0
    for i, s in enumerate(sentences):
        assert s.doc == doc.id and s.index == i
        assert doc.text[s.start : s.end] == s.text
        assert previous_end <= s.start < s.end
        assert s.text == s.text.strip() and any(c.isalpha() for c in s.text)
        assert len(s.text) <= MAX_SENTENCE_CHARS
        previous_end = s.end


# --- splitting ---------------------------------------------------------------------------------


@pytest.mark.parametrize("title", "Sgt. Lt. Gov. Rep. Sen. Col. Capt. Gen. Det. Insp. Supt. Cpl. Pvt. Adm. Cmdr. Maj.".split())
def test_an_abbreviated_title_does_not_end_the_sentence(title: str) -> None:
    line = f"Two men were arrested, {title} Kim Riley said. The car was found later."
    doc = make(line)
    assert texts(segment(doc, whole(doc))) == [f"Two men were arrested, {title} Kim Riley said.", "The car was found later."]


def test_a_unit_abbreviation_before_a_bracket_or_a_lower_case_word_ends_no_sentence() -> None:
    doc = make("That is about 43 lbs. (20 kg), or eight bricks, for each person. He weighs 200 lbs. He is tall.")
    assert texts(segment(doc, whole(doc))) == [
        "That is about 43 lbs. (20 kg), or eight bricks, for each person.", "He weighs 200 lbs.", "He is tall.",
    ]


def test_titles_in_a_row_stay_with_the_name() -> None:
    doc = make("Det. Insp. Kim Riley and Supt. Mary Jones spoke. Pvt. Ryan was there.")
    assert texts(segment(doc, whole(doc))) == ["Det. Insp. Kim Riley and Supt. Mary Jones spoke.", "Pvt. Ryan was there."]


def test_sentences_glued_without_a_space_are_two_sentences() -> None:
    # Scraped pages lose the space between paragraphs: "was continued to July 6.Jarrett faces".
    doc = make("Her hearing was continued to July 6.Jarrett faces one count.The court said so. It cost 3.5 million in the U.S.Then Mr.Smith left.")
    sentences = segment(doc, whole(doc))
    assert texts(sentences) == [
        "Her hearing was continued to July 6.", "Jarrett faces one count.", "The court said so.",
        "It cost 3.5 million in the U.S.Then Mr.Smith left.",
    ]
    assert_invariant(doc, sentences)


def test_lines_then_sentences() -> None:
    doc = make(
        "Putin visits troops in Kherson\n\n"
        "Gen. Valery Gerasimov was there. The U.S. said nothing! Why? Nobody knows.\n"
    )
    assert texts(segment(doc, whole(doc))) == [
        "Putin visits troops in Kherson",
        "Gen. Valery Gerasimov was there.",
        "The U.S. said nothing!",
        "Why?",
        "Nobody knows.",
    ]


def test_a_time_zone_stays_with_its_time() -> None:
    doc = make(
        "The contest ran until 6 p.m. EDT Sunday, the organizer said. It ended at 3 p.m. Arizona time."
        " They met at 5 p.m. Officials left."
    )
    assert texts(segment(doc, whole(doc))) == [
        "The contest ran until 6 p.m. EDT Sunday, the organizer said.",
        "It ended at 3 p.m. Arizona time.",
        "They met at 5 p.m.",
        "Officials left.",
    ]


def test_a_quotation_after_a_quotation_that_ends_a_sentence_is_a_new_sentence() -> None:
    doc = make('“We pay the minimum wage.” “I would go for nothing,” says Laura. He said "no." "Yes," she said.')
    sentences = segment(doc, whole(doc))
    assert texts(sentences) == [
        "“We pay the minimum wage.”", "“I would go for nothing,” says Laura.", 'He said "no."', '"Yes," she said.',
    ]
    assert_invariant(doc, sentences)


def test_crlf_offsets_are_exact() -> None:
    doc = make("  Headline of the story here  \r\n\r\nOne sentence here. Another one.\r\nLast\r\n")
    sentences = segment(doc, whole(doc))
    assert texts(sentences) == ["Headline of the story here", "One sentence here.", "Another one.",
                                "Last"]
    assert_invariant(doc, sentences)
    assert "\r" not in "".join(texts(sentences))


def test_quotes_stay_with_their_sentence() -> None:
    doc = make(
        "“We will defeat Russia,” he said."
        " “If you have a strong inner spirit, you will win.”"
    )
    assert texts(segment(doc, whole(doc))) == [
        "“We will defeat Russia,” he said.",
        "“If you have a strong inner spirit, you will win.”",
    ]


def test_only_story_regions_are_segmented_and_indexed_from_zero() -> None:
    text = "Navigation junk. More junk.\nThe story begins. It goes on.\nFooter junk.\n"
    doc = make(text)
    start = text.index("The story")
    end = text.index("Footer")
    regions = [Region(0, start, False, "navigation"), Region(start, end, True),
               Region(end, len(text), False, "copyright")]
    sentences = segment(doc, regions)
    assert texts(sentences) == ["The story begins.", "It goes on."]
    assert [s.index for s in sentences] == [0, 1]
    assert_invariant(doc, sentences)


def test_spans_without_letters_are_dropped() -> None:
    doc = make("---\n\n12345\n\n8 ( +8 / -0 )\n\n... !!!\n\nA real sentence.\n")
    assert texts(segment(doc, whole(doc))) == ["A real sentence."]


def test_markdown_block_markers_are_not_part_of_the_sentence() -> None:
    doc = make("## Bridge closes for repairs\n\n> The mayor agreed.\n\n- 12 people hurt\n")
    sentences = segment(doc, whole(doc))
    assert texts(sentences) == ["Bridge closes for repairs", "The mayor agreed.", "12 people hurt"]
    assert_invariant(doc, sentences)


def test_a_very_long_sentence_is_cut_at_whitespace() -> None:
    words = " ".join(f"word{i}" for i in range(1500))  # about 11,000 characters, no full stop
    doc = make(words)
    sentences = segment(doc, whole(doc))
    assert len(sentences) > 1
    assert_invariant(doc, sentences)
    assert " ".join(texts(sentences)) == words  # cut only at spaces, nothing lost


def test_a_long_run_without_whitespace_is_cut_hard() -> None:
    doc = make("x" * 5000)
    sentences = segment(doc, whole(doc))
    assert [len(s.text) for s in sentences] == [2000, 2000, 1000]
    assert_invariant(doc, sentences)


def test_two_megabytes_without_line_breaks_segment_quickly() -> None:
    rng = random.Random(7)
    vocabulary = "the Kremlin said on Tuesday that Putin visited troops in Kherson Gen. U.S."
    vocabulary = vocabulary.split()
    parts, size = [], 0
    while size < 2_000_000:
        words = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(4, 30)))
        part = words[0].upper() + words[1:] + rng.choice([". ", "! ", "? ", ", "])
        parts.append(part)
        size += len(part)
    doc = make("".join(parts))
    began = time.perf_counter()
    sentences = segment(doc, story_regions(doc))
    elapsed = time.perf_counter() - began
    assert elapsed < 20, f"took {elapsed:.1f}s"
    assert len(sentences) > 10_000
    assert_invariant(doc, sentences)


# --- the contract, for any text ----------------------------------------------------------------

PIECES = st.sampled_from(
    ["\n", "\r\n", "\r", "\n\n", " ", "  ", ". ", "! ", "? ", "...", "…", "“", "”", "\"", "(",
     ")", "Gen. ", "U.S. ", "Mr. ", "e.g. ", "No. 5 ", "3.14 ", "## ", "> ", "- ", "\t",
     "\u2028", "\x0c", "\ufeff", "é", "日本語。", "The council voted on Monday. ",
     "Putin visited Kherson", "a) ", "1. ", "ii. "]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=15)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_segments_without_error_and_with_exact_offsets(text: str) -> None:
    doc = make(text)
    assert_invariant(doc, segment(doc, story_regions(doc)))
    assert_invariant(doc, segment(doc, whole(doc)))


def _regions(text: str, cuts: list[int]) -> list[Region]:
    """Story and junk regions taking turns, cut at ``cuts``."""
    points = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    return [Region(a, b, i % 2 == 0) for i, (a, b) in enumerate(pairwise(points))]


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.lists(st.integers(min_value=0, max_value=400), max_size=6))
def test_any_regions_segment_with_exact_offsets(text: str, cuts: list[int]) -> None:
    """Regions that cut lines anywhere (or overlap the end) still give exact, ordered offsets."""
    doc = make(text)
    regions = _regions(text, cuts)
    sentences = segment(doc, regions)
    assert_invariant(doc, sentences)
    for s in sentences:
        assert any(r.is_story and r.start <= s.start and s.end <= r.end for r in regions)


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS, st.lists(st.integers(min_value=0, max_value=400), max_size=4))
def test_a_memo_shared_by_versions_changes_no_sentence(first: str, second: str, cuts: list[int]) -> None:
    """Versions repeat each other's lines at other offsets (and regions may cut them anywhere):
    sentences from the memo are those a fresh split gives, at the version's own offsets."""
    memo: dict = {}
    for doc in (make(first, "a"), make(second + first, "b"), make(first + "\n" + second, "c")):
        for regions in (story_regions(doc), whole(doc), _regions(doc.text, cuts)):
            assert segment(doc, regions, memo) == segment(doc, regions)


# --- the bundled story -------------------------------------------------------------------------


def bundled(prefix: str) -> Document:
    (path,) = BUNDLED.glob(f"{prefix}_*.txt")
    return Document(id=path.stem, path=str(path), text=path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_bundled_story_sentences(prefix: str) -> None:
    doc = bundled(prefix)
    sentences = segment(doc, story_regions(doc))
    assert_invariant(doc, sentences)
    found = texts(sentences)
    if prefix in ("000", "001", "002"):
        assert (
            "Last month, Putin visited the Russian-held Sea of Azov port city of Mariupol, which"
            " was captured by Russian troops in May after two months of fierce fighting." in found
        )
        assert not any("left, and Russian" in s for s in found)  # captions
    if prefix in ("001", "002"):
        assert (
            "A video released by the Kremlin and broadcast by Russian state television showed Putin"
            " visiting the command post for Russian forces in the southern Kherson region." in found
        )
    if prefix == "002":
        assert not any("coward" in s or "Car Loan" in s for s in found)  # comments and ads
        assert found[-1].endswith("always annoyed the Russians.”")


def test_hard_wrapped_paragraphs_are_not_cut_at_line_breaks() -> None:
    text = (
        "The council voted on Monday to close the old bridge to traffic for\r\n"
        "six months after engineers found cracks in two of its steel supports\r\n"
        "during an inspection in March. Drivers will be sent on a diversion\r\n"
        "through the town centre, which officials said would add about ten\r\n"
        "minutes to most journeys.\r\n\r\n"
        "The mayor said the repairs could not wait any longer.\r\n"
    )
    doc = make(text)
    sentences = segment(doc, story_regions(doc))
    assert_invariant(doc, sentences)
    assert [" ".join(s.text.split()) for s in sentences] == [
        "The council voted on Monday to close the old bridge to traffic for six months after"
        " engineers found cracks in two of its steel supports during an inspection in March.",
        "Drivers will be sent on a diversion through the town centre, which officials said would"
        " add about ten minutes to most journeys.",
        "The mayor said the repairs could not wait any longer.",
    ]


def test_paragraphs_the_versions_share_are_split_once(monkeypatch) -> None:
    import factdiff.segment as segment_module

    calls: list[str] = []
    split = segment_module._pysbd_split
    monkeypatch.setattr(segment_module, "_pysbd_split", lambda line: calls.append(line) or split(line))
    original = bundled("000")
    moved = Document("moved", "moved.txt", "\n\n\n" + original.text)  # the same paragraphs, 3 characters on
    memo: dict = {}
    first = segment(original, story_regions(original), memo)
    units, split_once = len(memo), len(calls)
    again = segment(moved, story_regions(moved), memo)
    assert split_once > 0 and len(calls) == split_once and len(memo) == units  # all from the memo
    assert again == segment(moved, story_regions(moved))  # as a fresh split gives them
    assert [(s.start, s.end, s.text) for s in again] == [(s.start + 3, s.end + 3, s.text) for s in first]
