"""Dasar hukum (H1xx) and signatory (T1xx) rules on the Kebasen catalog and on crafted catalogs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sopdoc.pemeriksaan import Finding, LintConfig, lint
from sopdoc.pemeriksaan.examples import BASE, merge
from sopdoc.peraturan import registri_bawaan

ROOT = Path(__file__).resolve().parents[1]
KEBASEN = ROOT / "specs" / "kecamatan-kebasen"
SOPDOC = str(Path(sys.executable).with_name("sopdoc"))


def only(findings: list[Finding], prefix: str) -> list[Finding]:
    return [f for f in findings if f.code.startswith(prefix)]


def write(folder: Path, name: str, snippet: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(merge(BASE, snippet), encoding="utf-8")
    return path


def test_kebasen_findings_are_exactly_the_real_mistakes() -> None:
    """`sopdoc lint specs/` (real CLI): the Kodefikasi/Kodifikasi line and nothing spurious."""
    run = subprocess.run(
        [SOPDOC, "lint", "--format", "json", "specs/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode in (0, 1), run.stderr
    data = json.loads(run.stdout)
    found = [
        (Path(f["file"]).name, f["line"], f["column"], f["code"])
        for f in data["findings"]
        if f["code"][0] in "HT"
    ]
    assert sorted(found) == sorted(
        [
            # UU 23/2014 cited without its amendments (info)
            ("010-pengukuran-data-kinerja.yaml", 17, 5, "H104"),
            # Permendagri 86/2017: the title lacks "serta Tata Cara Perubahan RPJPD, RPJMD"
            ("010-pengukuran-data-kinerja.yaml", 18, 5, "H102"),
            ("011-pengumpulan-data-kinerja.yaml", 29, 5, "H104"),
            ("011-pengumpulan-data-kinerja.yaml", 30, 5, "H102"),
            # Permendagri 90/2019: "Kodifikasi" where the official title has "Kodefikasi"
            ("011-pengumpulan-data-kinerja.yaml", 31, 5, "H102"),
            # Issue 10: "Tentang" capitalised inside the citations of UU 23/2014 and Permendagri
            # 86/2017 (UU 12/2011 Lampiran II writes "tentang") (info)
            ("010-pengukuran-data-kinerja.yaml", 17, 5, "H108"),
            ("010-pengukuran-data-kinerja.yaml", 18, 5, "H108"),
            ("011-pengumpulan-data-kinerja.yaml", 29, 5, "H108"),
            ("011-pengumpulan-data-kinerja.yaml", 30, 5, "H108"),
        ]
    )
    kodifikasi = next(
        f
        for f in data["findings"]
        if f["line"] == 31 and f["file"].endswith("011-pengumpulan-data-kinerja.yaml")
    )
    assert "'Kodifikasi' seharusnya 'Kodefikasi'" in kodifikasi["message"]
    assert "010-pengukuran-data-kinerja.yaml:19:5" in kodifikasi["message"]
    # line 19 of SOP 010 is the citation with the official spelling
    line19 = (
        (KEBASEN / "010-pengukuran-data-kinerja.yaml").read_text(encoding="utf-8").splitlines()[18]
    )
    assert "Kodefikasi" in line19 and "Nomor 90 Tahun 2019" in line19


def test_registry_is_well_formed() -> None:
    reg = registri_bawaan()
    assert len(reg) >= 30
    for p in reg:
        assert p.terverifikasi is False or p.sumber, f"{p.kunci} verified without a source"
        for k in [*p.kunci_pengubah, *([p.kunci_pencabut] if p.kunci_pencabut else [])]:
            assert k in reg, f"{p.kunci} refers to {k}, which the registry lacks"
    kode = registri_bawaan().cari(next(iter(reg)).kunci)
    assert kode is not None


def test_repealed_regulation_names_its_replacement(tmp_path: Path) -> None:
    write(
        tmp_path / "k",
        "020.yaml",
        "dasar_hukum:\n  - Peraturan Pemerintah Nomor 19 Tahun 2008 tentang Kecamatan\n",
    )
    h103 = only(lint(tmp_path / "k", config=LintConfig()).findings, "H103")
    assert len(h103) == 1
    assert "PP 17/2018 tentang Kecamatan" in h103[0].message
    assert "sesudah SOP ini disahkan" not in h103[0].message
    # Signed before the repeal: the message asks to update at the next revision.
    write(
        tmp_path / "l",
        "020.yaml",
        "nomor: PK. KEC. KBS / 020 / I / 2016\n"
        "tanggal:\n  pembuatan: 2016-01-09\n  efektif: 2016-02-01\n"
        "dasar_hukum:\n  - Peraturan Pemerintah Nomor 19 Tahun 2008 tentang Kecamatan\n",
    )
    h103 = only(lint(tmp_path / "l", config=LintConfig()).findings, "H103")
    assert len(h103) == 1 and "sesudah SOP ini disahkan" in h103[0].message


def test_amendment_after_signing_is_not_asked_for(tmp_path: Path) -> None:
    write(
        tmp_path / "k",
        "020.yaml",
        "nomor: PK. KEC. KBS / 020 / I / 2012\n"
        "tanggal:\n  pembuatan: 2012-01-09\n  efektif: 2012-02-01\n"
        "dasar_hukum:\n  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n"
        "  - Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan "
        "Perundang-undangan\n",
    )
    assert only(lint(tmp_path / "k", config=LintConfig()).findings, "H104") == []


def test_amendment_cited_as_its_own_item_is_enough(tmp_path: Path) -> None:
    write(
        tmp_path / "k",
        "020.yaml",
        "dasar_hukum:\n"
        "  - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\n"
        "  - Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti "
        "Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang\n",
    )
    assert only(lint(tmp_path / "k", config=LintConfig()).findings, "H104") == []


def test_unverified_title_is_never_called_wrong(tmp_path: Path) -> None:
    reg = registri_bawaan()
    unverified = next(p for p in reg if not p.terverifikasi)
    write(
        tmp_path / "k",
        "020.yaml",
        f"dasar_hukum:\n  - {unverified.jenis} Nomor {unverified.nomor} Tahun {unverified.tahun} "
        "tentang Judul Yang Salah Sekali\n",
    )
    assert only(lint(tmp_path / "k", config=LintConfig()).findings, "H102") == []


def test_local_regulations_from_sopdoc_yaml(tmp_path: Path) -> None:
    k = tmp_path / "k"
    k.mkdir()
    (k / "sopdoc.yaml").write_text(
        "peraturan:\n"
        "  - jenis: Peraturan Bupati Banyumas\n"
        "    nomor: 12\n"
        "    tahun: 2021\n"
        "    tentang: Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan\n"
        "    sumber: https://jdih.banyumaskab.go.id/\n",
        encoding="utf-8",
    )
    write(
        k,
        "020.yaml",
        "dasar_hukum:\n"
        "  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n"
        "  - Perbup Banyumas Nomor 12 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Tugas "
        "Pokok dan Fungsi serta Tata Kerja Kecamatan\n",
    )
    h102 = only(lint(k, config=LintConfig()).findings, "H102")
    assert len(h102) == 1
    assert "kelebihan 'Pokok'" in h102[0].message and h102[0].location.line >= 1


def test_bad_local_regulation_is_a_load_error_with_its_place(tmp_path: Path) -> None:
    k = tmp_path / "k"
    k.mkdir()
    (k / "sopdoc.yaml").write_text(
        "unit: Kecamatan Kebasen\n"
        "peraturan:\n"
        "  - jenis: Peraturan Kepala Dukuh\n"
        "    nomor: 1\n"
        "    tahun: 2021\n"
        "    tentang: Ronda\n"
        "  - jenis: Perbup\n"
        "    nomor: 2\n"
        "    tahun: 2021\n"
        "    tentang: X\n"
        "    status: dicabut\n",
        encoding="utf-8",
    )
    write(k, "020.yaml")
    run = subprocess.run([SOPDOC, "validate", str(k)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "sopdoc.yaml:3:" in run.stdout + run.stderr
    assert "Peraturan Kepala Dukuh" in run.stdout + run.stderr
    assert "dicabut_oleh" in run.stdout + run.stderr
    assert "Traceback" not in run.stderr


def test_unknown_regulation_cited_two_ways_across_the_catalog(tmp_path: Path) -> None:
    k = tmp_path / "k"
    cite = (
        "Peraturan Daerah Kabupaten Banyumas Nomor 16 Tahun 2016 tentang Pembentukan dan {} "
        "Perangkat Daerah"
    )
    write(k, "020.yaml", f"dasar_hukum:\n  - {cite.format('Susunan')}\n")
    write(
        k,
        "021.yaml",
        f"nomor: PK. KEC. KBS / 021 / I / 2024\ndasar_hukum:\n  - {cite.format('Susunan')}\n",
    )
    write(
        k,
        "022.yaml",
        f"nomor: PK. KEC. KBS / 022 / I / 2024\ndasar_hukum:\n  - {cite.format('Susuan')}\n",
    )
    h107 = only(lint(k, config=LintConfig()).findings, "H107")
    assert [Path(f.location.file).name for f in h107] == ["022.yaml"]
    assert "di sini 'Susuan', di sana 'Susunan'" in h107[0].message
    assert "020.yaml" in h107[0].message


def test_inherited_signatory_is_reported_once_at_the_settings(tmp_path: Path) -> None:
    k = tmp_path / "k"
    k.mkdir()
    (k / "sopdoc.yaml").write_text(
        "disahkan_oleh:\n"
        "  jabatan: Camat Kebasen\n"
        "  nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P\n"
        "  pangkat: Pembina Tk. I (IV/a)\n"
        "  nip: 19780220 199612 3 001\n",
        encoding="utf-8",
    )
    for n in (20, 21, 22):
        text = merge(BASE, f"nomor: PK. KEC. KBS / 0{n} / I / 2024\n")
        text = text.replace(text[text.index("disahkan_oleh:") : text.index("dasar_hukum:")], "")
        (k / f"0{n}.yaml").write_text(text, encoding="utf-8")
    findings = lint(k, config=LintConfig()).findings
    t = only(findings, "T")
    assert sorted((f.code, Path(f.location.file).name, f.location.line) for f in t) == [
        ("T104", "sopdoc.yaml", 5),
        ("T106", "sopdoc.yaml", 4),
    ]


def test_pppk_signatory_is_not_judged(tmp_path: Path) -> None:
    write(
        tmp_path / "k",
        "020.yaml",
        "disahkan_oleh:\n"
        "  jabatan: Kepala Seksi Pelayanan\n"
        "  nama: SITI AMINAH, S.Kom\n"
        "  pangkat: PPPK Golongan IX\n"
        "  nip: 19900101 202221 2 003\n",
    )
    assert only(lint(tmp_path / "k", config=LintConfig()).findings, "T") == []


def test_nip_near_misses(tmp_path: Path) -> None:
    # Exactly 18 at appointment, NIP without spaces and with a 'NIP.' prefix: all fine.
    write(
        tmp_path / "k",
        "020.yaml",
        "disahkan_oleh:\n"
        "  jabatan: Camat Kebasen\n"
        "  nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P\n"
        "  pangkat: Pembina Tk. I\n"
        "  nip: NIP. 197802011996021001\n",
    )
    assert only(lint(tmp_path / "k", config=LintConfig()).findings, "T") == []
    # One month short of 18: reported.
    write(
        tmp_path / "l",
        "020.yaml",
        "disahkan_oleh:\n"
        "  jabatan: Camat Kebasen\n"
        "  nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P\n"
        "  pangkat: Pembina Tk. I\n"
        "  nip: 19780220 199602 1 001\n",
    )
    assert [f.code for f in only(lint(tmp_path / "l", config=LintConfig()).findings, "T")] == [
        "T103"
    ]
    # Appointed after the SOP was signed: reported.
    write(
        tmp_path / "m",
        "020.yaml",
        "disahkan_oleh:\n"
        "  jabatan: Camat Kebasen\n"
        "  nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P\n"
        "  pangkat: Pembina Tk. I\n"
        "  nip: 19780220 202403 1 001\n",
    )
    t = only(lint(tmp_path / "m", config=LintConfig()).findings, "T")
    assert [f.code for f in t] == ["T103"] and "sesudah tanggal SOP" in t[0].message


def test_title_near_misses_are_not_reported(tmp_path: Path) -> None:
    """Capitals, commas, an abbreviation in parentheses, 'Republik Indonesia': no finding."""
    write(
        tmp_path / "k",
        "020.yaml",
        "dasar_hukum:\n"
        "  - Undang-Undang Nomor 25 Tahun 2009 Tentang PELAYANAN PUBLIK\n"
        "  - Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Republik "
        "Indonesia Nomor 25 Tahun 2009 tentang Pelayanan Publik\n"
        "  - Peraturan Menteri PAN-RB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar "
        "Operasional Prosedur Administrasi Pemerintahan (SOP AP)\n",
    )
    found = only(lint(tmp_path / "k", config=LintConfig()).findings, "H")
    # Issue 10: the capital 'Tentang' is a citation-style finding of its own (H108), not a title
    # difference.
    assert [(f.code, f.path) for f in found] == [("H108", "dasar_hukum[1]")]
    # ... but an abbreviated title is a different title.
    write(
        tmp_path / "l",
        "020.yaml",
        "dasar_hukum:\n"
        "  - Peraturan Menteri PAN & RB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan SOP "
        "Administrasi Pemerintahan\n",
    )
    h102 = only(lint(tmp_path / "l", config=LintConfig()).findings, "H102")
    assert len(h102) == 1 and "'SOP' seharusnya 'Standar Operasional Prosedur'" in h102[0].message


def test_old_nine_digit_nip(tmp_path: Path) -> None:
    write(
        tmp_path / "k",
        "020.yaml",
        "disahkan_oleh:\n"
        "  jabatan: Camat Kebasen\n"
        "  nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P\n"
        "  pangkat: Pembina Tk. I\n"
        "  nip: 131110468\n",
    )
    t = only(lint(tmp_path / "k", config=LintConfig()).findings, "T")
    assert [f.code for f in t] == ["T101"] and "NIP lama (9 angka)" in t[0].message
