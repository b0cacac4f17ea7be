"""Two values conflict only when they are about the same thing (factdiff.compare.about).

Outlets covering one event independently write sentences that share a topic, not a claim; the
checks that pair two values must tell the two apart. These specifications use one aligned group
of two single-sentence versions, their words as the facts stage gives them.
"""

from __future__ import annotations

from factdiff.compare import compare
from factdiff.compare.about import Evidence, borrowed_dates, counts_a_kind, dated_apart, evidence, of_other_wholes, states_value
from factdiff.compare.linking import Link
from factdiff.model import Fact, Severity

from test_compare import _encode, _fact, _story, _words


_WORDS = {"three": "3", "nine": "9"}


def _numbers(text_a: str, value_a: str, text_b: str, value_b: str, unit: str = "flight", context: tuple[str, str] = ("", "")):
    texts = {"a": text_a, "b": text_b}
    value = lambda text: _WORDS.get(text, text.replace(",", ""))
    facts = {
        "a": [_fact("number", "a", text_a, value_a, value(value_a), slot=unit, context=context[0], detail=";")],
        "b": [_fact("number", "b", text_b, value_b, value(value_b), slot=unit, context=context[1], detail=";")],
    }
    documents, groups, analyses = _story(facts, texts)
    return [d for d in compare(documents, groups, analyses, _encode) if d.code == "FD201"]


def test_one_claim_told_in_the_same_words_with_another_figure_is_an_error():
    (found,) = _numbers(
        "The mayor said 40 people were hurt in the fire at the warehouse.", "40",
        "The mayor said 14 people were hurt in the fire at the warehouse.", "14", unit="people",
    )
    assert found.severity is Severity.ERROR


def test_figures_of_sentences_that_only_share_a_topic_do_not_conflict():
    assert not _numbers(
        "Regional airline Cape Air alone cancelled more than 200 flights, including nearly every flight from Boston.", "200",
        "Airlines have canceled more than 2,700 flights nationwide as the storm moved east.", "2,700",
    )


def test_a_loosely_told_claim_whose_clauses_share_what_is_counted_is_a_warning():
    (found,) = _numbers(
        "In the Luhansk protest, Ukrainian television said three people had been injured.", "three",
        "Police said nine people had been injured in the disturbances in Luhansk on Sunday.", "nine", unit="people",
        context=("Ukrainian television said three people had been injured", "nine people had been injured in the disturbances in Luhansk"),
    )
    assert found.severity is Severity.WARNING


def test_clauses_share_a_noun_told_in_the_plural_and_an_ordinal():
    # "the 23rd floor of the apartments" / "the 23rd floor of an apartment block"
    (found,) = _numbers(
        "Firefighters said 12 people were rescued from the 23rd floor of the apartments.", "12",
        "By nightfall crews had carried 15 people down the smoky stairs from the 23rd floor of an apartment block.", "15",
        unit="people",
        context=("12 people were rescued from the 23rd floor of the apartments",
                 "crews carried 15 people down the smoky stairs from the 23rd floor of an apartment block"),
    )
    assert found.severity is Severity.WARNING


def test_a_version_that_gives_both_figures_contradicts_neither():
    texts = {"a": "Cape Air cancelled 200 flights on Wednesday.", "b": "Airlines cancelled 2,700 flights on Wednesday, 200 of them Cape Air's."}
    a = _fact("number", "a", texts["a"], "200", "200", slot="flight")
    b = _fact("number", "b", texts["b"], "2,700", "2700", slot="flight")
    b_also = _fact("number", "b", texts["b"], "200", "200", slot="flight")
    assert states_value(a, [b, b_also])
    assert not states_value(a, [b])
    assert evidence(a, _words(texts["a"]), b, _words(texts["b"]), [a], [b, b_also]) is Evidence.NONE


def test_a_weekday_no_publication_date_resolves_conflicts_only_in_one_claim_told_twice():
    def weekdays(text_a: str, text_b: str) -> list:
        texts = {"a": text_a, "b": text_b}
        facts = {
            "a": [_fact("date", "a", text_a, "Monday", "rel:weekday:mon", detail="day;relative;rel:weekday:mon")],
            "b": [_fact("date", "b", text_b, "Tuesday", "rel:weekday:tue", detail="day;relative;rel:weekday:tue")],
        }
        documents, groups, analyses = _story(facts, texts)
        return [d for d in compare(documents, groups, analyses, _encode) if d.code == "FD101"]

    assert weekdays("The girls vanished on Monday after school, police said.", "The girls vanished on Tuesday after school, police said.")
    assert not weekdays("The girls vanished on Monday after school, police said.", "Their bodies were found in the woods on Tuesday by hikers.")


