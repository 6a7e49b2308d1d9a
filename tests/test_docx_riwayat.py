"""The generated document shows the riwayat revisi (only when the spec has one)."""

from __future__ import annotations

from pathlib import Path

import docx

import sopdoc

ROOT = Path(__file__).resolve().parents[1]
REVISED = ROOT / "examples" / "revisi-pengumpulan" / "011-pengumpulan-data-kinerja.yaml"
SIGNED = ROOT / "specs" / "kecamatan-kebasen" / "011-pengumpulan-data-kinerja.yaml"


def history_rows(path: Path) -> list[list[str]] | None:
    document = docx.Document(str(path))
    for table in document.tables:
        rows = [[c.text for c in r.cells] for r in table.rows]
        if rows and rows[0][0] == "Tanggal Revisi":
            return rows
    return None


def test_history_table_lists_every_revision(tmp_path: Path) -> None:
    sop = sopdoc.load(REVISED)
    data = sop.model_dump(mode="json")
    data["riwayat_revisi"].append({"tanggal": "2025-02-03", "nomor": None, "catatan": "Kedua"})
    twice = sopdoc.Sop.model_validate(data)
    out = sopdoc.build_docx(twice, tmp_path / "x.docx")
    rows = history_rows(out)
    assert rows is not None
    assert rows[1][:2] == ["3 Juni 2024", "1"]
    assert rows[1][2].startswith("Output langkah 4 diperbaiki")
    assert rows[2] == ["3 Februari 2025", "", "Kedua"]
    # before the procedure: the history comes ahead of the procedure's first table
    document = docx.Document(str(out))
    texts = [t.rows[0].cells[0].text for t in document.tables]
    assert texts.index("Tanggal Revisi") < texts.index("NO")


def test_no_history_no_table(tmp_path: Path) -> None:
    out = sopdoc.build_docx(sopdoc.load(SIGNED), tmp_path / "x.docx")
    assert history_rows(out) is None
