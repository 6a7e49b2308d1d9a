"""The redline DOCX: Word tracked changes that match the change list, shown by LibreOffice."""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

import sopdoc
from sopdoc.perbandingan import diff
from sopdoc.perbandingan.describe import word_diff
from sopdoc.perbandingan.model import LangkahDihapus, LangkahDisisipkan, LangkahDiubah
from sopdoc.perbandingan.redline import render_redline, tanggal_teks, write_redline

ROOT = Path(__file__).resolve().parents[1]
OLD = ROOT / "specs" / "kecamatan-kebasen" / "011-pengumpulan-data-kinerja.yaml"
NEW = ROOT / "examples" / "revisi-pengumpulan" / "011-pengumpulan-data-kinerja.yaml"
SOPDOC = str(Path(sys.executable).with_name("sopdoc"))
sys.path.insert(0, str(Path(__file__).parent))
from test_diff import base  # noqa: E402

# the text cells of a procedure row (the lanes between hold the flowchart)
CELL = {"no": 0, "aktivitas": 1, "kelengkapan": -4, "waktu": -3, "output": -2, "keterangan": -1}


def marked(el: Any, tag: str) -> str:
    """The text inside the w:ins or w:del wrappers below ``el``."""
    text_tag = qn("w:delText") if tag == "del" else qn("w:t")
    return "".join(t.text or "" for m in el.iter(qn(f"w:{tag}")) for t in m.iter(text_tag))