def test_figures_each_sentence_dates_to_a_different_day_are_different_figures():
    texts = {"a": "Friday saw the Dow close down 666 points, traders said.", "b": "On Monday the Dow closed down 1,175 points, traders said."}
    facts = {
        "a": [_fact("date", "a", texts["a"], "Friday", "rel:weekday:fri", detail="day;relative;rel:weekday:fri"),
              _fact("number", "a", texts["a"], "666", "666", slot="point", detail=";")],
        "b": [_fact("date", "b", texts["b"], "Monday", "rel:weekday:mon", detail="day;relative;rel:weekday:mon"),
              _fact("number", "b", texts["b"], "1,175", "1175", slot="point", detail=";")],
    }
    documents, groups, analyses = _story(facts, texts)
    assert not [d for d in compare(documents, groups, analyses, _encode) if d.code == "FD201"]


def test_a_vague_amount_against_a_figure_needs_the_claim_told_in_the_same_words():
    texts = {
        "a": "Nationwide, airlines had canceled nearly 2,800 flights, according to the flight tracking website.",
        "b": "Several dozen flights were canceled or delayed at Philadelphia International Airport, according to the website.",
    }
    facts = {
        "a": [_fact("number", "a", texts["a"], "2,800", "2800", slot="flight", detail="about;",
                    context="airlines had canceled nearly 2,800 flights according to flight tracking website")],
        "b": [_fact("number", "b", texts["b"], "Several dozen", "36", slot="flight", detail=";vague",
                    context="Several dozen flights were canceled or delayed at Philadelphia International Airport according to the website")],
    }
    documents, groups, analyses = _story(facts, texts)
    (a,), (b,) = facts["a"], facts["b"]
    assert evidence(a, analyses[0].words, b, analyses[1].words, [a], [b]) is Evidence.LOOSE  # a loosely told claim
    assert not [d for d in compare(documents, groups, analyses, _encode) if d.code == "FD201"]


def test_a_claim_told_in_the_same_words_conflicts_whatever_the_version_says_elsewhere():
    # One of a version's two tellings changed: the figure it gives elsewhere does not excuse it.
    texts = {"a": "The drainpipe was 30 metres long and opened onto the bay.", "b": "The drainpipe was 50 metres long and opened onto the bay."}
    a = _fact("number", "a", texts["a"], "30", "30", slot="metre")
    b = _fact("number", "b", texts["b"], "50", "50", slot="metre")
    a_elsewhere = Fact("number", "a", 3, 0, 2, "50", "50", slot="metre")
    assert evidence(a, _words(texts["a"]), b, _words(texts["b"]), [a, a_elsewhere], [b]) is Evidence.STRONG


def test_a_sentence_that_gives_both_values_contradicts_neither():
    texts = {"a": "Smith was due in court on July 2.", "b": "Smith was due in court on July 6 and Jones on July 2."}
    a = _fact("date", "a", texts["a"], "July 2", "rel:date:07-02", detail="day;relative;rel:date:07-02")
    b = _fact("date", "b", texts["b"], "July 6", "rel:date:07-06", detail="day;relative;rel:date:07-06")
    b_also = _fact("date", "b", texts["b"], "July 2", "rel:date:07-02", detail="day;relative;rel:date:07-02")
    assert evidence(a, _words(texts["a"]), b, _words(texts["b"]), [a], [b, b_also]) is Evidence.NONE


def test_one_head_count_in_other_words_near_the_version_own_figure_is_that_figure_told():
    a = Fact("number", "a", 4, 0, 2, "19", "19", slot="people")
    a_victims = Fact("number", "a", 5, 7, 11, "five", "5", slot="victim")  # "Of the five victims who remained hospitalized"
    a_far = Fact("number", "a", 30, 7, 11, "five", "5", slot="victim")
    b = Fact("number", "b", 2, 0, 4, "five", "5", slot="people")  # "five people remain in hospital"
    assert states_value(b, [a, a_victims], near=a.sentence)
    assert not states_value(b, [a, a_far], near=a.sentence)
    assert not states_value(Fact("number", "b", 2, 0, 4, "five", "5", slot="year"), [a_victims], near=a.sentence)


def test_shares_of_different_wholes_are_different_figures():
    a = Fact("number", "a", 0, 0, 3, "70%", "70", slot="percent", detail=";;biomass+marine")
    b = Fact("number", "b", 0, 0, 3, "13%", "13", slot="percent", detail=";;biomass")
    same = Fact("number", "b", 0, 0, 3, "75%", "75", slot="percent", detail=";;biomass+marine")
    unsaid = Fact("number", "b", 0, 0, 3, "75%", "75", slot="percent", detail=";;")
    assert of_other_wholes(a, b)
    assert not of_other_wholes(a, same)
    assert not of_other_wholes(a, unsaid)  # one version leaves it unsaid: no evidence either way


