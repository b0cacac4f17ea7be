"""``factdiff eval``: the metrics, the pairs reader's errors, and one tiny end-to-end run."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from factdiff.errors import InputError
from factdiff.evaluate import (
    Metrics,
    PairRecord,
    Prediction,
    evaluate,
    predict,
    read_pairs,
    score,
    slice_keys,
)
from factdiff.model import Discrepancy, Document, Report, Severity, Value


def _record(id: str, label: int | None, **extra) -> dict:
    return {
        "id": id,
        "source": extra.pop("source", "toy"),
        "domain": extra.pop("domain", "news"),
        "group": "g",
        "text_a": "A sentence.",
        "text_b": "Another sentence.",
        "fact_changed": label,
        "orig_label": None,
        "meta": extra.pop("meta", {}),
    }


def _write(path, rows) -> None:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")


# --- metrics -----------------------------------------------------------------------------------


def test_score_known_values():
    labels = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
    guesses = [True, True, True, False, True, False, False, False, False, False]
    m = score(labels, guesses)
    assert (m.tp, m.fn, m.fp, m.tn) == (3, 1, 1, 5)
    assert m.precision == pytest.approx(3 / 4)
    assert m.recall == pytest.approx(3 / 4)
    assert m.false_alarm_rate == pytest.approx(1 / 6)
    assert m.balanced_accuracy == pytest.approx((3 / 4 + 5 / 6) / 2)
    assert (m.n, m.positives, m.negatives) == (10, 4, 6)


def test_negatives_only_has_false_alarm_rate_but_no_recall():
    m = score([0, 0, 0, 0], [True, False, False, False])
    assert m.false_alarm_rate == pytest.approx(0.25)
    assert m.recall is None
    assert m.balanced_accuracy is None
    assert m.precision == 0.0


def test_positives_only_has_recall_but_no_false_alarm_rate():
    m = score([1, 1, 1], [True, True, False])
    assert m.recall == pytest.approx(2 / 3)
    assert m.false_alarm_rate is None
    assert m.balanced_accuracy is None
    assert m.precision == 1.0


def test_nothing_flagged_leaves_precision_undefined():
    m = score([1, 0], [False, False])
    assert m.precision is None
    assert m.recall == 0.0
    assert m.false_alarm_rate == 0.0
    assert m.balanced_accuracy == 0.5


def test_empty_and_mismatched_input():
    m = score([], [])
    assert m == Metrics()
    assert m.precision is None and m.recall is None and m.false_alarm_rate is None
    assert m.to_dict()["balanced_accuracy"] is None
    with pytest.raises(ValueError):
        score([1], [])


def _value(doc: str) -> Value:
    return Value(doc=doc, text="x", start=0, end=1, normalized="x")


def _discrepancy(code: str, kind: str, severity: Severity) -> Discrepancy:
    return Discrepancy(f"{code}-x", code, kind, severity, None, "", None, (_value("a"), _value("b")))


def _report(*discrepancies: Discrepancy) -> Report:
    docs = (Document("a", "r:a", "x"), Document("b", "r:b", "x"))
    return Report(documents=docs, sentences=(), groups=(), discrepancies=discrepancies)


def test_predict_flagged_changed_and_kinds():
    none = predict("r", _report())
    assert (none.flagged, none.changed, none.kinds) == (False, False, ())
    spelling = predict("r", _report(_discrepancy("FD801", "spelling", Severity.INFO)))
    assert (spelling.flagged, spelling.changed) == (False, False)
    detail = predict("r", _report(_discrepancy("FD902", "detail", Severity.INFO)))
    assert (detail.flagged, detail.changed, detail.kinds) == (False, True, ())
    both = predict(
        "r",
        _report(
            _discrepancy("FD201", "number", Severity.ERROR),
            _discrepancy("FD101", "date", Severity.WARNING),
            _discrepancy("FD201", "number", Severity.WARNING),
            _discrepancy("FD901", "detail", Severity.INFO),
        ),
    )
    assert (both.flagged, both.changed, both.kinds) == (True, True, ("date", "number"))
    assert both.to_dict() == {"id": "r", "flagged": True, "changed": True, "kinds": ["date", "number"]}


def test_evaluate_slices_and_unscored():
    records = [
        PairRecord("1", "s1", "news", "a", "b", 1, edit_types=("entity_modification", "antonym_swap")),
        PairRecord("2", "s1", "news", "a", "b", 0, edit_types=()),
        PairRecord("3", "s2", "wiki", "a", "b", 1),
        PairRecord("4", "s2", "wiki", "a", "b", None),
    ]
    predictions = [
        Prediction("1", True, True, ("entity",)),
        Prediction("2", False, True, ()),
        Prediction("3", False, False, ()),
        Prediction("4", True, True, ("number",)),
    ]
    result = evaluate(records, predictions, path="p")
    assert (result.records, result.unscored) == (4, 1)
    slices = {(s.by, s.name): s for s in result.slices}
    assert list(slices) == [
        ("all", "all"),
        ("domain", "news"),
        ("domain", "wiki"),
        ("source", "s1"),
        ("source", "s2"),
        ("edit_type", "antonym_swap"),
        ("edit_type", "entity_modification"),
        ("edit_type", "none"),
    ]
    overall = slices["all", "all"]
    assert (overall.flagged.tp, overall.flagged.fn, overall.flagged.tn, overall.flagged.fp) == (1, 1, 1, 0)
    assert overall.changed.false_alarm_rate == 1.0
    assert slices["edit_type", "none"].flagged.negatives == 1
    assert slices["domain", "wiki"].flagged.recall == 0.0
    assert json.loads(json.dumps(result.to_dict()))["scored"] == 3


def test_slice_keys_count_a_record_under_each_edit_type_once():
    record = PairRecord("1", "s", "d", "a", "b", 1, edit_types=("x", "y", "x"))
    assert slice_keys(record) == [("all", "all"), ("domain", "d"), ("source", "s"), ("edit_type", "x"), ("edit_type", "y")]
    assert ("edit_type", "none") in slice_keys(PairRecord("1", "s", "d", "a", "b", 1, edit_types=()))
    assert all(by != "edit_type" for by, _ in slice_keys(PairRecord("1", "s", "d", "a", "b", 1)))


# --- reading pairs -----------------------------------------------------------------------------


def test_read_pairs(tmp_path):
    path = tmp_path / "pairs.jsonl"
    _write(path, [_record("r1", 1, meta={"edit_types": ["negation_insertion_removal"]}), "", _record("r2", None)])
    records = read_pairs(path)
    assert [r.id for r in records] == ["r1", "r2"]
    assert records[0].edit_types == ("negation_insertion_removal",)
    assert records[0].line == 1 and records[1].line == 3
    assert records[1].fact_changed is None and records[1].edit_types is None
    a, b = records[0].documents()
    assert (a.id, a.path, a.text, a.published) == ("a", "r1:a", "A sentence.", None)
    assert (b.id, b.path) == ("b", "r1:b")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "pairs.jsonl:2: invalid JSON"),
        ("[1, 2]", "pairs.jsonl:2: a record must be a JSON object"),
        ({"id": "x", "source": "s", "domain": "d", "text_a": "a"}, "pairs.jsonl:2: missing fields text_b, fact_changed"),
        ({**_record("x", 1), "text_b": None}, "pairs.jsonl:2: field 'text_b' must be a string"),
        ({**_record("x", 1), "fact_changed": 2}, "pairs.jsonl:2: field 'fact_changed' must be 1, 0 or null"),
        ({**_record("x", 1), "meta": {"edit_types": "negation"}}, "pairs.jsonl:2: field 'meta.edit_types'"),
        (_record("r1", 0), "pairs.jsonl:2: duplicate id 'r1' (first on line 1)"),
    ],
)
def test_read_pairs_errors_name_the_line(tmp_path, line, message):
    path = tmp_path / "pairs.jsonl"
    _write(path, [_record("r1", 1), line])
    with pytest.raises(InputError, match="pairs.jsonl:2"):
        read_pairs(path)
    with pytest.raises(InputError) as caught:
        read_pairs(path)
    assert message in str(caught.value)


def test_read_pairs_missing_empty_and_binary_files(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_pairs(tmp_path / "absent.jsonl")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="no records"):
        read_pairs(empty)
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00garbage\n")
    with pytest.raises(InputError, match="not UTF-8"):
        read_pairs(binary)


def test_cli_reports_bad_input_as_one_line(tmp_path):
    from factdiff.cli import app

    path = tmp_path / "pairs.jsonl"
    _write(path, [_record("r1", 1), "{oops"])
    result = CliRunner().invoke(app, ["eval", str(path)])
    assert isinstance(result.exception, InputError)
    assert "pairs.jsonl:2: invalid JSON" in str(result.exception)


# --- end to end (real model, four tiny records) ------------------------------------------------

E2E = [
    {
        **_record("number", 1, meta={"edit_types": ["entity_modification"]}),
        "text_a": "The fire destroyed 40 homes in the town of Paradise on Thursday.",
        "text_b": "The fire destroyed 75 homes in the town of Paradise on Thursday.",
    },
    {
        **_record("paraphrase", 0, meta={"edit_types": []}),
        "text_a": "The company said its profit rose sharply last year.",
        "text_b": "Its profit rose sharply last year, the company said.",
    },
    {
        **_record("same", 0, domain="wiki", source="other"),
        "text_a": "Oslo is the capital of Norway.",
        "text_b": "Oslo is the capital of Norway.",
    },
    {
        **_record("unlabelled", None, domain="wiki", source="other"),
        "text_a": "The bridge opened in 1932.",
        "text_b": "The bridge opened in 1932 after six years of work.",
    },
]


@pytest.fixture(scope="module")
def e2e(tmp_path_factory):
    from factdiff.cli import app

    folder = tmp_path_factory.mktemp("eval")
    pairs, out = folder / "pairs.jsonl", folder / "predictions.jsonl"
    _write(pairs, E2E)
    env = {"FACTDIFF_CACHE_DIR": str(folder / "cache")}
    result = CliRunner().invoke(app, ["eval", str(pairs), "--predictions", str(out), "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_e2e_predictions_file(e2e):
    _, predictions = e2e
    assert [p["id"] for p in predictions] == ["number", "paraphrase", "same", "unlabelled"]
    assert all(set(p) == {"id", "flagged", "changed", "kinds"} for p in predictions)
    by_id = {p["id"]: p for p in predictions}
    assert by_id["number"]["flagged"] and by_id["number"]["changed"]
    assert "number" in by_id["number"]["kinds"]
    assert by_id["same"] == {"id": "same", "flagged": False, "changed": False, "kinds": []}
    assert not by_id["paraphrase"]["flagged"]
    for p in predictions:
        assert p["changed"] or not p["flagged"]
        assert p["kinds"] == sorted(set(p["kinds"]))


def test_e2e_scores(e2e):
    scores, _ = e2e
    assert (scores["records"], scores["scored"], scores["unscored"]) == (4, 3, 1)
    slices = {(s["by"], s["name"]): s for s in scores["slices"]}
    overall = slices["all", "all"]["flagged"]
    assert (overall["positives"], overall["negatives"]) == (1, 2)
    assert overall["recall"] == 1.0 and overall["false_alarm_rate"] == 0.0
    assert overall["balanced_accuracy"] == 1.0
    assert slices["edit_type", "none"]["flagged"]["n"] == 1
    assert slices["source", "other"]["flagged"]["n"] == 1
