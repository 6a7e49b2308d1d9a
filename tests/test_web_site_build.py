"""`sopdoc site` without a browser: the files it writes, incremental rebuilds, bad input."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import sopdoc
from sopdoc.web import situs
from sopdoc.web.situs import MANIFEST, build_site
from sopgen import long_sop

ROOT = Path(__file__).resolve().parents[1]


def _long_spec(path: Path) -> None:
    """The long generated SOP as a draft, with a typed keterkaitan to 010 and one to an SOP
    not in the catalog."""
    data = yaml.safe_load(sopdoc.dumps(long_sop()))
    data["status"] = "draf"
    data["keterkaitan"] = [
        {"sop": "SOP Pengukuran Data Kinerja", "jenis": "prasyarat"},
        "SOP Pengarsipan",
    ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def katalog(tmp_path: Path) -> Path:
    folder = tmp_path / "kebasen"
    shutil.copytree(ROOT / "specs" / "kecamatan-kebasen", folder)
    _long_spec(folder / "099-pelayanan-uji-coba.yaml")
    return folder


def _sopdoc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args], capture_output=True, text=True, check=False
    )


def test_cli_builds_the_site_and_then_writes_nothing(katalog: Path, tmp_path: Path) -> None:
    out = tmp_path / "situs"
    first = _sopdoc("site", str(katalog), "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert "3 SOP:" in first.stdout and "Buka" in first.stdout
    for name in ("index.html", "aset/sopdoc.css", "aset/katalog.js", "aset/cari.js"):
        assert (out / name).is_file(), name
    assert sorted(p.name for p in (out / "unduh").glob("*.docx")) == [
        "PK-KEC-KBS-010-I-2024.docx",
        "PK-KEC-KBS-011-I-2024.docx",
        "PK-KEC-KBS-099-II-2025.docx",
    ]
    # no external reference anywhere: fonts and scripts are bundled
    for page in [out / "index.html", *(out / "sop").glob("*.html")]:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'(src|href)="(https?:)?//', text), page
    css = (out / "aset" / "sopdoc.css").read_text(encoding="utf-8")
    assert "http" not in css and (out / "aset" / "LiberationSans-Regular.ttf").is_file()
    again = _sopdoc("site", str(katalog), "-o", str(out))
    assert again.returncode == 0, again.stderr
    assert "0 halaman ditulis, 3 tidak berubah" in again.stdout
    english = _sopdoc("--lang", "en", "site", "--help")
    assert "static web site" in english.stdout
    assert "situs web statis" in _sopdoc("site", "--help").stdout


def test_one_changed_spec_rewrites_only_what_depends_on_it(
    katalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "situs"
    build_site([katalog], out, docx=False)
    pages = {p.name: p.stat().st_mtime_ns for p in (out / "sop").glob("*.html")}
    index_before = (out / "index.html").read_bytes()
    loaded: list[str] = []
    real_load = situs.load
    monkeypatch.setattr(situs, "load", lambda p: loaded.append(Path(p).name) or real_load(p))

    # an activity of 099 changes: its page and the search index, nothing else
    spec = katalog / "099-pelayanan-uji-coba.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("Meneruskan berkas", "Menyerahkan berkas"),
        encoding="utf-8",
    )
    result = build_site([katalog], out, docx=False)
    assert loaded == ["099-pelayanan-uji-coba.yaml"]  # the others were not even loaded
    assert sorted(p.relative_to(out).as_posix() for p in result.written) == [
        "aset/cari.js",
        "sop/PK-KEC-KBS-099-II-2025.html",
    ]
    assert (out / "index.html").read_bytes() == index_before
    assert "menyerahkan" in (out / "aset" / "cari.js").read_text(encoding="utf-8")

    # 011 renamed: 010's keterkaitan no longer finds it, so 010's page changes too
    loaded.clear()
    spec = katalog / "011-pengumpulan-data-kinerja.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(
        text.replace("nama: Pengumpulan Data Kinerja", "nama: Pengumpulan Data Kinerja Pegawai"),
        encoding="utf-8",
    )
    result = build_site([katalog], out, docx=False)
    written = sorted(p.relative_to(out).as_posix() for p in result.written)
    assert "sop/PK-KEC-KBS-010-I-2024.html" in written
    assert "sop/PK-KEC-KBS-011-I-2024.html" in written
    assert "sop/PK-KEC-KBS-099-II-2025.html" not in written
    assert "index.html" in written
    page_010 = (out / "sop" / "PK-KEC-KBS-010-I-2024.html").read_text(encoding="utf-8")
    assert 'href="PK-KEC-KBS-011-I-2024.html"' not in page_010
    assert result.unchanged == 1

    # a removed spec takes its page with it
    (katalog / "099-pelayanan-uji-coba.yaml").unlink()
    build_site([katalog], out, docx=False)
    assert not (out / "sop" / "PK-KEC-KBS-099-II-2025.html").exists()
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest["pages"]) == 2
    assert pages  # the first build wrote pages


def test_index_and_search_index_hold_every_sop(katalog: Path, tmp_path: Path) -> None:
    out = tmp_path / "situs"
    result = build_site([katalog], out, docx=False)
    script = (out / "aset" / "cari.js").read_text(encoding="utf-8")
    data = json.loads(script.removeprefix("window.SOPDOC_CARI=").rstrip(";\n"))
    assert data["k"] == sorted(data["k"]) and len(data["k"]) == len(data["p"])
    postings = dict(zip(data["k"], data["p"], strict=True))
    # 'pengukuran' is in the nama of 010 (weight 10) and elsewhere only lower
    rows = re.findall(r'<tr data-unit="[^"]*" data-status="[^"]*">(.*?)</tr>', _read(out))
    assert len(rows) == result.total == 3
    i = next(k for k, row in enumerate(rows) if "Pengukuran Data Kinerja" in row)
    pairs = dict(zip(postings["pengukuran"][::2], postings["pengukuran"][1::2], strict=True))
    assert pairs[i] == 10
    assert "dan" not in postings  # stopwords are left out


def _read(out: Path) -> str:
    return (out / "index.html").read_text(encoding="utf-8")


def test_bad_spec_is_a_clear_error_and_writes_nothing(katalog: Path, tmp_path: Path) -> None:
    spec = katalog / "010-pengukuran-data-kinerja.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("nama: Pengukuran", "nama: [Pengukuran"),
        encoding="utf-8",
    )
    out = tmp_path / "situs"
    done = _sopdoc("site", str(katalog), "-o", str(out), "--no-docx")
    assert done.returncode == 2
    assert re.search(r"010-pengukuran-data-kinerja\.yaml:\d+:\d+: ", done.stderr)
    assert "Traceback" not in done.stderr
    assert not (out / "index.html").exists()
    usage = _sopdoc("site", str(katalog), "-o", str(out), "--pdf", "--no-docx")
    assert usage.returncode == 2 and "--pdf" in usage.stderr


def test_git_history_shows_what_changed_per_revision(tmp_path: Path) -> None:
    """In a git repository each commit that touched a spec is listed with its changes."""
    repo = tmp_path / "repo"
    folder = repo / "kebasen"
    shutil.copytree(ROOT / "specs" / "kecamatan-kebasen", folder)

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=Sekretariat", "-c", "user.email=sekretariat@example.id",
             *args],
            cwd=repo, check=True, capture_output=True,
        )  # fmt: skip

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "SOP Kebasen ditetapkan")
    spec = folder / "010-pengukuran-data-kinerja.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("waktu: 5 hari", "waktu: 4 hari"),
        encoding="utf-8",
    )
    git("commit", "-q", "-am", "Revisi 1: unggah data dipercepat")
    out = tmp_path / "situs"
    build_site([folder], out, docx=False)
    page = (out / "sop" / "PK-KEC-KBS-010-I-2024.html").read_text(encoding="utf-8")
    assert "Perubahan pada setiap revisi (git)" in page
    assert "Revisi 1: unggah data dipercepat" in page
    assert "SOP ditambahkan ke katalog." in page  # the first commit added it
    revision = page.split("Revisi 1: unggah data dipercepat", 1)[1].split("</details>", 1)[0]
    assert "<del>5</del>" in revision and "<ins>4</ins>" in revision
    other = (out / "sop" / "PK-KEC-KBS-011-I-2024.html").read_text(encoding="utf-8")
    assert "Revisi 1" not in other