def _weekday(doc: str, name: str, start: int = 0) -> Fact:
    key = f"rel:weekday:{name[:3].lower()}"
    return Fact("date", doc, 0, start, start + len(name), name, key, detail=f"day;relative;{key}")


def _dow_drop(doc: str, text: str) -> Fact:
    return Fact("number", doc, 0, 20, 20 + len(text), text, text.replace(",", ""), slot="point")


def test_a_figure_is_dated_by_the_sentence_of_the_figure_it_agrees_with():
    # "Friday saw the Dow close down 666 points" / "the Dow ended down 1,175 points" (undated),
    # which another version tells as "Monday the Dow shed 1,175 points".
    friday, monday = _weekday("a", "Friday"), _weekday("c", "Monday")
    a, b, c = _dow_drop("a", "666"), _dow_drop("b", "1,175"), _dow_drop("c", "1,175")
    borrowed = borrowed_dates([Link(b, c, True, aligned=True)], {"a": [friday, a], "b": [b], "c": [monday, c]})
    assert not dated_apart(a, b, [friday, a], [b])
    assert dated_apart(a, b, [friday, a], [b], borrowed)


def test_a_date_that_cannot_be_compared_neither_ties_nor_parts_two_figures():
    # "Friday saw the Dow close down 666 points" / "Monday the Dow shed 1,175 points, wiping all
    # of 2018's gains": in an undated story "Friday" and "2018" cannot be compared, Monday and
    # Friday still part the two figures.
    friday, monday = _weekday("a", "Friday"), _weekday("b", "Monday")
    year = Fact("date", "b", 0, 60, 64, "2018", "2018", detail="year;absolute;2018")
    a, b = _dow_drop("a", "666"), _dow_drop("b", "1,175")
    assert dated_apart(a, b, [friday, a], [monday, year, b])
    assert not dated_apart(a, b, [friday, a], [year, b])  # nothing compared conflicts
    also_friday = _weekday("b", "Friday", start=70)
    assert not dated_apart(a, b, [friday, a], [monday, also_friday, b])  # one date agrees


def test_a_count_of_one_kind_lies_within_the_count_of_all():
    # "found guilty on three charges of attempted murder" / "guilty on four of five charges"
    kind = Fact("number", "a", 0, 0, 5, "three", "3", slot="charge", detail=";;murder")
    every = Fact("number", "b", 0, 0, 4, "four", "4", slot="charge", detail=";;")
    more_of_the_kind = Fact("number", "a", 0, 0, 4, "five", "5", slot="charge", detail=";;murder")
    assert counts_a_kind(kind, every) and counts_a_kind(every, kind)
    assert not counts_a_kind(more_of_the_kind, every)  # five of a kind cannot lie within four
    share = Fact("number", "a", 0, 0, 3, "40%", "40", slot="percent", detail=";;exoneree+female")
    other_share = Fact("number", "b", 0, 0, 3, "60%", "60", slot="percent", detail=";;")
    assert not counts_a_kind(share, other_share)  # a share of a part is no part of a share


def test_a_date_inside_a_span_the_other_sentence_gives_is_no_conflict():
    texts = {
        "a": "Travel has declined among people born between the early 1980s and early 2000s, the study says.",
        "b": "Travel has declined among people born in the 1990s, the study says.",
    }
    first = _fact("date", "a", texts["a"], "early 1980s", "1980s", detail="decade;absolute;1980s")
    last = _fact("date", "a", texts["a"], "early 2000s", "2000s", detail="decade;absolute;2000s")
    b = _fact("date", "b", texts["b"], "1990s", "1990s", detail="decade;absolute;1990s")
    assert evidence(first, _words(texts["a"]), b, _words(texts["b"]), [first, last], [b]) is Evidence.NONE
    outside = _fact("date", "b", texts["b"], "1990s", "1970s", detail="decade;absolute;1970s")
    assert evidence(first, _words(texts["a"]), outside, _words(texts["b"]), [first, last], [outside]) is Evidence.STRONG


def test_two_spans_with_different_ends_still_conflict():
    texts = {"a": "All were tested between 2006 and 2010 on three measures.", "b": "All were tested between 2007 and 2010 on three measures."}
    a_first = _fact("date", "a", texts["a"], "2006", "2006", detail="year;absolute;2006")
    a_last = _fact("date", "a", texts["a"], "2010", "2010", detail="year;absolute;2010")
    b_first = _fact("date", "b", texts["b"], "2007", "2007", detail="year;absolute;2007")
    b_last = _fact("date", "b", texts["b"], "2010", "2010", detail="year;absolute;2010")
    found = evidence(a_first, _words(texts["a"]), b_first, _words(texts["b"]), [a_first, a_last], [b_first, b_last])
    assert found is Evidence.STRONG
