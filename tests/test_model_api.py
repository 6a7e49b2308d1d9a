"""The model as a Python API: checked on construction and assignment, sopdoc's errors
with 1-based spec paths and a structured path, typed for mypy --strict without a plugin."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import sopdoc
from sopdoc import Kegiatan, Penandatangan, Sop, SopdocError, SpecLoadError, Tanggal
from sopdoc.i18n import set_language
from sopdoc.spec import load_text

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".mypy_cache" / "user-script"  # kept between runs: the check stays fast


@pytest.fixture(autouse=True)
def english() -> object:
    set_language("en")
    yield None
    set_language(None)


def minimal() -> Sop:
    return Sop(
        nomor="PK / 001 / I / 2024",
        nama="Contoh",
        instansi="Pemerintah Kabupaten Contoh",
        unit="Kecamatan Contoh",
        tanggal=Tanggal(pembuatan=datetime.date(2024, 1, 9)),
        disahkan_oleh=Penandatangan(jabatan="Camat Contoh", nama="Budi"),
        pelaksana={"camat": "Camat"},
        kegiatan=[
            Kegiatan(aktivitas="Menerima surat", pelaksana="camat"),
            Kegiatan(aktivitas="Memeriksa", pelaksana="camat", waktu="5 menit"),
        ],
    )


def test_construction_errors_are_sopdocs_with_one_based_paths() -> None:
    with pytest.raises(SpecLoadError) as info:
        Sop(**{**minimal().model_dump(), "kegiatan": [{"aktivitas": "x", "pelaksana": "camat",
                                                       "waktu": "lima menit"}]})  # fmt: skip
    assert isinstance(info.value, SopdocError)
    (err,) = info.value.errors
    assert err.path == "kegiatan[1].waktu"
    assert err.parts == ("kegiatan", 0, "waktu")
    assert "waktu 'lima menit' is not a number followed by a unit" in err.message
    assert "'5 menit'" in err.message  # the hint: the accepted form of what was typed
    assert str(err).startswith("<Sop>: ")


def test_a_missing_field_is_named() -> None:
    with pytest.raises(SpecLoadError) as info:
        Kegiatan(aktivitas="Menerima surat")  # type: ignore[call-arg]
    (err,) = info.value.errors
    assert (err.parts, err.message) == (("pelaksana",), "required field 'pelaksana' is missing")


def test_assignment_is_checked() -> None:
    sop = minimal()
    with pytest.raises(SpecLoadError) as info:
        sop.kegiatan[1].waktu = "5 detik"  # type: ignore[assignment]
    (err,) = info.value.errors
    assert err.parts == ("waktu",) and "unknown unit 'detik'" in err.message
    assert sop.kegiatan[1].waktu is not None and sop.kegiatan[1].waktu.teks == "5 menit"
    with pytest.raises(SpecLoadError):
        sop.nama = ""
    with pytest.raises(SpecLoadError):
        sop.kegiatan[0].jika_tidak = 0
    sop.kegiatan[1].waktu = "2 jam 30 menit"  # type: ignore[assignment]
    assert sop.kegiatan[1].waktu.menit == 150
    sop.nama = "Contoh Baru"
    again = load_text(sopdoc.dumps(sop), "x", "x.yaml", settings=False)
    assert again.model_dump() == sop.model_dump()


def test_assignment_to_a_loaded_sop_names_the_file_and_line() -> None:
    sop = sopdoc.load(ROOT / "specs" / "kecamatan-kebasen" / "010-pengukuran-data-kinerja.yaml")
    with pytest.raises(SpecLoadError) as info:
        sop.kertas = "A5"  # type: ignore[assignment]
    (err,) = info.value.errors
    assert err.location.file.endswith("sopdoc.yaml") or err.location.file.endswith(".yaml")
    assert err.location.line > 0


def test_every_public_function_takes_a_path_like(tmp_path: Path) -> None:
    spec = ROOT / "specs" / "kecamatan-kebasen" / "010-pengukuran-data-kinerja.yaml"
    assert sopdoc.load(str(spec)) == sopdoc.load(spec)
    assert len(sopdoc.load_catalog(str(spec.parent))) == len(sopdoc.load_catalog(spec.parent))


USER_SCRIPT = '''
"""A user's script: an SOP built in Python with only the required fields."""

import datetime

import sopdoc
from sopdoc import Kegiatan, Penandatangan, Sop, Tanggal

sop = Sop(
    nomor="PK / 001 / I / 2024",
    nama="Contoh",
    instansi="Pemerintah Kabupaten Contoh",
    unit="Kecamatan Contoh",
    tanggal=Tanggal(pembuatan=datetime.date(2024, 1, 9)),
    disahkan_oleh=Penandatangan(jabatan="Camat Contoh", nama="Budi"),
    pelaksana={"camat": "Camat"},
    kegiatan=[Kegiatan(aktivitas="Menerima surat", pelaksana="camat")],
)
sop.kegiatan[0].output = "Surat"
total: float = sop.total_menit
findings: int = len(sopdoc.lint(sop).findings)
text: str = sopdoc.dumps(sop)
try:
    sopdoc.load("spec.yaml")
except sopdoc.SpecLoadError as exc:
    paths: list[tuple[str | int, ...]] = [e.parts for e in exc.errors]
'''


def test_mypy_strict_passes_on_a_user_script_without_a_plugin(tmp_path: Path) -> None:
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent))
    assert mypy is not None
    script = tmp_path / "user.py"
    script.write_text(textwrap.dedent(USER_SCRIPT), encoding="utf-8")
    done = subprocess.run(
        [mypy, "--strict", "--config-file", "/dev/null", "--cache-dir", str(CACHE), str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
