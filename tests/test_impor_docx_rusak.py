"""Damaged Word files: the reader reads what it can or says the file is unreadable, never
anything else (no traceback reaches the user)."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from tests import docx_fixtures as fx

from sopdoc.impor.bahan import BahanTidakTerbaca
from sopdoc.impor.docx import baca_docx

MUTATIONS = 12


def _mutate(xml: bytes, rng: random.Random) -> bytes:
    """Drop elements, blank or garble attribute values, as damaged or odd files have them."""
    root = etree.fromstring(xml)
    nodes = list(root.iter())
    for _ in range(25):
        el = rng.choice(nodes)
        action = rng.random()
        if action < 0.3 and el.getparent() is not None:
            el.getparent().remove(el)
            nodes = list(root.iter())
        elif el.attrib:
            key = rng.choice(list(el.attrib))
            el.set(key, rng.choice(["", "-1", "abc", "1e9", "99999999999", "0", "%", "@1"]))
    return etree.tostring(root)


@pytest.mark.parametrize("name", ["anchored_page", "in_cells", "group", "vml", "typed_text"])
def test_damaged_documents_never_crash(tmp_path: Path, name: str) -> None:
    src = tmp_path / "src.docx"
    fx.STYLES[name](src)
    with zipfile.ZipFile(src) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    rng = random.Random(f"{name}-9")
    for i in range(MUTATIONS):
        bad = tmp_path / f"bad{i}.docx"
        with zipfile.ZipFile(bad, "w") as zf:
            for part, data in parts.items():
                if part in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
                    data = _mutate(data, rng)
                zf.writestr(part, data)
        try:
            bahan = baca_docx(bad)
        except BahanTidakTerbaca:
            continue
        assert bahan.format == "docx"
