"""Writing an imported SOP as a YAML spec, a ``# sopdoc import:`` comment on each doubtful value.

Keys come in the order of the format (``docs/spec.md``), as ``sopdoc.dump``
writes them; the comment stands on the line above the value it is about, so
the spec stays valid YAML and the comment goes when the reviewer deletes it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..build import output_name
from ..errors import format_path
from ..i18n import _
from ..model import Sop
from ..yamlout import to_data
from .laporan import Butir, Jalur, LaporanSop

PENANDA = "# sopdoc import:"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

try:
    _Dumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover
    _Dumper = yaml.SafeDumper


def nama_berkas(sop: Sop, taken: set[str] | None = None) -> str:
    """A path-safe file name from the nomor and the nama ('PK-KEC-KBS-010-I-2024-Pengukuran...')."""
    stem = output_name(f"{sop.nomor} {sop.nama}")[: -len(".docx")][:100].strip("-_")
    name = f"{stem or 'sop'}.yaml"
    if taken is not None:
        n = 2
        while name.lower() in taken:
            name = f"{stem}-{n}.yaml"
            n += 1
        taken.add(name.lower())
    return name


def _skalar(value: Any, tanggal: bool = False) -> str:
    if value is None:
        return ""
    if tanggal and isinstance(value, str) and _ISO.match(value):
        return value
    text: str = yaml.dump(
        value, Dumper=_Dumper, allow_unicode=True, default_flow_style=True, width=1 << 30
    )
    text = text.rstrip("\n")
    if text.endswith("\n..."):
        text = text[: -len("\n...")]
    return text


def _ada(data: Any, jalur: Jalur) -> Jalur:
    """The longest prefix of ``jalur`` the data holds (a value left out lands on its parent)."""
    here = data
    found: list[str | int] = []
    for part in jalur:
        if isinstance(here, dict):
            if part not in here:
                break
            here = here[part]
        elif isinstance(here, list) and isinstance(part, int) and 0 <= part < len(here):
            here = here[part]
        else:
            break
        found.append(part)
    return tuple(found)


URUTAN = (
    "nomor",
    "nama",
    "instansi",
    "unit",
    "tanggal",
    "disahkan_oleh",
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
    "pelaksana",
    "kegiatan",
    "kop",
    "logo",
    "kertas",
    "riwayat_revisi",
)
"""The keys of a spec in the order of docs/spec.md."""


def yaml_spec(sop: Sop, laporan: LaporanSop, sumber: str) -> str:
    """The spec of an imported SOP as YAML text, with the import comments."""
    dumped = to_data(sop)
    data = {k: dumped[k] for k in URUTAN if k in dumped}
    data.update({k: v for k, v in dumped.items() if k not in data})
    # every date is written, an empty one as the key alone: it was read as empty
    data["tanggal"] = {
        k: dumped.get("tanggal", {}).get(k) for k in ("pembuatan", "revisi", "efektif")
    }
    notes: dict[Jalur, list[Butir]] = {}
    for b in laporan.butir:
        notes.setdefault(_ada(data, b.jalur), []).append(b)
    lines = [f"{PENANDA} " + _("from {source}").format(source=sumber)]
    for b in notes.pop((), []):
        lines.append(f"{PENANDA} {_pesan(b)}")
    _mapping(data, 0, (), lines, notes)
    return "\n".join(lines) + "\n"


def _pesan(b: Butir) -> str:
    where = format_path(b.jalur)
    text = " ".join(b.pesan.split())
    return f"{b.jenis.value}: {text}" if not where else f"{b.jenis.value} ({where}): {text}"


def _komentar(jalur: Jalur, indent: int, lines: list[str], notes: dict[Jalur, list[Butir]]) -> None:
    for b in notes.pop(jalur, []):
        lines.append(" " * indent + f"{PENANDA} {_pesan(b)}")


def _mapping(
    data: dict[str, Any],
    indent: int,
    jalur: Jalur,
    lines: list[str],
    notes: dict[Jalur, list[Butir]],
    first_prefix: str | None = None,
) -> None:
    pad = " " * indent
    for n, (key, value) in enumerate(data.items()):
        here = (*jalur, key)
        lead = first_prefix if (n == 0 and first_prefix is not None) else pad
        if not (n == 0 and first_prefix is not None):
            _komentar(here, indent, lines, notes)
        if isinstance(value, dict):
            if not value:
                lines.append(f"{lead}{key}: {{}}")
                continue
            lines.append(f"{lead}{key}:")
            _mapping(value, indent + 2, here, lines, notes)
        elif isinstance(value, list):
            if not value:
                lines.append(f"{lead}{key}: []")
                continue
            lines.append(f"{lead}{key}:")
            _daftar(value, indent + 2, here, lines, notes)
        else:
            lines.append(f"{lead}{key}: {_skalar(value, tanggal=jalur == ('tanggal',))}".rstrip())


def _daftar(
    data: list[Any], indent: int, jalur: Jalur, lines: list[str], notes: dict[Jalur, list[Butir]]
) -> None:
    pad = " " * indent
    for i, item in enumerate(data):
        here = (*jalur, i)
        _komentar(here, indent, lines, notes)
        if isinstance(item, dict) and item:
            first = next(iter(item))
            _komentar((*here, first), indent, lines, notes)
            _mapping(item, indent + 2, here, lines, notes, first_prefix=f"{pad}- ")
        else:
            lines.append(f"{pad}- {_skalar(item)}")
