"""`sopdoc revise`: tanggal revisi and riwayat revisi set in place, comments kept."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import sopdoc
from sopdoc.revise import ReviseError, revise

ROOT = Path(__file__).resolve().parents[1]
KEBASEN = ROOT / "specs" / "kecamatan-kebasen"
SOPDOC = str(Path(sys.executable).with_name("sopdoc"))

MINIMAL = """\
nomor: X / 1   # the number
nama: Contoh
instansi: Pemerintah Kabupaten Banyumas
unit: Kecamatan Kebasen
tanggal:
  pembuatan: 2024-01-09   # signed
disahkan_oleh: {jabatan: Camat, nama: A}
pelaksana:
  camat: Camat
kegiatan:
  - aktivitas: Menandatangani
    pelaksana: camat
# trailing comment
"""


@pytest.fixture
def kebasen(tmp_path: Path) -> Path:
    shutil.copytree(KEBASEN, tmp_path / "k")
    return tmp_path / "k" / "011-pengumpulan-data-kinerja.yaml"


def lines_without(text: str, *dropped: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln not in dropped]


def test_kebasen_spec_keeps_every_comment(kebasen: Path) -> None:
    before = kebasen.read_text()
    sop = revise(kebasen, "Output langkah 4 diperbaiki", tanggal=date(2024, 6, 3))
    after = kebasen.read_text()
    assert sop.tanggal.revisi == date(2024, 6, 3)
    assert [r.catatan for r in sop.riwayat_revisi] == ["Output langkah 4 diperbaiki"]
    # one line changed in place (its comment kept in its column), three appended
    old_lines, new_lines = before.splitlines(), after.splitlines()
    changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=False) if a != b]
    assert changed == [
        ("  revisi:            # empty in the signed document",
         "  revisi: 2024-06-03 # empty in the signed document"),
    ]  # fmt: skip
    assert new_lines[len(old_lines) :] == [
        "riwayat_revisi:",
        "  - tanggal: 2024-06-03",
        '    catatan: "Output langkah 4 diperbaiki"',
    ]
    reloaded = sopdoc.load(kebasen)
    assert reloaded.riwayat_revisi == sop.riwayat_revisi


def test_second_revision_appends_and_quotes(kebasen: Path) -> None:
    revise(kebasen, "Pertama", tanggal=date(2024, 6, 3))
    note = 'Kedua: "kutip" # bukan komentar: [x]'
    sop = revise(kebasen, note, tanggal=date(2024, 7, 1), nomor="R2")
    assert [(r.tanggal, r.nomor, r.catatan) for r in sop.riwayat_revisi] == [
        (date(2024, 6, 3), None, "Pertama"),
        (date(2024, 7, 1), "R2", note),
    ]
    assert sop.tanggal.revisi == date(2024, 7, 1)
    assert "# empty in the signed document" in kebasen.read_text()


def test_missing_revisi_key_is_inserted_in_the_tanggal_block(tmp_path: Path) -> None:
    spec = tmp_path / "x.yaml"
    spec.write_text(MINIMAL)
    revise(spec, "Catatan", tanggal=date(2025, 1, 2))
    text = spec.read_text()
    assert lines_without(text, "  revisi: 2025-01-02") == [
        *MINIMAL.splitlines(),
        "riwayat_revisi:",
        "  - tanggal: 2025-01-02",
        '    catatan: "Catatan"',
    ]
    assert text.splitlines()[6] == "  revisi: 2025-01-02"
    assert sopdoc.load(spec).tanggal.revisi == date(2025, 1, 2)


def test_tanggal_as_the_last_key(tmp_path: Path) -> None:
    spec = tmp_path / "x.yaml"
    head, tanggal = MINIMAL.split("tanggal:\n  pembuatan: 2024-01-09   # signed\n")
    spec.write_text(head + tanggal + "tanggal:\n  pembuatan: 2024-01-09\n\n")
    revise(spec, "Catatan", tanggal=date(2025, 1, 2))
    assert spec.read_text().endswith(
        "tanggal:\n  pembuatan: 2024-01-09\n  revisi: 2025-01-02\n"
        'riwayat_revisi:\n  - tanggal: 2025-01-02\n    catatan: "Catatan"\n'
    )


def test_crlf_and_empty_list(tmp_path: Path) -> None:
    spec = tmp_path / "x.yaml"
    text = MINIMAL.replace("# trailing comment\n", "riwayat_revisi: []  # none yet\n")
    spec.write_bytes(text.replace("\n", "\r\n").encode())
    sop = revise(spec, "Satu", tanggal=date(2025, 1, 2))
    raw = spec.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert b"riwayat_revisi:  # none yet\r\n  - tanggal: 2025-01-02\r\n" in raw
    assert len(sop.riwayat_revisi) == 1


def test_flow_style_is_refused_and_nothing_written(tmp_path: Path) -> None:
    spec = tmp_path / "x.yaml"
    text = MINIMAL.replace(
        "tanggal:\n  pembuatan: 2024-01-09   # signed\n", "tanggal: {pembuatan: 2024-01-09}\n"
    )
    spec.write_text(text)
    with pytest.raises(ReviseError, match="block mapping"):
        revise(spec, "Catatan")
    assert spec.read_text() == text
    assert [p.name for p in tmp_path.iterdir()] == ["x.yaml"]


def test_cli_revise_and_errors(kebasen: Path) -> None:
    done = subprocess.run(
        [SOPDOC, "revise", str(kebasen), "--note", "Waktu diubah", "--tanggal", "2024-06-03"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "tanggal revisi 2024-06-03; riwayat revisi berisi 1 catatan" in done.stdout
    bad = subprocess.run(
        [SOPDOC, "revise", str(kebasen), "--note", "x", "--tanggal", "3 Juni"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2 and "bukan tanggal; tulis YYYY-MM-DD" in bad.stderr
    broken = kebasen.with_name("broken.yaml")
    broken.write_text("nomor: [\n")
    err = subprocess.run(
        [SOPDOC, "revise", str(broken), "--note", "x"], capture_output=True, text=True, check=False
    )
    assert err.returncode == 2 and "broken.yaml:" in err.stderr and "Traceback" not in err.stderr
    assert broken.read_text() == "nomor: [\n"