def plain(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def row_kind(tr: Any) -> str:
    pr = tr.find(qn("w:trPr"))
    if pr is not None and pr.find(qn("w:ins")) is not None:
        return "+"
    if pr is not None and pr.find(qn("w:del")) is not None:
        return "-"
    return ""


def first_cell(tbl: Any) -> str:
    return plain(tbl.find(qn("w:tr")).find(qn("w:tc")))


def procedure_rows(document: Any) -> list[Any]:
    """The step rows of the procedure tables (one table per page, three header rows each)."""
    tables = [t for t in document.element.body.iter(qn("w:tbl")) if first_cell(t) == "NO"]
    assert tables
    return [tr for t in tables for tr in t.findall(qn("w:tr"))[3:]]


def deleted_table_rows(document: Any) -> list[Any]:
    """Rows of the table of deleted steps (its header row is deleted too)."""
    tables = [
        t
        for t in document.element.body.iter(qn("w:tbl"))
        if marked(t.find(qn("w:tr")).find(qn("w:tc")), "del") == "No"
    ]
    return [tr for t in tables for tr in t.findall(qn("w:tr"))[1:]]


def read(path: Path) -> Any:
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def kebasen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("redline") / "redline.docx"
    done = subprocess.run(
        [SOPDOC, "diff", str(OLD), str(NEW), "--docx", str(out), "--author", "Sekcam Kebasen"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


def test_every_step_change_is_a_tracked_change(kebasen: Path) -> None:
    old, new = sopdoc.load(OLD), sopdoc.load(NEW)
    d = diff(old, new)
    rows = procedure_rows(read(kebasen))
    assert len(rows) == len(new.kegiatan)  # nothing deleted in this revision
    by_number = {plain(tr.findall(qn("w:tc"))[0]): tr for tr in rows}
    for c in d.perubahan:
        if isinstance(c, LangkahDisisipkan):
            tr = by_number[str(c.nomor_baru)]
            assert row_kind(tr) == "+"
            assert c.kegiatan["aktivitas"] in marked(tr, "ins")
            assert marked(tr, "del") == ""
        elif isinstance(c, LangkahDiubah):
            tr = rows[c.nomor_baru - 1]
            assert row_kind(tr) == ""
            cells = tr.findall(qn("w:tc"))
            for k in c.kolom:
                if k.kolom not in CELL:  # pelaksana and jika_tidak are drawn, not written
                    continue
                cell = cells[CELL[k.kolom]]
                words = word_diff(str(k.lama), str(k.baru))
                assert marked(cell, "del") == "".join(t for kind, t in words if kind == "-")
                assert marked(cell, "ins") == "".join(t for kind, t in words if kind == "+")
    # renumbered steps show the old number deleted and the new one inserted
    for n in d.dampak.penomoran:
        cell = rows[n.baru - 1].findall(qn("w:tc"))[0]
        assert (marked(cell, "del"), marked(cell, "ins")) == (str(n.lama), str(n.baru))
    unchanged = rows[0].findall(qn("w:tc"))
    assert marked(rows[0], "ins") == marked(rows[0], "del") == ""
    assert plain(unchanged[1]) == new.kegiatan[0].aktivitas


def test_identity_and_history_and_marks(kebasen: Path) -> None:
    document = read(kebasen)
    body = document.element.body
    identity = body.find(qn("w:tbl"))
    cells = [tc for tr in identity.findall(qn("w:tr")) for tc in tr.findall(qn("w:tc"))]
    label = next(i for i, tc in enumerate(cells) if plain(tc) == "Tanggal Revisi")
    value = cells[label + 1]
    assert marked(value, "ins") == tanggal_teks("2024-06-03")
    assert marked(value, "del") == "-"
    riwayat = next(t for t in body.iter(qn("w:tbl")) if first_cell(t) == "Tanggal Revisi")
    rows = riwayat.findall(qn("w:tr"))
    assert [row_kind(tr) for tr in rows] == ["+", "+"]  # the history is new: the whole table
    assert marked(rows[1], "ins").startswith("3 Juni 20241Output langkah 4")
    marks = [*body.iter(qn("w:ins")), *body.iter(qn("w:del"))]
    assert marks
    assert {m.get(qn("w:author")) for m in marks} == {"Sekcam Kebasen"}
    assert {m.get(qn("w:date")) for m in marks} == {"2024-06-03T00:00:00Z"}
    ids = [m.get(qn("w:id")) for m in marks]
    assert len(ids) == len(set(ids))
    assert document.paragraphs[0].text == "RINGKASAN PERUBAHAN"
    summary = "\n".join(p.text for p in document.paragraphs[:30])
    assert "+ Langkah 5 disisipkan: Memverifikasi kelengkapan" in summary
    assert "Penomoran ulang: langkah 5–8 → 6–9" in summary
    # the flowchart of NEW is there, untouched
    assert (
        len(
            list(
                body.iter("{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}wsp")
            )
        )
        > 9
    )


def test_deleted_and_moved_steps_and_items(tmp_path: Path) -> None:
    old_data = base()
    new_data = copy.deepcopy(old_data)
    gone = new_data["kegiatan"].pop(1)
    new_data["kegiatan"].insert(0, new_data["kegiatan"].pop(5))  # old step 7
    new_data["dasar_hukum"].pop(0)
    old, new = sopdoc.Sop.model_validate(old_data), sopdoc.Sop.model_validate(new_data)
    d = diff(old, new)
    assert [c.jenis for c in d.perubahan] == [
        "butir_dihapus",
        "langkah_dipindah",
        "langkah_dihapus",
    ]
    path = write_redline(old, new, d, tmp_path / "r.docx")
    document = read(path)
    rows = procedure_rows(document)
    # the moved step is inserted at its new place; the flowchart rows are those of NEW
    assert [row_kind(tr) for tr in rows] == ["+", "", "", "", "", "", ""]
    assert marked(rows[0], "ins").startswith("1" + old_data["kegiatan"][6]["aktivitas"])
    # the deleted and the moved-away steps are kept as deleted rows after the procedure
    gone_rows = deleted_table_rows(document)
    assert [row_kind(tr) for tr in gone_rows] == ["-", "-"]
    assert marked(gone_rows[0], "del").startswith("2" + gone["aktivitas"])
    assert marked(gone_rows[1], "del").startswith("7" + old_data["kegiatan"][6]["aktivitas"])
    assert "dipindah ke nomor 1" in marked(gone_rows[1], "del")
    assert d.of("langkah_dihapus")[0] == LangkahDihapus(nomor_lama=2, kegiatan=gone)
    body = document.element.body
    deleted_item = next(p for p in body.iter(qn("w:p")) if "UU 25/2004" in marked(p, "del"))
    assert marked(deleted_item, "del") == "1.UU 25/2004 tentang SPPN"
    assert deleted_item.find(qn("w:pPr")).find(qn("w:rPr")).find(qn("w:del")) is not None
    kept = next(p for p in body.iter(qn("w:p")) if "UU 23/2014" in plain(p))
    assert plain(kept) == "1.UU 23/2014 tentang Pemerintahan Daerah"


def test_a_new_revision_that_cannot_be_drawn_still_gets_a_redline(tmp_path: Path) -> None:
    old_data = base()
    new_data = copy.deepcopy(old_data)
    new_data["kegiatan"][3]["jika_tidak"] = 99  # no such step: the flowchart cannot be drawn
    old, new = sopdoc.Sop.model_validate(old_data), sopdoc.Sop.model_validate(new_data)
    document = read(write_redline(old, new, None, tmp_path / "r.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "PROSEDUR: PENGUMPULAN DATA KINERJA" in texts
    rows = document.tables[-1].rows
    assert marked(rows[4]._tr, "ins") == "ke 99"


def test_bytes_do_not_depend_on_the_clock() -> None:
    old, new = sopdoc.load(OLD), sopdoc.load(NEW)
    assert render_redline(old, new) == render_redline(old, new)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_shows_the_tracked_changes(kebasen: Path, tmp_path: Path) -> None:
    shutil.copy(kebasen, tmp_path / "redline.docx")
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "redline.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "redline.pdf"
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    procedure = next(p for p in pages if "SOP PELAKSANAAN" in p)
    # the deleted words are still printed (struck through): LibreOffice shows the changes
    assert "Pengukura" in procedure
    assert "Memverifikasi" in procedure
    assert pages[0].lstrip().startswith("RINGKASAN PERUBAHAN")


def accept_all(body: Any) -> None:
    """What Word's 'Accept All Changes' does to the XML."""
    rows, paras = [], []
    for el in list(body.iter(qn("w:del"))):
        parent = el.getparent()
        if parent.tag == qn("w:trPr"):
            rows.append(parent.getparent())
        elif parent.tag == qn("w:rPr") and parent.getparent().tag == qn("w:pPr"):
            paras.append(parent.getparent().getparent())
        else:
            parent.remove(el)
    for tr in rows:  # a deleted row goes whole; it must hold nothing but deleted text
        assert plain(tr) == "", plain(tr)
        tr.getparent().remove(tr)
    for p in paras:  # a deleted paragraph mark joins its (now empty) paragraph to the next
        if p.getparent() is not None:
            assert plain(p) == "", plain(p)
            p.getparent().remove(p)
    for tbl in list(body.iter(qn("w:tbl"))):
        if tbl.find(qn("w:tr")) is None:
            tbl.getparent().remove(tbl)
    for el in list(body.iter(qn("w:ins"))):
        parent = el.getparent()
        if parent.tag in (qn("w:trPr"), qn("w:rPr")):
            parent.remove(el)
        else:
            index = parent.index(el)
            for child in reversed(list(el)):
                parent.insert(index, child)
            parent.remove(el)


def texts_after_summary(body: Any) -> list[str]:
    paras = list(body.iter(qn("w:p")))
    start = next(
        i for i, p in enumerate(paras) if p.find(f"{qn('w:r')}/{qn('w:br')}") is not None
    )  # the page break that ends the summary
    return [plain(p) for p in paras[start + 1 :]]


@pytest.mark.parametrize("case", ["kebasen", "synthetic"])
def test_accepting_every_change_gives_the_new_document(case: str, tmp_path: Path) -> None:
    if case == "kebasen":
        old, new = sopdoc.load(OLD), sopdoc.load(NEW)
    else:
        old_data = base()
        new_data = copy.deepcopy(old_data)
        new_data["kegiatan"].pop(1)
        new_data["kegiatan"].insert(0, new_data["kegiatan"].pop(5))
        new_data["kegiatan"][3]["output"] = "Draft data kinerja terverifikasi"
        new_data["dasar_hukum"] = ["UU 23/2014 tentang Pemerintahan Daerah Provinsi", "Baru"]
        new_data["peringatan"] = "Jika tidak dilaksanakan, data terlambat"
        old, new = sopdoc.Sop.model_validate(old_data), sopdoc.Sop.model_validate(new_data)
    redline = read(write_redline(old, new, None, tmp_path / "r.docx"))
    official = read(sopdoc.build_docx(new, tmp_path / "new.docx"))
    body = redline.element.body
    accept_all(body)
    assert not list(body.iter(qn("w:delText")))
    expected = [plain(p) for p in official.element.body.iter(qn("w:p"))]
    assert texts_after_summary(body) == expected
