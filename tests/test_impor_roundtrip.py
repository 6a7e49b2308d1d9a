"""Round trip: the generated SOPs of the test suite, built, then imported, give back the spec.

Three levels: the assembler alone on a perfect reading of the layout (every SOP,
fast), the DOCX reader on the built DOCX, and the PDF reader on one LibreOffice
batch of the built PDFs. Lanes 1-12, decisions with back and forward arrows,
several lanes per step, several pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bahan_layout import bahan_dari_layout
from sama import beda
from sopdoc import Sop, build_docx
from sopdoc.impor import import_bahan, import_file
from sopgen import base, long_sop

LABELS = [
    ("camat", "Camat"),
    ("sekcam", "Sekretaris Camat"),
    ("kasubag_umum", "Kasubag Umum dan Kepegawaian"),
    ("kasi_pem", "Kasi Pemerintahan"),
    ("kasi_trantib", "Kasi Trantib"),
    ("kasi_kesos", "Kasi Kesos"),
    ("kasi_pmd", "Kasi PMD"),
    ("pengelola", "Pengelola"),
    ("petugas", "Petugas PATEN"),
    ("pemohon", "Pemohon"),
    ("bendahara", "Bendahara"),
    ("kades", "Kepala Desa"),
]


def lanes_sop(n_lanes: int, n_steps: int, seed: int = 0) -> Sop:
    """``n_steps`` steps over ``n_lanes`` lanes, a decision back, one forward, one joint step."""
    lanes = LABELS[:n_lanes]
    steps: list[dict[str, Any]] = []
    for i in range(n_steps):
        lane = lanes[(i * 3 + seed) % n_lanes][0]
        steps.append(
            {
                "aktivitas": f"Langkah {i + 1}: memeriksa berkas tahap {i + 1} dan meneruskannya",
                "pelaksana": lane,
                "kelengkapan": f"Berkas tahap {i}",
                "waktu": ["5 menit", "1 jam", "1 hari", "2 HK"][i % 4],
                "output": f"Berkas tahap {i + 1}",
            }
        )
    if n_steps >= 5:
        steps[3]["jika_tidak"] = 2
        steps[3]["keterangan"] = "Jika tidak lengkap, kembali ke langkah 2"
    if n_steps >= 8:
        steps[5]["jika_tidak"] = 8  # forward: skips steps
    if n_lanes >= 2 and n_steps >= 4:
        steps[2]["pelaksana"] = [lanes[0][0], lanes[1][0]]
    return Sop.model_validate(base(pelaksana=dict(lanes), kegiatan=steps))


CASES = {
    "base": lambda: Sop.model_validate(base()),
    "long-6-lanes-multipage": long_sop,
    "long-f4": lambda: long_sop("F4"),
    "1-lane": lambda: lanes_sop(1, 4),
    "2-lanes": lambda: lanes_sop(2, 6),
    "4-lanes": lambda: lanes_sop(4, 9, 1),
    "8-lanes": lambda: lanes_sop(8, 12, 2),
    "12-lanes": lambda: lanes_sop(12, 14, 3),
    "12-lanes-30-steps": lambda: lanes_sop(12, 30, 5),
}


def as_printed(sop: Sop) -> Sop:
    """``sop`` with each lane label as the document prints it: a title that fits its lane
    in no readable size is abbreviated by the documented table (sopdoc.layout.lajur,
    issue 13), and an import reads that abbreviation back."""
    from sopdoc.impor.normal import judul
    from sopdoc.layout import layout_prosedur

    labels = {}
    for (lane_id, label), lines in zip(
        sop.pelaksana.items(), layout_prosedur(sop).lane_titles, strict=True
    ):
        printed = ""
        for line in lines:  # a line ending in a slash or a hyphen joins the next without space
            printed += line if not printed or printed[-1] in "/-" else " " + line
        labels[lane_id] = label if printed == " ".join(label.upper().split()) else judul(printed)
    return sop.model_copy(update={"pelaksana": labels})


@pytest.mark.parametrize("name", sorted(CASES))
def test_assembler_gives_back_every_field(name: str) -> None:
    sop = CASES[name]()
    result = import_bahan(bahan_dari_layout(sop))
    assert len(result.sops) == 1
    assert beda(result.sop, as_printed(sop)) == []


def test_assembler_reads_what_real_documents_draw() -> None:
    """Several symbols in one row, named labels, a 'Tidak' into the start terminator."""
    data = base(
        pelaksana={"pemohon": "Pemohon", "petugas": "Petugas PATEN", "camat": "Camat"},
        kegiatan=[
            {
                "aktivitas": "Mengajukan permohonan",
                "pelaksana": ["pemohon", "petugas"],
                "bentuk": ["terminator", "proses"],
            },
            {
                "aktivitas": "Memverifikasi berkas",
                "pelaksana": "petugas",
                "jika_tidak": 1,
                "label_ya": "Y",
                "label_tidak": "Belum valid",
            },
            {"aktivitas": "Menilai", "pelaksana": "camat", "jika_tidak": 5, "label_ya": ""},
            {"aktivitas": "Memaraf", "pelaksana": "petugas", "bentuk": "proses"},
            {"aktivitas": "Menandatangani", "pelaksana": "camat"},
        ],
    )
    sop = Sop.model_validate(data)
    result = import_bahan(bahan_dari_layout(sop))
    assert beda(result.sop, sop) == []
    got = result.sop.kegiatan
    assert got[0].bentuk == ["terminator", "proses"]
    assert (got[1].label_ya, got[1].label_tidak) == ("Y", "Belum valid")
    assert got[2].label_ya == ""


def test_assembler_reads_the_drawing_not_the_texts() -> None:
    """With the drawing present nothing about the lanes is guessed."""
    result = import_bahan(bahan_dari_layout(long_sop()))
    report = result.hasil[0].laporan
    assert not [b for b in report.butir if b.jenis.value == "ditebak"]
    assert report.yakin()["diagram"] == 1.0


def _reader(name: str) -> None:
    import importlib

    try:
        module = importlib.import_module(f"sopdoc.impor.{name}")
    except ImportError:
        pytest.skip(f"the {name} reader is not on this branch yet")
    if not hasattr(module, f"baca_{name}"):
        pytest.skip(f"the {name} reader is not on this branch yet")


DOCX_CASES = ["base", "long-6-lanes-multipage", "1-lane", "4-lanes", "12-lanes"]


@pytest.mark.parametrize("name", DOCX_CASES)
def test_docx_round_trip(name: str, tmp_path: Path) -> None:
    _reader("docx")
    sop = CASES[name]()
    path = build_docx(sop, tmp_path / f"{name}.docx")
    result = import_file(path)
    assert len(result.sops) == 1
    assert beda(result.sop, as_printed(sop)) == []


PDF_CASES = ["base", "long-6-lanes-multipage", "2-lanes", "12-lanes"]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The PDFs of the PDF cases, converted in one LibreOffice run."""
    _reader("pdf")
    from sopdoc.pdf.convert import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    from sopdoc import build_pdf

    out = tmp_path_factory.mktemp("pdf")
    sops = [CASES[name]() for name in PDF_CASES]
    results = build_pdf(sops, out)
    return {name: Path(r.job.pdf) for name, r in zip(PDF_CASES, results, strict=True)}


@pytest.mark.parametrize("name", PDF_CASES)
def test_pdf_round_trip(name: str, pdfs: dict[str, Path]) -> None:
    sop = CASES[name]()
    result = import_file(pdfs[name])
    assert len(result.sops) == 1
    assert beda(result.sop, as_printed(sop)) == []


def test_docx_round_trip_of_a_generated_catalog(tmp_path: Path) -> None:
    """The benchmark catalog's SOPs (3-6 lanes, 5-25 steps, copy-paste defects kept)."""
    _reader("docx")
    from bench.catalog import generate_catalog

    import sopdoc

    generate_catalog(tmp_path / "specs", 4, seed=11)
    for i, sop in enumerate(sopdoc.load_catalog(tmp_path / "specs").sops):
        path = build_docx(sop, tmp_path / f"sop-{i}.docx")
        assert beda(import_file(path).sop, sop) == [], path.name
