"""The registry of codes is the documentation: every code is declared once, with examples that
the whole pipeline must bear out, and README and the CLI show exactly what it declares."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factdiff
from factdiff.cli import app
from factdiff.cli_rules import markdown_table
from factdiff.compare import all_rules, find_rule
from factdiff.compare.rules import FAMILIES
from factdiff.errors import InputError
from factdiff.model import Document
from factdiff.pipeline import make_embedder

README = Path(__file__).resolve().parent.parent / "README.md"
runner = CliRunner()


@pytest.fixture(scope="module")
def embedder(story_cache):
    return make_embedder(cache_dir=story_cache)


def _codes(embedder, text_a: str, text_b: str) -> set[str]:
    """Every code the pipeline reports, at any severity, for two versions of one claim."""
    documents = (Document("a", "a.txt", text_a), Document("b", "b.txt", text_b))
    return {d.code for d in factdiff.check_documents(documents, embedder=embedder).discrepancies}


def _examples(side: str):
    for rule in all_rules():
        for n, example in enumerate(getattr(rule, side)):
            yield pytest.param(rule.code, example, id=f"{rule.code}-{side}-{n}")


@pytest.mark.parametrize("code, example", list(_examples("fires")))
def test_a_documented_example_that_fires_is_reported_with_its_code(embedder, code, example):
    assert code in _codes(embedder, example.a, example.b)


@pytest.mark.parametrize("code, example", list(_examples("quiet")))
def test_a_documented_example_that_stays_quiet_is_not_reported_with_its_code(embedder, code, example):
    assert code not in _codes(embedder, example.a, example.b)


def test_every_rule_is_declared_once_with_documentation_and_both_kinds_of_example():
    rules = all_rules()
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes)
    for rule in rules:
        assert re.fullmatch(r"FD[1-9]0[1-9]", rule.code), rule.code
        assert rule.severities and rule.summary and len(rule.doc) > 100, rule.code
        assert "quiet" in rule.doc, f"{rule.code}: the documentation says when it stays quiet"
        assert rule.fires and rule.quiet, rule.code


def test_each_family_module_names_the_codes_it_declares():
    """So that "where is FD501 decided" is one search: the module whose docstring names it."""
    for family in FAMILIES:
        name = family.__name__.rsplit(".", 1)[1]
        assert family.RULES, name
        for rule in family.RULES:
            assert family.__doc__ and rule.code in family.__doc__, (name, rule.code)


def test_readme_lists_exactly_the_registered_codes():
    text = README.read_text(encoding="utf-8")
    start = text.index("| code | kind | severity | meaning |")
    table = text[start : text.index("\n\n", start) + 1]
    assert table == markdown_table(all_rules()), "regenerate README's table from cli_rules.markdown_table"


def test_an_unknown_code_is_an_input_error_and_a_code_is_found_in_any_case():
    assert find_rule("fd301").code == "FD301"
    with pytest.raises(InputError, match="unknown rule 'FD999'"):
        find_rule("FD999")


def test_rules_lists_every_code_with_kind_severity_and_summary():
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == len(all_rules())
    for line, rule in zip(lines, all_rules()):
        assert line.split()[:3] == [rule.code, rule.kind, rule.severity]
        assert line.endswith(rule.summary)


def test_rules_as_json_for_tools():
    result = runner.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    listed = json.loads(result.output)
    assert [r["code"] for r in listed] == [r.code for r in all_rules()]
    assert listed[0].keys() == {"code", "kind", "severity", "summary"}


def test_rule_prints_its_documentation_and_examples():
    rule = find_rule("FD301")
    result = runner.invoke(app, ["rule", "FD301"])
    assert result.exit_code == 0
    assert result.output.startswith("FD301 · place · error/warning\n")
    flat = " ".join(result.output.split())
    assert " ".join(rule.doc.split()) in flat
    assert all(e.a in flat and e.b in flat for e in rule.fires + rule.quiet)


def test_rule_as_json_has_the_documentation_and_both_kinds_of_example():
    result = runner.invoke(app, ["rule", "fd501", "-f", "json"])
    assert result.exit_code == 0
    shown = json.loads(result.output)
    rule = find_rule("FD501")
    assert shown["code"] == "FD501" and shown["doc"] == rule.doc
    assert shown["severity"] == ["warning", "info"]
    assert shown["fires"] == [{"a": e.a, "b": e.b} for e in rule.fires]
    assert shown["quiet"] == [{"a": e.a, "b": e.b} for e in rule.quiet]


def test_an_unknown_code_is_one_line_on_stderr_and_exit_2():
    run = subprocess.run(
        [sys.executable, "-c", "from factdiff.cli import main; main()", "rule", "FD999"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.startswith("factdiff: error: unknown rule 'FD999'") and run.stderr.count("\n") == 1
