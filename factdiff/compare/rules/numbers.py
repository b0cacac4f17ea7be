"""Numbers: versions that give different figures for one quantity (FD201).

Decided on number facts linked within aligned groups (:func:`..linking.pair_numbers`: same unit,
same kind of number) and, across the story, for ages (:func:`..linking.story_age_links`) and
figures of one frame (:func:`..story_figures.story_number_links`),
weighed by :mod:`..about`, clustered by :mod:`..clusters`. A figure one version gives more
precisely is a detail, FD902 (:func:`.details.finer_figures`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Discrepancy, Severity
from ..clusters import clusters_to_discrepancies
from ..linking import Link, numbers_agree
from ..registry import Example, Rule

NUMBER_CONFLICT = Rule(
    "FD201",
    "number",
    (Severity.ERROR, Severity.WARNING),
    "different numbers for one quantity",
    "A casualty count, a price or a time of day is what a reader takes from a sentence and what "
    "an edit can change by one keystroke. Numbers are paired within aligned sentences by unit "
    "and by what else agrees (the one figure left when all others agree is the same figure told "
    "differently), and told when the values cannot both hold. It stays quiet for one number "
    "written two ways (\"forty\" / \"40\", \"13:34\" / \"1:34 pm\"), for values compatible under "
    "\"about\", \"more than\" and the like, and for a figure rounded differently (that is FD902). "
    "Outlets that report one event independently write sentences that only look alike, so two "
    "figures conflict only when they are about the same thing (:mod:`factdiff.compare.about`): "
    "the claim told in many of the same words (an error), or the clauses around the figures "
    "sharing what is counted (a warning); never where the sentence gives both figures, nor where "
    "the version gives the other figure elsewhere, unless the claim is told in the same words. "
    "Shares or counts of different named wholes (\"70% of the marine biomass\" / \"13% of the "
    "world's biomass\") are different figures. Across the story, a person's age is compared "
    "wherever it is told (\"Anna Berg, 45,\" / \"the 46-year-old\"), unless a version tells "
    "that person at several ages; and a figure told in sentences that do not align is linked to "
    "another version's by its frame (the same unit, the words either side read alike, a place, "
    "person, date or figure both sentences share; :mod:`factdiff.compare.story_figures`), as a "
    "warning. Counted nouns of one kind are compared too: synonyms as one thing (\"30 homes\" / "
    "\"25 houses\"), a kind against all of it only when the kind is counted larger (\"30 cars\" / "
    "\"25 vehicles\", never \"20 cars\" / \"25 vehicles\"); and a person told with an article is a "
    "count of one (\"two men asked him\" / \"a man asked him\").",
    (Example("The mayor said 40 people were hurt in the fire at the warehouse.",
             "The mayor said 14 people were hurt in the fire at the warehouse."),
     Example("Anna Berg, 45, runs the bakery on the square. She opened it in 2010.",
             "The 46-year-old said business at the bakery had been good this year. Anna Berg opened it in 2010."),
     Example("Police said two shooters opened fire on the crowd outside the club on Sunday night.",
             "Police said a gunman opened fire on the crowd outside the club on Sunday night."),),
    (Example("The mayor said forty people were hurt in the fire at the warehouse.",
             "The mayor said 40 people were hurt in the fire at the warehouse."),
     Example("Regional airline Cape Air alone cancelled more than 200 flights on Wednesday.",
             "Airlines cancelled more than 2,700 flights on Wednesday. Cape Air cancelled 200 of them."),
     Example("The study found that microbes account for 70% of the total marine biomass.",
             "The study found that bacteria account for 13% of the world's biomass."),
     Example("A pile-up of 20 cars closed the interstate on Sunday morning, police said.",
             "A pile-up of 25 vehicles closed the interstate on Sunday morning, police said."),),
)
RULES = (NUMBER_CONFLICT,)


def number_conflicts(links: Sequence[Link], group_of, inferred: set[str]) -> list[Discrepancy]:
    """FD201: clusters of linked numbers whose values cannot all hold."""
    return clusters_to_discrepancies(links, NUMBER_CONFLICT, numbers_agree, group_of, inferred)


