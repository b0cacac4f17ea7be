"""How facts are judged to agree, and how disagreements become discrepancies."""

from __future__ import annotations

import re

import numpy as np
import pytest

from factdiff.compare import compare, dates_agree, numbers_agree
from factdiff.compare.linking import pair_dates
from factdiff.facts import SentenceFacts, Word
from factdiff.variants import fold
from factdiff.model import DateSource, Document, Fact, Group, Sentence, Severity


def _date(value: str, doc: str = "a") -> Fact:
    relative = "relative" if value.startswith("rel:") else "absolute"
    return Fact("date", doc, 0, 0, len(value), value, value, detail=f"month;{relative};{value}")


def _number(value: float, unit: str = "month", qualifier: str = "", doc: str = "a") -> Fact:
    return Fact("number", doc, 0, 0, 1, "n", f"{value:g}", slot=unit, detail=f"{qualifier};")


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("2023-03", "2023-03", True),
        ("2023-04-18", "2023-04", True),  # a day lies inside its month
        ("2023", "2023-04-18", True),
        ("2022-03", "2023-03", False),
        ("2023-04-16", "2023-04-18", False),
        ("2020s", "2023", True),
        ("2010s", "2023", False),
        ("rel:month:-1", "rel:month:-1", True),
        ("rel:month:-1", "rel:month:-2", False),
        ("rel:month:-1", "2022-03", None),  # no publication date: never relative against absolute
        ("unknown", "2023-04-18", None),
    ],
)
def test_dates_agree_by_containment_and_never_guess(a, b, expected):
    assert dates_agree(_date(a), _date(b)) is expected


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ((8.5, "month", ""), (8.5, "month", ""), True),
        ((30, "day", ""), (40, "day", ""), False),
        ((870, "infection", "about"), (875, "infection", ""), True),
        ((23, "million", "more than"), (24, "million", ""), True),
        ((100, "people", "more than"), (50, "people", ""), False),
        ((50, "people", "up to"), (40, "people", ""), True),
    ],
)
def test_numbers_agree_within_their_qualifiers(a, b, expected):
    assert numbers_agree(_number(*a), _number(*b)) is expected


def _story(sentence_facts: dict[str, list[Fact]], texts: dict[str, str], inferred=(), names=frozenset(), nouns=frozenset()):
    """Documents whose single sentence carries the given facts, all in one aligned group; the
    words in ``names`` tagged as proper nouns, those in ``nouns`` as nouns."""
    documents = [
        Document(doc, f"{doc}.txt", text, published_from=DateSource.INFERRED if doc in inferred else None)
        for doc, text in texts.items()
    ]
    sentences = {doc: Sentence(doc, 0, 0, len(text), text) for doc, text in texts.items()}
    analyses = [
        SentenceFacts(sentences[doc], tuple(facts), frozenset(), _words(texts[doc], names, nouns)) for doc, facts in sentence_facts.items()
    ]
    group = Group("g1", tuple(sentences.values()))
    return documents, [group], analyses


def _words(text: str, names=frozenset(), nouns=frozenset()) -> tuple[Word, ...]:
    """The sentence's words as the facts stage gives them, tagged only as name, noun, word or punctuation."""
    tag = lambda word: "PROPN" if word in names else "NOUN" if word in nouns else "X" if word[0].isalnum() else "PUNCT"
    return tuple(
        Word(m.start(), m.end(), m.group(), fold(m.group()), m.group().lower(), tag(m.group()))
        for m in re.finditer(r"\w+|[^\w\s]", text)
    )


def _fact(kind, doc, text, needle, value, **extra) -> Fact:
    start = text.index(needle)
    return Fact(kind, doc, 0, start, start + len(needle), needle, value, **extra)


def _encode(texts):
    # Clause similarity does not matter for a single date per sentence.
    return np.ones((len(texts), 4), dtype=np.float32) / 2


def _unlike_clauses(texts):
    """Clauses no more alike than unrelated ones: each text its own direction."""
    return np.eye(len(texts), max(len(texts), 4), dtype=np.float32)


