"""Negation: which predicates a sentence denies ("did not get", "never visited", "found no
evidence", "failed to", "unlikely to", "is not on a banknote"), and which words are asked
about rather than affirmed. Used by :mod:`factdiff.facts`; FD501 compares the result."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

_FAILURE_VERBS = frozenset({"fail", "failure", "refuse", "refusal", "decline", "unable", "unlikely", "impossible", "lack"})
# Conjunctions and prepositions that negate the clause they introduce: "unless they paid" is
# "if they did not pay", "rather than relying on X" is "not relying on X".
_NEGATING_MARKERS = frozenset({"unless", "without"})


NEGATION_WORDS = frozenset({"not", "n't", "n’t", "never", "no", "nor", "neither"})
# "prevented them from observing" denies the observing (a negative implicative, like "fail to").
_PREVENTING_VERBS = frozenset({"prevent", "stop", "keep", "bar", "block", "prohibit", "deter", "dissuade"})
_ADDITIVE_FOCUS = frozenset({"only", "just", "merely", "simply", "solely"})


def questioned(parse) -> list[bool]:
    """Whether each token's clause ends in a question mark: "Why can't you control your
    heartbeat?’”", "who knows if they come or not?” he said." The segmenter keeps a quote of
    several sentences together, so this goes by the next terminal mark, not the sentence's end.
    A relative clause is not asked about but taken as given: "How can we build agents that don't
    solve social dilemmas?" says there are such agents."""
    flags = [False] * len(parse)
    question = False
    for token in reversed(parse):
        if token.text in (".", "!", "?", "…") or token.text.startswith(("?", "!")):
            question = token.text.startswith("?")
        flags[token.i] = question and not _in_relative_clause(token)
    return flags


def _in_relative_clause(token) -> bool:
    return any(t.dep_ in ("relcl", "acl") for t in (token, *token.ancestors))


