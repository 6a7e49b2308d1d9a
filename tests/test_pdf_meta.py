"""PDF metadata from the spec, SOURCE_DATE_EPOCH, and the 'whole PDF' check (no LibreOffice)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

import sopdoc
from sopdoc.model import Tanggal
from sopdoc.pdf.meta import PdfMeta, finalize_pdf, meta_for, pdf_date, pdf_whole

ROOT = Path(__file__).resolve().parents[1]


def kebasen() -> sopdoc.Sop:
    return sopdoc.load_catalog(ROOT / "specs" / "kecamatan-kebasen").sops[0]


def blank_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_meta_from_the_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    sop = kebasen()
    meta = meta_for(sop)
    assert (meta.title, meta.subject, meta.author) == (sop.nama, sop.nomor, "Kecamatan Kebasen")
    assert meta.created == meta.modified == date(2024, 1, 9)  # the spec wins over the epoch
    revised = sop.model_copy(
        update={"tanggal": Tanggal(pembuatan=date(2024, 1, 9), revisi=date(2025, 3, 1))}
    )
    assert meta_for(revised).modified == date(2025, 3, 1)


def test_source_date_epoch_when_the_spec_has_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    sop = kebasen().model_copy(update={"tanggal": Tanggal()})
    meta = meta_for(sop)
    assert meta.created is not None and pdf_date(meta.created) == "D:20231114221320Z"
    assert pdf_date(date(2024, 1, 9)) == "D:20240109"


def test_finalize_gives_the_same_bytes_for_the_same_input(tmp_path: Path) -> None:
    raw = tmp_path / "raw.pdf"
    raw.write_bytes(blank_pdf(2))
    meta = PdfMeta(
        title="Pengukuran Data Kinerja",
        subject="PK / 010",
        author="Kecamatan",
        created=date(2024, 1, 9),
    )
    finalize_pdf(raw, tmp_path / "a.pdf", meta)
    finalize_pdf(raw, tmp_path / "b.pdf", meta)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    info = PdfReader(tmp_path / "a.pdf").metadata
    assert info is not None and info.title == "Pengukuran Data Kinerja"
    assert info["/CreationDate"] == info["/ModDate"] == "D:20240109"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf", "raw.pdf"]


def test_a_cut_or_broken_pdf_is_not_whole(tmp_path: Path) -> None:
    data = blank_pdf(3)
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    assert pdf_whole(path) == 3
    for cut in (len(data) // 2, len(data) - 10, 0):
        path.write_bytes(data[:cut])
        assert pdf_whole(path) == 0
    path.write_bytes(b"%PDF-1.7\nnot a pdf\n%%EOF\n")
    assert pdf_whole(path) == 0
    assert pdf_whole(tmp_path / "missing.pdf") == 0
