"""Every DOCX sopdoc writes passes Microsoft's Open XML SDK validator with 0 errors.

The documents (SOPs of the Kebasen specs and of the generated corpus, A4 and F4,
redlines, the forms and lists of the life cycle, the book's front matter) are
written once, then validated in one separate process (``openxml_check.py``:
the .NET runtime of the ``python-redlines-docxodus`` wheel hosted by pythonnet),
so the runtime starts once per test run. A deliberately broken DOCX must fail.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import platform
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

import sopdoc
from sopdoc.perbandingan.redline import write_redline
from sopgen import corpus_sop, long_sop

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs" / "kecamatan-kebasen"
REVISI = ROOT / "examples" / "revisi-pengumpulan" / "011-pengumpulan-data-kinerja.yaml"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("python_redlines_docxodus") is None
    or importlib.util.find_spec("pythonnet") is None
    or (platform.system(), platform.machine()) != ("Linux", "x86_64"),
    reason="the Open XML SDK runtime (python-redlines-docxodus, pythonnet) is a Linux x86-64 "
    "test dependency: make venv installs it",
)


def sop_documents(out: Path) -> list[Path]:
    kebasen = sopdoc.load_catalog(SPECS).sops
    sops = [*kebasen, long_sop(), long_sop("F4"), *(corpus_sop(s) for s in (1, 6, 11, 23))]
    paths = []
    for i, sop in enumerate(sops):
        paths.append(sopdoc.build_docx(sop, out / f"sop-{i}.docx"))
    return paths


def redlines(out: Path) -> list[Path]:
    old, new = sopdoc.load(SPECS / "011-pengumpulan-data-kinerja.yaml"), sopdoc.load(REVISI)
    paths = [write_redline(old, new, None, out / "redline-kebasen.docx")]
    data = long_sop().model_dump(mode="json", exclude_none=True)
    changed = copy.deepcopy(data)
    changed["kegiatan"].pop(1)
    changed["kegiatan"].insert(0, changed["kegiatan"].pop(2))
    changed["dasar_hukum"].append("Peraturan Bupati Banyumas Nomor 1 Tahun 2024")
    a, b = sopdoc.Sop.model_validate(data), sopdoc.Sop.model_validate(changed)
    paths.append(write_redline(a, b, None, out / "redline-langkah.docx"))
    broken = copy.deepcopy(changed)
    broken["kegiatan"][1]["jika_tidak"] = 99  # cannot be drawn: the table-only redline
    c = sopdoc.Sop.model_validate(broken)
    paths.append(write_redline(a, c, None, out / "redline-tabel.docx"))
    return paths


def life_cycle_documents(out: Path) -> list[Path]:
    """The forms and lists (when this version of sopdoc writes them) and the book's cover."""
    paths = []
    sops = sopdoc.load_catalog(SPECS).sops
    if importlib.util.find_spec("sopdoc.siklus") is not None:
        from sopdoc.siklus import formulir
        from sopdoc.siklus.model import Penetapan

        formulir.formulir_monitoring(sops[0], out / "monitoring.docx")
        formulir.formulir_evaluasi(sops[0], out / "evaluasi.docx")
        formulir.daftar_sop(sops, out / "daftar.docx")
        penetapan = Penetapan(nomor="100/12/2024", tanggal=date(2024, 1, 9), oleh="Camat Kebasen")
        formulir.lampiran_penetapan(sops, penetapan, out / "lampiran.docx")
        paths += [out / f"{n}.docx" for n in ("monitoring", "evaluasi", "daftar", "lampiran")]
    from sopdoc.pdf.frontmatter import Sampul, TocEntry, write_front_matter

    toc = [TocEntry(s.nomor, s.nama, 3 + 2 * i) for i, s in enumerate(sops)]
    sampul = Sampul("Pemerintah Kabupaten Banyumas", "Kecamatan Kebasen", "2024", len(sops))
    write_front_matter(sampul, toc, out / "buku-depan.docx")
    return [*paths, out / "buku-depan.docx"]


def broken_copy(source: Path, target: Path) -> Path:
    """``source`` with an element the schema does not allow where it stands."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:tblLayout", b'<w:jc w:val="tengah"/><w:tblLayout', 1)
                data = data.replace(b"<w:keepNext/>", b"<w:keepNext/><w:warna/>", 1)
            zout.writestr(item, data)
    return target


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, str]]]:
    out = tmp_path_factory.mktemp("openxml")
    files = [*sop_documents(out), *redlines(out), *life_cycle_documents(out)]
    files.append(broken_copy(files[0], out / "rusak.docx"))
    runtime = tmp_path_factory.mktemp("dotnet")
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("openxml_check.py")), str(runtime)]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, list[dict[str, str]]] = json.loads(done.stdout)
    assert sorted(found) == sorted(str(f) for f in files)
    return {Path(k).name: v for k, v in found.items()}


def test_every_docx_sopdoc_writes_is_valid(results: dict[str, list[dict[str, str]]]) -> None:
    written = {name: errors for name, errors in results.items() if name != "rusak.docx"}
    assert len(written) >= 12
    invalid = {name: errors[:5] for name, errors in written.items() if errors}
    assert invalid == {}


def test_a_broken_docx_fails(results: dict[str, list[dict[str, str]]]) -> None:
    errors = results["rusak.docx"]
    assert len(errors) >= 2
    text = " ".join(e["description"] for e in errors)
    assert "tengah" in text and "warna" in text