def negations(parse, in_question: Sequence[bool]) -> Iterable[tuple[tuple, dict]]:
    """A negated predicate: 'did not get', 'never visited', 'found no evidence', 'failed to
    capture', 'the failure to close', 'lacking X', 'unless they paid', 'rather than relying',
    'did little to save', 'prevented them from observing'.

    Left out: a 'not' before a noun phrase ('BBM, not their televisions' contrasts, it does not
    deny), hyphenated compounds ('a no-smoking rule') and questions (mostly rhetorical)."""
    for token in parse:
        if in_question[token.i]:
            continue
        head = token.head
        lemma = token.lemma_.lower()
        if lemma in _FAILURE_VERBS:
            if token.pos_ == "VERB" and lemma == "lack":
                head = next((c for c in token.children if c.dep_ == "dobj"), None)
            elif token.pos_ in ("VERB", "ADJ", "AUX"):
                head = next((c for c in token.children if c.dep_ == "xcomp"), None)
                if head is None and token.pos_ == "ADJ":  # "it is unlikely that vaping will become"
                    clauses = [*token.children, *(token.head.children if token.dep_ == "acomp" else ())]
                    head = next((c for c in clauses if c.dep_ == "ccomp"), None)
            else:  # "the failure to close", "a lack of funds"
                # An infinitive, not any clause: in "a mine failure killed two people" the parser
                # may hang "killed" on "failure".
                complement = next(
                    (c for c in token.children
                     if c.dep_ == "prep" and c.lower_ in ("to", "of") or c.dep_ == "acl" and any(g.lower_ == "to" for g in c.children)),
                    None,
                )
                head = complement and next((c for c in complement.children if c.dep_ == "pobj"), complement)
            if head is None:
                continue
        elif token.lower_ == "far" and (away := next((c for c in token.children if c.lower_ == "from"), None)):
            # "far from perfect", "far from trouble free" deny a quality; "far from the protests"
            # only places or compares.
            head = next((c for c in away.children if c.dep_ in ("pobj", "pcomp")), None)
            if head is None or not (head.pos_ == "ADJ" or any(c.dep_ == "amod" and c.i > head.i for c in head.children)):
                continue
        elif token.lower_ == "little" and token.dep_ == "dobj" and token.head.lemma_ == "do" and (
            purpose := next((c for c in token.head.children if c.dep_ in ("advcl", "xcomp") and c.i > token.i and c.pos_ == "VERB"), None)
        ):
            head = purpose  # "will do little to save" is "will not save"
        elif token.lemma_.lower() in _PREVENTING_VERBS and token.pos_ == "VERB" and (
            kept_from := next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        ):
            head = next((c for c in kept_from.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
            if head is None:
                continue  # "stopped from the start", "barred from the club": no action denied
        elif token.lower_ == "yet" and token.dep_ == "advmod" and (
            later := next((c for c in token.head.children if c.dep_ == "xcomp" and c.i > token.i), None)
        ):
            head = later  # "has yet to start" is "has not started"
        elif token.lower_ == "place" and token.head.lower_ == "in" and (of := next((c for c in token.children if c.lower_ == "of"), None)):
            head = next((c for c in of.children if c.dep_ == "pobj"), of)  # "in place of eggs", as "instead of"
        elif token.lower_ in ("rather", "instead") and token.i + 1 < len(parse) and token.nbor(1).lower_ in ("than", "of"):
            head = next((t for t in token.nbor(1).subtree if t.pos_ in ("VERB", "NOUN")), token.head)
        elif token.lower_ in _NEGATING_MARKERS:
            if token.lower_ == "without":
                head = next((c for c in token.children if c.dep_ in ("pobj", "pcomp")), token.head)
        elif (spelled := "not" if lemma == "not" else token.lower_) in NEGATION_WORDS and (
            token.dep_ in ("neg", "preconj", "cc") and spelled in ("not", "never", "nor", "neither")
            or spelled in ("no", "never") and token.dep_ in ("det", "advmod")
        ):
            if token.i + 1 < len(parse) and parse[token.i + 1].text in ("-", "‑"):
                continue  # "a no-smoking rule"
            if spelled == "no" and token.i + 1 < len(parse) and parse[token.i + 1].is_punct:
                continue  # "No — Scout Willis", "No, he said": an answer, not a denial
            if token.i + 1 < len(parse) and parse[token.i + 1].lower_ in _ADDITIVE_FOCUS:
                continue  # "not only a new chapter but also ...", "not just practical": adds, does not deny
            if spelled == "not" and head.pos_ in ("NOUN", "PROPN") and token.dep_ != "det" and head.dep_ != "attr":
                continue  # "BBM, not their televisions"; but "was clearly not a vote" denies "vote"
        elif token.lower_ in ("none", "nobody", "nothing") and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
            pass
        else:
            continue
        if head.lemma_ == "be":
            # A copula negates what it links: "is not a sensitive topic" denies "topic", and
            # "be", a stop word, could never be matched with its affirmed twin.
            # A negated quantity ("was not even three per cent") is a bound, not a denial.
            complement = next((c for c in head.children if c.dep_ in ("attr", "acomp")), None)
            if complement is None:  # "is not on a banknote" denies "banknote"
                complement = _prepositional_complement(head)
            if complement is not None and not any(c.dep_ == "nummod" for c in complement.children):
                head = complement
        start = min(token.idx, head.idx)
        end = max(token.idx + len(token.text), head.idx + len(head.text))
        yield (("negation", start, end, "negated"),
               {"slot": head.lemma_.lower(), "context": head.lemma_.lower(), "detail": word_class(head.pos_)})


def _prepositional_complement(copula):
    """The object of a copula's preposition ("is on a banknote", "was in the team"), if any."""
    prep = next((c for c in copula.children if c.dep_ == "prep" and c.i > copula.i), None)
    return prep and next((c for c in prep.children if c.dep_ == "pobj"), None)


def word_class(pos: str) -> str:
    """What a negation denies, by kind of word: the verb "need" and the noun "need" are different
    predicates ("they won't need cooling" / "offset the need for cooling")."""
    return {"AUX": "VERB", "PROPN": "NOUN"}.get(pos, pos)