@pytest.mark.parametrize(
    "about_b, paired",
    [
        (("org:world parks congress",), True),  # both date the congress
        (("geo:953987",), False),  # nothing they date in common
    ],
)
def test_the_one_date_of_each_aligned_sentence_is_paired_when_both_date_one_entity(about_b, paired):
    """"a target set by the last World Parks Congress in 2003" / "a target set by the last
    World Parks Congress held in South Africa in 2005": the clauses differ (the second date sits
    in a relative clause with its own verb), but each sentence gives one date and both date the
    congress."""
    a = Fact("date", "a", 0, 0, 4, "2003", "2003", slot="set", about=("org:world parks congress",),
             context="set by the last World Parks Congress in 2003", detail="year;absolute;2003;main")
    b = Fact("date", "b", 0, 0, 4, "2005", "2005", slot="hold", about=about_b,
             context="held in South Africa in 2005", detail="year;absolute;2005;background")
    links = pair_dates([a], [b], _unlike_clauses)
    assert [(link.a.value, link.b.value, link.agree) for link in links] == ([("2003", "2005", False)] if paired else [])


def test_the_odd_version_is_reported_against_the_majority():
    texts = {
        "a": "Putin visited Mariupol last month.",
        "b": "Last month Putin visited Mariupol.",
        "c": "Putin visited Mariupol in March 2022.",
    }
    facts = {
        "a": [_fact("date", "a", texts["a"], "last month", "2023-03", detail="month;relative;rel:month:-1")],
        "b": [_fact("date", "b", texts["b"], "Last month", "2023-03", detail="month;relative;rel:month:-1")],
        "c": [_fact("date", "c", texts["c"], "March 2022", "2022-03", detail="month;absolute;2022-03")],
    }
    documents, groups, analyses = _story(facts, texts)
    found = [d for d in compare(documents, groups, analyses, _encode) if d.kind == "date"]
    assert len(found) == 1
    (discrepancy,) = found
    assert discrepancy.severity is Severity.ERROR
    assert discrepancy.majority == "2023-03"
    assert {v.doc: v.text for v in discrepancy.values} == {"a": "last month", "b": "Last month", "c": "March 2022"}
    for value in discrepancy.values:
        assert texts[value.doc][value.start : value.end] == value.text


def test_a_relative_date_resolved_against_an_inferred_publication_date_is_only_a_warning():
    texts = {"a": "It happened last month.", "b": "It happened in March 2022."}
    facts = {
        "a": [_fact("date", "a", texts["a"], "last month", "2023-03", detail="month;relative;rel:month:-1")],
        "b": [_fact("date", "b", texts["b"], "March 2022", "2022-03", detail="month;absolute;2022-03")],
    }
    documents, groups, analyses = _story(facts, texts, inferred={"a"})
    (discrepancy,) = [d for d in compare(documents, groups, analyses, _encode) if d.kind == "date"]
    assert discrepancy.severity is Severity.WARNING


def test_agreeing_values_in_other_words_are_not_discrepancies():
    texts = {"a": "The fight has lasted 8½ months.", "b": "The fight has lasted 8-and-a-half months."}
    facts = {
        "a": [_fact("number", "a", texts["a"], "8½", "8.5", slot="month")],
        "b": [_fact("number", "b", texts["b"], "8-and-a-half", "8.5", slot="month")],
    }
    documents, groups, analyses = _story(facts, texts)
    assert not [d for d in compare(documents, groups, analyses, _encode) if d.severity is not Severity.INFO]


def test_discrepancy_ids_do_not_depend_on_document_order():
    texts = {"a": "It lasted 30 days.", "b": "It lasted 40 days."}
    facts = {
        "a": [_fact("number", "a", texts["a"], "30", "30", slot="day")],
        "b": [_fact("number", "b", texts["b"], "40", "40", slot="day")],
    }
    documents, groups, analyses = _story(facts, texts)
    forward = compare(documents, groups, analyses, _encode)
    backward = compare(documents[::-1], groups, analyses[::-1], _encode)
    assert [d.id for d in forward] == [d.id for d in backward]
    assert any(d.kind == "number" and d.severity is Severity.ERROR for d in forward)


