"""Which signals tell two conflicting values about the same thing from values about different things?

Measured on the judged errors and warnings of real coverage (``benchmarks/judgments/
multinews_flags.jsonl``, see ``real_stories.py``, run that first: it writes the stories): for
every judged date or number pair, each candidate signal's ranking of true over false flags is
given as ROC area (0.5 = chance). ``factdiff/about.py`` keeps the ones that did best; the
others are computed here only, so the comparison can be run again.

    .venv/bin/python benchmarks/about_signals.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import real_stories  # noqa: E402

MASK = "X"
_MEASURE_NOUNS = frozenset(
    "percent % cent dollar pound euro billion million thousand trillion year month week day hour minute "
    "second foot feet mile inch metre meter kilometre kilometer kilogram kg ton tonne lb point time".split()
)


def roc_area(scores: list[float], labels: list[bool]) -> float:
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    if not pos or not neg:
        return float("nan")
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def masked(text: str, value: str) -> str:
    letters = [re.escape(c) for c in value if not c.isspace()]
    return re.sub(r"\s*".join(letters), MASK, text, count=1) if letters else text


def counted(parse, start: int, end: int) -> tuple[str, str]:
    """(the noun a number counts, past units of measure; the first verb above it), as lemmas."""
    tokens = [t for t in parse if t.idx < end and t.idx + len(t.text) > start]
    if not tokens:
        return "", ""
    inside = {t.i for t in tokens}
    top = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    noun, node = "", top
    for _ in range(6):
        pobj = [g for c in node.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if pobj and pobj[0].pos_ in ("NOUN", "PROPN") and pobj[0].lemma_.lower() not in _MEASURE_NOUNS:
            noun = pobj[0].lemma_.lower()
            break
        if node.i not in inside and node.pos_ in ("NOUN", "PROPN") and node.lemma_.lower() not in _MEASURE_NOUNS:
            noun = node.lemma_.lower()
            break
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            break
        node = node.head
    verb, node = "", top
    for _ in range(12):
        if node.pos_ == "VERB":
            verb = node.lemma_.lower()
            break
        if node.head.i == node.i:
            break
        node = node.head
    return noun, verb


def signals(fa, sa, fb, sb, facts_a, facts_b, encode, nlp) -> dict[str, float]:
    from factdiff.compare import about
    from factdiff.compare.linking import anchors

    va, vb = encode([masked(fa.context or fa.text, fa.text), masked(fb.context or fb.text, fb.text)])
    def sentence(f, s):
        return s.sentence.text[: f.start - s.sentence.start] + MASK + s.sentence.text[f.end - s.sentence.start :]
    wa, wb = encode([sentence(fa, sa), sentence(fb, sb)])
    na, pa = counted(nlp(sa.sentence.text), fa.start - sa.sentence.start, fa.end - sa.sentence.start)
    nb, pb = counted(nlp(sb.sentence.text), fb.start - sb.sentence.start, fb.end - sb.sentence.start)
    return {
        "neither_states_other": float(not about.states_value(fa, facts_b) and not about.states_value(fb, facts_a)),
        "words_alike": about.words_alike(fa, sa.words, fb, sb.words),
        "clause_overlap": about.clause_overlap(fa, fb),
        "evidence": float(about.evidence(fa, sa.words, fb, sb.words, facts_a, facts_b).value),
        "masked_clause_cosine": float(va @ vb),
        "masked_sentence_cosine": float(wa @ wb),
        "same_counted_noun": float(bool(na) and na == nb),
        "same_predicate": float(bool(pa) and pa == pb),
        "same_slot": float(fa.slot == fb.slot and bool(fa.slot)),
        "shared_entities": float(bool(set(fa.about) & set(fb.about))),
        "shared_anchor": float(bool(anchors(fa) & anchors(fb))),
    }


def main() -> int:
    from factdiff.embed import VectorMemo
    from factdiff.factcache import extract_facts_cached
    from factdiff.facts import _nlp
    from factdiff.pipeline import fact_cache_for, make_embedder, segment_documents
    from factdiff.read import read_corpus

    judgments = real_stories.load_jsonl(real_stories.JUDGED / "multinews_flags.jsonl")
    wanted = [j for j in judgments if j["code"] in ("FD101", "FD201")]
    nlp = _nlp()
    embedder = make_embedder()
    encode = VectorMemo(embedder)
    rows = []
    for event in sorted({j["event"] for j in wanted}):
        documents = tuple(sorted(read_corpus([real_stories.WORK / "stories" / event]), key=lambda d: d.id))
        sentences = segment_documents(documents)
        analyses = extract_facts_cached(documents, sentences, fact_cache_for(embedder))
        by_span = {(f.doc, f.start, f.end): (f, a) for a in analyses for f in a.facts if f.kind in ("date", "number")}
        facts_of = {d.id: [f for a in analyses if a.sentence.doc == d.id for f in a.facts] for d in documents}
        for j in (j for j in wanted if j["event"] == event):
            found = [by_span.get(tuple(j[side])) for side in ("a", "b")]
            if None in found:
                continue
            (fa, sa), (fb, sb) = found
            row = signals(fa, sa, fb, sb, facts_of[fa.doc], facts_of[fb.doc], encode, nlp)
            rows.append({"event": event, "code": j["code"], "verdict": j["verdict"], **row})
    print(f"{len(rows)} judged date/number flags found among the extracted facts ({sum(r['verdict'] for r in rows)} true)")
    for name in (k for k in rows[0] if k not in ("event", "code", "verdict")):
        line = [f"{name:24s}"]
        for code in ("FD101", "FD201", None):
            sel = [r for r in rows if code is None or r["code"] == code]
            line.append(f"{code or 'all'} ROC {roc_area([r[name] for r in sel], [r['verdict'] for r in sel]):.2f} (n={len(sel)})")
        print("  ".join(line))
    kept = [r for r in rows if r["evidence"] > 0]
    print(f"kept by about.evidence: {len(kept)} of {len(rows)}, {sum(r['verdict'] for r in kept)} of "
          f"{sum(r['verdict'] for r in rows)} true")
    out = HERE / "results" / "about_signals.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
