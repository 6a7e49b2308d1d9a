"""`sopdoc build` through a real subprocess: names, cache, jobs, errors; and LibreOffice renders."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

import sopdoc
from sopdoc.build import build_all, output_name
from sopdoc.layout import layout_prosedur
from sopgen import long_sop

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs" / "kecamatan-kebasen"


def sopdoc_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def test_output_names_stay_in_the_folder() -> None:
    assert output_name("PK. KEC. KBS / 010 / I / 2024") == "PK-KEC-KBS-010-I-2024.docx"
    for nomor in ("../../etc/passwd", "/abs/path", "..", "a\\..\\b", "\x00", "   "):
        name = output_name(nomor)
        assert "/" not in name and "\\" not in name and not name.startswith(".")
        assert Path(name).name == name
    taken: set[str] = set()
    assert output_name("A/1", taken) == "A-1.docx"
    assert output_name("A 1", taken) == "A-1-2.docx"


def test_build_cache_and_rebuild(tmp_path: Path) -> None:
    catalog = tmp_path / "specs"
    shutil.copytree(SPECS, catalog)
    out = tmp_path / "out"
    first = sopdoc_cli("build", str(catalog), "-o", str(out))
    assert first.returncode == 0, first.stderr
    files = sorted(p.name for p in out.glob("*.docx"))
    assert files == ["PK-KEC-KBS-010-I-2024.docx", "PK-KEC-KBS-011-I-2024.docx"]
    assert "2 dibuat, 0 tidak berubah" in first.stdout
    before = {p.name: p.read_bytes() for p in out.glob("*.docx")}
    again = sopdoc_cli("build", str(catalog), "-o", str(out))
    assert "0 dibuat, 2 tidak berubah" in again.stdout
    spec = catalog / "010-pengukuran-data-kinerja.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("5 menit", "10 menit", 1), "utf-8")
    third = sopdoc_cli("build", str(catalog), "-o", str(out), "--jobs", "2")
    assert "1 dibuat, 1 tidak berubah" in third.stdout, third.stdout
    after = {p.name: p.read_bytes() for p in out.glob("*.docx")}
    assert after["PK-KEC-KBS-011-I-2024.docx"] == before["PK-KEC-KBS-011-I-2024.docx"]
    assert after["PK-KEC-KBS-010-I-2024.docx"] != before["PK-KEC-KBS-010-I-2024.docx"]
    # a settings change rebuilds every SOP under it
    settings = catalog / "sopdoc.yaml"
    settings.write_text(settings.read_text("utf-8").replace("kertas: A4", "kertas: F4"), "utf-8")
    fourth = sopdoc_cli("build", str(catalog), "-o", str(out), "--progress")
    assert "2 dibuat, 0 tidak berubah" in fourth.stdout
    assert "2/2" in fourth.stderr  # the progress bar
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_parallel_build_equals_serial(tmp_path: Path) -> None:
    sops = [*sopdoc.load_catalog(SPECS).sops, long_sop()]
    serial = build_all(sops, tmp_path / "a")
    parallel = build_all(sops, tmp_path / "b", jobs=3)
    assert [r.path.name for r in serial] == [r.path.name for r in parallel]
    for a, b in zip(serial, parallel, strict=True):
        assert a.path.read_bytes() == b.path.read_bytes()


def test_bad_spec_exits_2_and_writes_nothing_for_it(tmp_path: Path) -> None:
    catalog = tmp_path / "specs"
    shutil.copytree(SPECS, catalog)
    spec = catalog / "011-pengumpulan-data-kinerja.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("pelaksana: kepala_seksi", "pelaksana: kepala_dinas"), "utf-8")
    out = tmp_path / "out"
    result = sopdoc_cli("build", str(catalog), "-o", str(out))
    assert result.returncode == 2
    assert "011-pengumpulan-data-kinerja.yaml:" in result.stderr
    assert "kepala_dinas" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.glob("*.docx")) == ["PK-KEC-KBS-010-I-2024.docx"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_every_page(tmp_path: Path) -> None:
    """One LibreOffice run over both seeds and the long SOP: pages, headers, flow order."""
    sops = [*sopdoc.load_catalog(SPECS).sops, long_sop()]
    results = build_all(sops, tmp_path)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *[str(r.path) for r in results],
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    for result in results:
        layout = layout_prosedur(result.sop)
        reader = PdfReader(str(result.path.with_suffix(".pdf")))
        texts = [page.extract_text() for page in reader.pages]
        # identity page(s), one PDF page per layout page, the signature on the last of them
        # (or on one page more, under the title, when the layout says it does not fit)
        procedure = [i for i, t in enumerate(texts) if "MUTU BAKU" in t and "PELAKSANA" in t]
        assert len(procedure) == len(layout.pages)
        assert procedure == list(range(procedure[0], procedure[0] + len(layout.pages)))
        assert len(texts) == procedure[-1] + 1 + layout.closing_new_page
        if layout.closing_new_page:
            assert layout.title.split()[-1] in texts[-1] and "MUTU BAKU" not in texts[-1]
        for page, index in zip(layout.pages, procedure, strict=True):
            text = texts[index]
            for row in page.rows:
                # the first word of each step's activity is on the page the layout put it
                first = result.sop.kegiatan[row.step].aktivitas.split()[0]
                assert first in text
        assert result.sop.disahkan_oleh.nama in texts[-1]


def _retemplate(src: Path, dest: Path, old: str, new: str) -> Path:
    """A copy of the template with one edit in word/document.xml or word/styles.xml."""
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in ("word/document.xml", "word/styles.xml"):
                data = data.replace(old.encode(), new.encode())
            zout.writestr(item, data)
    return dest


def test_restyled_template(tmp_path: Path) -> None:
    template = ROOT / "templates" / "sop-ap.docx"
    # a secretariat renames a label and makes the Kop bigger, in Word
    restyled = _retemplate(template, tmp_path / "gaya.docx", "Disahkan oleh", "Ditetapkan oleh")
    out = tmp_path / "out"
    result = sopdoc_cli("build", str(SPECS), "-o", str(out), "--template", str(restyled))
    assert result.returncode == 0, result.stderr
    from docx import Document

    doc = Document(str(out / "PK-KEC-KBS-010-I-2024.docx"))
    labels = [row.cells[1].text for row in doc.tables[0].rows]
    assert "Ditetapkan oleh" in labels and "Disahkan oleh" not in labels
    # a template without the procedure paragraph is refused, nothing written
    broken = _retemplate(template, tmp_path / "rusak.docx", "{{ prosedur }}", "prosedur")
    bad = sopdoc_cli("build", str(SPECS), "-o", str(tmp_path / "x"), "--template", str(broken))
    assert bad.returncode == 2
    assert "{{ prosedur }}" in bad.stderr
    assert not list((tmp_path / "x").glob("*.docx"))


def test_bad_paths_exit_2(tmp_path: Path) -> None:
    missing = sopdoc_cli("build", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert missing.returncode == 2 and "berkas atau folder tidak ada" in missing.stderr
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    clash = sopdoc_cli("build", str(SPECS), "-o", str(blocker))
    assert clash.returncode == 2 and "bukan folder" in clash.stderr
    assert "Traceback" not in clash.stderr + missing.stderr
