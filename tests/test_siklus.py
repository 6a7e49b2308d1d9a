"""The life of an SOP: status and penetapan in the spec, records, `sopdoc status`, the forms."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document

import sopdoc
from sopdoc.errors import SpecLoadError
from sopdoc.pemeriksaan import LintConfig, lint
from sopdoc.siklus import formulir
from sopdoc.siklus.jadwal import Keadaan, status, tambah_bulan
from sopdoc.siklus.model import JenisKaitan, StatusSop, transisi_sah
from sopdoc.siklus.rekaman import Evaluasi, Kriteria, Monitoring, load_rekaman

ROOT = Path(__file__).resolve().parents[1]
CONTOH = ROOT / "examples" / "siklus-kebasen"
SOP010 = CONTOH / "010-pengukuran-data-kinerja.yaml"
HARI = date(2025, 3, 1)


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture
def katalog(tmp_path: Path) -> Path:
    """A private copy of the example catalog, to change."""
    target = tmp_path / "siklus"
    shutil.copytree(CONTOH, target)
    return target


# -- the spec -----------------------------------------------------------------------


def test_spec_life_cycle_values_load_and_round_trip(tmp_path: Path) -> None:
    sop = sopdoc.load(SOP010)
    assert sop.status is StatusSop.BERLAKU
    assert sop.penetapan is not None and sop.penetapan.nomor == "100.3.3.2/05/2024"
    assert sop.penetapan.tanggal == date(2024, 1, 31)
    (kaitan,) = sop.keterkaitan
    assert kaitan == "SOP Pengumpulan Data Kinerja"  # still a plain str to its readers
    assert getattr(kaitan, "jenis", None) is JenisKaitan.PRASYARAT
    copy = tmp_path / "sopdoc.yaml"
    shutil.copy(CONTOH / "sopdoc.yaml", copy)
    sopdoc.dump(sop, tmp_path / "010.yaml")
    again = sopdoc.load(tmp_path / "010.yaml")
    assert again.model_dump() == sop.model_dump()
    assert getattr(again.keterkaitan[0], "jenis", None) is JenisKaitan.PRASYARAT


def test_plain_keterkaitan_stays_plain() -> None:
    sop = sopdoc.load(ROOT / "specs" / "kecamatan-kebasen" / "010-pengukuran-data-kinerja.yaml")
    assert sop.status is None and sop.penetapan is None
    assert "jenis" not in sopdoc.dumps(sop)


@pytest.mark.parametrize(
    ("line", "expect"),
    [
        ("status: aktif\n", "status"),
        ("keterkaitan:\n  - sop: SOP X\n    jenis: sebelum\n", "keterkaitan[1].jenis"),
        ("penetapan:\n  nomor: 12/2024\n", "penetapan.tanggal"),
    ],
)
def test_bad_life_cycle_values_name_their_place(tmp_path: Path, line: str, expect: str) -> None:
    text = SOP010.read_text(encoding="utf-8")
    for key in ("status:", "keterkaitan:", "penetapan:"):
        if line.startswith(key):
            start = text.index(key)
            end = text.index("\n", start)
            while text[end + 1 : end + 3] == "  ":
                end = text.index("\n", end + 1)
            text = text[:start] + line + text[end + 1 :]
    shutil.copy(CONTOH / "sopdoc.yaml", tmp_path / "sopdoc.yaml")
    (tmp_path / "010.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SpecLoadError) as info:
        sopdoc.load(tmp_path / "010.yaml")
    assert [e.path for e in info.value.errors] == [expect]
    assert info.value.errors[0].location.line > 1


def test_status_transitions() -> None:
    assert transisi_sah(StatusSop.DRAF, StatusSop.DIAJUKAN)
    assert transisi_sah(StatusSop.BERLAKU, StatusSop.BERLAKU)
    assert transisi_sah(StatusSop.BERLAKU, StatusSop.DIAJUKAN)  # a revision of an SOP in force
    assert not transisi_sah(StatusSop.DRAF, StatusSop.BERLAKU)  # not without evaluation
    assert not transisi_sah(StatusSop.DICABUT, StatusSop.BERLAKU)
    assert not transisi_sah(StatusSop.DIGANTI, StatusSop.DRAF)


# -- records ------------------------------------------------------------------------


def test_records_load_and_catalogs_skip_them() -> None:
    mon = load_rekaman(CONTOH / "010-pengukuran-data-kinerja.2025-01.monitoring.yaml")
    assert isinstance(mon, Monitoring) and len(mon.langkah) == 6
    assert mon.langkah[2].berjalan_baik is False and mon.langkah[2].tindakan
    ev = load_rekaman(CONTOH / "010-pengukuran-data-kinerja.2025-01.evaluasi.yaml")
    assert isinstance(ev, Evaluasi) and ev.kesimpulan.value == "perlu_revisi"
    assert ev.kriteria[Kriteria.PERAN_JELAS].nilai is False
    assert set(ev.kriteria) == set(Kriteria)
    assert len(sopdoc.load_catalog(CONTOH).sops) == 2  # the five records are not specs


@pytest.mark.parametrize(
    ("name", "text", "where", "path"),
    [
        (
            "a.monitoring.yaml",
            "sop: X\ntanggal: 2025-01-01\npenilai: A\nlangkah:\n"
            "  - langkah: 1\n    berjalan_baik: mungkin\n",
            (6, 20),
            "langkah[1].berjalan_baik",
        ),
        (
            "a.monitoring.yaml",
            "sop: X\ntanggal: 2025-01-01\npenilai: A\nlangkah:\n"
            "  - langkah: 1\n    berjalan_baik: ya\n    nilai: 3\n",
            (7, 5),
            "langkah[1].nilai",
        ),
        (
            "a.evaluasi.yaml",
            "sop: X\ntanggal: 2025-01-01\npenilai: A\nkriteria:\n"
            "  mudah_dipahami: ya\nkesimpulan: tetap\n",
            (5, 3),
            "kriteria",
        ),
        (
            "a.evaluasi.yaml",
            "sop: X\ntanggal: 2025-13-01\npenilai: A\nkriteria: {}\nkesimpulan: tetap\n",
            (2, 10),
            "tanggal",
        ),
    ],
)
def test_record_errors_name_line_and_column(
    tmp_path: Path, name: str, text: str, where: tuple[int, int], path: str
) -> None:
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    with pytest.raises(SpecLoadError) as info:
        load_rekaman(file)
    first = info.value.errors[0]
    assert (first.location.line, first.location.column) == where
    assert first.path == path
    proc = cli("validate", str(file))
    assert proc.returncode == 2
    assert f"{name}:{where[0]}:{where[1]}:" in proc.stderr


def test_validate_checks_records_of_a_catalog(katalog: Path) -> None:
    proc = cli("validate", str(katalog))
    assert proc.returncode == 0, proc.stderr
    assert "5 rekaman monitoring/evaluasi dimuat tanpa kesalahan" in proc.stdout
    bad = katalog / "011-pengumpulan-data-kinerja.2024-07.monitoring.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("berjalan_baik: ya", "berjalan_baik: 5"))
    proc = cli("validate", str(katalog))
    assert proc.returncode == 2 and bad.name in proc.stderr


# -- status ---------------------------------------------------------------------------


def test_months_are_calendar_months() -> None:
    assert tambah_bulan(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert tambah_bulan(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert tambah_bulan(date(2024, 7, 31), 6) == date(2025, 1, 31)
    assert tambah_bulan(date(2024, 2, 1), 12) == date(2025, 2, 1)


def test_status_of_the_example_catalog() -> None:
    hasil = status([CONTOH], hari=HARI)
    by_nomor = {item.sop.nomor: item for item in hasil.laporan}
    s010 = by_nomor["PK. KEC. KBS / 010 / I / 2024"]
    s011 = by_nomor["PK. KEC. KBS / 011 / I / 2024"]
    assert s010.monitoring.terakhir == date(2025, 1, 31)
    assert s010.monitoring.jatuh_tempo == date(2025, 7, 31)
    assert s010.monitoring.keadaan is Keadaan.SESUAI
    assert s010.evaluasi.jatuh_tempo == date(2026, 1, 31)
    assert s011.monitoring.keadaan is Keadaan.TERLAMBAT  # due 2025-01-31, none since
    assert [item.sop.nomor for item in hasil.terlambat] == [s011.sop.nomor]
    (unit,) = hasil.unit
    assert unit.unit == "Kecamatan Kebasen" and unit.terlambat == 1
    assert dict(unit.per_status) == {"berlaku": 2}


def test_a_draft_owes_nothing_and_an_effective_date_starts_the_clock(katalog: Path) -> None:
    spec = katalog / "011-pengumpulan-data-kinerja.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("status: berlaku", "status: draf"))
    for record in katalog.glob("011-*.*.yaml"):
        record.unlink()
    item = next(i for i in status([katalog], hari=HARI).laporan if "011" in i.sop.nomor)
    assert item.status is StatusSop.DRAF
    assert item.monitoring.keadaan is Keadaan.TIDAK_BERLAKU and not item.terlambat
    spec.write_text(spec.read_text(encoding="utf-8").replace("status: draf\n", ""))
    item = next(
        i for i in status([katalog], hari=date(2024, 7, 15)).laporan if "011" in i.sop.nomor
    )
    assert item.status is StatusSop.BERLAKU  # a Tanggal Efektif and no status
    assert item.monitoring.jatuh_tempo == date(2024, 8, 1)
    assert item.monitoring.keadaan is Keadaan.SEGERA


def test_status_cli_formats_and_fail_on_overdue(katalog: Path) -> None:
    proc = cli("status", str(katalog), "--tanggal", "2025-03-01")
    assert proc.returncode == 0, proc.stderr
    assert "Status SOP per 1 Maret 2025" in proc.stdout
    assert "terlambat sejak 31 Januari 2025" in proc.stdout
    assert "Kecamatan Kebasen: 2 berlaku; 1 terlambat" in proc.stdout
    proc = cli("status", str(katalog), "--tanggal", "2025-03-01", "--fail-on", "overdue")
    assert proc.returncode == 1
    proc = cli("status", str(katalog), "--tanggal", "2025-02-15", "--fail-on", "overdue")
    assert proc.returncode == 1  # SOP 011's monitoring was due 2025-01-31
    proc = cli("status", str(katalog), "--tanggal", "2025-01-15", "--fail-on", "overdue")
    assert proc.returncode == 0
    data = json.loads(
        cli("status", str(katalog), "--tanggal", "2025-03-01", "--format", "json").stdout
    )
    assert data["tanggal"] == "2025-03-01"
    row = next(r for r in data["sop"] if "011" in r["nomor"])
    assert row["monitoring"] == {
        "terakhir": "2024-07-31",
        "jatuh_tempo": "2025-01-31",
        "keadaan": "terlambat",
    }
    assert row["penetapan"] == "100.3.3.2/05/2024"
    md = cli("status", str(katalog), "--tanggal", "2025-03-01", "--format", "markdown").stdout
    assert md.startswith("# Status SOP per 1 Maret 2025")
    assert "| PK. KEC. KBS / 011 / I / 2024 |" in md
    en = cli("--lang", "en", "status", str(katalog), "--tanggal", "2025-03-01").stdout
    assert "overdue since 31 Januari 2025" in en


# -- lint -----------------------------------------------------------------------------


def test_example_catalog_is_clean_for_the_life_cycle_rules() -> None:
    result = lint(CONTOH, config=LintConfig())
    assert not result.load_errors
    assert [f for f in result.findings if f.code.startswith("S")] == []


def test_an_evaluation_without_revision_is_reported(katalog: Path) -> None:
    spec = katalog / "010-pengukuran-data-kinerja.yaml"
    text = spec.read_text(encoding="utf-8").replace("  revisi: 2025-02-20\n", "  revisi:\n")
    text = text[: text.index("riwayat_revisi:")]
    spec.write_text(text, encoding="utf-8")
    result = lint(katalog, config=LintConfig())
    (hit,) = [f for f in result.findings if f.code == "S104"]
    assert hit.location.file.endswith("010-pengukuran-data-kinerja.yaml")
    revisi = text.splitlines().index("  revisi:") + 1
    assert (hit.location.line, hit.location.column) == (revisi, 3)  # the tanggal.revisi key
    assert "2025-01-31" in hit.message and "evaluasi.yaml:" in hit.message


def test_a_monitoring_of_a_missing_step_points_into_the_record(katalog: Path) -> None:
    record = katalog / "011-pengumpulan-data-kinerja.2024-07.monitoring.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("langkah: 5", "langkah: 9"))
    result = lint(katalog, config=LintConfig())
    (hit,) = [f for f in result.findings if f.code == "S105"]
    assert hit.location.file.endswith(record.name)
    lines = record.read_text(encoding="utf-8").splitlines()
    assert lines[hit.location.line - 1].strip() == "- langkah: 9"


def test_replaced_sop_needs_its_successor(katalog: Path) -> None:
    spec = katalog / "011-pengumpulan-data-kinerja.yaml"
    text = spec.read_text(encoding="utf-8").replace("status: berlaku", "status: diganti")
    spec.write_text(text, encoding="utf-8")
    found = [f for f in lint(katalog, config=LintConfig()).findings if f.code == "S103"]
    assert len(found) == 1 and "diganti_oleh" in found[0].message
    spec.write_text(text.replace("status: diganti", "status: diganti\ndiganti_oleh: 099/2025"))
    found = [f for f in lint(katalog, config=LintConfig()).findings if f.code == "S103"]
    assert len(found) == 1 and "099/2025" in found[0].message
    assert found[0].path == "diganti_oleh"


# -- forms ----------------------------------------------------------------------------


def _cells(path: Path, table: int = 1) -> list[list[str]]:
    doc = Document(str(path))
    return [[c.text for c in row.cells] for row in doc.tables[table].rows]


def test_monitoring_form_blank_and_filled(tmp_path: Path) -> None:
    sop = sopdoc.load(SOP010)
    formulir.formulir_monitoring(sop, tmp_path / "blank.docx")
    rows = _cells(tmp_path / "blank.docx")
    assert rows[0][1] == "PROSEDUR" and rows[1][2:4] == ["Ya", "Tidak"]
    assert [r[1] for r in rows[2:]] == [k.aktivitas for k in sop.kegiatan]
    assert all(r[2] == r[3] == "" for r in rows[2:])
    record = load_rekaman(CONTOH / "010-pengukuran-data-kinerja.2025-01.monitoring.yaml")
    assert isinstance(record, Monitoring)
    formulir.formulir_monitoring(sop, tmp_path / "filled.docx", record)
    rows = _cells(tmp_path / "filled.docx")
    step3 = rows[2 + 2]
    assert step3[2] == "" and step3[3] == formulir.CENTANG
    assert step3[4].startswith("Pengolahan data") and step3[5].startswith("Pemeriksaan konsep")
    assert rows[2][2] == formulir.CENTANG and rows[2][3] == ""
    ident = _cells(tmp_path / "filled.docx", table=0)
    assert ["Penilai", ":", "Drs. SUTRISNO"] in ident
    text = "\n".join(p.text for p in Document(str(tmp_path / "filled.docx")).paragraphs)
    assert "Kebasen, 31 Januari 2025" in text and "NIP. 19690512 199303 1 007" in text
    again = tmp_path / "again.docx"
    formulir.formulir_monitoring(sop, again, record)
    assert again.read_bytes() == (tmp_path / "filled.docx").read_bytes()  # reproducible
    with zipfile.ZipFile(again) as package:  # no clock in the package: dates are fixed
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_evaluation_form_has_the_seven_criteria(tmp_path: Path) -> None:
    sop = sopdoc.load(SOP010)
    record = load_rekaman(CONTOH / "010-pengukuran-data-kinerja.2025-01.evaluasi.yaml")
    assert isinstance(record, Evaluasi)
    formulir.formulir_evaluasi(sop, tmp_path / "ev.docx", record)
    rows = _cells(tmp_path / "ev.docx")
    assert rows[0] == ["NO", "PENILAIAN / KRITERIA", "YA", "TIDAK", "CATATAN"]
    assert [r[1] for r in rows[1:]] == [k.uraian for k in Kriteria]
    assert rows[4][1] == "Semua orang dapat menjalankan perannya masing-masing"
    assert rows[4][3] == formulir.CENTANG and rows[4][4].startswith("Pemeriksaan konsep")
    text = "\n".join(p.text for p in Document(str(tmp_path / "ev.docx")).paragraphs)
    assert f"[ ] SOP tetap dilaksanakan    [{formulir.CENTANG}] SOP perlu direvisi" in text


def test_daftar_and_lampiran(tmp_path: Path) -> None:
    sops = sopdoc.load_catalog(CONTOH).sops
    formulir.daftar_sop(sops, tmp_path / "daftar.docx")
    rows = _cells(tmp_path / "daftar.docx", table=0)
    assert rows[0][:3] == ["NO", "NOMOR SOP", "NAMA SOP"]
    assert [r[1] for r in rows[1:]] == sorted(s.nomor for s in sops)
    assert rows[1][3:5] == ["berlaku", "1 Februari 2024"]
    proc = cli(
        "formulir", "lampiran", str(CONTOH), "--penetapan", "100.3.3.2/05/2024",
        "-o", str(tmp_path / "lampiran.docx"),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    doc = Document(str(tmp_path / "lampiran.docx"))
    head = [p.text for p in doc.paragraphs[:5]]
    assert head[0] == "LAMPIRAN" and head[1] == "KEPUTUSAN CAMAT KEBASEN"
    assert "NOMOR     : 100.3.3.2/05/2024" in head
    assert len(doc.tables[0].rows) == 3
    proc = cli(
        "formulir", "lampiran", str(CONTOH), "--penetapan", "1/2099", "-o", str(tmp_path / "x.docx")
    )
    assert proc.returncode == 2 and "1/2099" in proc.stderr
    assert not (tmp_path / "x.docx").exists()


def test_form_of_another_sops_record_is_refused(tmp_path: Path) -> None:
    proc = cli(
        "formulir", "monitoring", str(SOP010),
        "--rekaman", str(CONTOH / "011-pengumpulan-data-kinerja.2024-07.monitoring.yaml"),
        "-o", str(tmp_path / "m.docx"),
    )  # fmt: skip
    assert proc.returncode == 2 and "011" in proc.stderr
    assert not (tmp_path / "m.docx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_forms_as_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    proc = cli(
        "formulir", "evaluasi", str(SOP010),
        "--rekaman", str(CONTOH / "010-pengukuran-data-kinerja.2025-01.evaluasi.yaml"),
        "-o", str(tmp_path / "ev.docx"), "--pdf",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    reader = PdfReader(str(tmp_path / "ev.pdf"))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "FORMULIR EVALUASI" in text and "Sinergi satu dengan lainnya" in text


# -- diff, revise and the book know the status -----------------------------------------


def test_diff_reports_status_moves_and_invalid_ones(katalog: Path) -> None:
    old = sopdoc.load(katalog / "011-pengumpulan-data-kinerja.yaml")
    spec = katalog / "011-pengumpulan-data-kinerja.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("status: berlaku", "status: draf"), encoding="utf-8")
    new = sopdoc.load(spec)
    changes = sopdoc.diff(old, new).perubahan
    assert [(c.path, c.lama, c.baru) for c in changes] == [(("status",), "berlaku", "draf")]
    out = cli("diff", str(CONTOH / spec.name), str(spec)).stdout
    assert "Status dan penetapan" in out and "berlaku → draf" in out
    assert (
        "status berlaku tidak dapat berpindah ke draf; yang sah: diajukan, diganti, dicabut" in out
    )
    spec.write_text(text.replace("status: berlaku", "status: diganti"), encoding="utf-8")
    out = cli("diff", str(CONTOH / spec.name), str(spec)).stdout
    assert "berlaku → diganti" in out and "tidak dapat berpindah" not in out


def test_revision_of_an_sop_in_force_records_what_it_replaces(katalog: Path) -> None:
    spec = katalog / "011-pengumpulan-data-kinerja.yaml"
    proc = cli("revise", str(spec), "--note", "Langkah 4 diberi tenggat", "--tanggal", "2025-03-10")
    assert proc.returncode == 0, proc.stderr
    (entry,) = sopdoc.load(spec).riwayat_revisi
    assert entry.catatan == (
        "Langkah 4 diberi tenggat (menggantikan versi berlaku sejak 1 Februari 2024, "
        "penetapan 100.3.3.2/05/2024 tanggal 31 Januari 2024)"
    )
    draft = ROOT / "specs" / "kecamatan-kebasen" / "010-pengukuran-data-kinerja.yaml"
    shutil.copytree(draft.parent, katalog.parent / "kebasen")
    copy = katalog.parent / "kebasen" / draft.name
    assert (
        cli("revise", str(copy), "--note", "Perbaikan", "--tanggal", "2025-03-10").returncode == 0
    )
    assert sopdoc.load(copy).riwayat_revisi[-1].catatan == "Perbaikan"  # not in force: no note


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_book_contents_show_status_and_dates(tmp_path: Path) -> None:
    from pypdf import PdfReader

    assert cli("book", str(CONTOH), "-o", str(tmp_path / "buku.pdf")).returncode == 0
    contents = PdfReader(str(tmp_path / "buku.pdf")).pages[1].extract_text()
    assert contents.count("Berlaku; efektif 1 Februari 2024; penetapan") == 2


@pytest.mark.parametrize("jenis", ["monitoring", "evaluasi"])
def test_record_schemas_are_committed_and_the_example_records_follow_them(jenis: str) -> None:
    from sopdoc.schema import rekaman_json_schema
    from test_schema import editor_view, validator

    schema = rekaman_json_schema(jenis)
    committed = json.loads((ROOT / "docs" / f"sopdoc-{jenis}.schema.json").read_text("utf-8"))
    assert committed == schema
    records = sorted(CONTOH.glob(f"*.{jenis}.yaml"))
    assert records
    for record in records:
        text = record.read_text(encoding="utf-8")
        assert text.splitlines()[0].endswith(f"docs/sopdoc-{jenis}.schema.json")
        assert [e.message for e in validator(schema).iter_errors(editor_view(text))] == []
    bad = editor_view(records[0].read_text(encoding="utf-8")) | {"kesimpulan": "mungkin"}
    if jenis == "monitoring":
        bad = {**bad, "langkah": [{"langkah": 1, "berjalan_baik": "mungkin"}]}
    assert list(validator(schema).iter_errors(bad))
