"""The PASS/FAIL examples of the rule docstrings, made into spec files that can be linted.

An example holds only the keys that matter; each of its top-level keys
replaces that key of :data:`BASE`, a clean spec (no rule finds anything in
it). Several SOPs are separated by a line ``---``. A part whose first line is
``# rekaman: NAME`` is a monitoring or evaluation record, written as it is to
the file NAME beside the specs.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from .config import LintConfig
from .core import Finding, Rule

BASE = """\
nomor: PK. KEC. KBS / 020 / I / 2024
nama: Pelayanan Surat Keterangan Domisili
instansi: Pemerintah Kabupaten Banyumas
unit: Kecamatan Kebasen
tanggal:
  pembuatan: 2024-01-09
  revisi:
  efektif: 2024-02-01
disahkan_oleh:
  jabatan: Camat Kebasen
  nama: WAHYU ADHI FIBRIANTO, S.STP., M.A.P
  pangkat: Pembina Tk. I
  nip: 19780220 199612 1 001
dasar_hukum:
  - Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
  - Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan
kualifikasi_pelaksana:
  - Memahami tugas pokok dan fungsi pelayanan di kecamatan
keterkaitan: []
peralatan_perlengkapan:
  - Komputer, printer dan ATK
peringatan: Jika SOP tidak dilaksanakan, maka pelayanan kepada masyarakat terhambat
pencatatan_pendataan:
  - Setiap surat keterangan dicatat dalam buku register
pelaksana:
  pemohon: Pemohon
  petugas: Petugas PATEN
  camat: Camat
kegiatan:
  - aktivitas: Mengajukan permohonan ke Petugas PATEN
    pelaksana: pemohon
    kelengkapan: Formulir permohonan
    waktu: 5 menit
    output: Berkas permohonan
  - aktivitas: Memeriksa berkas dan meneruskan ke Camat
    pelaksana: petugas
    kelengkapan: Berkas permohonan
    waktu: 15 menit
    output: Berkas terverifikasi
  - aktivitas: Memeriksa dan menandatangani surat keterangan
    pelaksana: camat
    kelengkapan: Berkas terverifikasi
    waktu: 10 menit
    output: Surat keterangan
    jika_tidak: 2
  - aktivitas: Menyerahkan surat keterangan kepada Pemohon
    pelaksana: petugas
    kelengkapan: Surat keterangan
    waktu: 5 menit
    output: Surat keterangan diterima
"""

_HEAD = re.compile(r"^(PASS|FAIL):\s*$")
_REKAMAN = re.compile(r"^# rekaman: (\S+)\s*\n")


@dataclass(frozen=True)
class Example:
    """One example of a rule's docstring."""

    rule: str
    kind: str  # "PASS" or "FAIL"
    yaml: str  # as written in the docstring (dedented)

    def _parts(self) -> list[str]:
        return [d.strip("\n") + "\n" for d in re.split(r"(?m)^---\s*$", self.yaml) if d.strip()]

    def specs(self) -> list[str]:
        """The full spec texts of the example (one per SOP); BASE alone if it has only records."""
        docs = [merge(BASE, d) for d in self._parts() if not _REKAMAN.match(d)]
        return docs or [BASE]

    def rekaman(self) -> dict[str, str]:
        """The records of the example: file name -> text."""
        return {m[1]: d[m.end() :] for d in self._parts() if (m := _REKAMAN.match(d))}


def examples(r: Rule) -> list[Example]:
    """The PASS/FAIL examples of a rule's docstring, in order."""
    out: list[Example] = []
    lines = r.doc.splitlines()
    i = 0
    while i < len(lines):
        m = _HEAD.match(lines[i].strip())
        if not m:
            i += 1
            continue
        i += 1
        block: list[str] = []
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
            block.append(lines[i])
            i += 1
        out.append(Example(r.code, m[1], textwrap.dedent("\n".join(block)).strip("\n") + "\n"))
    return out


def _blocks(text: str) -> dict[str, str]:
    """Top-level key -> its block of lines (comments above a key go with it)."""
    blocks: dict[str, str] = {}
    current: str | None = None
    pending: list[str] = []
    for line in text.splitlines(keepends=True):
        m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*):", line)
        if m:
            current = m[1]
            blocks[current] = "".join(pending) + line
            pending = []
        elif current is None or (line.startswith("#") and not line.startswith(" ")):
            pending.append(line)
        else:
            blocks[current] += line
    return blocks


def merge(base: str, snippet: str) -> str:
    """``base`` with each top-level key of ``snippet`` replaced (or added), comments kept."""
    merged = _blocks(base)
    for key, block in _blocks(snippet).items():
        merged[key] = block if block.endswith("\n") else block + "\n"
    return "".join(merged.values())


def run_example(example: Example, folder: Path, config: LintConfig | None = None) -> list[Finding]:
    """Write the example's specs into ``folder`` (empty) and lint it; every finding."""
    from .runner import lint

    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(example.specs(), 1):
        (folder / f"{n:03d}-contoh.yaml").write_text(text, encoding="utf-8")
    for name, text in example.rekaman().items():
        (folder / name).write_text(text, encoding="utf-8")
    result = lint(folder, config=config or LintConfig())
    if result.load_errors:
        raise ValueError(
            f"example {example.kind} of {example.rule} does not load: "
            + "; ".join(str(e) for e in result.load_errors)
        )
    return result.findings
