"""Figures of one thing told in sentences that do not align (compare/story_figures.py), with the
real parser and model. Every sentence is put in a group of its own, as independent coverage
leaves them; the sentences are written for these tests."""

from __future__ import annotations

import pytest

from factdiff.compare.story_figures import _frame, story_number_links
from factdiff.facts import extract_facts
from factdiff.model import Document, Sentence
from factdiff.pipeline import make_embedder


@pytest.fixture(scope="module")
def embedder(story_cache):
    return make_embedder(cache_dir=story_cache)


def _links(embedder, **versions: list[str]):
    documents, sentences = [], []
    for doc, lines in versions.items():
        text = " ".join(lines)
        documents.append(Document(doc, f"{doc}.txt", text))
        at = 0
        for index, line in enumerate(lines):
            sentences.append(Sentence(doc, index, at, at + len(line), line))
            at += len(line) + 1
    analyses = extract_facts(documents, sentences)
    group_of = {(s.doc, s.index): f"g{i}" for i, s in enumerate(sentences)}
    facts_of = {d.id: [f for a in analyses if a.sentence.doc == d.id for f in a.facts] for d in documents}
    return [(link.a.text, link.b.text) for link in story_number_links(analyses, group_of, facts_of, embedder.encode)]


def test_one_figure_told_with_other_words_around_it_is_linked(embedder):
    links = _links(
        embedder,
        a=["Since 2002, the United States has spent $117 billion on contractors in Iraq and Afghanistan."],
        b=["The report found that misspent dollars ran into the tens of billions out of the nearly $200 billion "
           "spent on contracts in Iraq and Afghanistan since 2002."],
    )
    assert links == [("$117 billion", "$200 billion")]


def test_figures_of_one_event_on_one_day_are_linked_by_that_day(embedder):
    links = _links(
        embedder,
        a=["At least 144 people were reported killed across Syria on Monday, activists said."],
        b=["As many as 125 people died across Syria on Monday, many of them at a checkpoint."],
    )
    assert links == [("144", "125")]


def test_figures_without_a_shared_place_day_or_figure_are_not_linked(embedder):
    links = _links(
        embedder,
        a=["At least 144 people were reported killed in the fighting, activists said."],
        b=["As many as 125 people died in the fighting, many of them at a checkpoint."],
    )
    assert links == []


def test_figures_far_apart_are_different_figures(embedder):
    links = _links(
        embedder,
        a=["The Dow rose 149% in New York during the Obama years."],
        b=["The Dow rose 7 percent in New York during the Trump years."],
    )
    assert links == []


def test_a_version_that_gives_the_other_figure_contradicts_neither(embedder):
    links = _links(
        embedder,
        a=["At least 144 people were reported killed across Syria on Monday.", "Activists said 125 people had died in Syria."],
        b=["As many as 125 people died across Syria on Monday, many of them at a checkpoint."],
    )
    assert links == []


def test_a_sentence_that_gives_a_compatible_figure_tells_the_other(embedder):
    links = _links(
        embedder,
        a=["Oil fell from more than $110 per barrel in 2014 to less than $40 per barrel in Saudi Arabia."],
        b=["Saudi Arabia saw a peak of $115 a barrel in 2014."],
    )
    assert ("$40", "$115") not in links


def test_figures_of_a_list_are_left_to_the_sentence(embedder):
    links = _links(
        embedder,
        a=["In the ocean, plants make up 450 gigatons, bacteria 70 gigatons and fungi 12 gigatons."],
        b=["Bacteria in the ocean weigh 70 gigatons and archaea 7 gigatons."],
    )
    assert links == []


def test_a_total_is_not_set_against_a_part(embedder):
    links = _links(
        embedder,
        a=["The parents of eight of the children killed in the shooting in December 2012 have notified the courts."],
        b=["Parents of at least 13 of the 20 children killed in the shooting in December 2012 have opened estates."],
    )
    assert links == []


def test_each_figure_is_linked_only_to_its_one_candidate(embedder):
    links = _links(
        embedder,
        a=["The Nevada dispensaries made about $3 million in sales and about $1 million in tax in Nevada."],
        b=["Nevada dispensaries made $3 million in sales and about $500,000 in tax revenue in Nevada.",
           "Nevada dispensaries expect about $600,000 in tax revenue next month in Nevada."],
    )
    assert links == []


def test_figures_of_opposite_happenings_are_different_figures(embedder):
    links = _links(
        embedder,
        a=["Shares of Acme rose 5 percent in New York on Monday morning."],
        b=["Shares of Acme fell 4 percent in New York on Monday afternoon."],
    )
    assert links == []


