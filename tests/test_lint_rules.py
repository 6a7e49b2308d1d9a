"""Focused cases beyond the documented examples: aliases, regions, options, near-misses."""

from __future__ import annotations

from pathlib import Path

from sopdoc.pemeriksaan import LintConfig, lint
from sopdoc.pemeriksaan.examples import BASE, merge
from sopdoc.pemeriksaan.peran import PeranRef, load_peran


def run(tmp_path: Path, *snippets: str, select: list[str] | None = None, **opts: object):
    folder = tmp_path / "k"
    folder.mkdir(parents=True)
    for n, snip in enumerate(snippets, 1):
        (folder / f"{n:03d}.yaml").write_text(merge(BASE, snip), encoding="utf-8")
    cfg = LintConfig(select=select, options=dict(opts))  # type: ignore[arg-type]
    result = lint(folder, config=cfg)
    assert not result.load_errors, result.load_errors
    return result.findings


def test_role_aliases() -> None:
    peran = load_peran()
    kasubag = PeranRef("kasubag")
    assert peran.label("Kasi/Kasubag") == (PeranRef("kasi"), kasubag)
    assert peran.label("Seluruh Kepala Seksi") == (PeranRef("kasi"),)
    assert peran.label("Sekretaris Camat") == peran.label("Sekcam") == (PeranRef("sekcam"),)
    assert peran.label("Kepala Sub Bagian Perencanaan") == peran.label("Kasubbag Perencanaan")
    assert peran.label("Kasi Ketentraman dan Ketertiban Umum") == peran.label("Kasi Trantib")
    assert peran.label("Tim Teknis") == ()
    perencanaan = peran.label("Kasubag Perencanaan")[0]
    assert kasubag.covers(perencanaan) and not kasubag.covers_exactly(perencanaan)
    assert peran.label("Kasubag Perencanaan dan Keuangan")[0].covers_exactly(perencanaan)
    assert not peran.label("Kasubag Umum")[0].covers(perencanaan)


STEPS = """\
pelaksana:
  sekcam: Sekcam
  kasubag: {label}
  camat: Camat
kegiatan:
  - aktivitas: Menelaah disposisi dan mendisposisi kepada Kasubag Perencanaan
    pelaksana: sekcam
    output: Disposisi Sekcam
  - aktivitas: Menyusun konsep dan menyampaikan ke Camat
    pelaksana: {step2}
    kelengkapan: Disposisi Sekcam
    output: Konsep
  - aktivitas: Menandatangani konsep dari Kasubag Perencanaan
    pelaksana: camat
    kelengkapan: Konsep
    output: Dokumen
"""


def test_handover_matches_through_aliases(tmp_path: Path) -> None:
    steps = STEPS.format(label="Kepala Sub Bagian Perencanaan", step2="kasubag")
    assert run(tmp_path, steps, select=["A107", "A108"]) == []


def test_handover_to_the_wrong_lane(tmp_path: Path) -> None:
    steps = STEPS.format(label="Kasubag Umum", step2="kasubag")
    found = run(tmp_path, steps, select=["A107"])
    # "kepada Kasubag Perencanaan" goes to a Kasubag Umum lane; "dari Kasubag Perencanaan" too
    assert [(f.code, f.path) for f in found] == [
        ("A107", "kegiatan[1].aktivitas"),
        ("A107", "kegiatan[3].aktivitas"),
    ]
    assert "menyerahkan ke Kasubag Perencanaan" in found[0].message
    assert "'Kasubag Umum'" in found[0].message


def test_handover_to_someone_without_a_lane_is_not_judged(tmp_path: Path) -> None:
    steps = STEPS.format(label="Kasubag Perencanaan", step2="kasubag").replace(
        "menyampaikan ke Camat", "menyampaikan ke Bupati"
    )
    assert run(tmp_path, steps, select=["A107", "A108"]) == []


def test_foreign_region_from_the_issue(tmp_path: Path) -> None:
    snippet = (
        "unit: Kecamatan Galang\ninstansi: Pemerintah Kota Batam\n"
        "kop:\n  - PEMERINTAH KOTA BATAM\n  - KECAMATAN GALANG\n"
        "disahkan_oleh:\n  jabatan: Camat Galang\n  nama: A\n"
        "peralatan_perlengkapan:\n  - Dokumen Renja Kota Mataram Tahun 2024\n"
        "  - Dokumen Renja Kota Batam Tahun 2024\n  - Peta Kecamatan Galang\n"
    )
    found = run(tmp_path, snippet, select=["N102"])
    # Issue 10: the message also says where the foreign region lies (official list of regions).
    assert [(f.path, f.message) for f in found] == [
        (
            "peralatan_perlengkapan[1]",
            "Peralatan/perlengkapan butir 1 menyebut 'Kota Mataram', padahal SOP ini milik "
            "Kecamatan Galang, Pemerintah Kota Batam; Kota Mataram terletak di Provinsi Nusa "
            "Tenggara Barat",
        )
    ]


