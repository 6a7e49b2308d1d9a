"""The semantic diff: exact change lists for each kind of edit, and apply(old, diff) == new."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sopdoc
from sopdoc.perbandingan import apply, diff
from sopdoc.perbandingan.model import (
    ButirDihapus,
    ButirDitambah,
    ButirDiubah,
    KolomDiubah,
    LangkahDihapus,
    LangkahDipindah,
    LangkahDisisipkan,
    LangkahDiubah,
    NilaiDiubah,
    PelaksanaDipindah,
    PelaksanaDitambah,
    PelaksanaDiubah,
    Penomoran,
    Perbandingan,
)

ROOT = Path(__file__).resolve().parents[1]
KEBASEN = ROOT / "specs" / "kecamatan-kebasen"
EXAMPLE = ROOT / "examples" / "revisi-pengumpulan"

STEPS = [
    ("Menelaah Surat Bupati dan mendisposisikan ke Sekcam", "camat", "Disposisi Camat"),
    ("Menelaah disposisi dan mendisposisi kepada Kasubag", "sekcam", "Disposisi Sekcam"),
    ("Menganalisa surat dan mengumpulkan data bersama seksi", "kasubag", "Bahan pengumpulan"),
    ("Menyampaikan data yang diperlukan untuk penyusunan", "seksi", "Draft data kinerja"),
    ("Mengunggah di aplikasi dan mengolah data", "kasubag", "Draft olahan"),
    ("Menerima konsep dan meneruskan ke Camat", "sekcam", "Konsep dokumen"),
    ("Menerima konsep dan menyetujuinya", "camat", "Dokumen disetujui"),
    ("Menginput realisasi kegiatan dan mengarsipkan", "kasubag", "Arsip"),
]


def base() -> dict[str, Any]:
    return {
        "nomor": "PK / 011 / 2024",
        "nama": "Pengumpulan Data Kinerja",
        "instansi": "Pemerintah Kabupaten Banyumas",
        "unit": "Kecamatan Kebasen",
        "tanggal": {"pembuatan": "2024-01-09"},
        "disahkan_oleh": {"jabatan": "Camat Kebasen", "nama": "WAHYU"},
        "dasar_hukum": ["UU 25/2004 tentang SPPN", "UU 23/2014 tentang Pemerintahan Daerah"],
        "pelaksana": {"camat": "Camat", "sekcam": "Sekcam", "kasubag": "Kasubag", "seksi": "Seksi"},
        "kegiatan": [
            {"aktivitas": a, "pelaksana": p, "waktu": "1 hari", "output": o} for a, p, o in STEPS
        ],
    }


def sop(data: dict[str, Any]) -> sopdoc.Sop:
    return sopdoc.Sop.model_validate(data)


def check(old: dict[str, Any], new: dict[str, Any]) -> Perbandingan:
    """The diff, after checking that applying it to old rebuilds new exactly."""
    a, b = sop(old), sop(new)
    d = diff(a, b)
    assert apply(a, d).model_dump() == b.model_dump()
    assert Perbandingan.model_validate_json(d.model_dump_json()) == d
    return d


def test_identical_revisions_have_no_change() -> None:
    d = check(base(), base())
    assert d.kosong
    assert d.dampak.penomoran == []


def test_inserting_a_step_is_one_insertion() -> None:
    new = base()
    step = {"aktivitas": "Memverifikasi kelengkapan data dari seksi", "pelaksana": "kasubag"}
    new["kegiatan"].insert(4, step)
    d = check(base(), new)
    assert d.perubahan == [LangkahDisisipkan(nomor_baru=5, kegiatan=step)]
    assert d.dampak.penomoran == [Penomoran(lama=n, baru=n + 1) for n in range(5, 9)]
    assert d.dampak.total_menit_baru == d.dampak.total_menit_lama


def test_deleting_a_step_is_one_deletion() -> None:
    new = base()
    gone = new["kegiatan"].pop(1)
    d = check(base(), new)
    assert d.perubahan == [LangkahDihapus(nomor_lama=2, kegiatan=gone)]
    assert d.dampak.total_menit_lama - d.dampak.total_menit_baru == 450
    assert d.dampak.jumlah_langkah_baru == 7


def test_moving_a_step_is_one_move() -> None:
    new = base()
    new["kegiatan"].insert(1, new["kegiatan"].pop(6))
    d = check(base(), new)
    assert d.perubahan == [LangkahDipindah(nomor_lama=7, nomor_baru=2, aktivitas=STEPS[6][0])]


def test_rewording_a_step_changes_only_that_column() -> None:
    new = base()
    new["kegiatan"][3]["aktivitas"] = "Menyampaikan data yang diperlukan untuk penyusunan laporan"
    d = check(base(), new)
    assert d.perubahan == [
        LangkahDiubah(
            nomor_lama=4,
            nomor_baru=4,
            kolom=[
                KolomDiubah(
                    kolom="aktivitas",
                    lama=STEPS[3][0],
                    baru="Menyampaikan data yang diperlukan untuk penyusunan laporan",
                )
            ],
            aktivitas="Menyampaikan data yang diperlukan untuk penyusunan laporan",
        )
    ]


def test_every_changed_column_is_reported() -> None:
    new = base()
    step = new["kegiatan"][2]
    step.update(pelaksana=["kasubag", "seksi"], waktu="3 hari", keterangan="bersama seksi")
    d = check(base(), new)
    (change,) = d.perubahan
    assert isinstance(change, LangkahDiubah)
    assert [(k.kolom, k.lama, k.baru) for k in change.kolom] == [
        ("pelaksana", "kasubag", ["kasubag", "seksi"]),
        ("waktu", "1 hari", "3 hari"),
        ("keterangan", None, "bersama seksi"),
    ]
    assert d.dampak.total_menit_baru - d.dampak.total_menit_lama == 900


def test_renumbering_alone_is_no_content_change() -> None:
    """A decision pointing back by number follows its step: 5 -> 6 after an insertion."""
    old = base()
    old["kegiatan"][5]["jika_tidak"] = 5
    new = copy.deepcopy(old)
    new["kegiatan"].insert(0, {"aktivitas": "Menerima Surat Bupati di loket", "pelaksana": "seksi"})
    new["kegiatan"][6]["jika_tidak"] = 6
    d = check(old, new)
    assert [c.jenis for c in d.perubahan] == ["langkah_disisipkan"]
    assert d.dampak.penomoran[0] == Penomoran(lama=1, baru=2)


def test_decision_target_left_behind_by_renumbering_is_a_change() -> None:
    old = base()
    old["kegiatan"][5]["jika_tidak"] = 5
    new = copy.deepcopy(old)
    new["kegiatan"].insert(0, {"aktivitas": "Menerima Surat Bupati di loket", "pelaksana": "seksi"})
    d = check(old, new)  # still "5": now the step that was 4
    change = d.of("langkah_diubah")[0]
    assert isinstance(change, LangkahDiubah)
    assert change.kolom == [KolomDiubah(kolom="jika_tidak", lama=5, baru=5)]
    assert change.tujuan_lama == STEPS[4][0]
    assert change.tujuan_baru == STEPS[3][0]


def test_steps_with_ids_match_by_id_even_when_reworded_entirely() -> None:
    old = base()
    old["kegiatan"][2]["id"] = "analisa"
    new = copy.deepcopy(old)
    new["kegiatan"][2]["aktivitas"] = "Sesuatu yang sama sekali lain"
    new["kegiatan"].insert(0, new["kegiatan"].pop(2))
    d = check(old, new)
    assert [c.jenis for c in d.perubahan] == ["langkah_dipindah", "langkah_diubah"]


def test_section_items_added_removed_reworded() -> None:
    new = base()
    new["dasar_hukum"] = [
        "UU 23/2014 tentang Pemerintahan Daerah Provinsi",
        "Permendagri 86/2017",
    ]
    d = check(base(), new)
    assert d.perubahan == [
        ButirDihapus(bagian="dasar_hukum", nomor_lama=1, nilai="UU 25/2004 tentang SPPN"),
        ButirDiubah(
            bagian="dasar_hukum",
            nomor_lama=2,
            nomor_baru=1,
            lama="UU 23/2014 tentang Pemerintahan Daerah",
            baru="UU 23/2014 tentang Pemerintahan Daerah Provinsi",
        ),
        ButirDitambah(bagian="dasar_hukum", nomor_baru=2, nilai="Permendagri 86/2017"),
    ]


def test_lanes_added_renamed_reordered() -> None:
    new = base()
    new["pelaksana"] = {
        "camat": "Camat",
        "kasubag": "Kasubag Perencanaan",
        "sekcam": "Sekcam",
        "kepala_seksi": "Seksi",
        "pengelola": "Pengelola",
    }
    for step in new["kegiatan"]:
        if step["pelaksana"] == "seksi":
            step["pelaksana"] = "kepala_seksi"
    d = check(base(), new)
    # sekcam and kasubag swapped places: one lane moved (the other kept its order)
    assert d.perubahan == [
        PelaksanaDiubah(
            id_lama="kasubag",
            id_baru="kasubag",
            label_lama="Kasubag",
            label_baru="Kasubag Perencanaan",
        ),
        PelaksanaDipindah(id="sekcam", label="Sekcam", kolom_lama=2, kolom_baru=3),
        PelaksanaDiubah(
            id_lama="seksi", id_baru="kepala_seksi", label_lama="Seksi", label_baru="Seksi"
        ),
        PelaksanaDitambah(id="pengelola", label="Pengelola", kolom_baru=5),
    ]


def test_identity_values() -> None:
    new = base()
    new["tanggal"]["revisi"] = "2024-06-03"
    new["nomor"] = "PK / 011 / 2024 / R1"
    d = check(base(), new)
    assert d.perubahan == [
        NilaiDiubah(path=("nomor",), lama="PK / 011 / 2024", baru="PK / 011 / 2024 / R1"),
        NilaiDiubah(path=("tanggal", "revisi"), lama=None, baru="2024-06-03"),
    ]


def test_kebasen_revision_example() -> None:
    old = sopdoc.load(KEBASEN / "011-pengumpulan-data-kinerja.yaml")
    new = sopdoc.load(EXAMPLE / "011-pengumpulan-data-kinerja.yaml")
    d = diff(old, new)
    assert apply(old, d).model_dump() == new.model_dump()
    steps = [c for c in d.perubahan if c.jenis.startswith("langkah")]
    assert [c.jenis for c in steps] == ["langkah_diubah", "langkah_disisipkan", "langkah_diubah"]
    fix = steps[0]
    assert isinstance(fix, LangkahDiubah) and fix.nomor_baru == 4
    assert fix.kolom[0].baru == "Draft Pengumpulan Data Kinerja"


# -- property: applying the reported changes to OLD gives NEW ------------------------

WORDS = [
    "menerima", "surat", "bupati", "konsep", "data", "kinerja", "camat", "sekcam", "seksi",
    "mengolah", "laporan", "arsip", "aplikasi", "dokumen", "disposisi", "verifikasi", "draft",
    "menyusun", "menyetujui", "mengirim", "rapat", "undangan", "anggaran", "realisasi",
]  # fmt: skip
text = st.lists(st.sampled_from(WORDS), min_size=2, max_size=6).map(" ".join)
lane_ids = st.sampled_from(["camat", "sekcam", "kasubag", "seksi", "pengelola", "staf"])


@st.composite
def steps(draw: st.DrawFn, lanes: list[str]) -> dict[str, Any]:
    step: dict[str, Any] = {"aktivitas": draw(text), "pelaksana": draw(st.sampled_from(lanes))}
    for kolom, values in [
        ("id", st.sampled_from(["a", "b", "c", "verif"])),
        ("kelengkapan", text),
        ("waktu", st.sampled_from(["5 menit", "1 jam", "1 hari", "3 hari"])),
        ("output", text),
        ("keterangan", text),
        ("jika_tidak", st.integers(1, 9) | st.sampled_from(["a", "b"])),
    ]:
        if draw(st.booleans()):
            step[kolom] = draw(values)
    if draw(st.integers(0, 5)) == 0:
        step["pelaksana"] = draw(st.lists(st.sampled_from(lanes), min_size=1, max_size=2))
    return step


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(st.lists(lane_ids, min_size=1, max_size=5, unique=True))
    data = base()
    labels = st.sampled_from(["Camat", "Sekcam", "Seksi", "Staf"])
    data["pelaksana"] = {i: draw(labels) for i in ids}
    data["kegiatan"] = draw(
        st.lists(steps(ids), min_size=1, max_size=8, unique_by=lambda s: s["aktivitas"])
    )
    data["dasar_hukum"] = draw(st.lists(text, max_size=4))
    return data


@st.composite
def revisions(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """An old spec and an edited copy, edited the way a secretariat would."""
    old = draw(specs())
    new = copy.deepcopy(old)
    lanes = list(new["pelaksana"])
    # each step with the old index it came from (None: inserted), to renumber references
    k: list[tuple[int | None, dict[str, Any]]] = list(enumerate(new["kegiatan"]))
    ops = ["insert", "delete", "move", "edit", "item", "lane", "rename", "value"]
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(ops))
        if op == "insert":
            k.insert(draw(st.integers(0, len(k))), (None, draw(steps(lanes))))
        elif op == "delete" and len(k) > 1:
            k.pop(draw(st.integers(0, len(k) - 1)))
        elif op == "move":
            k.insert(draw(st.integers(0, len(k) - 1)), k.pop(draw(st.integers(0, len(k) - 1))))
        elif op == "edit":
            i = draw(st.integers(0, len(k) - 1))
            k[i] = (k[i][0], {**k[i][1], **draw(steps(lanes))})
        elif op == "item":
            new["dasar_hukum"] = draw(st.permutations(new["dasar_hukum"])) + draw(
                st.lists(text, max_size=1)
            )
        elif op == "lane":
            items = draw(st.permutations(list(new["pelaksana"].items())))
            if draw(st.booleans()):
                items.append(("baru", "Pelaksana Baru"))
            new["pelaksana"] = dict(items)
        elif op == "rename":  # a lane id renamed everywhere it is used
            before = draw(st.sampled_from(list(new["pelaksana"])))
            after = before + "_x"
            new["pelaksana"] = {after if i == before else i: v for i, v in new["pelaksana"].items()}
            for _o, step in k:
                p = step["pelaksana"]
                step["pelaksana"] = (
                    [after if x == before else x for x in p] if isinstance(p, list)
                    else (after if p == before else p)
                )  # fmt: skip
            lanes = list(new["pelaksana"])
        else:
            new["tanggal"]["revisi"] = "2025-02-03"
            new["peringatan"] = draw(text)
    if draw(st.booleans()):  # a careful editor renumbers the decisions' targets
        where = {o: j for j, (o, _s) in enumerate(k) if o is not None}
        for _o, step in k:
            ref = step.get("jika_tidak")
            if isinstance(ref, int) and ref - 1 in where:
                step["jika_tidak"] = where[ref - 1] + 1
    new["kegiatan"] = [step for _o, step in k]
    return old, new


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revisions())
def test_applying_the_changes_to_old_gives_new(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    old, new = pair
    check(old, new)


@settings(max_examples=150, deadline=None)
@given(specs(), specs())
def test_applying_the_changes_between_unrelated_specs(a: dict[str, Any], b: dict[str, Any]) -> None:
    check(a, b)


def test_diff_is_exported() -> None:
    assert sopdoc.diff is diff
