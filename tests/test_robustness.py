"""Hardening: every bad input and every fault of the environment ends in a clear error.

Faults that a test cannot cause for real on any machine (a full disk, a read-only
folder when the tests run as root) are simulated by making the system call fail
with the errno the kernel gives (``os.fsync`` raising ENOSPC, ``tempfile.mkstemp``
raising EROFS); where the machine allows it (root, Linux) a real full tmpfs is
used as well.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import sopdoc
from sopdoc import SpecLoadError
from sopdoc.build import MAX_STEM, build_paths, output_name
from sopdoc.cli import main as cli_main
from sopdoc.docx import CORE_PROPERTY_MAX, render_docx
from sopdoc.fileio import FileFault, FileTooBig, clean_stale_parts, read_limited, write_atomic
from sopdoc.i18n import set_language
from sopdoc.layout.metrics import font, wrap
from sopdoc.source import MAX_NODES, parse_yaml
from sopdoc.waktu import parse_waktu
from sopgen import base

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs" / "kecamatan-kebasen"
SPEC = SPECS / "010-pengukuran-data-kinerja.yaml"
SOPDOC = [sys.executable, "-m", "sopdoc", "--lang", "en"]


@pytest.fixture(autouse=True)
def english() -> object:
    set_language("en")
    yield
    set_language(None)


def catalog(tmp_path: Path) -> Path:
    """A copy of the example catalog (spec files and sopdoc.yaml), stopped by a .git."""
    folder = tmp_path / "specs"
    shutil.copytree(SPECS, folder)
    (tmp_path / ".git").mkdir(exist_ok=True)
    return folder


def spec_with(tmp_path: Path, old: str, new: str) -> Path:
    folder = catalog(tmp_path)
    path = folder / SPEC.name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    with pytest.raises(SpecLoadError) as info:
        sop = sopdoc.load(path)
        render_docx(sop)
    return [str(e) for e in info.value.errors]


# -- reading files: bounded, regular files only ---------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "spec.yaml"
    os.mkfifo(fifo)
    with pytest.raises(FileFault, match=r"named pipe \(FIFO\), not a regular file"):
        read_limited(fifo, 100)
    # the CLI: validate and build both end at once with exit 2 (a reader would block forever)
    for args in (["validate", str(fifo)], ["build", str(fifo), "-o", str(tmp_path / "out")]):
        run = subprocess.run(
            [sys.executable, "-m", "sopdoc", "--lang", "en", *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 2, run.stderr
        assert "spec.yaml:1:1: error: cannot read file: it is a named pipe (FIFO)" in run.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_link_to_dev_zero_is_refused_before_reading(tmp_path: Path) -> None:
    link = tmp_path / "spec.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(SpecLoadError, match="it is a device, not a regular file"):
        sopdoc.load(link, settings=False)


def test_reads_stop_at_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileTooBig, match="larger than 100 bytes") as info:
        read_limited(big, 100)
    assert info.value.size == 101
    assert read_limited(big, 101) == b"x" * 101
    with pytest.raises(FileFault, match="it is a folder"):
        read_limited(tmp_path, 100)
    with pytest.raises(FileFault, match="NUL character"):
        read_limited(str(tmp_path / "a\x00b"), 100)


# -- the seven crashes of the outside fuzzing ------------------------------------------


def _png(path: Path) -> Path:
    path.write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d4944415478da63f8cfc0f01f0005000201e5b0a3c30000000049454e44ae426082"
        )
    )
    return path


@pytest.mark.parametrize(
    ("logo", "content", "message"),
    [
        ("logo.png", b"not an image\n", "the logo file is not an image Word can show"),
        ("logo.png", b"", "the logo file is empty"),
        ("logo.png", None, "logo file not found: "),
        ("a\\0b.png", None, "character U+0000 cannot be written into a DOCX"),
        ("x" * 256 + ".png", None, "logo file not found: "),
        ("logo-folder", "dir", "it is a folder, not a regular file"),
    ],
    ids=["not-an-image", "empty", "missing", "nul-byte", "name-256", "folder"],
)
def test_a_bad_logo_is_an_error_at_the_logo_key(
    tmp_path: Path, logo: str, content: bytes | str | None, message: str
) -> None:
    path = spec_with(tmp_path, "nomor:", f'logo: "{logo}"\nnomor:')
    if isinstance(content, bytes):
        (path.parent / logo).write_bytes(content)
    elif content == "dir":
        (path.parent / logo).mkdir()
    errors = errors_of(path)
    assert len(errors) == 1
    line = next(
        n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("logo:")
    )
    assert errors[0].startswith(f"{path}:{line}:7: ")
    assert message in errors[0]
    assert errors[0].endswith("(logo)")


def test_a_real_logo_still_works(tmp_path: Path) -> None:
    path = spec_with(tmp_path, "nomor:", "logo: logo.png\nnomor:")
    _png(path.parent / "logo.png")
    data = render_docx(sopdoc.load(path))
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        assert any(n.startswith("word/media/") for n in z.namelist())


@pytest.mark.parametrize("key", ["nomor", "nama", "unit"])
def test_long_identity_values_are_cut_in_the_core_properties(tmp_path: Path, key: str) -> None:
    long = "Kata " * 80 + "A" * 300
    sop = sopdoc.Sop.model_validate(base(**{key: long}))
    data = render_docx(sop)
    from docx import Document

    doc = Document(__import__("io").BytesIO(data))
    props = doc.core_properties
    value = {"nomor": props.subject, "nama": props.title, "unit": props.author}[key]
    assert 0 < len(value) <= CORE_PROPERTY_MAX
    assert value.endswith("…")
    if key == "unit":  # printed only in the kop, which this SOP writes itself
        return
    # the document itself keeps the whole value
    assert long.split()[-1][:100] in "".join(p.text for p in doc.paragraphs) + "".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )


@pytest.mark.parametrize(
    "waktu",
    ["1" + "0" * 309 + " menit", "0 x " + "9" * 400 + " menit", "100001 menit", "1-1e9 hari"],
)
def test_a_waktu_too_large_is_an_error(waktu: str) -> None:
    with pytest.raises(ValueError, match=r"too large|not a number followed by a unit"):
        parse_waktu(waktu)


def test_a_waktu_overflow_is_an_error_at_its_place(tmp_path: Path) -> None:
    path = spec_with(tmp_path, "waktu: 5 menit", "waktu: 0 x " + "9" * 400 + " menit")
    errors = errors_of(path)
    assert len(errors) == 1 and "is too large: at most 100,000 of a unit" in errors[0]
    assert errors[0].startswith(f"{path}:50:12: ")
    # lint reports it as a load error (exit 2), not as an internal error
    run = subprocess.run(
        [sys.executable, "-m", "sopdoc", "--lang", "en", "lint", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2 and "internal error" not in run.stderr, run.stderr


@pytest.mark.parametrize(
    ("option", "found"),
    [("maks_menit: [1, 2]", "['1', '2']"), ("maks_menit: banyak", "'banyak'")],
)
def test_a_lint_option_of_the_wrong_type_is_an_error(
    tmp_path: Path, option: str, found: str
) -> None:
    folder = catalog(tmp_path)
    settings = folder / "sopdoc.yaml"
    settings.write_text(
        settings.read_text() + f"lint:\n  options:\n    W102:\n      {option}\n", encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, "-m", "sopdoc", "--lang", "en", "lint", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2, run.stderr
    assert f"W102.maks_menit must be a number, found {found}" in run.stderr


def test_a_lint_option_written_as_text_is_read_as_its_kind(tmp_path: Path) -> None:
    folder = catalog(tmp_path)
    settings = folder / "sopdoc.yaml"
    settings.write_text(
        settings.read_text() + "lint:\n  options:\n    W102:\n      maks_menit: '1'\n",
        encoding="utf-8",
    )
    result = sopdoc.lint(folder)
    assert any(f.code == "W102" for f in result.findings)  # 5 menit > 1 menit: now flagged


# -- bounded work ------------------------------------------------------------------------


@pytest.mark.parametrize("length", [40_000, 80_000])
def test_one_long_word_wraps_into_lines_that_fit(length: int) -> None:
    word = "W" * length
    lines = wrap(word, 100.0, 8.0)
    assert "".join(lines) == word
    per_line = int(100.0 // (font().widths[ord("W")] * 8.0 / font().units_per_em))
    assert [len(line) for line in lines[:-1]] == [per_line] * (len(lines) - 1)
    assert 0 < len(lines[-1]) <= per_line


def test_a_long_word_among_words_keeps_the_words(tmp_path: Path) -> None:
    lines = wrap("awal " + "x" * 500 + " akhir", 60.0, 8.0)
    assert lines[0] == "awal" and lines[-1].endswith(" akhir")
    assert "".join(lines[1:-1]) + lines[-1].split(" ")[0] == "x" * 500


def test_a_big_list_is_not_called_an_alias_bomb() -> None:
    text = "kegiatan:\n" + "  - x\n" * (MAX_NODES + 1)
    with pytest.raises(SpecLoadError) as info:
        parse_yaml(text, "big.yaml")
    (error,) = info.value.errors
    assert str(error).startswith("big.yaml:1:1: the value of 'kegiatan' holds more than 100,000")
    assert "alias" not in error.message


def test_an_alias_bomb_is_still_called_one() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcd", "bcde", strict=True)
    )
    with pytest.raises(SpecLoadError, match="an alias bomb"):
        parse_yaml(bomb, "bomb.yaml")


@pytest.mark.parametrize(
    ("text", "where", "code"),
    [
        ("nomor: A\nnama: ab\x01c\n", "2:9", "0001"),
        ("nomor: A\n# é\nnama: x\n  \x7f\n", "4:3", "007F"),
        ("nomor: \ufffe\n", "1:8", "FFFE"),
    ],
)
def test_a_control_character_is_reported_at_its_own_place(text: str, where: str, code: str) -> None:
    with pytest.raises(SpecLoadError) as info:
        parse_yaml(text, "c.yaml")
    assert [str(e) for e in info.value.errors] == [
        f"c.yaml:{where}: character U+{code} is not allowed in YAML (a control character); "
        "remove it"
    ]


# -- output names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nomor", ["CON", "nul", "Aux", "PRN", "COM1", "com9", "LPT1", "lpt9", "NUL.", " CON "]
)
def test_windows_device_names_are_never_output_names(nomor: str) -> None:
    name = output_name(nomor)
    stem = name.removesuffix(".docx")
    assert stem.upper().rstrip("_") == nomor.strip(" .").upper()
    assert stem.endswith("_")


def test_long_nomors_are_shortened_stably_and_stay_apart() -> None:
    a, b = "PK / " + "A" * 300, "PK / " + "A" * 300 + " / 2"
    name_a, name_b = output_name(a), output_name(b)
    assert len(name_a.removesuffix(".docx")) == len(name_b.removesuffix(".docx")) == MAX_STEM
    assert name_a != name_b
    assert output_name(a) == name_a  # the same on every run
    for name in (name_a, name_b, output_name("trailing. "), output_name("a:b*c?")):
        stem = name.removesuffix(".docx")
        assert stem[-1] not in ". " and not set(stem) & set('<>:"/\\|?*')
    taken: set[str] = set()
    assert output_name("Abc", taken) == "Abc.docx"
    assert output_name("ABC", taken) == "ABC-2.docx"  # Windows and macOS ignore case


# -- faults of the environment -----------------------------------------------------------


def test_a_full_disk_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "a.docx"
    write_atomic(target, b"old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("sopdoc.fileio.os.fsync", full)
    with pytest.raises(FileFault, match="the disk is full; free some space and run again"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["a.docx"]


def test_build_into_a_full_disk_is_exit_2_and_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = catalog(tmp_path)
    out = tmp_path / "out"

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("sopdoc.fileio.os.fsync", full)
    assert cli_main(["--lang", "en", "build", str(folder), "-o", str(out), "-q"]) == 2
    err = capsys.readouterr().err
    assert f"cannot write {out}/PK-KEC-KBS-010-I-2024.docx: the disk is full" in err
    assert "internal error" not in err
    assert list(out.iterdir()) == []


def test_build_into_a_read_only_folder_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = catalog(tmp_path)
    out = tmp_path / "out"
    out.mkdir()

    def read_only(*args: object, **kwargs: object) -> object:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("sopdoc.fileio.tempfile.mkstemp", read_only)
    assert cli_main(["--lang", "en", "build", str(folder), "-o", str(out), "-q"]) == 2
    err = capsys.readouterr().err
    assert "the file system is read-only; choose another output folder" in err
    assert list(out.iterdir()) == []


def _mount_tmpfs(where: Path, options: str) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    where.mkdir()
    run = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], check=False)
    return run.returncode == 0


def test_a_real_full_tmpfs(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "size=64k"):
        pytest.skip("needs root on Linux to mount a small tmpfs")
    try:
        (disk / "fill").write_bytes(b"\0" * 50_000)
        folder = catalog(tmp_path)
        run = subprocess.run(
            [sys.executable, "-m", "sopdoc", "--lang", "en", "build", str(folder), "-o", str(disk)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 2, run.stderr
        assert "the disk is full; free some space and run again" in run.stderr
        assert not [p for p in disk.iterdir() if p.name.endswith(".part")]
        for docx in disk.glob("*.docx"):  # the ones that fitted are whole
            with zipfile.ZipFile(docx) as z:
                assert z.testzip() is None
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_a_real_read_only_tmpfs(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "ro,size=64k"):
        pytest.skip("needs root on Linux to mount a read-only tmpfs")
    try:
        folder = catalog(tmp_path)
        for out in (disk, disk / "sub"):
            run = subprocess.run(
                [*SOPDOC, "build", str(folder), "-o", str(out)],
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert run.returncode == 2, run.stderr
            assert "the file system is read-only; choose another output folder" in run.stderr
        assert list(disk.iterdir()) == []
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_a_spec_deleted_after_listing_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = catalog(tmp_path)
    import sopdoc.build as build_module

    listed = build_module.spec_files

    def list_then_delete(root: Path) -> list[Path]:
        found = listed(root)
        found[0].unlink()  # another program removes it between listing and reading
        return found

    monkeypatch.setattr(build_module, "spec_files", list_then_delete)
    with pytest.raises(SpecLoadError) as info:
        build_paths([folder], tmp_path / "out")
    (error,) = info.value.errors
    assert error.location.file.endswith("010-pengukuran-data-kinerja.yaml")
    assert "No such file or directory; was it moved or deleted?" in error.message
    assert not (tmp_path / "out" / "PK-KEC-KBS-010-I-2024.docx").exists()


# -- leftovers -----------------------------------------------------------------------------


def test_stale_part_files_of_dead_runs_are_cleaned(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".a.docx.sopdoc-{dead.pid}-x1y2.part"
    live = tmp_path / f".b.docx.sopdoc-{os.getpid()}-x1y2.part"
    old = tmp_path / f".c.docx.sopdoc-{os.getpid()}-old1.part"
    foreign = tmp_path / "notes.part"
    for p in (stale, live, old, foreign):
        p.write_bytes(b"half")
    os.utime(old, (time.time() - 3 * 24 * 3600,) * 2)
    assert sorted(p.name for p in clean_stale_parts(tmp_path)) == sorted([stale.name, old.name])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, foreign.name])


def test_a_build_cleans_what_a_killed_build_left(tmp_path: Path) -> None:
    folder = catalog(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    left = out / f".PK-KEC-KBS-010-I-2024.docx.sopdoc-{dead.pid}-abcd.part"
    left.write_bytes(b"PK\x03\x04half a zip")
    build_paths([folder], out)
    assert sorted(p.name for p in out.iterdir()) == [
        ".sopdoc-cache.json",
        "PK-KEC-KBS-010-I-2024.docx",
        "PK-KEC-KBS-011-I-2024.docx",
    ]


# -- killed runs -----------------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found |= {int(c) for c in task.read_text().split()}
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has ended (its parent was killed)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_kill_9_during_a_two_job_build(tmp_path: Path) -> None:
    """Workers die with their killed parent; the next run leaves no leftover and
    writes what a clean build writes."""
    from bench.catalog import generate_catalog

    specs = tmp_path / "specs"
    generate_catalog(specs, 60, seed=3)
    (tmp_path / ".git").mkdir()
    out, clean = tmp_path / "out", tmp_path / "clean"
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    command = [sys.executable, "-m", "sopdoc", "build", str(specs), "-j", "2", "-q", "-o"]
    proc = subprocess.Popen([*command, str(out)], env=env)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (workers and list(out.glob("*.docx"))):
        workers |= _children(proc.pid)
        time.sleep(0.05)
    assert workers, "the build never started its workers"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if _running(w)], "workers outlived their killed parent"

    assert subprocess.run([*command, str(out)], env=env, timeout=600).returncode == 0
    assert subprocess.run([*command, str(clean)], env=env, timeout=600).returncode == 0
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.endswith(".part")], names
    assert names == sorted(p.name for p in clean.iterdir())
    for docx in clean.glob("*.docx"):
        assert (out / docx.name).read_bytes() == docx.read_bytes(), docx.name


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        for child in _children(todo.pop()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
@pytest.mark.skipif(not shutil.which("soffice"), reason="needs LibreOffice")
@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_a_stopped_pdf_build_leaves_nothing_behind(tmp_path: Path, how: str) -> None:
    """SIGTERM: sopdoc stops LibreOffice and removes its temporary folder at once.
    SIGKILL: LibreOffice dies with sopdoc; the next run removes the folder left."""
    import signal

    folder = catalog(tmp_path)
    temp = tmp_path / "temp"
    temp.mkdir()
    out = tmp_path / "out"
    env = {**os.environ, "TMPDIR": str(temp)}
    build = [sys.executable, "-m", "sopdoc", "build", str(folder), "-q", "-o", str(out)]
    proc = subprocess.Popen([*build, "--pdf"], env=env, stderr=subprocess.PIPE, text=True)
    office: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not office and proc.poll() is None:
        office = {p for p in _descendants(proc.pid) if _comm(p).startswith("soffice")}
        time.sleep(0.05)
    assert office, "LibreOffice never started"
    time.sleep(0.5)  # let it create its profile and temporary files
    proc.send_signal(getattr(signal, how))
    _out, err = proc.communicate(timeout=60)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(p) for p in office):
        time.sleep(0.1)
    assert not [p for p in office if _running(p)], "LibreOffice outlived sopdoc"
    if how == "SIGTERM":
        assert proc.returncode == 128 + signal.SIGTERM, err
        assert "internal error" not in err
    else:
        assert proc.returncode == -signal.SIGKILL
        assert [p.name for p in temp.iterdir() if p.name.startswith("sopdoc-pdf-")]
        # the next run (no PDF this time) clears what the killed one left
        assert subprocess.run(build, env=env, timeout=300).returncode == 0
    assert list(temp.iterdir()) == [], "left in the temporary folder"
    assert not [p.name for p in out.iterdir() if p.name.endswith(".part")]
    for pdf in out.glob("*.pdf"):  # whatever PDF is there is whole
        assert pdf.read_bytes().rstrip().endswith(b"%%EOF")


# -- the other files sopdoc reads: template, baseline ------------------------------------------


def _broken_template(path: Path) -> Path:
    """The shipped template with one field left open, as a hand edit in Word might leave it."""
    from sopdoc.docx import default_template

    with zipfile.ZipFile(default_template()) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"{{ nomor }}", b"{{ nomor ", 1)
                assert b"{{ nomor " in data
            dst.writestr(item, data)
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("text", "is not a Word document (.docx)"),
        ("empty", "is not a Word document (.docx)"),
        ("folder", "it is a folder, not a regular file"),
        ("missing", "No such file or directory; was it moved or deleted?"),
        ("fifo", "it is a named pipe (FIFO), not a regular file"),
        ("broken-field", "has a broken field"),
    ],
)
def test_a_bad_template_is_exit_2(tmp_path: Path, kind: str, message: str) -> None:
    template = tmp_path / "tpl.docx"
    if kind == "text":
        template.write_text("not a document")
    elif kind == "empty":
        template.write_bytes(b"")
    elif kind == "folder":
        template.mkdir()
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(template)
    elif kind == "broken-field":
        _broken_template(template)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "sopdoc",
            "--lang",
            "en",
            "build",
            str(SPEC),
            "-o",
            str(tmp_path / "out"),
            "--template",
            str(template),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2, run.stderr
    assert message in run.stderr and "internal error" not in run.stderr
    assert not list((tmp_path / "out").glob("*.docx")) if (tmp_path / "out").exists() else True


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_as_baseline_is_exit_2(tmp_path: Path) -> None:
    fifo = tmp_path / "baseline.json"
    os.mkfifo(fifo)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "sopdoc",
            "--lang",
            "en",
            "lint",
            str(SPEC),
            "--baseline",
            str(fifo),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2, run.stderr
    assert "it is a named pipe (FIFO), not a regular file" in run.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_full_device_is_exit_2(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [*SOPDOC, "validate", str(SPECS)], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert run.returncode == 2, run.stderr
    assert run.stderr.strip() == "sopdoc: error: the disk is full; free some space and run again"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_named_sopdoc_yaml_is_reported(tmp_path: Path) -> None:
    folder = catalog(tmp_path)
    (folder / "sopdoc.yaml").unlink()
    os.mkfifo(folder / "sopdoc.yaml")
    run = subprocess.run(
        [*SOPDOC, "validate", str(folder)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 2
    assert "sopdoc.yaml:1:1: error: cannot read file: it is a named pipe (FIFO)" in run.stderr
