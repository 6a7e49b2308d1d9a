"""Issue 13's layout rules: lane titles never cut inside a word, pages filled, the title line,
a body that never ends in a table."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

import sopdoc
from sopdoc import Sop, SpecLoadError
from sopdoc.layout import layout_prosedur
from sopdoc.layout.judul import judul_prosedur
from sopdoc.layout.lajur import FLOOR, LAST_RESORT, abbreviations, fit_title, pieces
from sopdoc.layout.metrics import text_width
from sopgen import base, corpus

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs" / "kecamatan-kebasen"


def sop_with_lanes(labels: list[str], steps: int = 6, **extra: Any) -> Sop:
    lanes = {f"l{i}": label for i, label in enumerate(labels)}
    ids = list(lanes)
    kegiatan = [
        {"aktivitas": f"Langkah {i + 1}", "pelaksana": ids[i % len(ids)], "waktu": "5 menit"}
        for i in range(steps)
    ]
    return Sop.model_validate(base(pelaksana=lanes, kegiatan=kegiatan, **extra))


def words_whole(title: str, lines: list[str]) -> bool:
    """Whether the lines are the title's pieces, each whole (breaks only at space, / and -)."""
    return [p for line in lines for p, _ in pieces(line)] == [p for p, _ in pieces(title)]


@pytest.mark.parametrize("n_lanes", [1, 3, 4, 6, 8, 10, 12])
@pytest.mark.parametrize(
    "label", ["Kasi Kesejahteraan Sosial", "Pemerintahan/Trantib", "Kesejahteraan Sosial"]
)
def test_lane_titles_break_only_between_words(n_lanes: int, label: str) -> None:
    labels = [label] + [f"Lajur {i}" for i in range(1, n_lanes)]
    layout = layout_prosedur(sop_with_lanes(labels))
    lines, size = layout.lane_titles[0], layout.lane_title_sizes[0]
    assert size >= FLOOR
    # the title as written, or one of its documented abbreviations, never a cut word
    assert any(words_whole(t, lines) for t in abbreviations(label.upper())), lines
    width = layout.lane_columns[0].width - 2 * layout.style.lane_title_pad_x
    assert all(text_width(line, size, True) <= width for line in lines)


def test_no_lane_title_of_the_corpus_is_cut() -> None:
    """Over the generated corpus (1-12 lanes): every title whole or abbreviated by the table,
    at the floor size or above except where a lane is narrower than a word at the floor."""
    below = 0
    for sop in corpus(48):
        layout = layout_prosedur(sop)
        for col, lines, size in zip(
            layout.lane_columns, layout.lane_titles, layout.lane_title_sizes, strict=True
        ):
            assert any(words_whole(t, lines) for t in abbreviations(col.title)), lines
            assert size >= LAST_RESORT
            below += size < FLOOR
            if size < FLOOR:
                assert len(sop.pelaksana) >= 10, (col.title, size)
    assert below < 48


def test_long_titles_keep_their_words_where_the_lane_allows() -> None:
    layout = layout_prosedur(sop_with_lanes(["Kesejahteraan Sosial", "Pemerintahan/Trantib"]))
    assert layout.lane_titles[:2] == [["KESEJAHTERAAN", "SOSIAL"], ["PEMERINTAHAN/", "TRANTIB"]]


def test_abbreviation_only_when_nothing_else_fits() -> None:
    assert fit_title("KASI KESEJAHTERAAN SOSIAL", 30, 8) == (["KASI", "KESOS"], 8)
    assert fit_title("PEMERINTAHAN/TRANTIB", 30, 8)[0] == ["PEM/", "TRANTIB"]
    assert fit_title("SEKRETARIS CAMAT", 63, 8) == (["SEKRETARIS", "CAMAT"], 8)


def rows_per_page(sop: Sop) -> list[list[int]]:
    return [p.steps for p in layout_prosedur(sop).pages]


def test_sop_010_keeps_step_9_on_the_page_that_has_room() -> None:
    sop = sopdoc.load(SPECS / "010-pengukuran-data-kinerja.yaml")
    layout = layout_prosedur(sop)
    assert [p.steps for p in layout.pages] == [list(range(9))]
    assert layout.closing_new_page  # the signature block takes the next page, not step 9


def test_a_step_moves_only_when_its_row_does_not_fit() -> None:
    for steps in (9, 10, 11, 12, 14):
        sop = sop_with_lanes(["Camat", "Sekcam", "Kasi", "Pengelola"], steps=steps)
        layout = layout_prosedur(sop)
        avail = layout.page_height - layout.style.margin_bottom - layout.style.page_slack
        for page, nxt in zip(layout.pages, layout.pages[1:], strict=False):
            first = nxt.rows[0]
            # the next page's first row (with the connector room) would not have fitted
            assert page.rows[-1].bottom + first.height > avail - 1e-6
        last = layout.pages[-1]
        fits = last.rows[-1].bottom + layout.closing_height <= avail
        assert layout.closing_new_page == (not fits)
        assert len(layout.pages[-1].rows) > 1 or len(layout.pages) == 1 or not fits


def test_eleven_steps_do_not_leave_the_last_one_alone() -> None:
    sop = sop_with_lanes(["Camat", "Sekcam", "Kasi", "Pengelola"], steps=11)
    pages = rows_per_page(sop)
    assert len(pages[-1]) > 1 or len(pages) == 1


