"""One module per family of checks; each declares its codes as :class:`~..registry.Rule`.

Pair rules judge two versions of one aligned group (:class:`~..claims.DocFacts` each), story
rules every sentence's facts at once; which runs where is set in :mod:`..story` and
:mod:`..twins`, edits of closely aligned sentences are handed out by :mod:`..edits`.
"""

from __future__ import annotations

from operator import attrgetter

from . import dates, details, entities, negation, numbers, places, spelling, wording

FAMILIES = (dates, numbers, places, entities, negation, wording, spelling, details)
RULES = tuple(sorted((rule for family in FAMILIES for rule in family.RULES), key=attrgetter("code")))
