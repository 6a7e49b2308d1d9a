"""The redline DOCX: Word tracked changes that match the change list, shown by LibreOffice."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

import sopdoc
from sopdoc.docx import render_docx
from sopdoc.perbandingan import diff
from sopdoc.perbandingan.model import LangkahDihapus
from sopdoc.perbandingan.redline import render_redline, spaced_diff, tanggal_teks, write_redline

ROOT = Path(__file__).resolve().parents[1]
OLD = ROOT / "specs" / "kecamatan-kebasen" / "011-pengumpulan-data-kinerja.yaml"
NEW = ROOT / "examples" / "revisi-pengumpulan" / "011-pengumpulan-data-kinerja.yaml"
SOPDOC = str(Path(sys.executable).with_name("sopdoc"))
sys.path.insert(0, str(Path(__file__).parent))
from sopgen import long_sop  # noqa: E402
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


def procedure_tables(document: Any, kind: str) -> list[Any]:
    """The procedure tables whose rows are all marked ``kind`` ('+' or '-')."""
    tables = [t for t in document.element.body.iter(qn("w:tbl")) if first_text(t) == "NO"]
    return [t for t in tables if {row_kind(tr) for tr in t.findall(qn("w:tr"))} == {kind}]


def first_text(tbl: Any) -> str:
    tc = tbl.find(qn("w:tr")).find(qn("w:tc"))
    return plain(tc) or "".join(t.text or "" for t in tc.iter(qn("w:delText")))


def test_the_procedure_pages_are_tracked_whole(kebasen: Path) -> None:
    old, new = sopdoc.load(OLD), sopdoc.load(NEW)
    document = read(kebasen)
    inserted = [tr for t in procedure_tables(document, "+") for tr in t.findall(qn("w:tr"))[3:]]
    deleted = [tr for t in procedure_tables(document, "-") for tr in t.findall(qn("w:tr"))[3:]]
    assert len(inserted) == len(new.kegiatan) and len(deleted) == len(old.kegiatan)
    for tr, step in zip(inserted, new.kegiatan, strict=True):
        cells = tr.findall(qn("w:tc"))
        assert marked(cells[CELL["aktivitas"]], "ins") == step.aktivitas
        assert marked(tr, "del") == ""
    for tr, step in zip(deleted, old.kegiatan, strict=True):
        cells = tr.findall(qn("w:tc"))
        assert marked(cells[CELL["aktivitas"]], "del") == step.aktivitas
        assert marked(cells[CELL["waktu"]], "del") == (step.waktu.teks if step.waktu else "")
        assert marked(tr, "ins") == ""
    # every drawing run of the procedure is inside a w:ins (NEW) or a w:del (OLD)
    runs = [r for r in document.element.body.iter(qn("w:r")) if r.find(qn("w:drawing")) is not None]
    kinds = [r.getparent().tag for r in runs]
    assert kinds.count(qn("w:ins")) == len(drawings(new_document(new)))
    assert kinds.count(qn("w:del")) == len(drawings(new_document(old)))
    assert set(kinds) == {qn("w:ins"), qn("w:del")}


def new_document(sop: sopdoc.Sop) -> Any:
    return docx.Document(io.BytesIO(render_docx(sop)))


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
    # OLD's pages, deleted, hold the deleted and the moved-away steps at their old places
    gone_rows = [tr for t in procedure_tables(document, "-") for tr in t.findall(qn("w:tr"))[3:]]
    assert [marked(tr.findall(qn("w:tc"))[1], "del") for tr in gone_rows] == [
        k["aktivitas"] for k in old_data["kegiatan"]
    ]
    new_rows = [tr for t in procedure_tables(document, "+") for tr in t.findall(qn("w:tr"))[3:]]
    assert marked(new_rows[0].findall(qn("w:tc"))[1], "ins") == old_data["kegiatan"][6]["aktivitas"]
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
    procedure = "".join(p for p in pages if "SOP PELAKSANAAN" in p)
    # OLD's deleted pages are still printed (struck through): LibreOffice shows the changes
    assert "Pengukura" in procedure
    assert "Memverifikasi" in procedure
    assert pages[0].lstrip().startswith("RINGKASAN PERUBAHAN")


def _unwrap(el: Any) -> None:
    parent = el.getparent()
    index = parent.index(el)
    for child in reversed(list(el)):
        parent.insert(index, child)
    parent.remove(el)


def resolve(body: Any, accept: bool) -> None:
    """What Word's 'Accept All Changes' (or 'Reject All Changes') does to the XML."""
    gone, kept = (qn("w:del"), qn("w:ins")) if accept else (qn("w:ins"), qn("w:del"))
    if not accept:
        for change in list(body.iter(qn("w:pPrChange"))):  # the paragraph's old properties
            ppr = change.getparent()
            old = change.find(qn("w:pPr"))
            rpr = ppr.find(qn("w:rPr"))
            for child in list(ppr):
                ppr.remove(child)
            for child in list(old):
                ppr.append(child)
            if rpr is not None:
                ppr.append(rpr)
    else:
        for change in list(body.iter(qn("w:pPrChange"))):
            change.getparent().remove(change)
    rows, paras = [], []
    for el in list(body.iter(gone)):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag == qn("w:trPr"):
            rows.append(parent.getparent())
        elif parent.tag == qn("w:rPr") and parent.getparent().tag == qn("w:pPr"):
            paras.append(parent.getparent().getparent())
        else:
            parent.remove(el)
    for tr in rows:  # a row goes whole; it must hold nothing but the text that goes
        assert plain(tr) == "", plain(tr)
        tr.getparent().remove(tr)
    for p in paras:  # a paragraph mark that goes joins its (now empty) paragraph to the next
        if p.getparent() is not None:
            assert plain(p) == "", plain(p)
            p.getparent().remove(p)
    for tbl in list(body.iter(qn("w:tbl"))):
        if tbl.find(qn("w:tr")) is None:
            tbl.getparent().remove(tbl)
    for el in list(body.iter(kept)):
        parent = el.getparent()
        if parent.tag in (qn("w:trPr"), qn("w:rPr")):
            parent.remove(el)
        else:
            for t in el.iter(qn("w:delText")):
                t.tag = qn("w:t")
            _unwrap(el)


