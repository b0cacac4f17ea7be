"""Dates of what happens to a named thing once (its founding, a person's birth or death) are
dates of one event wherever the sentences are, in one version or across two."""

from __future__ import annotations

import pytest

import factdiff
from factdiff.compare.once import once_dates
from factdiff.facts import extract_facts
from factdiff.model import Document, Sentence
from factdiff.pipeline import make_embedder


@pytest.fixture(scope="module")
def embedder(story_cache):
    return make_embedder(cache_dir=story_cache)


def _flags(embedder, *texts: str) -> list[tuple[str, tuple[str, ...]]]:
    documents = tuple(Document(f"v{i}", f"v{i}.txt", t) for i, t in enumerate(texts))
    report = factdiff.check_documents(documents, embedder=embedder)
    return [
        (d.code, tuple(f"{v.doc}:{v.text}" for v in d.values))
        for d in report.discrepancies
        if d.severity.name in ("ERROR", "WARNING") and d.code in ("FD101", "FD701")
    ]


def test_a_version_dating_one_founding_two_ways_contradicts_itself(embedder):
    found = _flags(
        embedder,
        "Payments went to Essential Consultants, a company established by Cohen in October 2016. "
        "The bank kept records of every transfer. AT&T hired Essential Consultants, a company "
        "formed by Cohen in early 2017, for advice.",
        "Payments went to Essential Consultants. The bank kept records of every transfer.",
    )
    assert found == [("FD701", ("v0:October 2016", "v0:early 2017"))]


def test_births_told_in_sentences_that_do_not_align_conflict_across_versions(embedder):
    found = _flags(
        embedder,
        "Snoop Dogg was born in 1971 in Long Beach. He has sold millions of albums.",
        "The rapper received a star on Monday. Snoop Dogg, born in Long Beach in 1972, thanked his mother.",
    )
    assert found == [("FD101", ("v0:1971", "v1:1972"))]


def test_foundings_of_two_things_are_two_events(embedder):
    found = _flags(
        embedder,
        "Acme, founded in 1990, makes engines. Its rival is based in Ohio.",
        "Its rival Zenith, founded in 1995, makes pumps. Acme makes engines.",
    )
    assert found == []


def test_one_founding_told_alike_at_different_precision_agrees(embedder):
    found = _flags(
        embedder,
        "Acme, founded in March 1990, makes engines. Workers went on strike on Monday.",
        "Workers went on strike on Monday. The strike hit Acme, which was founded in 1990.",
    )
    assert found == []


def _once(text: str) -> list[tuple[str, str, str]]:
    document = Document("a", "a.txt", text)
    analyses = extract_facts([document], [Sentence("a", 0, 0, len(text), text)])
    # the name's folded spelling, whichever kind the tagger took it for
    return [(told.thing.split(":")[-1], told.happening, told.date.text) for told in once_dates(analyses)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Essential Consultants, a company established by Cohen in October 2016, got the money.",
         [("esential consultants", "founding", "October 2016")]),
        ("The band Acme was formed in 1998 in Ohio.", [("acme", "founding", "1998")]),
        ("Snoop Dogg, born in Long Beach in 1971, thanked his mother.", [("dogg", "birth", "1971")]),
        ("Smith died in 2001, his family said.", [("smith", "death", "2001")]),
        ("He met Smith, who died in 2001, in Paris.", [("smith", "death", "2001")]),
        ("Officer Jane Smith was killed on March 3, 2019, in Ohio.", [("smith", "death", "March 3, 2019")]),
        ("The Golden Gate Bridge, built in 1937, is closed.", [("golden gate bridge", "building", "1937")]),
        # told to the day, what befalls a person once in a story's time, the date anywhere in its clause
        ("Johnson was arrested June 17 and was being held on bail.", [("johnson", "arrest", "June 17")]),
        ("On Monday, Kevin Johnson, 25, also was arrested on suspicion of murder.", [("johnson", "arrest", "Monday")]),
        ("Brock Turner was convicted on March 30 of three counts.", [("turner", "conviction", "March 30")]),
        ("Kristian Perez vanished on April 14 after the prom.", [("perez", "disappearance", "April 14")]),
    ],
)
def test_the_happening_and_its_thing_are_read_from_the_words_before_the_date(text, expected):
    assert _once(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Cohen formed a consulting firm in 2016.",  # active: the founder, not the thing founded
        "The company was founded in 1990.",  # nothing named
        "Smith was arrested in 2010 and died of his wounds.",  # arrests happen many times
        "Acme was founded by Jones, who moved to Ohio in 1990.",  # the date is of the move
        "Jones killed Smith on March 3, 2019.",  # the killer is not the one killed
        "Smith was arrested in 2015 for fraud.",  # a year holds many arrests
        "Officer Lee arrested Smith on June 17.",  # whose arrest, of two people named, is the parse's guess
        "Police arrested Smith on June 17.",  # active: the arrest of whoever the parse makes its object
        "Smith was questioned on June 17.",  # questioned many times
        "Perez vanished after meeting Lopez on April 14.",  # two people: whose disappearance is a guess
        # what the commas enclose may end in any name: Czechoslovakia did not die
        "Shirley Temple Black, former ambassador to Ghana and Czechoslovakia, died on Feb. 10.",
    ],
)
def test_what_is_not_a_dated_founding_birth_or_death_of_a_named_thing(text):
    assert _once(text) == []


def test_two_people_of_one_surname_named_in_full_are_two_people(embedder):
    found = _flags(
        embedder,
        "John Smith, who died in 1990, founded the bakery. The shop still sells bread on Main Street.",
        "The shop still sells bread on Main Street. His son, Mark Smith, who died in 2010, ran it for decades.",
    )
    assert found == []


def test_one_arrest_dated_two_ways_across_versions_conflicts(embedder):
    # the other version's "a day later" counts from its own June 17: June 18
    found = _flags(
        embedder,
        "On June 17, detectives searched the home of Dwight Smith, who was arrested on suspicion of murder. "
        "A day later, Kevin Johnson, 25, also was arrested on suspicion of murder.",
        "His arraignment was postponed to July 6. Jail records show Johnson was arrested June 17 and is being held "
        "on $2 million bail.",
    )
    assert [(code, sorted(values)) for code, values in found] == [("FD101", ["v0:A day later", "v1:June 17"])]


def test_arrests_of_two_people_are_two_events(embedder):
    found = _flags(
        embedder,
        "Johnson was arrested June 17 at his home. The court set his bail.",
        "The court set his bail. Smith was arrested June 18 in a car outside the city.",
    )
    assert found == []
