"""Facts as real coverage needs them: ages know whose they are; an answer is not a denial."""

from __future__ import annotations

import pytest

import factdiff
from factdiff.facts import AGE, extract_facts
from factdiff.model import Document, Sentence, Severity
from factdiff.pipeline import make_embedder


def _facts(text: str, kind: str):
    document = Document("a", "a.txt", text)
    (analysis,) = extract_facts([document], [Sentence("a", 0, 0, len(text), text)])
    return [f for f in analysis.facts if f.kind == kind]


def _ages(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.about) for f in _facts(text, "number") if f.slot == AGE]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police found the body of 20-year-old Anna Berg near the hotel.", [("20", ("person:anna berg",))]),
        ("Mr Berg, 33, from Leeds, was arrested in October.", [("33", ("person:berg",))]),
        ("John Smith, aged 40, was arrested on Monday.", [("40", ("person:john smith",))]),
        ("The 59-year-old musher and his three-year-old dog finished.", [("59", ("noun:musher",)), ("three", ("noun:dog",))]),
        ("The 21-year-old hanged himself at a deserted hotel.", [("21", ())]),
        ("An 18-year-old central Ohio woman was sentenced on Friday.", [("18", ("noun:woman",))]),
        ("The 46-year-old said business had been good.", [("46", ())]),  # "said" tagged an adjective
        (
            "The suspects were identified as Kevin Deon Johnson, 24; Dwight Kevin Smith, 30; and Antheyst Jarrett, 27.",
            [("24", ("person:kevin deon johnson",)), ("30", ("person:dwight kevin smith",)), ("27", ("person:antheist jaret",))],
        ),
    ],
)
def test_an_age_knows_whose_it_is(text, expected):
    assert _ages(text) == expected


def test_a_duration_in_years_is_no_age():
    assert _ages("The film took 33 years to make.") == []


@pytest.fixture(scope="module")
def embedder(story_cache):
    return make_embedder(cache_dir=story_cache)


def test_one_persons_age_given_two_ways_in_sentences_that_do_not_align_is_a_warning(embedder):
    documents = (
        Document("a", "a.txt", "Anna Berg, 45, runs the bakery on the square. She opened it in 2010."),
        Document("b", "b.txt", "The 46-year-old said business at the bakery had been good this year. Anna Berg opened it in 2010."),
    )
    found = [d for d in factdiff.check_documents(documents, embedder=embedder).discrepancies if d.code == "FD201"]
    assert [(d.severity, sorted(v.text for v in d.values)) for d in found] == [(Severity.WARNING, ["45", "46"])]


@pytest.mark.parametrize("text", ["No — Scout Willis (@scout) May 28, 2014", "No, the minister said, it was a good day."])
def test_no_as_an_answer_denies_nothing(text):
    assert _facts(text, "negation") == []


def test_no_before_a_noun_still_denies():
    assert [f.text for f in _facts("Police found no evidence of a break-in.", "negation")]


def _titles(text: str) -> list[tuple[str, str, str]]:
    return [(f.kind, f.slot, f.value) for f in _facts(text, "role") + _facts(text, "title")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Michael Avenatti, Daniels' attorney, spoke on Tuesday.", [("role", "attorney of danels", "person:michael avenati")]),
        ("Nick Vamos, a solicitor at the firm, spoke on Tuesday.", [("title", "solicitor", "person:nick vamos")]),
        ("The boy is survived by his 5-year-old brother, Sebastian.", [("title", "brother of his", "person:sebastian")]),
        # a field of study is one grade of a title; an age is a fact of its own
        ("Ahmed Youness, a 21-year-old computer science student, died.", [("title", "computer_scence student", "person:ahmed iounes")]),
        ('His hits include "Gin & Juice," "Nuthin\' But a G Thang," "Next Episode" and "Beautiful."', []),
    ],
)
def test_only_a_definite_title_whose_holder_is_known_is_an_office(text, expected):
    assert _titles(text) == expected