def texts_after_summary(body: Any) -> list[str]:
    paras = list(body.iter(qn("w:p")))
    start = next(
        i for i, p in enumerate(paras) if p.find(f"{qn('w:r')}/{qn('w:br')}") is not None
    )  # the page break that ends the summary
    return [plain(p) for p in paras[start + 1 :]]


WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def drawings(document_or_body: Any) -> list[tuple[str, ...]]:
    """Every shape: its kind and step (the name less its id), page position, size, geometry."""
    body = getattr(getattr(document_or_body, "element", None), "body", document_or_body)
    out = []
    for anchor in body.iter(f"{WP}anchor"):
        name = anchor.find(f"{WP}docPr").get("name").rsplit(" ", 1)[0]
        pos = [o.text for o in anchor.iter(f"{WP}posOffset")]
        ext = anchor.find(f"{WP}extent")
        graphic = anchor.find("{http://schemas.openxmlformats.org/drawingml/2006/main}graphic")
        out.append((name, *pos, ext.get("cx"), ext.get("cy"), etree.tostring(graphic).decode()))
    return out


def page_breaks(body: Any) -> list[str]:
    return [
        plain(p)
        for p in body.iter(qn("w:p"))
        if p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
    ]


def changed_pair() -> tuple[sopdoc.Sop, sopdoc.Sop]:
    old_data = base()
    new_data = copy.deepcopy(old_data)
    new_data["kegiatan"].pop(1)
    new_data["kegiatan"].insert(0, new_data["kegiatan"].pop(5))
    new_data["kegiatan"][3]["output"] = "Draft data kinerja terverifikasi"
    new_data["kegiatan"][2]["waktu"] = "20 menit"
    new_data["dasar_hukum"] = ["UU 23/2014 tentang Pemerintahan Daerah Provinsi", "Baru"]
    new_data["peringatan"] = "Jika tidak dilaksanakan, data terlambat"
    return sopdoc.Sop.model_validate(old_data), sopdoc.Sop.model_validate(new_data)


@pytest.mark.parametrize("case", ["kebasen", "synthetic", "long"])
@pytest.mark.parametrize("accept", [True, False], ids=["accept", "reject"])
def test_accept_all_gives_new_and_reject_all_gives_old(
    case: str, accept: bool, tmp_path: Path
) -> None:
    if case == "kebasen":
        old, new = sopdoc.load(OLD), sopdoc.load(NEW)
    elif case == "synthetic":
        old, new = changed_pair()
    else:  # many pages, a drawing that moves, lanes renamed
        old = long_sop()
        data = old.model_dump(mode="json", exclude_none=True)
        data["kegiatan"].insert(3, {"aktivitas": "Langkah sisipan", "pelaksana": "camat"})
        data["kegiatan"][12]["aktivitas"] = "Meneruskan berkas yang sudah diperiksa"
        new = sopdoc.Sop.model_validate(data)
    redline = read(write_redline(old, new, None, tmp_path / "r.docx"))
    official = read(sopdoc.build_docx(new if accept else old, tmp_path / "official.docx"))
    body = redline.element.body
    resolve(body, accept)
    assert not list(body.iter(qn("w:delText")))
    assert not list(body.iter(qn("w:ins"))) and not list(body.iter(qn("w:del")))
    expected = [plain(p) for p in official.element.body.iter(qn("w:p"))]
    assert texts_after_summary(body) == expected
    assert drawings(body) == drawings(official)
    assert page_breaks(body) == page_breaks(official.element.body)


def test_a_changed_value_keeps_its_space() -> None:
    assert spaced_diff("15 menit", "20 menit") == [("-", "15 "), ("+", "20 "), ("", "menit")]
    assert spaced_diff("Berkas lama", "Berkas baru") == [
        ("", "Berkas"),
        ("-", " lama"),
        ("+", " baru"),
    ]


def test_without_tanggal_revisi_the_date_comes_from_the_specs(monkeypatch: Any) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    old, new = changed_pair()
    assert new.tanggal.revisi is None
    document = docx.Document(io.BytesIO(render_redline(old, new)))
    dates = {m.get(qn("w:date")) for m in document.element.body.iter(qn("w:ins"))}
    latest = max(d for d in (new.tanggal.pembuatan, new.tanggal.efektif) if d)
    assert dates == {f"{latest.isoformat()}T00:00:00Z"}
    summary = "\n".join(p.text for p in document.paragraphs[:8])
    assert latest.isoformat() in summary
