"""docs/spec.md documents every key of the model, and its examples load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

import sopdoc
from sopdoc import Kegiatan, Penandatangan, PengaturanKatalog, Revisi, Sop, Tanggal
from sopdoc.waktu import _ALIASES

DOC = Path(__file__).resolve().parents[1] / "docs" / "spec.md"
TEXT = DOC.read_text(encoding="utf-8")
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", TEXT, re.DOTALL)

PREFIX: dict[type[BaseModel], str] = {
    Sop: "",
    Tanggal: "tanggal.",
    Penandatangan: "disahkan_oleh.",
    Revisi: "riwayat_revisi[].",
    Kegiatan: "",
    PengaturanKatalog: "",
}


@pytest.mark.parametrize("model", list(PREFIX), ids=lambda m: m.__name__)
def test_every_key_is_documented(model: type[BaseModel]) -> None:
    for name in model.model_fields:
        assert f"| `{PREFIX[model]}{name}` |" in TEXT, f"{model.__name__}.{name}"


def test_every_waktu_spelling_is_documented() -> None:
    table = TEXT[TEXT.index("## Waktu") : TEXT.index("## Catalog settings")]
    for alias in _ALIASES:
        assert f"`{alias}`" in table or f"`{alias.upper()}`" in table, alias


def test_the_whole_spec_example_loads(tmp_path: Path) -> None:
    spec = next(
        b for b in YAML_BLOCKS if b.lstrip().startswith("# yaml-language-server") and "nomor:" in b
    )
    path = tmp_path / "contoh.yaml"
    path.write_text(spec, encoding="utf-8")
    sop = sopdoc.load(path, settings=False)
    assert [k.is_keputusan for k in sop.kegiatan] == [False, True]
    assert sop.kegiatan[1].pelaksana == ["sekcam", "kasi_kasubag"]


def test_the_settings_example_loads(tmp_path: Path) -> None:
    settings = next(b for b in YAML_BLOCKS if "sopdoc-settings.schema.json" in b and "unit:" in b)
    (tmp_path / ".git").mkdir()  # no settings from folders above
    (tmp_path / "sopdoc.yaml").write_text(settings, encoding="utf-8")
    spec = next(b for b in YAML_BLOCKS if "nomor:" in b)
    spec = re.sub(r"^(instansi|unit):.*\n", "", spec, flags=re.MULTILINE)
    (tmp_path / "a.yaml").write_text(spec, encoding="utf-8")
    katalog = sopdoc.load_catalog(tmp_path)
    assert katalog.pengaturan.lint == {"ignore": ["I105"]}
    (sop,) = katalog.sops
    assert (sop.instansi, sop.unit) == ("Pemerintah Kabupaten Banyumas", "Kecamatan Kebasen")
    assert sop.logo == str(tmp_path.resolve() / "logo-banyumas.png")