def test_ages_of_one_person_at_several_times_are_not_set_against_another_versions_age(embedder):
    documents = (
        Document("a", "a.txt", "Anna Berg, then 22, was sentenced in 1998. On Wednesday, at 40, Anna Berg walked free."),
        Document("b", "b.txt", "The fire woke Anna Berg, 21, in the night. She said she had always been innocent."),
    )
    found = [d for d in factdiff.check_documents(documents, embedder=embedder).discrepancies if d.code == "FD201"]
    assert found == []


@pytest.mark.parametrize(
    "text, whole",
    [
        ("Microbes account for about 70% of the total marine biomass.", "biomass+marine"),
        ("Bacteria are nearly 13 percent of the world's biomass.", "biomass"),
        ("Dunn was found guilty on three charges of attempted murder.", "murder"),
        ("Jurors found Dunn guilty on four of five charges.", ""),
        ("It weighs as much as eight of the Great Pyramids of Egypt.", ""),  # a proper name says where, not what
        ("Humans have destroyed 83% of all wild mammals.", "mammal+wild"),
    ],
)
def test_a_figure_knows_what_it_is_a_share_or_count_of(text, whole):
    (number,) = [f for f in _facts(text, "number") if f.detail.split(";")[1] != "ordinal"][:1]
    assert number.detail.split(";")[2] == whole


def test_an_entity_anchors_the_date_it_stands_nearest_to():
    (death, departure) = _facts("His sorrow at the death of Janis Joplin in 1970 led to his departure from Jefferson Airplane in 1971.", "date")
    assert not any("airplane" in key for key in death.about)
    assert any("airplane" in key for key in departure.about)


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Moira Austin said the tests were useless.", "Moira Austin"),
        ("Another allergist, Moira Austin said: “The tests are useless.”", "Moira Austin"),  # two subjects
        ("A consultant allergist, Adam Fox from the hospital, said the tests were useless.", "Adam Fox"),  # an apposition
        ("The allergist said the tests were useless.", None),
    ],
)
def test_a_claim_is_attributed_to_the_name_beside_the_speakers_role(text, speaker):
    assert [f.text for f in _facts(text, "speaker")] == ([speaker] if speaker else [])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In addition to the six killed, five people were critically injured and 12 were treated "
         "for minor injuries.", [("six", "killed"), ("five", "people"), ("12", "people")]),
        ("The bomb killed 27 people and wounded 12 in the capital.", [("27", "people"), ("12", "people")]),
        ("Of the five victims who remained hospitalized, two were in critical condition.", [("five", "victim"), ("two", "victim")]),
        # a figure of a noun of its own, a year, a count of no people: nothing to take
        ("Police arrested 15 people and seized 2 guns.", [("15", "people"), ("2", "gun")]),
        ("Five people were hurt and 2014 was worse.", [("Five", "people"), ("2014", "")]),
        ("The storm destroyed 300 homes and damaged 40.", [("300", "home"), ("40", "")]),
    ],
)
def test_a_bare_figure_standing_for_a_head_count_counts_what_it_stands_for(text, expected):
    assert [(f.text, f.slot) for f in _facts(text, "number")] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He had just walked into the shop when a man asked him about his gang affiliation.", [("a man", "man")]),
        ("A gunman opened fire on the crowd.", [("A gunman", "gunman")]),
        # joined to another, said of someone, of a whole, or no person: no count of one
        ("A man and his son were arrested on Friday.", []),
        ("He is a teacher at the local school.", []),
        ("Police found the body of a woman near the river.", []),
        ("A car hit the wall.", []),
        ("A spokesman said the station would reopen on Monday.", []),
    ],
)
def test_a_person_told_with_an_article_is_a_count_of_one(text, expected):
    assert [(f.text, f.slot) for f in _facts(text, "count")] == expected


def test_a_relative_clause_on_the_counted_noun_is_part_of_the_figures_clause():
    (two,) = _facts("Inside the shop, he was confronted by two men who asked about his gang affiliation.", "number")
    assert "affiliation" in two.context.split()

