from pathlib import Path

import sopdoc

ROOT = Path(__file__).resolve().parents[1]


def test_kebasen_catalog_loads() -> None:
    katalog = sopdoc.load_catalog(ROOT / "specs" / "kecamatan-kebasen")
    assert [s.nomor for s in katalog] == [
        "PK. KEC. KBS / 010 / I / 2024",
        "PK . KEC . KBS / 011 / I / 2024",
    ]