def test_direction_words_on_one_place_are_compared_across_the_whole_story():
    texts = {
        "a": "Troops in the southern Kherson region.",
        "b": "Troops in the southern Kherson region held.",
        "c": "Troops in the eastern Kherson region.",
    }
    direction = {"southern": "south", "eastern": "east"}
    facts = {
        doc: [_fact("modifier", doc, text, text.split()[3] + " Kherson", direction[text.split()[3]], slot="geo:1")]
        for doc, text in texts.items()
    }
    documents, _, analyses = _story(facts, texts)
    separate_groups = [Group(f"g{i}", (a.sentence,)) for i, a in enumerate(analyses)]
    (discrepancy,) = [d for d in compare(documents, separate_groups, analyses, _encode) if d.kind == "place"]
    assert discrepancy.majority == "south"
    assert {v.doc for v in discrepancy.values if v.normalized == "east"} == {"c"}


@pytest.mark.parametrize(
    "name_a, name_b, told",
    [
        ("James Webb Space Telescope", "James Webb Space", False),  # the recognizer cut the name short
        ("the House Foreign Affairs committee", "House Foreign Affairs", False),
        ("Webb Space Telescope", "James Webb Space Telescope", False),
        ("New York Times", "New York Post", True),  # a different paper, not a shorter name: a swap
    ],
)
def test_a_name_cut_short_is_not_a_detail_only_one_version_gives(name_a, name_b, told):
    texts = {"a": f"A photo was published by {name_a}.", "b": f"A photo was published by {name_b}."}
    facts = {
        doc: [_fact("entity", doc, texts[doc], name, f"org:{name.lower()}", slot="org")]
        for doc, name in (("a", name_a), ("b", name_b))
    }
    documents, groups, analyses = _story(facts, texts)
    omitted = [d for d in compare(documents, groups, analyses, _encode) if d.code in ("FD902", "FD401")]
    assert bool(omitted) is told


def test_a_figure_in_conflict_is_not_also_a_detail_only_one_version_gives():
    texts = {"a": "The mayor said 40 people were hurt.", "b": "The mayor said 14 people were hurt."}
    facts = {
        doc: [_fact("number", doc, texts[doc], figure, figure, slot="people", detail=";")]
        for doc, figure in (("a", "40"), ("b", "14"))
    }
    documents, groups, analyses = _story(facts, texts)
    found = compare(documents, groups, analyses, _encode)
    assert [d.code for d in found] == ["FD201"]


def _speaker_story(name_a: str, name_b: str):
    texts = {"a": f"“We will win,” {name_a} said.", "b": f"“We will win,” {name_b} said."}
    facts = {
        doc: [_fact("speaker", doc, texts[doc], name, f"person:{name}", slot="person", detail=name)]
        for doc, name in (("a", name_a), ("b", name_b))
    }
    return _story(facts, texts)


@pytest.mark.parametrize(
    "name_a, name_b, conflict",
    [
        ("Maria Marini", "Nikos Poulopoulos", True),
        ("Maria Marini", "Marini", False),
        ("Sean Sundwell", "Sundwall", False),  # the surname misspelt
        ("习近平", "Путин", True),  # names that folding reduces to nothing
        ("习近平", "习近平", False),
    ],
)
def test_a_claim_attributed_to_someone_else_is_an_entity_conflict(name_a, name_b, conflict):
    documents, groups, analyses = _speaker_story(name_a, name_b)
    found = [d for d in compare(documents, groups, analyses, _encode) if d.code == "FD401"]
    assert bool(found) is conflict


@pytest.mark.parametrize("full_b, conflict", [("Dallas Delynn", False), ("Maria Delynn", True)])
def test_surnames_of_full_names_with_one_first_name_are_one_speaker(full_b, conflict):
    """"His name is Dallas Swonger. Dallas Delynn says ...": "says Swonger" / "says Delynn"."""
    texts = {"a": "“We will win,” Swonger said.", "b": "“We will win,” Delynn said."}
    keys = {"a": ("Swonger", "person:dallas swonger"), "b": ("Delynn", f"person:{full_b.lower()}")}
    facts = {
        doc: [_fact("speaker", doc, texts[doc], name, key, slot="person", detail=name)]
        for doc, (name, key) in keys.items()
    }
    documents, groups, analyses = _story(facts, texts)
    found = [d for d in compare(documents, groups, analyses, _encode) if d.code == "FD401"]
    assert bool(found) is conflict


