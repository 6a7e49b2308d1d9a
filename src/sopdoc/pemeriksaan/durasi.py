"""Writing a total of working minutes the way an SOP writes time ("15 hari 10 menit")."""

from __future__ import annotations

from ..waktu import MENIT_PER_SATUAN, SatuanWaktu

_HARI = MENIT_PER_SATUAN[SatuanWaktu.HARI]


def format_durasi(menit: float) -> str:
    """Working minutes as days of 7.5 hours, hours and minutes: '15 hari 1 jam 10 menit'."""
    total = round(menit)
    if total <= 0:
        return "0 menit"
    hari, rest = divmod(total, _HARI)
    jam, mnt = divmod(rest, 60)
    parts = []
    if hari:
        parts.append(f"{hari} hari")
    if jam:
        parts.append(f"{jam} jam")
    if mnt:
        parts.append(f"{mnt} menit")
    return " ".join(parts)
