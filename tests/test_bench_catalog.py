"""The benchmark catalog generator writes specs that load, deterministically."""

from pathlib import Path

from bench.catalog import generate_catalog

import sopdoc


def test_generated_catalog_loads(tmp_path: Path) -> None:
    paths = generate_catalog(tmp_path / "a", 20, seed=3)
    katalog = sopdoc.load_catalog(tmp_path / "a")
    assert len(katalog) == 20 == len(paths)
    assert {s.unit for s in katalog} == {"Kecamatan Sukamaju"}  # inherited from sopdoc.yaml
    assert any(k.is_keputusan for s in katalog for k in s.kegiatan)
    assert all(3 <= len(s.pelaksana) <= 6 and 5 <= len(s.kegiatan) <= 25 for s in katalog)


def test_generated_catalog_is_deterministic(tmp_path: Path) -> None:
    a = generate_catalog(tmp_path / "a", 5, seed=7)
    b = generate_catalog(tmp_path / "b", 5, seed=7)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
