"""Build ``src/sopdoc/data/wilayah.sqlite`` from the CSV files of the npm package idn-area-data.

    npm pack idn-area-data@4.0.1 && tar xzf idn-area-data-4.0.1.tgz
    python scripts/wilayah.py package/data

The package (github.com/fityannugroho/idn-area-data, data under the Open
Database License) transcribes Kepmendagri Nomor 300.2.2-2138 Tahun 2025
tentang Pemberian dan Pemutakhiran Kode, Data Wilayah Administrasi
Pemerintahan, dan Pulau. The output keeps only the code and the name of every
provinsi, kabupaten/kota, kecamatan and desa/kelurahan, one per line, sorted by
code (the parent of a region is its code without the last group).
"""

from __future__ import annotations

import csv
import re
import sqlite3
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "sopdoc" / "data" / "wilayah.sqlite"
SUMBER = """\
Kode dan data wilayah administrasi pemerintahan (provinsi, kabupaten/kota, kecamatan,
desa/kelurahan). Table wilayah: lookup key of the name, code, name; table induk: code and
name of every region above the desa/kelurahan (to name a region's parents).
Source: Keputusan Menteri Dalam Negeri Nomor 300.2.2-2138 Tahun 2025 tentang Pemberian dan
Pemutakhiran Kode, Data Wilayah Administrasi Pemerintahan, dan Pulau, as transcribed by the
npm package idn-area-data 4.0.1 (github.com/fityannugroho/idn-area-data), data licensed under
the Open Database License (ODbL) 1.0. Built by scripts/wilayah.py on 2026-12-02.
Code lengths: 2 provinsi, 5 kabupaten/kota (name starts 'Kabupaten'/'Kota'), 8 kecamatan,
13 desa/kelurahan (the 10th character is 1 for a kelurahan, 2 for a desa).
"""


SKEMA = """
CREATE TABLE sumber (teks TEXT NOT NULL);
CREATE TABLE wilayah (kunci TEXT NOT NULL, kode TEXT NOT NULL, nama TEXT NOT NULL,
    PRIMARY KEY (kunci, kode)) WITHOUT ROWID;
CREATE TABLE induk (kode TEXT PRIMARY KEY, nama TEXT NOT NULL) WITHOUT ROWID;
"""
_NON_WORD = re.compile(r"[^0-9a-z]+")


def kunci(kode: str, nama: str) -> str:
    """The lookup key (as sopdoc.wilayah.kunci_nama), without 'Kabupaten'/'Kota'."""
    if len(kode) == 5:
        nama = re.sub(r"^(?:Kabupaten|Kota)\s+", "", nama)
    return _NON_WORD.sub(" ", nama.lower()).strip()


def main(folder: str) -> int:
    src = Path(folder)
    rows: list[tuple[str, str]] = []
    for name in ("provinces", "regencies", "districts", "villages"):
        with open(src / f"{name}.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                rows.append((row["code"].strip(), " ".join(row["name"].split())))
    rows.sort()
    OUT.unlink(missing_ok=True)
    db = sqlite3.connect(OUT)
    db.executescript(SKEMA)
    db.execute("INSERT INTO sumber VALUES (?)", (SUMBER,))
    db.executemany("INSERT INTO wilayah VALUES (?, ?, ?)", [(kunci(c, n), c, n) for c, n in rows])
    db.executemany("INSERT INTO induk VALUES (?, ?)", [(c, n) for c, n in rows if len(c) < 13])
    db.commit()
    db.execute("VACUUM")
    db.close()
    print(f"{len(rows)} regions -> {OUT} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "package/data"))
