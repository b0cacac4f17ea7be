"""Linked facts clustered, and a cluster whose values disagree told as one discrepancy, naming
the value most versions hold and the versions that differ."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from ..model import Discrepancy, Fact, Severity
from .. import quantities
from .emit import display, make, value_of
from .linking import Link, named_weekday
from .registry import Rule

Agree = Callable[[Fact, Fact], "bool | None"]


def clusters_to_discrepancies(
    links: Sequence[Link], code: Rule, agree: Agree, group_of, inferred: set[str]
) -> list[Discrepancy]:
    """The clusters of ``links`` (linked facts of one kind) whose values, by ``agree``, cannot all
    hold: each class of values against the majority's, an error where a conflicting link is
    between aligned sentences (and no relative date was resolved against an inferred
    publication date), a warning otherwise."""
    parent: dict[Fact, Fact] = {}

    def find(f: Fact) -> Fact:
        parent.setdefault(f, f)
        while parent[f] != f:
            parent[f] = parent[parent[f]]
            f = parent[f]
        return f

    for link in links:
        parent[find(link.a)] = find(link.b)
    clusters: dict[Fact, list[Fact]] = defaultdict(list)
    for fact in list(parent):
        clusters[find(fact)].append(fact)
    conflicts = {frozenset((l.a, l.b)): l for l in links if not l.agree}

    found = []
    for members in clusters.values():
        classes = _value_classes(members, agree)
        if len(classes) < 2:
            continue
        ranked = sorted(classes, key=lambda c: (-len({f.doc for f in c}), c[0].value))
        majority = ranked[0] if len({f.doc for f in ranked[0]}) > len({f.doc for f in ranked[1]}) else None
        for cls in ranked[1:] if majority else ranked[:1]:
            against = majority or [f for c in ranked if c is not cls for f in c]
            # A version that also holds the other value is not at odds with it ("from 2006 to
            # 2008" in every version puts 2006 and 2008 in one cluster).
            holding = {f.doc for f in against}
            outlier = [f for f in cls if f.doc not in holding]
            if not outlier:
                continue
            direct = [conflicts[k] for k in (frozenset((x, y)) for x in outlier for y in against) if k in conflicts]
            if not direct:
                continue
            aligned = any(l.aligned for l in direct)
            relative_inferred = any(
                f.doc in inferred and "relative" in f.detail for f in (*outlier, *against)
            )
            severity = Severity.ERROR if aligned and not relative_inferred else Severity.WARNING
            found.append(disagreement(code, severity, outlier, against, majority, group_of))
    return found


def _value_classes(members: Sequence[Fact], agree: Agree) -> list[list[Fact]]:
    """Facts split into classes of mutually compatible values: equal values first, then
    classes merged where every pair is compatible, most widely held first (so the split does
    not depend on the order of the versions)."""
    by_value: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in sorted(members, key=lambda f: (f.doc, f.start)):
        by_value[(fact.value, named_weekday(fact) if fact.kind == "date" else "")].append(fact)
    classes: list[list[Fact]] = []
    for group in sorted(by_value.values(), key=lambda g: (-len({f.doc for f in g}), g[0].value, g[0].text)):
        for cls in classes:
            if all(agree(fact, other) is not False for fact in group for other in cls):
                cls.extend(group)
                break
        else:
            classes.append(list(group))
    return classes


def disagreement(
    code: Rule,
    severity: Severity,
    outlier: Sequence[Fact],
    against: Sequence[Fact],
    majority: Sequence[Fact] | None,
    group_of,
) -> Discrepancy:
    """One discrepancy: the outlier versions' value against the others', the majority's value
    named where there is one. Story rules that rank values themselves use it too."""
    facts = _one_per_doc(outlier) + [f for f in _one_per_doc(against) if f.doc not in {o.doc for o in outlier}]
    values = tuple(value_of(f) for f in facts)
    majority_value = display(majority[0]) if majority else None
    odd_docs = ", ".join(sorted({f.doc for f in outlier}))
    other_docs = ", ".join(sorted({f.doc for f in against} - {f.doc for f in outlier}))
    explanation = (
        f"{odd_docs} says {_quote(outlier[0])} where {other_docs} "
        f"{'say' if len({f.doc for f in against}) > 1 else 'says'} {_quote(against[0])}."
    )
    group = group_of.get((outlier[0].doc, outlier[0].sentence))
    return make(
        code,
        severity,
        group,
        explanation,
        values,
        majority=majority_value,
        slot=outlier[0].slot,
    )


def _one_per_doc(facts: Sequence[Fact]) -> list[Fact]:
    seen, chosen = set(), []
    for fact in sorted(facts, key=lambda f: (f.doc, f.start)):
        if fact.doc not in seen:
            seen.add(fact.doc)
            chosen.append(fact)
    return chosen


def _quote(fact: Fact) -> str:
    shown = display(fact)
    if shown == fact.text or fact.kind == "number" and quantities.is_clock(fact.slot) and fact.text.startswith(shown):
        return f"“{fact.text}”"  # "1:34 PM" needs no "(1:34)"
    return f"“{fact.text}” ({shown})"
