"""sopdoc import of e-SOP pages: the seed text dump (two Kebasen SOPs) and an HTML page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import sopdoc
from sopdoc.impor import ImporError, import_file
from sopdoc.impor.laporan import Jenis
from sopdoc.yamlout import to_data

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT.parent.parent / "shared" / "seeds").glob("000_*.txt")) or sorted(
    Path("/work/shared/seeds").glob("000_*.txt")
)
SPECS = ROOT / "specs" / "kecamatan-kebasen"
EXPECTED = [
    SPECS / "010-pengukuran-data-kinerja.yaml",
    SPECS / "011-pengumpulan-data-kinerja.yaml",
]

pytestmark = pytest.mark.skipif(not SEEDS, reason="the seed page is not available")


def _fields(sop: sopdoc.Sop) -> dict[str, object]:
    return to_data(sop)


def test_seed_with_keep_markup_equals_the_specs_field_by_field() -> None:
    result = import_file(SEEDS[0], keep_markup=True)
    assert len(result.sops) == 2
    for got, path in zip(result.sops, EXPECTED, strict=True):
        want = _fields(sopdoc.load(path))
        have = _fields(got)
        assert set(have) == set(want)
        for key in want:
            assert have[key] == want[key], key


def test_seed_default_cleans_markup_and_reports_each_cleaning() -> None:
    result = import_file(SEEDS[0])
    first, second = result.hasil
    # the first SOP has no residue: equal as it is
    assert _fields(first.sop) == _fields(sopdoc.load(EXPECTED[0]))
    want = _fields(sopdoc.load(EXPECTED[1]))
    have = _fields(second.sop)
    cleaned = {b.jalur for b in second.laporan.butir if b.jenis is Jenis.DIBERSIHKAN}
    assert ("disahkan_oleh", "jabatan") in cleaned
    assert ("dasar_hukum", 0) in cleaned
    assert have["disahkan_oleh"] == _fields(sopdoc.load(EXPECTED[0]))["disahkan_oleh"]
    assert have["dasar_hukum"][0].startswith("Undang-Undang Nomor 25")  # type: ignore[index]
    # every other field equals the spec
    for key in want:
        if not any(j[0] == key for j in cleaned):
            assert have[key] == want[key], key


def test_seed_guesses_are_flagged_not_stated() -> None:
    result = import_file(SEEDS[0])
    for item in result.hasil:
        guessed = {b.jalur for b in item.laporan.butir if b.jenis is Jenis.DITEBAK}
        for i, step in enumerate(item.sop.kegiatan):
            assert ("kegiatan", i, "pelaksana") in guessed
            if step.jika_tidak is not None:
                assert ("kegiatan", i, "jika_tidak") in guessed
        conf = item.laporan.yakin()
        assert conf["diagram"] < 0.8 <= conf["kegiatan"]
    assert result.laporan.kode_keluar == 1


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"SOPDOC_LANG": "id", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


def test_cli_imports_the_seed_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = _run("import", str(SEEDS[0]), "-o", str(out), "--keep-markup")
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    files = sorted(out.glob("*.yaml"))
    assert [f.name for f in files] == [
        "PK-KEC-KBS-010-I-2024-Pengukuran-Data-Kinerja.yaml",
        "PK-KEC-KBS-011-I-2024-Pengumpulan-Data-Kinerja.yaml",
    ]
    text = files[0].read_text(encoding="utf-8")
    assert "# sopdoc import:" in text
    # every guessed lane carries its comment on the line above
    lines = text.splitlines()
    for k, line in enumerate(lines):
        if line.strip().startswith("pelaksana:") and line.startswith("    "):
            assert lines[k - 1].strip().startswith("# sopdoc import:"), line
    for got, path in zip(files, EXPECTED, strict=True):
        assert _fields(sopdoc.load(got)) == _fields(sopdoc.load(path))
    # Indonesian report
    assert "ditebak" in r.stdout or "tebakan" in r.stdout
    before = files[0].read_bytes()
    again = _run("import", str(SEEDS[0]), "-o", str(out))
    assert again.returncode == 2
    assert "--force" in again.stderr
    assert files[0].read_bytes() == before
    forced = _run("import", str(SEEDS[0]), "-o", str(out), "--force")
    assert forced.returncode == 1
    assert sopdoc.load(files[1]).disahkan_oleh.jabatan == "Camat Kebasen"  # cleaned this time


def test_cli_json_report(tmp_path: Path) -> None:
    r = _run("import", str(SEEDS[0]), "-o", str(tmp_path), "--json")
    data = json.loads(r.stdout)
    assert data[0]["kode_keluar"] == 1
    sop = data[0]["sop"][1]
    assert sop["nomor"] == "PK . KEC . KBS / 011 / I / 2024"
    assert set(sop["yakin"]) == {"identitas", "bagian", "pelaksana", "kegiatan", "diagram"}
    assert any(b["jenis"] == "dibersihkan" for b in sop["butir"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "kosong"),
        (b"Surat biasa\n\nIni bukan SOP.\n", "bukan dokumen SOP AP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".docx"),
    ],
)
def test_bad_input_exit_2_with_a_message(tmp_path: Path, content: bytes, message: str) -> None:
    src = tmp_path / "masukan.txt"
    src.write_bytes(content)
    r = _run("import", str(src), "-o", str(tmp_path / "out"))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert str(src) in r.stderr
    assert message in r.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_missing_file_is_bad_input(tmp_path: Path) -> None:
    r = _run("import", str(tmp_path / "tidak-ada.docx"), "-o", str(tmp_path / "out"))
    assert r.returncode == 2
    assert "tidak-ada.docx" in r.stderr


def test_not_an_sop_raises_impor_error(tmp_path: Path) -> None:
    src = tmp_path / "x.html"
    src.write_text("<html><body><p>Halo</p><table><tr><td>a</td></tr></table></body></html>")
    with pytest.raises(ImporError):
        import_file(src)


HTML = """<!DOCTYPE html><html><head><style>td{border:1px solid}</style></head><body>
<p style="text-align:center"><b>PEMERINTAH KABUPATEN BANYUMAS</b></p>
<p style="text-align:center"><b>KECAMATAN KEBASEN</b></p>
<table class="identitas">
<tr><td>No. SOP</td><td>:</td><td>PK. KEC. KBS / 020 / VI / 2025</td></tr>
<tr><td>Tgl. Pembuatan</td><td>:</td><td>02-06-2025</td></tr>
<tr><td>Tgl. Revisi</td><td>:</td><td>-</td></tr>
<tr><td>Tanggal Pengesahan</td><td>:</td><td>2 Juni 2025</td></tr>
<tr><td>Disahkan Oleh</td><td>:</td><td><p>CAMAT KEBASEN</p><p>Drs. BUDI SANTOSO, M.Si</p>
<p>Pembina Tk. I</p><p>NIP. 19700101 199001 1 001</p></td></tr>
<tr><td>Nama SOP</td><td>:</td><td>PELAYANAN SURAT KETERANGAN DOMISILI</td></tr>
</table>
<table>
<tr><td><b>Dasar Hukum:</b><ol><li>Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan
Daerah</li><li>Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan</li></ol></td>
<td><b>Kualifikasi Pelaksana:</b><ol style="margin:0"><li>Memahami tugas pokok</li>
<li>Mampu mengoperasikan komputer</li></ol></td></tr>
<tr><td><b>Keterkaitan:</b><p>-</p></td><td><b>Peralatan/Perlengkapan:</b>
<ul><li>Komputer</li><li>Printer</li></ul></td></tr>
<tr><td><b>Peringatan:</b><p>Jika SOP tidak dilaksanakan, pelayanan terhambat</p></td>
<td><b>Pencatatan dan Pendataan:</b><ul><li>Buku register</li></ul></td></tr>
</table>
<table>
<tr><th rowspan="2">No</th><th rowspan="2">Uraian Kegiatan</th><th colspan="3">Pelaksana</th>
<th colspan="3">Mutu Baku</th><th rowspan="2">Ket</th></tr>
<tr><th>Pemohon</th><th>Petugas PATEN</th><th>Camat</th><th>Persyaratan</th><th>Waktu</th>
<th>Output</th></tr>
<tr><td>1</td><td>Mengajukan permohonan</td><td>&#10003;</td><td></td><td></td>
<td>KTP, KK</td><td>5 menit</td><td>Berkas</td><td></td></tr>
<tr><td>2</td><td>Memeriksa berkas</td><td></td><td>&#10003;</td><td></td>
<td>Berkas</td><td>10 Menit</td><td>Berkas lengkap</td><td></td></tr>
<tr><td>3</td><td>Menandatangani surat</td><td></td><td></td><td>&#10003;</td>
<td>Berkas lengkap</td><td>1 hari</td><td>Surat keterangan</td><td>-</td></tr>
</table></body></html>"""


def test_html_page_with_lists_spans_and_marks(tmp_path: Path) -> None:
    src = tmp_path / "esop.html"
    src.write_text(HTML, encoding="utf-8")
    result = import_file(src)
    sop = result.sop
    assert sop.nomor == "PK. KEC. KBS / 020 / VI / 2025"
    assert sop.nama == "Pelayanan Surat Keterangan Domisili"
    assert (sop.instansi, sop.unit) == ("Pemerintah Kabupaten Banyumas", "Kecamatan Kebasen")
    assert str(sop.tanggal.pembuatan) == "2025-06-02"
    assert sop.tanggal.revisi is None
    assert str(sop.tanggal.efektif) == "2025-06-02"
    ttd = sop.disahkan_oleh
    assert (ttd.jabatan, ttd.nama, ttd.pangkat, ttd.nip) == (
        "Camat Kebasen",
        "Drs. BUDI SANTOSO, M.Si",
        "Pembina Tk. I",
        "19700101 199001 1 001",
    )
    assert sop.dasar_hukum == [
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
    ]
    assert sop.kualifikasi_pelaksana == ["Memahami tugas pokok", "Mampu mengoperasikan komputer"]
    assert sop.keterkaitan == []
    assert sop.peralatan_perlengkapan == ["Komputer", "Printer"]
    assert sop.peringatan == "Jika SOP tidak dilaksanakan, pelayanan terhambat"
    assert sop.pencatatan_pendataan == ["Buku register"]
    assert sop.pelaksana == {
        "pemohon": "Pemohon",
        "petugas_paten": "Petugas PATEN",
        "camat": "Camat",
    }
    assert [k.pelaksana for k in sop.kegiatan] == ["pemohon", "petugas_paten", "camat"]
    assert [k.kelengkapan for k in sop.kegiatan] == ["KTP, KK", "Berkas", "Berkas lengkap"]
    assert [str(k.waktu) for k in sop.kegiatan] == ["5 menit", "10 Menit", "1 hari"]
    assert sop.kegiatan[2].keterangan is None
    # lanes marked in the cells are read, not guessed
    assert not any(
        b.jenis is Jenis.DITEBAK and b.jalur[0] == "kegiatan" for b in result.hasil[0].laporan.butir
    )


def test_cli_folder_jobs_progress_and_lint(tmp_path: Path) -> None:
    folder = tmp_path / "arsip"
    (folder / "sub").mkdir(parents=True)
    (folder / "esop.txt").write_bytes(SEEDS[0].read_bytes())
    (folder / "sub" / "halaman.html").write_text(HTML, encoding="utf-8")
    (folder / "catatan.txt").write_text("bukan SOP\n", encoding="utf-8")
    (folder / "gambar.png").write_bytes(b"\x89PNG")  # not picked up in a folder
    out = tmp_path / "out"
    r = _run("import", str(folder), "-o", str(out), "--jobs", "2", "--progress", "--lint")
    assert r.returncode == 2, r.stderr  # one file of the folder is not an SOP
    assert "catatan.txt" in r.stderr
    assert "3/3" in r.stderr  # the progress bar reached the end
    assert len(list(out.glob("*.yaml"))) == 3  # the good files are still imported
    assert "Traceback" not in r.stderr
    # --lint ran the checker on what was imported: the seed's known defects are reported
    assert "PK-KEC-KBS-011" in r.stdout + r.stderr


def test_html_page_with_two_sops_and_escaped_residue(tmp_path: Path) -> None:
    body = HTML.split("<body>", 1)[1].split("</body>", 1)[0]
    second = body.replace("020 / VI / 2025", "021 / VI / 2025").replace(
        "Mengajukan permohonan", "&lt;p&gt;Mengajukan permohonan&lt;/p&gt;"
    )
    src = tmp_path / "dua.html"
    src.write_text(f"<html><body>{body}<hr>{second}</body></html>", encoding="utf-8")
    result = import_file(src)
    assert [s.nomor for s in result.sops] == [
        "PK. KEC. KBS / 020 / VI / 2025",
        "PK. KEC. KBS / 021 / VI / 2025",
    ]
    assert result.sops[1].kegiatan[0].aktivitas == "Mengajukan permohonan"
    assert result.sops[1].unit == "Kecamatan Kebasen"  # the letterhead goes with each SOP
    kept = import_file(src, keep_markup=True)
    assert kept.sops[1].kegiatan[0].aktivitas == "<p>Mengajukan permohonan</p>"


def test_public_api_names() -> None:
    assert sopdoc.import_file is import_file
    assert {"Impor", "ImporError", "import_file"} <= set(sopdoc.__all__)
