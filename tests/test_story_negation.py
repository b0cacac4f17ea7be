"""A claim one outlet denies and another affirms, told in sentences that do not align (FD501
across the story): the same verb, the same subject, the same participants around it."""

from __future__ import annotations

import pytest

from factdiff.compare.rules.negation import story_negation_conflicts
from factdiff.facts import extract_facts
from factdiff.model import Document, Sentence


def _conflicts(denied: str, affirmed: str, *, aligned: bool = False) -> list[tuple[str, str]]:
    documents = [Document("a", "a.txt", denied), Document("b", "b.txt", affirmed)]
    sentences = [Sentence("a", 0, 0, len(denied), denied), Sentence("b", 0, 0, len(affirmed), affirmed)]
    analyses = extract_facts(documents, sentences)
    group_of = {("a", 0): "g1", ("b", 0): "g1"} if aligned else {}
    return [tuple(v.text for v in d.values) for d in story_negation_conflicts(analyses, group_of)]


DENIED = "Contrary to reports, the Academy has not yet pulled Sacha Baron Cohen's Oscar tickets over his plan."


def test_one_subject_denying_and_doing_one_thing_to_the_same_participants_conflicts():
    affirmed = "The Academy of Motion Picture Arts and Sciences has pulled actor Sacha Baron Cohen's tickets from the awards."
    assert _conflicts(DENIED, affirmed) == [("not yet pulled", "has pulled")]


def test_sentences_of_one_aligned_group_are_left_to_the_pair_rule():
    affirmed = "The Academy of Motion Picture Arts and Sciences has pulled actor Sacha Baron Cohen's tickets from the awards."
    assert _conflicts(DENIED, affirmed, aligned=True) == []


@pytest.mark.parametrize(
    "denied, affirmed",
    [
        # another subject: what one bar lacks, another has
        ("Another bar, Lost Love Lounge, doesn't have a patio for its smokers.",
         "Luckily, All Ways has an outdoor patio for smokers, unlike Lost Love Lounge."),
        # a pronoun names no one
        ("He didn't invent the cash machine, Goodfellow said of the ATM.",
         "In the 1960s, James Goodfellow invented the cash machine, the ATM."),
        # a possibility is no assertion
        (DENIED, "The Academy could still pull Sacha Baron Cohen's Oscar tickets over the plan."),
        # the affirmed verb under a negator of its own
        (DENIED, "Nobody believes that the Academy has pulled Sacha Baron Cohen's Oscar tickets over his plan."),
        # nothing named right before the affirmed verb: "of slowing" says nothing of who
        ("Interest in Star Wars is not slowing down, Disney says of the film.",
         "Interest in Star Wars shows no sign of slowing down, Disney says of the film."),
        # one shared noun ties nothing
        ("We haven't built a device, Kanan said.",
         "Kanan and Li built an electrochemical cell, a device with two electrodes."),
    ],
)
def test_what_is_not_one_claim_denied_and_affirmed(denied, affirmed):
    assert _conflicts(denied, affirmed) == []
