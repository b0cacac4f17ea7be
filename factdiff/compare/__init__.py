"""Compare the facts of the versions and report where they disagree.

``compare()`` (:mod:`.story`) runs every check over one story. The checks live in
:mod:`.rules`, one module per family of codes, each declaring its codes as a :class:`Rule` with
documentation and examples (``factdiff rules``, ``factdiff rule FD301``). Facts are linked in
:mod:`.linking`, linked facts clustered into discrepancies in :mod:`.clusters`, and versions
that say the same thing are compared once (:mod:`.twins`).
"""

from .linking import dates_agree, numbers_agree
from .registry import Example, Rule, all_rules, find_rule
from .story import compare

__all__ = ["Example", "Rule", "all_rules", "compare", "dates_agree", "find_rule", "numbers_agree"]
