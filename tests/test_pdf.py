"""DOCX -> PDF through the real LibreOffice: one batch for the module, read back with pypdf."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

import sopdoc
from sopdoc import Sop
from sopdoc.docx import tanggal_indonesia
from sopdoc.layout import layout_prosedur
from sopdoc.pdf import LibreOfficeMissing, PdfJob, PdfResult, convert, find_soffice, meta_for
from sopdoc.pdf.convert import office_binary
from sopdoc.pdf.meta import pdf_whole

ROOT = Path(__file__).resolve().parents[1]
SOFFICE = find_soffice()  # required: `make test` installs LibreOffice (scripts/system-deps.sh)


def catalog() -> list[Sop]:
    """The Kebasen SOPs plus a long variant (three times the steps) of the first."""
    sops = list(sopdoc.load_catalog(ROOT / "specs" / "kecamatan-kebasen"))
    long = sops[0].model_copy(
        update={
            "nomor": "PK. KEC. KBS / 012 / I / 2024",
            "nama": "Pengukuran Data Kinerja Tahunan",
            "kegiatan": [*sops[0].kegiatan] * 3,
        }
    )
    return [*sops, long]


def squash(text: str) -> str:
    """Text without spacing or case: documents print names in capitals and wrap lines."""
    return "".join(text.split()).casefold()


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Sop], list[PdfResult], Path]:
    work = tmp_path_factory.mktemp("pdf")
    sops = catalog()
    jobs = []
    for i, sop in enumerate(sops):
        docx = work / "docx" / f"sop-{i}.docx"
        docx.parent.mkdir(exist_ok=True)
        sopdoc.build_docx(sop, docx)
        jobs.append(PdfJob(docx, work / "out" / f"sop-{i}.pdf", meta_for(sop)))
    # the first document once more: the same input must give the same bytes
    jobs.append(PdfJob(jobs[0].docx, work / "out" / "again.pdf", meta_for(sops[0])))
    return sops, convert(jobs), work


def test_every_document_converts_whole(batch: tuple[list[Sop], list[PdfResult], Path]) -> None:
    _, results, work = batch
    assert [r.error for r in results] == [None] * len(results)
    for result in results:
        assert result.ok
        assert pdf_whole(result.job.pdf) == result.pages == len(PdfReader(result.job.pdf).pages)
    # the long variant has three times the steps: more pages than the original
    assert results[2].pages > results[0].pages >= 2
    names = sorted(p.name for p in (work / "out").iterdir())
    assert names == sorted(r.job.pdf.name for r in results)  # nothing half-written left over


def test_page_breaks_are_the_layouts(batch: tuple[list[Sop], list[PdfResult], Path]) -> None:
    """The PDF has the identity page, then one page per procedure page of the layout, and
    each step's activity is on the page the layout put it on."""
    sops, results, _ = batch
    for sop, result in zip(sops, results, strict=False):
        layout = layout_prosedur(sop)
        reader = PdfReader(result.job.pdf)
        pages = 1 + len(layout.pages) + layout.closing_new_page  # the signature's own page
        assert len(reader.pages) == pages, sop.nomor
        for number, page in enumerate(layout.pages, start=1):
            text = squash(reader.pages[number].extract_text())
            for step in page.steps:
                assert squash(sop.kegiatan[step].aktivitas) in text, (sop.nomor, number, step)


def test_every_field_text_is_extractable(batch: tuple[list[Sop], list[PdfResult], Path]) -> None:
    sops, results, _ = batch
    for sop, result in zip(sops, results, strict=False):
        text = squash(" ".join(p.extract_text() for p in PdfReader(result.job.pdf).pages))
        ttd = sop.disahkan_oleh
        fields = [sop.nomor, sop.nama, *sop.kop, *sop.pelaksana.values()]
        fields += [ttd.jabatan, ttd.nama, ttd.pangkat or "", ttd.nip or ""]
        fields += [tanggal_indonesia(sop.tanggal.pembuatan)]
        fields += [*sop.dasar_hukum, *sop.kualifikasi_pelaksana, *sop.keterkaitan]
        fields += [*sop.peralatan_perlengkapan, sop.peringatan or "", *sop.pencatatan_pendataan]
        for k in sop.kegiatan:
            fields += [k.aktivitas, k.kelengkapan or "", str(k.waktu or ""), k.output or ""]
            fields += [k.keterangan or ""]
        # lane labels are printed in capitals in the table header, as in the seeds
        missing = [f for f in fields if squash(f) not in text and squash(f).upper() not in text]
        assert missing == [], f"{sop.nomor}: not found in the PDF text: {missing}"


def test_metadata_and_reproducible_bytes(batch: tuple[list[Sop], list[PdfResult], Path]) -> None:
    sops, results, _ = batch
    for sop, result in zip(sops, results, strict=False):
        info = PdfReader(result.job.pdf).metadata
        assert info is not None
        assert info.title == sop.nama
        assert info.subject == sop.nomor
        assert info.author == sop.unit
        assert info["/CreationDate"] == "D:20240109"
    assert results[-1].job.pdf.read_bytes() == results[0].job.pdf.read_bytes()