@pytest.mark.parametrize(
    "text_b, swapped",
    [
        ("Sunita Rao, 41, said that the council should attract tenants.", True),
        # More than the name changed: the rest of the rewritten sentence decides nothing.
        ("A neighbour, Sunita Rao, said that the council should attract tenants.", False),
    ],
)
def test_a_name_swapped_in_a_rewritten_sentence_is_told_where_the_words_around_it_line_up(text_b, swapped):
    text_a = "Ravi Menon, 41, said that by spring the council could search for ways to rebuild trust with the families, repair the old lifts and attract tenants."
    name_a, name_b = "Ravi Menon", "Sunita Rao"
    facts = {
        "a": [_fact("entity", "a", text_a, name_a, "person:ravi menon", slot="person")],
        "b": [_fact("entity", "b", text_b, name_b, "person:sunita rao", slot="person")],
    }
    documents, groups, analyses = _story(facts, {"a": text_a, "b": text_b})
    codes = {d.code for d in compare(documents, groups, analyses, _encode) if d.severity is Severity.WARNING}
    assert ("FD401" in codes) is swapped


def _renamed_story(name_a: str, entity_a: tuple[str, str] | None, name_b: str):
    """Two versions of one claim that differ in one name; only version a's is an entity
    (``entity_a``: slot and value), as where the recognizer missed the other."""
    texts = {doc: f"The report was written for {name} last year." for doc, name in (("a", name_a), ("b", name_b))}
    facts = {"a": [], "b": []}
    if entity_a is not None:
        slot, value, *needle = entity_a  # the entity's words, where only part of the name
        facts["a"].append(_fact("entity", "a", texts["a"], needle[0] if needle else name_a, value, slot=slot))
    names = frozenset(name_a.split()) | frozenset(name_b.split())
    return _story(facts, texts, names=names)


@pytest.mark.parametrize(
    "name_a, entity_a, name_b, swapped",
    [
        ("Oxfam", ("org", "org:oxfam"), "Tabor", True),  # the recognizer missed "Tabor"
        ("Oxfam", None, "Tabor", False),  # neither side a name it found: a dateline's "(AP)" / "(Reuters)"
        ("Lumbuenamo", ("person", "person:raymond lumbuenamo"), "Raymond", False),  # the story's Raymond Lumbuenamo
        ("London", ("place", "place:london"), "Mayfair", False),  # a district the gazetteer does not know
        ("Russia", ("place", "geo:2017370"), "Peru", True),  # two countries
        ("Google Achilles", ("place", "place:achilles", "Achilles"), "Founders Forum", True),  # a place read inside a name
        # Paraphrases rename what is no other name (MRPC):
        ("Virginia Medical Center", ("org", "org:virginia medical center"), "Virginia Hospital Center", False),  # part of a name
        ("IAC", ("org", "org:iac"), "InterActiveCorp", False),  # an acronym
        ("Mr Blair", ("person", "person:blair"), "Prime Minister", False),  # a title
        ("Oxfam", ("org", "org:oxfam"), "OXFAM", False),  # one name written two ways
    ],
)
def test_a_name_replaced_by_a_name_the_recognizer_missed_is_a_swap(name_a, entity_a, name_b, swapped):
    documents, groups, analyses = _renamed_story(name_a, entity_a, name_b)
    found = [d for d in compare(documents, groups, analyses, _encode) if d.code == "FD401"]
    assert bool(found) is swapped
    for d in found:
        assert d.severity is Severity.WARNING
        assert {v.text for v in d.values} == {name_a, name_b}


def test_a_swapped_name_is_told_once_against_the_majority_whichever_version_is_odd():
    """The odd version's id sorts between the others' ("b" against "a" and "c")."""
    names = {"a": "Maria Marini", "b": "Nikos Poulopoulos", "c": "Maria Marini"}
    texts = {doc: f"The report was written by {name} last year." for doc, name in names.items()}
    facts = {doc: [_fact("entity", doc, texts[doc], name, f"person:{name.lower()}", slot="person")] for doc, name in names.items()}
    documents, groups, analyses = _story(facts, texts)
    (swap,) = [d for d in compare(documents, groups, analyses, _encode) if d.code == "FD401"]
    assert [v.doc for v in swap.values] == ["b", "a", "c"]
    assert swap.majority == "person:maria marini"


