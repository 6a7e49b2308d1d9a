"""Every rule's documented PASS/FAIL examples behave as documented (docs cannot drift)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopdoc.pemeriksaan import LintConfig, all_rules, lint
from sopdoc.pemeriksaan.examples import BASE, Example, examples, run_example

RULES = all_rules()
CASES = [(code, ex) for code, r in RULES.items() for ex in examples(r)]


def test_every_rule_documents_a_pass_and_a_fail_example() -> None:
    for code, r in RULES.items():
        kinds = {ex.kind for ex in examples(r)}
        assert kinds == {"PASS", "FAIL"}, f"{code} lacks PASS or FAIL examples"
        assert r.doc.splitlines()[0].strip().endswith("."), f"{code}: summary line"


def test_base_spec_is_clean(tmp_path: Path) -> None:
    (tmp_path / "020-contoh.yaml").write_text(BASE, encoding="utf-8")
    result = lint(tmp_path, config=LintConfig())
    assert not result.load_errors
    assert result.findings == []


@pytest.mark.parametrize(
    ("code", "example"), CASES, ids=[f"{c}-{e.kind}-{i}" for i, (c, e) in enumerate(CASES)]
)
def test_example(code: str, example: Example, tmp_path: Path) -> None:
    findings = run_example(example, tmp_path)
    codes = [f.code for f in findings]
    if example.kind == "FAIL":
        assert code in codes, f"{code} FAIL example found nothing; got {codes}"
        hit = next(f for f in findings if f.code == code)
        assert hit.location.line >= 1 and hit.location.file.endswith(".yaml")
    else:
        assert code not in codes, [f"{f.location}: {f.message}" for f in findings if f.code == code]