def test_same_pages_as_a_plain_libreoffice_conversion(
    batch: tuple[list[Sop], list[PdfResult], Path],
) -> None:
    """The batch and the metadata rewrite change no page: every content stream is the one
    a plain ``soffice --convert-to pdf`` of the same DOCX gives."""
    _, results, work = batch
    assert SOFFICE is not None
    plain = work / "plain"
    docx = results[2].job.docx
    for _ in range(2):  # a fresh profile makes the first start ask for a restart (81)
        done = subprocess.run(
            [
                office_binary(SOFFICE),
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(plain),
                str(docx),
            ],
            capture_output=True,
            timeout=180,
            check=False,
        )
        if done.returncode != 81:
            break
    assert done.returncode == 0, done.stdout + done.stderr
    ours = PdfReader(results[2].job.pdf)
    theirs = PdfReader(plain / docx.with_suffix(".pdf").name)
    assert len(ours.pages) == len(theirs.pages)
    for mine, other in zip(ours.pages, theirs.pages, strict=True):
        assert mine.get_contents().get_data() == other.get_contents().get_data()  # type: ignore[union-attr]
        assert [round(float(v), 2) for v in mine.mediabox] == [
            round(float(v), 2) for v in other.mediabox
        ]


def test_killing_libreoffice_mid_batch_keeps_finished_files_whole(tmp_path: Path) -> None:
    sops = catalog()
    jobs = []
    for i in range(6):
        docx = tmp_path / "docx" / f"sop-{i}.docx"
        docx.parent.mkdir(exist_ok=True)
        sopdoc.build_docx(sops[i % len(sops)], docx)
        jobs.append(PdfJob(docx, tmp_path / "out" / f"sop-{i}.pdf", meta_for(sops[i % len(sops)])))
    pids: list[int] = []

    def kill_at_third(index: int) -> None:
        if index == 2:  # jobs 0 and 1 are written; LibreOffice is writing job 2
            os.kill(pids[-1], signal.SIGKILL)

    results = convert(jobs, on_start=pids.append, on_progress=kill_at_third)

    assert [r.ok for r in results[:2]] == [True, True]
    assert not any(r.ok for r in results[3:])
    for result in results[3:]:
        assert "LibreOffice was stopped (SIGKILL)" in (result.error or "")
    for result in results:
        if result.ok:
            assert pdf_whole(result.job.pdf) == result.pages > 0
        else:
            assert result.error
            assert not result.job.pdf.exists()
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(r.job.pdf.name for r in results if r.ok)


SOPDOC = str(Path(sys.executable).with_name("sopdoc"))


def test_cli_build_pdf_writes_a_pdf_beside_each_docx(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [SOPDOC, "build", str(ROOT / "specs"), "-o", str(out)]
    docx_only = subprocess.run(command, capture_output=True, text=True, check=False)
    assert docx_only.returncode == 0, docx_only.stderr
    assert list(out.glob("*.pdf")) == []
    # the DOCX are unchanged (their specs are not even loaded), their PDFs are missing
    first = subprocess.run([*command, "--pdf"], capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert "0 dibuat, 2 tidak berubah" in first.stdout
    docx = sorted(out.glob("*.docx"))
    assert len(docx) == 2
    for path in docx:
        pdf = path.with_suffix(".pdf")
        assert pdf_whole(pdf) >= 2
        assert f"ditulis {pdf}" in first.stdout
        info = PdfReader(pdf).metadata
        assert info is not None and info.author == "Kecamatan Kebasen"
    assert "2 PDF ditulis, 0 gagal" in first.stdout
    again = subprocess.run([*command, "--pdf"], capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
    assert "0 PDF ditulis, 0 gagal, 2 tidak berubah" in again.stdout


def test_cli_build_pdf_without_libreoffice_writes_the_docx_and_says_how(tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k != "SOPDOC_SOFFICE"}
    env["PATH"] = str(tmp_path)  # no soffice anywhere
    done = subprocess.run(
        [SOPDOC, "build", str(ROOT / "specs"), "-o", str(out), "--pdf"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 4
    assert "apt-get install libreoffice-writer-nogui fonts-liberation" in done.stderr
    assert "berkas DOCX sudah ditulis" in done.stderr
    assert len(list(out.glob("*.docx"))) == 2
    assert list(out.glob("*.pdf")) == []


def test_library_build_pdf_writes_docx_first_then_needs_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("SOPDOC_SOFFICE", raising=False)
    sops = catalog()[:2]
    with pytest.raises(LibreOfficeMissing):
        sopdoc.build_pdf(sops, tmp_path / "out")
    assert len(list((tmp_path / "out").glob("*.docx"))) == 2