def test_one_person_anchors_a_figure_told_in_another_unit_spelling(embedder):
    links = _links(
        embedder,
        a=["Steck and Goettler were the only climbers this season on the face of the 8,027-meter mountain."],
        b=["David Goettler was attempting the southern face of the 8,013 m mountain when he found the bodies."],
    )
    assert links == [("8,027", "8,013")]


def test_amounts_in_different_things_are_different_figures(embedder):
    links = _links(
        embedder,
        a=["Tolstedt owns roughly $43.3 million in stock outright, according to a letter."],
        b=["Tolstedt was awarded more than $60 million in bonuses in the same period."],
    )
    assert links == []


def test_sentences_that_name_different_places_tell_different_figures(embedder):
    links = _links(
        embedder,
        a=["In Ventura County, the number of beach closings dropped from 1,540 in 2001 to 416 last year."],
        b=["The number of days when Texas beaches were closed dropped from 317 in 2001 to 182 last year."],
    )
    assert links == []


def test_a_place_named_inside_a_longer_name_is_one_name(embedder):
    links = _links(
        embedder,
        a=["The Nevada Dispensary Association estimated that dispensaries made about $3 million in sales and "
           "the state made about $1 million in tax revenue."],
        b=["Retailers made $3 million in sales and lined the coffers of Nevada with $500,000 in tax revenue, "
           "the Las Vegas Sun said."],
    )
    assert links == [("$1 million", "$500,000")]


def test_one_owner_named_in_both_figures_phrases_anchors_them(embedder):
    # A country anchors nothing by itself (every sentence of the story is in it); the phrase
    # "Norway's ... economy" says whose figure it is.
    links = _links(
        embedder,
        a=["The vote will shape Norway's $480 billion economy for a generation."],
        b=["Supporters admit there may be some pain for Norway's $430 billion economy at first."],
    )
    assert links == [("$480 billion", "$430 billion")]


# Sentences of a story about something else: what makes a version long enough for a word it
# uses in one or two sentences to be rare in it.
_STORY = [
    "The mosque was crowded for evening prayers when the gunman opened fire.",
    "Police arrested a suspect near a bridge outside the city an hour later.",
    "Vigils were held across the country on Monday night.",
    "The prime minister called the attack an act of terrorism.",
    "Community leaders asked for calm and for more security at places of worship.",
    "The suspect is due in court on Tuesday.",
    "Investigators are still piecing together his movements that night.",
]


def test_a_word_both_versions_rarely_use_names_what_two_figures_count(embedder):
    links = _links(
        embedder,
        a=[*_STORY, "Another 13 people with minor injuries have been released, according to a hospital spokeswoman."],
        b=["Five people were critically injured and 12 were treated for minor injuries, a spokeswoman said.", *_STORY],
    )
    assert links == [("13", "12")]


def test_a_word_every_sentence_uses_names_nothing(embedder):
    story = [f"{line[:-1]}, the hospital's spokeswoman said as more people were released." for line in _STORY]
    links = _links(
        embedder,
        a=[*story, "Another 13 people have been released, the hospital's spokeswoman said."],
        b=["Five people were critically injured and 12 have been released, the hospital's spokeswoman said.", *story],
    )
    assert links == []


def test_a_counted_figure_and_an_estimate_are_different_figures(embedder):
    links = _links(
        embedder,
        a=[*_STORY, "Nearly 7,000 people have been confirmed killed in the double natural disaster."],
        b=["The twin natural disasters likely killed well more than 10,000 people.", *_STORY],
    )
    assert links == []



def _frame_of(figure: str, sentence: str) -> str:
    (analysis,) = extract_facts([Document("a", "a.txt", sentence)], [Sentence("a", 0, 0, len(sentence), sentence)])
    (fact,) = [f for f in analysis.facts if f.kind == "number" and f.text == figure]
    return _frame(fact, analysis)


def test_an_aside_about_another_figure_is_no_part_of_a_figures_frame():
    # The dollar conversion is of the crowns, not of the share: left in, it stands where the
    # words that say what the share is of should be.
    sentence = "The state ran a surplus of 410 billion crowns ($46 billion) or 8 per cent of gross domestic product in 2019."
    assert _frame_of("8 per cent", sentence) == "surplus of 410 billion crowns or X of gross domestic product in 2019"


def test_a_figures_own_aside_stays_in_its_frame():
    sentence = "They were found on the southern face of the 8,027-meter (26,330-foot) mountain near the 240 km (150 miles) road."
    assert _frame_of("8,027", sentence) == "on the southern face of the X - meter ( 26,330 - foot"
    assert _frame_of("150", sentence) == "mountain near the 240 km ( X miles ) road ."