@pytest.mark.parametrize(
    ("nama", "judul", "expected"),
    [
        ("Pengukuran Data Kinerja", None, "SOP PELAKSANAAN PENGUKURAN DATA KINERJA"),
        ("Pelayanan Surat Keterangan Domisili", None, "SOP PELAYANAN SURAT KETERANGAN DOMISILI"),
        ("Penyusunan Rencana Kerja", None, "SOP PENYUSUNAN RENCANA KERJA"),
        ("SOP Pengarsipan", None, "SOP PENGARSIPAN"),
        ("Pengukuran Data Kinerja", "Prosedur {nama}", "PROSEDUR PENGUKURAN DATA KINERJA"),
    ],
)
def test_title_line(nama: str, judul: str | None, expected: str) -> None:
    extra = {"judul_prosedur": judul} if judul else {}
    sop = Sop.model_validate(base(nama=nama, **extra))
    assert judul_prosedur(sop) == expected == layout_prosedur(sop).title


def test_title_template_from_catalog_settings(tmp_path: Path) -> None:
    (tmp_path / "sopdoc.yaml").write_text('judul_prosedur: "SOP {nama} KECAMATAN"\n')
    spec = (SPECS / "010-pengukuran-data-kinerja.yaml").read_text()
    (tmp_path / "a.yaml").write_text(spec)
    settings = (SPECS / "sopdoc.yaml").read_text()
    (tmp_path / "sopdoc.yaml").write_text(settings + 'judul_prosedur: "SOP {nama} KECAMATAN"\n')
    sop = sopdoc.load(tmp_path / "a.yaml")
    assert layout_prosedur(sop).title == "SOP PENGUKURAN DATA KINERJA KECAMATAN"


def test_title_template_with_another_placeholder_is_a_spec_error(tmp_path: Path) -> None:
    spec = (SPECS / "010-pengukuran-data-kinerja.yaml").read_text()
    (tmp_path / "sopdoc.yaml").write_text((SPECS / "sopdoc.yaml").read_text())
    (tmp_path / "a.yaml").write_text(spec + 'judul_prosedur: "SOP {judul}"\n')
    with pytest.raises(SpecLoadError) as info:
        sopdoc.load(tmp_path / "a.yaml")
    assert "{nama}" in str(info.value)


def body_children(path: Path) -> list[str]:
    from lxml import etree

    xml = zipfile.ZipFile(path).read("word/document.xml")
    body = etree.fromstring(xml)[0]
    return [etree.QName(el).localname for el in body]


@pytest.mark.parametrize(
    "name", ["010-pengukuran-data-kinerja.yaml", "011-pengumpulan-data-kinerja.yaml"]
)
def test_the_body_never_ends_in_a_table(tmp_path: Path, name: str) -> None:
    out = sopdoc.build_docx(sopdoc.load(SPECS / name), tmp_path / "sop.docx")
    children = body_children(out)
    assert children[-1] == "sectPr" and children[-2] == "p"
    assert "tbl" in children[-4:]  # the signature table, then the 1 pt paragraph


def test_routing_over_the_corpus() -> None:
    """No breach of the drawing rules; every label inside one lane, clear of its borders;
    nearly every SOP keeps the full clearance; crossings are few."""
    from sopdoc.layout import geometry_problems
    from sopdoc.layout.metrik import ukur
    from sopdoc.layout.routing import CLEARANCE, LABEL_CLEARANCE

    sops = corpus(48)
    measures = []
    for sop in sops:
        layout = layout_prosedur(sop)
        assert geometry_problems(layout) == [], sop.nomor
        measures.append(ukur(layout))
    assert all(m.label_clearance >= LABEL_CLEARANCE - 1e-6 for m in measures)
    assert all(m.clearance >= 0.5 and m.label_gap >= 0.5 for m in measures)
    full = [
        m.clearance >= CLEARANCE - 1e-6 and m.label_gap >= LABEL_CLEARANCE - 1e-6 for m in measures
    ]
    assert sum(full) >= 0.9 * len(sops)
    assert sum(m.crossings for m in measures) <= len(sops) // 2
    assert all(m.pages <= m.min_pages + 1 for m in measures)


def test_a_back_arrow_takes_the_free_channel_over_a_crossing() -> None:
    """Step 4 returns to step 2 while step 3's arrow runs from lane 0 to lane 2: a route
    around the right of the lanes crosses nothing, and is taken though it is longer."""
    from sopdoc.layout.metrik import ukur

    steps = [
        {"aktivitas": "Mulai", "pelaksana": "a"},
        {"aktivitas": "Menyusun", "pelaksana": "b"},
        {"aktivitas": "Meneruskan", "pelaksana": "a"},
        {"aktivitas": "Memeriksa", "pelaksana": "c", "jika_tidak": 2},
        {"aktivitas": "Selesai", "pelaksana": "c"},
    ]
    sop = Sop.model_validate(
        base(pelaksana={"a": "Camat", "b": "Sekcam", "c": "Pengelola"}, kegiatan=steps)
    )
    assert ukur(layout_prosedur(sop)).crossings == 0
