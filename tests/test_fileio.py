"""Atomic writes: the old file or the whole new one, never a partial file or a leftover."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopdoc.fileio import write_atomic


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "laporan.txt"
    write_atomic(target, "lama")
    write_atomic(target, "baru ✓")
    assert target.read_text(encoding="utf-8") == "baru ✓"
    assert [p.name for p in target.parent.iterdir()] == ["laporan.txt"]


def test_failed_write_keeps_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "laporan.txt"
    write_atomic(target, b"lama")

    def broken_replace(src: str, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("sopdoc.fileio.os.replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"baru")
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["laporan.txt"]
