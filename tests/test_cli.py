"""The command line as users run it: a real subprocess, exit codes, stdout and stderr."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import sopdoc
from test_bad_input import BASE, CASES

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "specs" / "kecamatan-kebasen"
ERROR_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.+)$")


def sopdoc_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_help_lists_every_command() -> None:
    proc = sopdoc_cli("--help")
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout.startswith("penggunaan: sopdoc")
    for command in ("validate", "schema"):
        assert re.search(rf"^\s+{command}\s+\S", proc.stdout, re.MULTILINE), command
    # argparse's own words are translated too
    assert "opsi:" in proc.stdout and "tampilkan bantuan ini lalu keluar" in proc.stdout
    assert "usage" not in proc.stdout and "show this help" not in proc.stdout


def test_help_in_english() -> None:
    for args, env in ((["--lang", "en", "--help"], {}), (["--help"], {"SOPDOC_LANG": "en"})):
        proc = subprocess.run(
            [sys.executable, "-m", "sopdoc.cli", *args],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, **env},
        )
        assert proc.returncode == 0
        assert proc.stdout.startswith("usage: sopdoc")
        assert "show this help message and exit" in proc.stdout
        assert "load specs and report schema errors" in proc.stdout


def test_subcommand_help() -> None:
    proc = sopdoc_cli("validate", "--help")
    assert proc.returncode == 0
    assert "PATH" in proc.stdout and "folder katalog" in proc.stdout
    proc = sopdoc_cli("validate", "--help", "--lang=en")
    assert "PATH" in proc.stdout and "catalog folder" in proc.stdout


def test_version() -> None:
    proc = sopdoc_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"sopdoc {sopdoc.__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", sopdoc.__version__)


def test_no_command_is_a_usage_error() -> None:
    proc = sopdoc_cli()
    assert proc.returncode == 2
    assert "penggunaan: sopdoc" in proc.stdout


def test_unknown_command() -> None:
    proc = sopdoc_cli("valdate", "x")
    assert proc.returncode == 2
    assert "pilihan tidak sah: 'valdate'" in proc.stderr
    proc = sopdoc_cli("--lang", "en", "valdate", "x")
    assert "invalid choice: 'valdate'" in proc.stderr


def test_validate_good_catalog() -> None:
    proc = sopdoc_cli("validate", str(CATALOG))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "2 spec dimuat tanpa kesalahan" in proc.stdout
    assert "PK. KEC. KBS / 010 / I / 2024" in proc.stdout


def test_validate_quiet() -> None:
    proc = sopdoc_cli("validate", "-q", str(CATALOG / "010-pengukuran-data-kinerja.yaml"))
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_validate_bad_file_relative_path(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # settings are looked up to here, not in folders above
    (tmp_path / "spec.yaml").write_text(BASE.replace("5 menit", "5 detik"), encoding="utf-8")
    proc = sopdoc_cli("validate", "spec.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert lines[0].startswith(
        "spec.yaml:16:12: error: satuan 'detik' pada waktu '5 detik' tidak dikenal"
    )
    assert lines[0].endswith("(kegiatan[1].waktu)")
    assert lines[-1] == "sopdoc: 1 galat di 1 berkas; tidak ada yang ditulis"


def test_validate_never_shows_a_traceback(tmp_path: Path) -> None:
    """Every bad-input case at once: each file gets its file:line:col error lines, exit 2."""
    (tmp_path / ".git").mkdir()
    paths = []
    for i, case in enumerate(CASES):
        path = tmp_path / f"case{i:02d}.yaml"
        if isinstance(case.content, bytes):
            path.write_bytes(case.content)
        else:
            path.write_text(case.content, encoding="utf-8")
        paths.append(path)
    proc = sopdoc_cli("validate", *map(str, paths), str(tmp_path / "missing.yaml"))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    *lines, summary = proc.stderr.splitlines()
    # a YAML mistake shows its line and a caret under the error line ("  5 | ...")
    error_lines = [ln for ln in lines if not re.match(r"^\s+\d*\s\|", ln)]
    parsed = [ERROR_LINE.match(line) for line in error_lines]
    assert all(parsed), [ln for ln, m in zip(error_lines, parsed, strict=True) if not m]
    got = [(m["file"], int(m["line"]), int(m["col"])) for m in parsed if m]
    expected = [
        (str(path), line, col)
        for path, case in zip(paths, CASES, strict=True)
        for line, col, _ in case.expected
    ] + [(str(tmp_path / "missing.yaml"), 1, 1)]
    assert sorted(got) == sorted(expected)
    assert summary == (
        f"sopdoc: {len(expected)} galat di {len(CASES) + 1} berkas; tidak ada yang ditulis"
    )


def test_validate_catalog_reports_every_bad_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(BASE.replace("nama: Contoh", "nma: Contoh"), "utf-8")
    (tmp_path / "c.yaml").write_text(BASE.replace("jika_tidak: 1", "jika_tidak: 0"), "utf-8")
    (tmp_path / "sopdoc.yaml").write_text("kertas: F4\n", encoding="utf-8")
    proc = sopdoc_cli("validate", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "b.yaml:2:1: error: kunci 'nma' tidak dikenal; maksudnya 'nama'? (nma)",
        "c.yaml:20:17: error: jika_tidak harus menyebut nomor langkah mulai 1, atau id langkah "
        "(kegiatan[2].jika_tidak)",
        "sopdoc: 2 galat di 2 berkas; tidak ada yang ditulis",
    ]


def test_schema_to_stdout_and_file(tmp_path: Path) -> None:
    proc = sopdoc_cli("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert schema["title"].startswith("SOP Administrasi Pemerintahan")
    assert "kegiatan" in schema["properties"]
    target = tmp_path / "out" / "schema.json"
    proc = sopdoc_cli("schema", "--settings", "-o", str(target))
    assert (proc.returncode, proc.stdout) == (0, "")
    settings = json.loads(target.read_text(encoding="utf-8"))
    assert "disahkan_oleh" in settings["properties"] and "nomor" not in settings["properties"]


def test_python_dash_m_sopdoc() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "sopdoc", "--version"], capture_output=True, text=True
    )
    assert proc.stdout.strip() == f"sopdoc {sopdoc.__version__}"
