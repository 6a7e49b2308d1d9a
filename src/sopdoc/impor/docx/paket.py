"""The DOCX package: the zip, its XML parts and their relationships, read with lxml.

Only the parts the reader needs are parsed (the main document, styles,
numbering, headers and footers), each once. A file that is not a readable
Word package (an encrypted document, a legacy ``.doc``, a damaged zip, a zip
without a main document) raises :class:`~sopdoc.impor.bahan.BahanTidakTerbaca`
with a message that names the file and the reason.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ...i18n import _
from ..bahan import BahanTidakTerbaca
from .ooxml import Elemen

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: encrypted OOXML or a Word 97 .doc
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TIPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)  # lxml's depth/size limits


@dataclass
class Paket:
    """An opened DOCX: the main document part and what it refers to."""

    nama: str  # the file as the user named it
    zip: zipfile.ZipFile
    dokumen_path: str = "word/document.xml"
    rels: dict[str, tuple[str, str]] = field(default_factory=dict)  # rId -> (type, target part)
    _cache: dict[str, Elemen | None] = field(default_factory=dict)

    def xml(self, part: str) -> Elemen | None:
        """The parsed root of ``part`` (``None`` when the package lacks it)."""
        if part in self._cache:
            return self._cache[part]
        try:
            data = self.zip.read(part)
        except KeyError:
            root = None
        except (zipfile.BadZipFile, zlib.error, OSError) as exc:
            raise BahanTidakTerbaca(
                _("{file}: the Word document is damaged ({part}: {reason})").format(
                    file=self.nama, part=part, reason=str(exc)
                )
            ) from exc
        else:
            root = _parse(data, self.nama, part)
        self._cache[part] = root
        return root

    def bagian(self, tipe: str) -> list[str]:
        """The parts the main document refers to by relationship type (``"header"``, ...)."""
        return [target for t, target in self.rels.values() if t == tipe]

    def target(self, rid: str) -> str | None:
        """The part (or external address) a relationship id of the main document names."""
        entry = self.rels.get(rid)
        return None if entry is None else entry[1]


def _parse(data: bytes, nama: str, part: str) -> Elemen:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise BahanTidakTerbaca(
            _("{file}: the Word document is damaged ({part}: {reason})").format(
                file=nama, part=part, reason=exc.msg
            )
        ) from exc


def _rels(zf: zipfile.ZipFile, part: str, nama: str) -> dict[str, tuple[str, str]]:
    folder, base = posixpath.split(part)
    try:
        data = zf.read(posixpath.join(folder, "_rels", base + ".rels"))
    except KeyError:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for rel in _parse(data, nama, part + ".rels").iter(_REL):
        tipe = rel.get("Type", "")
        tipe = tipe[len(_TIPE) :] if tipe.startswith(_TIPE) else tipe.rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External":
            target = posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            )
        out[rel.get("Id", "")] = (tipe, target)
    return out


def buka(path: str | Path, nama: str | None = None) -> Paket:
    """Open the package at ``path``; raises ``BahanTidakTerbaca`` when it is no Word package."""
    nama = nama or str(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise BahanTidakTerbaca(
            _("{file}: cannot read the file ({reason})").format(file=nama, reason=exc.strerror)
        ) from exc
    if head == _OLE:
        raise BahanTidakTerbaca(
            _(
                "{file}: the document is password-protected (encrypted) or an old Word 97-2003 "
                ".doc file; open it in Word and save it without a password as .docx"
            ).format(file=nama)
        )
    try:
        zf = zipfile.ZipFile(path)
        names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise BahanTidakTerbaca(
            _("{file}: not a Word document (.docx), or the file is damaged").format(file=nama)
        ) from exc
    dokumen = "word/document.xml"
    root_rels = _rels(zf, "", nama) if "_rels/.rels" in names else {}
    for tipe, target in root_rels.values():
        if tipe == "officeDocument":
            dokumen = target
    if dokumen not in names:
        zf.close()
        raise BahanTidakTerbaca(
            _("{file}: not a Word document (.docx): the package has no main document").format(
                file=nama
            )
        )
    return Paket(nama=nama, zip=zf, dokumen_path=dokumen, rels=_rels(zf, dokumen, nama))
