"""``sopdoc status`` reports: text, Markdown and JSON over one :class:`StatusKatalog`."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from ..i18n import _
from ..model import Sop
from .jadwal import Keadaan, StatusKatalog, StatusSopLaporan, Tinjauan

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def tanggal_id(hari: date | None) -> str:
    """A date the way an Indonesian official writes it: '9 Januari 2024' ('-' for none)."""
    return f"{hari.day} {BULAN[hari.month - 1]} {hari.year}" if hari else "-"


def keterangan_siklus(sop: Sop) -> str:
    """Status and dates in one line, as the book's Daftar Isi prints them ('' if untracked).

    Document text (Indonesian in every language): 'Berlaku sejak 1 Februari 2024;
    penetapan 100.3.3.2/05/2024'.
    """
    parts = []
    if sop.status is not None:
        parts.append(sop.status.value.capitalize())
    if sop.tanggal.efektif:
        parts.append(f"efektif {tanggal_id(sop.tanggal.efektif)}")
    if sop.penetapan is not None:
        parts.append(f"penetapan {sop.penetapan.nomor}")
    return "; ".join(parts)


def _keadaan(t: Tinjauan) -> str:
    return {
        Keadaan.TERLAMBAT: _("overdue since {date}"),
        Keadaan.SEGERA: _("due {date}"),
        Keadaan.SESUAI: _("next {date}"),
        Keadaan.TIDAK_BERLAKU: "-",
    }[t.keadaan].format(date=tanggal_id(t.jatuh_tempo))


def _kolom(item: StatusSopLaporan) -> list[str]:
    return [
        item.sop.nomor,
        item.sop.nama,
        item.status.value,
        tanggal_id(item.sop.tanggal.efektif),
        tanggal_id(item.monitoring.terakhir),
        _keadaan(item.monitoring),
        tanggal_id(item.evaluasi.terakhir),
        _keadaan(item.evaluasi),
    ]


def _judul() -> list[str]:
    return [
        _("Nomor SOP"),
        _("Nama SOP"),
        _("Status"),
        _("Tanggal Efektif"),
        _("Last monitoring"),
        _("Next monitoring"),
        _("Last evaluation"),
        _("Next evaluation"),
    ]


def _ringkasan(k: StatusKatalog) -> list[str]:
    lines = []
    for u in k.unit:
        statuses = ", ".join(f"{n} {s}" for s, n in sorted(u.per_status.items()))
        lines.append(
            _("{unit}: {statuses}; {overdue} overdue, {soon} due within 30 days").format(
                unit=u.unit, statuses=statuses, overdue=u.terlambat, soon=u.segera
            )
        )
    return lines


def render_text(k: StatusKatalog) -> str:
    rows = [_judul()] + [_kolom(item) for item in k.laporan]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = [_("Status of the SOPs on {date}").format(date=tanggal_id(k.hari)), ""]
    for row in rows:
        out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    out += ["", *_ringkasan(k)]
    return "\n".join(out) + "\n"


def _md(cell: str) -> str:
    return cell.replace("|", "\\|")


def render_markdown(k: StatusKatalog) -> str:
    head = _judul()
    out = [
        "# " + _("Status of the SOPs on {date}").format(date=tanggal_id(k.hari)),
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    out += ["| " + " | ".join(_md(c) for c in _kolom(item)) + " |" for item in k.laporan]
    out += ["", "## " + _("Summary per unit"), ""]
    out += [f"- {line}" for line in _ringkasan(k)]
    return "\n".join(out) + "\n"


def render_json(k: StatusKatalog) -> str:
    return json.dumps(k.to_dict(), ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[StatusKatalog], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}
