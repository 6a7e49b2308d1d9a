"""The checker's machinery: CLI, exit codes, formats, configuration, suppression, baseline."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sopdoc.pemeriksaan import LintConfig, Severity, lint
from sopdoc.pemeriksaan.config import ConfigError
from sopdoc.pemeriksaan.examples import BASE, merge

ROOT = Path(__file__).resolve().parents[1]
KEBASEN = ROOT / "specs" / "kecamatan-kebasen"
SOPDOC = str(Path(sys.executable).with_name("sopdoc"))


def sopdoc(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SOPDOC, "lint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def write(folder: Path, name: str, snippet: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(merge(BASE, snippet), encoding="utf-8")
    return path


NO_EFEKTIF = "tanggal:\n  pembuatan: 2024-01-09\n  efektif:\n"


def test_clean_catalog_exits_0(tmp_path: Path) -> None:
    write(tmp_path / "k", "020.yaml")
    run = sopdoc(str(tmp_path / "k"), cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 temuan" in run.stdout
    assert "total waktu: 35 menit (4 langkah)" in run.stdout


def test_findings_exit_1_and_fail_level(tmp_path: Path) -> None:
    write(tmp_path / "k", "020.yaml", NO_EFEKTIF)
    run = sopdoc(str(tmp_path / "k"), cwd=tmp_path)
    assert run.returncode == 1
    assert "020.yaml:7:3: I105 warning Tanggal efektif kosong" in run.stdout
    assert sopdoc(str(tmp_path / "k"), "--fail-level", "error", cwd=tmp_path).returncode == 0
    assert sopdoc(str(tmp_path / "k"), "--ignore", "I1", cwd=tmp_path).returncode == 0


def test_load_error_exits_2_but_lints_the_rest(tmp_path: Path) -> None:
    write(tmp_path / "k", "020.yaml", NO_EFEKTIF)
    (tmp_path / "k" / "021.yaml").write_text("nomor: [\n", encoding="utf-8")
    run = sopdoc(str(tmp_path / "k"), cwd=tmp_path)
    assert run.returncode == 2
    assert "021.yaml:1:8: error: tanda [ di sini membuka daftar" in run.stderr
    assert "I105" in run.stdout  # the file that loaded was still checked


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert sopdoc(cwd=tmp_path).returncode == 2
    assert sopdoc("--explain", "Z999", cwd=tmp_path).returncode == 2
    assert sopdoc(str(KEBASEN), "--select", "Q", cwd=tmp_path).returncode == 2
    assert sopdoc(str(tmp_path / "missing"), cwd=tmp_path).returncode == 2


def test_explain_and_list_rules() -> None:
    run = sopdoc("--explain", "i105")
    assert run.returncode == 0 and run.stdout.startswith("I105 efektif-kosong (warning")
    assert "GAGAL:" in run.stdout and "cakupan sop" in run.stdout
    english = sopdoc("--explain", "i105", "--lang", "en")
    assert "FAIL:" in english.stdout and "scope sop" in english.stdout
    listing = sopdoc("--list-rules").stdout
    assert "I101" in listing and "L002" in listing


def test_json_report(tmp_path: Path) -> None:
    write(tmp_path / "k", "020.yaml", NO_EFEKTIF)
    out = tmp_path / "out" / "lint.json"
    run = sopdoc(str(tmp_path / "k"), "--format", "json", "-o", str(out), cwd=tmp_path)
    assert run.returncode == 1 and run.stdout == ""
    data = json.loads(out.read_text())
    (f,) = data["findings"]
    assert (f["code"], f["line"], f["column"], f["path"]) == ("I105", 7, 3, "tanggal.efektif")
    assert data["sops"][0]["total_waktu_menit"] == 35
    assert data["summary"]["exit_code"] == 1


def test_sarif_report(tmp_path: Path) -> None:
    write(tmp_path / "k", "020.yaml", NO_EFEKTIF)
    run = sopdoc(str(tmp_path / "k"), "--format", "sarif", cwd=tmp_path)
    data = json.loads(run.stdout)
    assert data["version"] == "2.1.0"
    sarif_run = data["runs"][0]
    rules = sarif_run["tool"]["driver"]["rules"]
    (res,) = sarif_run["results"]
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == "I105"
    assert rules[res["ruleIndex"]]["helpUri"].endswith("#i105")
    assert res["level"] == "warning"
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (7, 3)
    uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "k/020.yaml"  # relative to the working directory, as code scanning wants


def test_github_report(tmp_path: Path) -> None:
    write(tmp_path / "k", "020.yaml", NO_EFEKTIF)
    run = sopdoc(str(tmp_path / "k"), "--format", "github", cwd=tmp_path)
    assert run.stdout.startswith("::warning file=k/020.yaml,line=7,col=3,title=I105::Tanggal")


def test_inline_suppression(tmp_path: Path) -> None:
    snippet = "tanggal:\n  pembuatan: 2024-01-09\n  efektif:  # sopdoc: ignore[I105] {}\n"
    write(tmp_path / "a", "020.yaml", snippet.format("berlaku saat ditandatangani"))
    result = lint(tmp_path / "a", config=LintConfig())
    assert result.findings == [] and result.suppressed == 1
    write(tmp_path / "b", "020.yaml", snippet.format(""))
    codes = [f.code for f in lint(tmp_path / "b", config=LintConfig()).findings]
    assert sorted(codes) == ["I105", "L001"]  # no reason: not silenced, and reported


def test_unused_suppression_is_reported(tmp_path: Path) -> None:
    write(
        tmp_path / "k",
        "020.yaml",
        "nama: Pelayanan Surat Keterangan Domisili  # sopdoc: ignore[A101] lama\n",
    )
    (f,) = lint(tmp_path / "k", config=LintConfig()).findings
    assert f.code == "L002" and f.location.line == 2


def test_baseline_hides_old_findings_despite_line_shifts(tmp_path: Path) -> None:
    spec = write(tmp_path / "k", "020.yaml", NO_EFEKTIF)
    base = tmp_path / "baseline.json"
    assert sopdoc(str(tmp_path / "k"), "--write-baseline", str(base), cwd=tmp_path).returncode == 0
    spec.write_text("# a new comment\n# shifts every line\n" + spec.read_text(), encoding="utf-8")
    run = sopdoc(str(tmp_path / "k"), "--baseline", str(base), cwd=tmp_path)
    assert run.returncode == 0, run.stdout
    assert "1 sudah ada di baseline" in run.stdout
    # a new finding still fails
    spec.write_text(spec.read_text().replace("pembuatan: 2024-01-09", "pembuatan:"), "utf-8")
    run = sopdoc(str(tmp_path / "k"), "--baseline", str(base), cwd=tmp_path)
    assert run.returncode == 1 and "I106" in run.stdout and "I105" not in run.stdout


def test_pyproject_and_catalog_configuration(tmp_path: Path) -> None:
    write(tmp_path / "k", "020.yaml", NO_EFEKTIF)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sopdoc.lint]\nseverity = { I105 = "info" }\n', encoding="utf-8"
    )
    run = sopdoc("k", cwd=tmp_path)
    assert run.returncode == 0 and "I105 info" in run.stdout
    (tmp_path / "k" / "sopdoc.yaml").write_text("lint:\n  fail-level: info\n", encoding="utf-8")
    assert sopdoc("k", cwd=tmp_path).returncode == 1
    (tmp_path / "k" / "sopdoc.yaml").write_text("lint:\n  ignore: [I105]\n", encoding="utf-8")
    assert "0 temuan" in sopdoc("k", cwd=tmp_path).stdout


def test_bad_configuration_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path / "k", "020.yaml")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sopdoc.lint]\nseverity = { I105 = "fatal" }\n', encoding="utf-8"
    )
    run = sopdoc("k", cwd=tmp_path)
    assert run.returncode == 2 and "tingkat 'fatal' tidak dikenal" in run.stderr
    with pytest.raises(ConfigError, match="tidak cocok dengan aturan mana pun"):
        lint(tmp_path / "k", config=LintConfig(), select=["ZZ"])


def test_config_selection_longest_match_wins() -> None:
    from sopdoc.pemeriksaan import all_rules

    rules = all_rules()
    cfg = LintConfig(select=["I"], ignore=["I10"], severity={"I105": Severity.ERROR})
    cfg.select = ["I", "I105"]
    assert cfg.enabled(rules["I105"]) and not cfg.enabled(rules["I101"])
    assert cfg.severity_of(rules["I105"]) is Severity.ERROR


def test_library_accepts_loaded_sops(tmp_path: Path) -> None:
    import sopdoc

    shutil.copytree(KEBASEN, tmp_path / "k")
    katalog = sopdoc.load_catalog(tmp_path / "k")
    by_path = lint(tmp_path / "k", config=LintConfig())
    by_katalog = lint(katalog, config=LintConfig())
    assert [f.code for f in by_path.findings] == [f.code for f in by_katalog.findings]
    assert by_path.findings


def test_rules_page_is_up_to_date() -> None:
    from sopdoc.pemeriksaan.docs import rules_markdown

    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), (
        "docs/rules.md is stale: run python -m sopdoc.pemeriksaan.docs > docs/rules.md"
    )


def test_pre_commit_hooks_run_the_checker(tmp_path: Path) -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    lint_hook = next(h for h in hooks if h["id"] == "sopdoc-lint")
    assert lint_hook["language"] == "python" and lint_hook["pass_filenames"] is False
    # the hook's command line, as pre-commit runs it, on a clean catalog
    write(tmp_path / "specs", "020.yaml")
    entry = lint_hook["entry"].split()
    assert entry[0] == "sopdoc"
    run = subprocess.run(
        [SOPDOC, *entry[1:], *lint_hook["args"]], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_load_errors_in_machine_formats(tmp_path: Path) -> None:
    write(tmp_path / "k", "020.yaml", NO_EFEKTIF)
    (tmp_path / "k" / "021.yaml").write_text("nomor: [\n", encoding="utf-8")
    sarif = json.loads(sopdoc("k", "--format", "sarif", cwd=tmp_path).stdout)
    (invocation,) = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "k/021.yaml"
    data = json.loads(sopdoc("k", "--format", "json", cwd=tmp_path).stdout)
    assert data["load_errors"][0]["file"] == "k/021.yaml"
    assert data["summary"]["exit_code"] == 2
    assert [f["code"] for f in data["findings"]] == ["I105"]


def test_sop_built_in_code_is_checked() -> None:
    import sopdoc

    sop = sopdoc.load(KEBASEN / "010-pengukuran-data-kinerja.yaml")
    built = sopdoc.Sop.model_validate(sop.model_dump())  # no source positions
    codes = {f.code for f in lint(built, config=LintConfig(select=["A", "I"])).findings}
    assert {"A101", "I105"} <= codes
    finding = next(f for f in lint(built, config=LintConfig(select=["A101"])).findings)
    assert finding.path == "kegiatan[4].kelengkapan" and finding.location.line == 1
