"""One module per family of checks; each declares its codes as :class:`~..registry.Rule`.

A rule module gets what it judges through one of three small interfaces, and returns a list of
:class:`~factdiff.model.Discrepancy` built with :func:`..emit.make` (ids derive from what is
said, never from order):

* a *pair rule* judges two versions of one aligned group: ``(group_id, a, b)``, ``a`` and ``b``
  each a :class:`~..claims.DocFacts` (the version's sentences in the group, their facts and
  words). It is called from :class:`..twins.GroupPairs` (``discrepancies``), once per pair of
  variants, so it must look only at facts and words, never at a version's id or offsets across
  versions (see :mod:`..twins`). An *edit rule* is a pair rule narrowed to one replaced run of
  words of closely aligned sentences, called from :func:`..edits.word_swaps`.
* a *link rule* judges facts that :mod:`..linking` found to be about the same thing:
  ``(links, group_of, inferred)``, each :class:`~..linking.Link` two facts, whether their values
  agree and whether their sentences align; it usually hands them to
  :func:`..clusters.clusters_to_discrepancies` with its own test of agreement.
* a *story rule* judges every sentence's facts at once: ``(analyses, group_of)``, ``analyses``
  the :class:`~factdiff.facts.SentenceFacts` of all versions and ``group_of`` mapping
  ``(doc, sentence index)`` to the aligned group's id.

Which rule runs where is set in :func:`..story.compare`. A new module goes into ``FAMILIES``
below with a ``RULES`` tuple; ``tests/test_rules.py`` then runs its examples and checks README.
"""

from __future__ import annotations

from operator import attrgetter

from . import consistency, dates, details, entities, negation, numbers, places, spelling, wording

FAMILIES = (dates, numbers, places, entities, negation, wording, spelling, details, consistency)
RULES = tuple(sorted((rule for family in FAMILIES for rule in family.RULES), key=attrgetter("code")))