def test_own_subject_in_a_longer_name_is_not_foreign(tmp_path: Path) -> None:
    a = "nama: Pengukuran Data Kinerja\npencatatan_pendataan:\n  - Arsip Pengukuran Data Kinerja\n"
    b = (
        "nomor: PK. KEC. KBS / 021 / I / 2024\nnama: Laporan Pengukuran Data Kinerja\n"
        "pencatatan_pendataan:\n  - Arsip Laporan Pengukuran Data Kinerja\n"
    )
    assert run(tmp_path, a, b, select=["N101"]) == []


def test_keterkaitan_by_nomor_is_reciprocal(tmp_path: Path) -> None:
    a = "nama: Pengukuran Data Kinerja\nketerkaitan:\n  - PK.KEC.KBS/021/I/2024\n"
    b = (
        "nomor: PK. KEC. KBS / 021 / I / 2024\nnama: Pengumpulan Data Kinerja\n"
        "keterkaitan:\n  - sop PENGUKURAN data kinerja\n"
    )
    assert run(tmp_path, a, b, select=["K"]) == []


def test_rule_options_from_configuration(tmp_path: Path) -> None:
    slow = BASE.split("kegiatan:")[1].replace("waktu: 15 menit", "waktu: 20 hari")
    snippet = "kegiatan:" + slow
    assert [f.code for f in run(tmp_path, snippet, select=["W102"])] == []
    found = run(tmp_path / "b", snippet, select=["W102"], W102={"maks_hari": 10})
    assert [f.code for f in found] == ["W102"]


def test_case_only_difference_is_not_a_spelling_variant(tmp_path: Path) -> None:
    a = "pencatatan_pendataan:\n  - Buku register surat keterangan\n"
    b = (
        "nomor: PK. KEC. KBS / 021 / I / 2024\n"
        "pencatatan_pendataan:\n  - Buku Register Surat Keterangan\n"
    )
    assert run(tmp_path, a, b, select=["F104"]) == []


def test_nomor_without_roman_month_is_not_judged(tmp_path: Path) -> None:
    assert run(tmp_path, "nomor: 800/020/2024\n", select=["I103"]) == []
    found = run(tmp_path / "b", "nomor: 800/020/2023\n", select=["I103"])
    assert [f.code for f in found] == ["I103"] and "tahun 2023" in found[0].message


def test_total_waktu_is_written_in_working_days() -> None:
    from sopdoc.pemeriksaan.durasi import format_durasi

    assert format_durasi(0) == "0 menit"
    assert format_durasi(10) == "10 menit"
    assert format_durasi(450 + 70) == "1 hari 1 jam 10 menit"  # a working day is 7.5 hours
    assert format_durasi(15 * 450 + 10) == "15 hari 10 menit"


def test_baseline_hides_each_recorded_finding_once() -> None:
    from collections import Counter

    from sopdoc.errors import Location
    from sopdoc.pemeriksaan import Finding, Severity
    from sopdoc.pemeriksaan.baseline import apply_baseline, key

    a = Finding("F103", Severity.INFO, "Spasi ganda", Location("k/a.yaml", 3, 1), "nama")
    moved = Finding("F103", Severity.INFO, "Spasi ganda", Location("k/a.yaml", 9, 1), "nama")
    kept, hidden = apply_baseline([moved, moved], Counter([key(a)]))
    assert hidden == 1 and kept == [moved]  # line moved: still known; the second is new


def test_github_annotations_escape_their_separators() -> None:
    from sopdoc.errors import Location
    from sopdoc.pemeriksaan import Finding, Severity
    from sopdoc.pemeriksaan.report.github import render
    from sopdoc.pemeriksaan.runner import LintResult

    f = Finding("A101", Severity.ERROR, "a: b, 100%\nc", Location("d,e:f.yaml", 2, 3), "x")
    (line,) = render(LintResult(findings=[f])).splitlines()
    assert line == "::error file=d%2Ce%3Af.yaml,line=2,col=3,title=A101::a: b, 100%25%0Ac [x]"
