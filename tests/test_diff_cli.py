"""`sopdoc diff` end to end: files, git revisions, catalogs, the three formats."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "specs" / "kecamatan-kebasen" / "011-pengumpulan-data-kinerja.yaml"
SOPDOC = str(Path(sys.executable).with_name("sopdoc"))
REVISED = ROOT / "examples" / "revisi-pengumpulan" / "011-pengumpulan-data-kinerja.yaml"


def sopdoc(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SOPDOC, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(cwd), "NO_COLOR": "1"},
    )


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding the Kebasen catalog, committed once."""
    shutil.copytree(ROOT / "specs" / "kecamatan-kebasen", tmp_path / "specs")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "SOP as signed")
    return tmp_path


def test_text_diff_of_two_files() -> None:
    done = sopdoc("diff", str(SPEC), str(REVISED))
    assert done.returncode == 0, done.stderr
    assert "+ Langkah 5 disisipkan: Memverifikasi kelengkapan" in done.stdout
    assert "Output: Draft Pengukuran Data Kinerja → Draft Pengumpulan Data Kinerja" in done.stdout
    assert "Penomoran ulang: langkah 5–8 → 6–9" in done.stdout
    assert "\033[" not in done.stdout  # NO_COLOR


def test_exit_code_and_json() -> None:
    done = sopdoc("diff", str(SPEC), str(REVISED), "--format", "json", "--exit-code")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    kinds = [c["jenis"] for c in data["perubahan"]]
    assert kinds.count("langkah_disisipkan") == 1
    assert data["dampak"]["jumlah_langkah_baru"] == 9
    same = sopdoc("diff", str(SPEC), str(SPEC), "--exit-code")
    assert same.returncode == 0
    assert "Tidak ada perubahan isi." in same.stdout


def test_markdown_marks_the_changed_words() -> None:
    done = sopdoc("diff", str(SPEC), str(REVISED), "-f", "markdown")
    assert done.returncode == 0, done.stderr
    assert "- ➕ **Langkah 5 disisipkan**" in done.stdout
    assert "Draft ~~Pengukuran~~ **Pengumpulan** Data Kinerja" in done.stdout


def test_old_side_from_a_git_revision(repo: Path) -> None:
    spec = repo / "specs" / "011-pengumpulan-data-kinerja.yaml"
    shutil.copy(REVISED, spec)
    done = sopdoc("diff", "HEAD", "specs/011-pengumpulan-data-kinerja.yaml", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "lama: HEAD:specs/011-pengumpulan-data-kinerja.yaml" in done.stdout
    assert "+ Langkah 5 disisipkan" in done.stdout
    explicit = sopdoc("diff", "HEAD:specs/011-pengumpulan-data-kinerja.yaml", str(spec), cwd=repo)
    assert explicit.stdout.split("\n", 2)[2] == done.stdout.split("\n", 2)[2]


def test_catalog_at_a_revision(repo: Path) -> None:
    specs = repo / "specs"
    shutil.copy(REVISED, specs / "011-pengumpulan-data-kinerja.yaml")
    (specs / "010-pengukuran-data-kinerja.yaml").unlink()
    new = (specs / "011-pengumpulan-data-kinerja.yaml").read_text().replace("/ 011 /", "/ 012 /")
    (specs / "012-baru.yaml").write_text(new)
    done = sopdoc("diff", "--git", "HEAD", "specs", "-f", "markdown", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "➖ **SOP dihapus**: PK. KEC. KBS / 010 / I / 2024" in done.stdout
    assert "➕ **SOP baru**: PK . KEC . KBS / 012 / I / 2024" in done.stdout
    assert "**Langkah 5 disisipkan**" in done.stdout
    data = json.loads(sopdoc("diff", "--git", "HEAD", "specs", "-f", "json", cwd=repo).stdout)
    assert sorted(s["status"] for s in data["sop"]) == ["dihapus", "ditambah", "diubah"]


def test_catalog_settings_come_from_the_revision(repo: Path) -> None:
    settings = repo / "specs" / "sopdoc.yaml"
    settings.write_text(settings.read_text().replace("Pembina Tk. I", "Pembina Utama Muda"))
    done = sopdoc("diff", "--git", "HEAD", "specs", cwd=repo)
    assert done.returncode == 0, done.stderr
    # SOP 010 inherits the signatory; SOP 011 names its own, so it did not change
    assert done.stdout.count("Disahkan oleh: pangkat: Pembina Tk. I → Pembina Utama Muda") == 1
    assert "1 SOP tidak berubah." in done.stdout


def test_errors_at_a_revision_name_rev_path_line_col(repo: Path) -> None:
    spec = repo / "specs" / "011-pengumpulan-data-kinerja.yaml"
    good = spec.read_text()
    spec.write_text(good.replace("    waktu: 3 hari\n", "    waktu: tiga hari\n", 1))
    git(repo, "commit", "-qam", "broken")
    spec.write_text(good)
    done = sopdoc("diff", "HEAD", "specs/011-pengumpulan-data-kinerja.yaml", cwd=repo)
    assert done.returncode == 2
    line = next(n for n, t in enumerate(good.splitlines(), 1) if t == "    waktu: 3 hari")
    assert f"HEAD:specs/011-pengumpulan-data-kinerja.yaml:{line}:12: error:" in done.stderr
    assert "Traceback" not in done.stderr


def test_bad_arguments_are_plain_errors(repo: Path) -> None:
    done = sopdoc("diff", "no-such-rev", "specs/011-pengumpulan-data-kinerja.yaml", cwd=repo)
    assert done.returncode == 2
    assert "no-such-rev:1:1: error: berkas tidak ada, dan bukan revisi git" in done.stderr
    one = sopdoc("diff", "specs/011-pengumpulan-data-kinerja.yaml", cwd=repo)
    assert one.returncode == 2 and "sebutkan OLD dan NEW" in one.stderr
    nofolder = sopdoc("diff", "--git", "HEAD", cwd=repo)
    assert nofolder.returncode == 2 and "sebutkan folder katalog" in nofolder.stderr
    norev = sopdoc("diff", "--git", "nope", "specs", cwd=repo)
    assert norev.returncode == 2 and "'nope' bukan revisi git" in norev.stderr
    english = sopdoc("diff", "--git", "nope", "specs", "--lang", "en", cwd=repo)
    assert english.returncode == 2 and "'nope' is not a git revision" in english.stderr
    missing = sopdoc("diff", "HEAD", "specs/nope.yaml", cwd=repo)
    assert missing.returncode == 2
    assert "berkas tidak ada" in missing.stderr


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "out" / "diff.md"
    done = sopdoc("diff", str(SPEC), str(REVISED), "-f", "markdown", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert target.read_text().startswith("### SOP PK . KEC . KBS / 011")
    assert [p.name for p in target.parent.iterdir()] == ["diff.md"]


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("text", "perubahan.txt"), ("markdown", "perubahan.md"), ("json", "perubahan.json")],
)
def test_committed_example_outputs_are_current(fmt: str, name: str) -> None:
    old = "specs/kecamatan-kebasen/011-pengumpulan-data-kinerja.yaml"
    new = "examples/revisi-pengumpulan/011-pengumpulan-data-kinerja.yaml"
    done = sopdoc("diff", old, new, "-f", fmt)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (REVISED.parent / name).read_text()