def test_names_of_one_kind_are_left_to_the_comparison_of_names():
    """Both read as organisations: two committees sharing their head are two of one kind, which
    the comparison of names keeps apart, not an edit of names alone."""
    texts = {
        "a": "He will appear before the Senate Banking Committee this week.",
        "b": "He will appear before the House Financial Services Committee this week.",
    }
    facts = {
        doc: [_fact("entity", doc, texts[doc], name, f"org:{name.lower()}", slot="org")]
        for doc, name in (("a", "Senate Banking Committee"), ("b", "House Financial Services Committee"))
    }
    documents, groups, analyses = _story(facts, texts, names=frozenset("Senate Banking House Financial Services".split()))
    assert not [d for d in compare(documents, groups, analyses, _encode) if d.code == "FD401"]


def test_a_name_holding_a_title_replaced_by_a_name_the_recognizer_read_otherwise_is_a_swap():
    """The name holds a title ("Krishna Bhurtel, a village headman"), so its words are the
    title's holder, not wording; the titles differ, so no holders are compared under one title;
    and the recognizer read one name as a person, the other as a work's title. Names alone
    changed: a swap."""
    names = {"a": ("Krishna Bhurtel", "headman", "work"), "b": ("Diwakar Chapagain", "leader", "person")}
    texts = {doc: f"{name}, a village {title}, told a newspaper about the plans." for doc, (name, title, _) in names.items()}
    facts = {}
    for doc, (name, title, slot) in names.items():
        role = f"{name}, a village {title}"
        facts[doc] = [
            _fact("entity", doc, texts[doc], name, f"{slot}:{name.lower()}", slot=slot),
            _fact("title", doc, texts[doc], role, f"{slot}:{name.lower()}", slot=f"village {title}", detail=name),
        ]
    documents, groups, analyses = _story(facts, texts, names=frozenset("Krishna Bhurtel Diwakar Chapagain".split()))
    (swap,) = [d for d in compare(documents, groups, analyses, _encode) if d.code == "FD401"]
    assert {v.text for v in swap.values} == {"Krishna Bhurtel", "Diwakar Chapagain"}


@pytest.mark.parametrize(
    "text_a, name_a, text_b, name_b, swapped",
    [
        ("The film took £31m in the UK by the first weekend in April.", "UK",
         "The film took £31m in the China between February and April.", "China", True),
        # Names modifying other things: not the edit alone.
        ("The police and the army both declined to comment on the El Shukrijumah visit to Canada in the spring.", "El Shukrijumah",
         "The police and the army both declined to comment on the Washington Times report published on Monday.", "Washington Times", False),
    ],
)
def test_a_name_opening_a_long_rewording_after_words_that_line_up_is_an_edit_of_its_own(text_a, name_a, text_b, name_b, swapped):
    facts = {
        "a": [_fact("entity", "a", text_a, name_a, f"place:{name_a.lower()}", slot="place")],
        "b": [_fact("entity", "b", text_b, name_b, f"place:{name_b.lower()}", slot="place")],
    }
    names = frozenset((name_a + " " + name_b).split())
    documents, groups, analyses = _story(facts, {"a": text_a, "b": text_b}, names=names, nouns=frozenset({"visit", "report"}))
    found = [d for d in compare(documents, groups, analyses, _encode) if d.code == "FD401"]
    assert bool(found) is swapped


def test_a_long_name_for_another_is_one_edit_however_many_words():
    """"The Federal Aviation Authority (FAA) will have regulations" / "Carnegie Mellon University
    Robotics Institute (FAA) will have regulations": five words replace three, more than a swap
    usually replaces, but they are names alone."""
    names = {"a": "Federal Aviation Authority", "b": "Carnegie Mellon University Robotics Institute"}
    texts = {doc: f"The {name} will finally have rules on the commercial use of drones by June." for doc, name in names.items()}
    facts = {doc: [_fact("entity", doc, texts[doc], name, f"org:{name.lower()}", slot="org")] for doc, name in names.items()}
    documents, groups, analyses = _story(facts, texts, names=frozenset(" ".join(names.values()).split()))
    (swap,) = [d for d in compare(documents, groups, analyses, _encode) if d.code == "FD401"]
    assert {v.text for v in swap.values} == set(names.values())
