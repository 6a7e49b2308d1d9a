"""The title line of the procedure pages ("SOP PELAKSANAAN PENGUKURAN DATA KINERJA").

The spec (or the catalog settings) may give ``judul_prosedur``, a template with
``{nama}``. Without it the rule is the one of the signed Kebasen documents,
"SOP PELAKSANAAN " + nama, except where the nama itself already says what kind
of work the procedure is: a nama that begins with one of :data:`JENIS_KEGIATAN`
(Pelayanan, Penyusunan, ...) is titled "SOP " + nama ("SOP PELAYANAN SURAT
KETERANGAN DOMISILI", not "SOP PELAKSANAAN PELAYANAN ..."), and a nama that
begins with "SOP" is the title as it is. The title is set in capitals.
"""

from __future__ import annotations

from ..model import Sop

DEFAULT_TEMPLATE = "SOP PELAKSANAAN {nama}"
"""The title without ``judul_prosedur``: the form of the signed Kebasen SOPs."""

JENIS_KEGIATAN = (
    "pelaksanaan",
    "pelayanan",
    "penyusunan",
    "penyelenggaraan",
    "pengelolaan",
    "penanganan",
    "penerbitan",
    "pembuatan",
    "penetapan",
    "pemberian",
    "pengurusan",
    "penatausahaan",
)
"""First words of a nama that name the kind of work: the title is then 'SOP ' + nama."""


def judul_prosedur(sop: Sop) -> str:
    """The title line of the procedure pages of ``sop``, in capitals."""
    nama = " ".join(sop.nama.split())
    if sop.judul_prosedur is not None:
        return sop.judul_prosedur.format(nama=nama).upper()
    first = nama.split(" ", 1)[0].lower()
    if first == "sop":
        return nama.upper()
    if first in JENIS_KEGIATAN:
        return f"SOP {nama}".upper()
    return DEFAULT_TEMPLATE.format(nama=nama).upper()
