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
from sopdoc.diff import diff
from sopdoc.diff.describe import word_diff
from sopdoc.diff.model import LangkahDihapus, LangkahDisisipkan, LangkahDiubah
from sopdoc.diff.redline import render_redline, tanggal_teks, write_redline

ROOT = Path(__file__).resolve().parents[1]
OLD = ROOT / "specs" / "kecamatan-kebasen" / "011-pengumpulan-data-kinerja.yaml"
NEW = ROOT / "examples" / "revisi-pengumpulan" / "011-pengumpulan-data-kinerja.yaml"
SOPDOC = str(Path(sys.executable).with_name("sopdoc"))
sys.path.insert(0, str(Path(__file__).parent))
from test_diff import base  # noqa: E402

COLUMNS = [
    "no", "aktivitas", "pelaksana", "kelengkapan", "waktu", "output", "keterangan", "jika_tidak",
]  # fmt: skip


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


def procedure_rows(document: Any) -> list[Any]:
    table = document.tables[-1]
    assert plain(table.rows[0]._tr).startswith("NoAktivitas")
    return [r._tr for r in table.rows[1:]]


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
                cell = cells[COLUMNS.index(k.kolom)]
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
    identity = document.tables[0]
    revisi = next(r for r in identity.rows if r.cells[0].text == "Tanggal Revisi")
    assert marked(revisi.cells[1]._tc, "ins") == tanggal_teks("2024-06-03")
    assert marked(revisi.cells[1]._tc, "del") == "-"
    riwayat = document.tables[1]
    assert [c.text for c in riwayat.rows[0].cells] == ["Tanggal", "Revisi", "Catatan"]
    assert row_kind(riwayat.rows[1]._tr) == "+"
    assert marked(riwayat.rows[1]._tr, "ins").startswith("3 Juni 20241Output langkah 4")
    marks = [*body.iter(qn("w:ins")), *body.iter(qn("w:del"))]
    assert marks
    assert {m.get(qn("w:author")) for m in marks} == {"Sekcam Kebasen"}
    assert {m.get(qn("w:date")) for m in marks} == {"2024-06-03T00:00:00Z"}
    ids = [m.get(qn("w:id")) for m in marks]
    assert len(ids) == len(set(ids))
    first_page = document.paragraphs[0].text
    assert first_page == "RINGKASAN PERUBAHAN"
    summary = "\n".join(p.text for p in document.paragraphs[:30])
    assert "+ Langkah 5 disisipkan: Memverifikasi kelengkapan" in summary
    assert "Penomoran ulang: langkah 5–8 → 6–9" in summary


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
    kinds = [row_kind(tr) for tr in rows]
    # moved step: inserted at its new place and deleted at its old; the deleted step kept
    assert kinds == ["+", "", "-", "", "", "", "", "-", ""]
    assert marked(rows[2], "del").startswith("2" + gone["aktivitas"])
    assert d.of("langkah_dihapus")[0] == LangkahDihapus(nomor_lama=2, kegiatan=gone)
    assert marked(rows[0], "ins").startswith("1" + old_data["kegiatan"][6]["aktivitas"])
    assert marked(rows[7], "del").startswith("7" + old_data["kegiatan"][6]["aktivitas"])
    deleted_item = next(p for p in document.paragraphs if "UU 25/2004" in marked(p._p, "del"))
    assert deleted_item._p.find(qn("w:pPr")).find(qn("w:rPr")).find(qn("w:del")) is not None


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
    procedure = next(p for p in pages if "PROSEDUR:" in p)
    # the deleted words are still printed (struck through): LibreOffice shows the changes
    assert "Pengukura" in procedure
    assert "Memverifikasi" in procedure
    assert pages[0].lstrip().startswith("RINGKASAN PERUBAHAN")
