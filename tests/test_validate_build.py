"""validate = build: what build refuses, validate reports (with "did you mean"); build warns
about lint errors and refuses them with --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sopdoc.bangun import build_problems
from sopdoc.i18n import set_language
from sopdoc.spec import load
from test_bad_input import BASE, edit


def sopdoc_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_build_problems_lists_every_one_with_a_suggestion(tmp_path: Path) -> None:
    spec = write(
        tmp_path,
        edit("    pelaksana: camat\n", "    pelaksana: camt\n", "jika_tidak: 1", "jika_tidak: 7"),
    )
    set_language("en")
    try:
        problems = build_problems(load(spec))
    finally:
        set_language(None)
    assert [(p.path, p.location.line) for p in problems] == [
        ("kegiatan[1].pelaksana", 15),
        ("kegiatan[2].jika_tidak", 20),
    ]
    assert problems[0].message.endswith("; did you mean 'camat'?")
    assert "(the steps are numbered 1 to 2)" in problems[1].message


def test_validate_reports_what_build_refuses(tmp_path: Path) -> None:
    write(tmp_path, edit("    pelaksana: camat\n", "    pelaksana: camt\n"))
    validate = sopdoc_cli("validate", "spec.yaml", cwd=tmp_path)
    build = sopdoc_cli("build", "spec.yaml", "-o", "out", cwd=tmp_path)
    assert validate.returncode == build.returncode == 2
    line = "spec.yaml:15:16: error: pelaksana 'camt' bukan salah satu lajur"
    assert validate.stderr.startswith(line), validate.stderr
    assert build.stderr.startswith(line), build.stderr
    assert "maksudnya 'camat'?" in validate.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.docx"))


def test_build_warns_about_lint_errors_and_strict_refuses(tmp_path: Path) -> None:
    # A104: the last step is a decision (the flowchart still draws)
    write(tmp_path, BASE + "  - aktivitas: Menyetujui\n    pelaksana: camat\n    jika_tidak: 2\n")
    warned = sopdoc_cli("build", "spec.yaml", "-o", "out", cwd=tmp_path)
    assert warned.returncode == 0, warned.stderr
    assert "A104" in warned.stderr and "--strict" in warned.stderr
    assert list((tmp_path / "out").glob("*.docx"))
    strict = sopdoc_cli("build", "spec.yaml", "-o", "out2", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert "A104" in strict.stderr
    assert not (tmp_path / "out2").exists()
