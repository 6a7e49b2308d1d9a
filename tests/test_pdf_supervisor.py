"""The batch supervisor of ``sopdoc.pdf.convert`` against a stand-in office program.

A real LibreOffice cannot be made to hang or crash on purpose, so these tests run
``convert`` with a small program that speaks LibreOffice's batch protocol (prints
``convert IN -> OUT`` after loading each file, ``Error: source file could not be
loaded`` for a file it cannot open) and hangs, crashes or refuses a file on demand.
The real LibreOffice is exercised in test_pdf.py.
"""

from __future__ import annotations

import importlib
import io
import os
import stat
import sys
from pathlib import Path

import pytest
from pypdf import PdfWriter

from sopdoc.pdf import LibreOfficeMissing, PdfJob, convert, find_soffice

FAKE = """#!{python}
import os, signal, sys, time
from pathlib import Path

args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
with open(os.environ["FAKE_OFFICE_LOG"], "a") as log:
    log.write("start\\n")
pdf = Path(os.environ["FAKE_OFFICE_PDF"]).read_bytes()
for arg in args:
    if not arg.endswith(".docx"):
        continue
    text = Path(arg).read_bytes()
    target = out / (Path(arg).stem + ".pdf")
    if b"BROKEN" in text:
        print("Error: source file could not be loaded", flush=True)
        continue
    print(f"convert {{arg}} -> {{target}} using filter : writer_pdf_Export", flush=True)
    if b"HANG" in text or b"CRASH" in text:
        target.write_bytes(pdf[: len(pdf) // 2])  # half written, as when cut off
        if b"HANG" in text:
            time.sleep(3600)
        os.kill(os.getpid(), signal.SIGSEGV)
    target.write_bytes(pdf)
"""


@pytest.fixture()
def fake_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    (tmp_path / "page.pdf").write_bytes(buffer.getvalue())
    program = tmp_path / "office" / "soffice"
    program.parent.mkdir()
    program.write_text(FAKE.format(python=sys.executable))
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "starts.log"
    monkeypatch.setenv("FAKE_OFFICE_LOG", str(log))
    monkeypatch.setenv("FAKE_OFFICE_PDF", str(tmp_path / "page.pdf"))
    return program, log


def _jobs(tmp_path: Path, contents: list[str]) -> list[PdfJob]:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    jobs = []
    for i, content in enumerate(contents):
        docx = src / f"sop-{i}.docx"
        docx.write_text(content)
        jobs.append(PdfJob(docx, out / f"sop-{i}.pdf"))
    return jobs


def test_hang_crash_and_unreadable_files_are_reported_and_the_batch_goes_on(
    tmp_path: Path, fake_office: tuple[Path, Path]
) -> None:
    program, log = fake_office
    jobs = _jobs(tmp_path, ["ok", "HANG", "ok", "CRASH", "BROKEN", "ok"])
    progress: list[int] = []
    results = convert(jobs, timeout=1.5, soffice=str(program), on_progress=progress.append)

    assert [r.ok for r in results] == [True, False, True, False, False, True]
    assert "timed out after 1.5 s" in (results[1].error or "")
    assert "crashed (signal SIGSEGV)" in (results[3].error or "")
    assert results[4].error == "LibreOffice could not open it"
    # one process for the batch, a fresh one after the hang and after the crash
    assert log.read_text().count("start") == 3
    assert progress == [0, 1, 2, 3, 5]
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["sop-0.pdf", "sop-2.pdf", "sop-5.pdf"]
    for result in results:
        assert result.ok == result.job.pdf.exists()
        assert result.pages == (1 if result.ok else 0)


def test_an_unreadable_input_is_reported_without_starting_office_for_it(
    tmp_path: Path, fake_office: tuple[Path, Path]
) -> None:
    program, log = fake_office
    jobs = _jobs(tmp_path, ["ok"])
    missing = PdfJob(tmp_path / "nowhere.docx", tmp_path / "out" / "nowhere.pdf")
    results = convert([missing, *jobs], soffice=str(program))
    assert not results[0].ok
    assert "cannot read the DOCX" in (results[0].error or "")
    assert results[1].ok
    assert log.read_text().count("start") == 1


def test_missing_libreoffice_names_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("SOPDOC_SOFFICE", raising=False)
    assert find_soffice() is None
    jobs = _jobs(tmp_path, ["ok"])
    with pytest.raises(LibreOfficeMissing) as caught:
        convert(jobs)
    message = str(caught.value)
    assert "apt-get install libreoffice-writer-nogui fonts-liberation" in message
    assert "make system" in message
    assert not os.path.exists(tmp_path / "out")


def test_a_long_batch_is_cut_into_chunks_of_one_process_each(
    tmp_path: Path, fake_office: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    program, log = fake_office
    monkeypatch.setattr(importlib.import_module("sopdoc.pdf.convert"), "CHUNK", 2)
    jobs = _jobs(tmp_path, ["ok", "ok", "HANG", "ok", "ok"])
    results = convert(jobs, timeout=1.0, soffice=str(program))
    assert [r.ok for r in results] == [True, True, False, True, True]
    # [0, 1], [2 (hangs), 3] -> [3, 4]: three processes
    assert log.read_text().count("start") == 3


def test_workers_share_the_batch_and_results_keep_job_order(
    tmp_path: Path, fake_office: tuple[Path, Path]
) -> None:
    program, log = fake_office
    jobs = _jobs(tmp_path, ["ok", "ok", "BROKEN", "ok", "ok"])
    progress: list[int] = []
    results = convert(jobs, soffice=str(program), workers=2, on_progress=progress.append)
    assert [r.job for r in results] == jobs
    assert [r.ok for r in results] == [True, True, False, True, True]
    assert log.read_text().count("start") == 2
    assert sorted(progress) == [0, 1, 3, 4]


def test_a_wrong_sopdoc_soffice_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOPDOC_SOFFICE", str(tmp_path / "no-office"))
    with pytest.raises(LibreOfficeMissing, match=r"SOPDOC_SOFFICE=.*no-office is not a file"):
        convert(_jobs(tmp_path, ["ok"]))
