"""SOPs built in code for the DOCX and layout tests."""

from __future__ import annotations

from typing import Any

from sopdoc import Sop

LANES = {
    "camat": "Camat",
    "sekcam": "Sekretaris Camat",
    "kasubag": "Kasubag Umum dan Kepegawaian",
    "kasi_pem": "Kasi Pemerintahan",
    "pengelola": "Pengelola",
    "pemohon": "Pemohon",
}

_LONG = (
    "Memeriksa kelengkapan dan keabsahan berkas permohonan beserta lampirannya, "
    "mencocokkan data dengan arsip kecamatan, lalu mencatat hasil pemeriksaan dalam "
    "buku register dan aplikasi pelayanan sebelum meneruskannya"
)


def base(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "nomor": "PK. KEC. KBS / 099 / II / 2025",
        "nama": "Pelayanan Uji Coba",
        "instansi": "Pemerintah Kabupaten Banyumas",
        "unit": "Kecamatan Kebasen",
        "kop": ["PEMERINTAH KABUPATEN BANYUMAS", "KECAMATAN KEBASEN"],
        "tanggal": {"pembuatan": "2025-02-03", "revisi": None, "efektif": "2025-03-01"},
        "disahkan_oleh": {
            "jabatan": "Camat Kebasen",
            "nama": "WAHYU ADHI FIBRIANTO, S.STP., M.A.P",
            "pangkat": "Pembina Tk. I",
            "nip": "19780220 199612 1 001",
        },
        "dasar_hukum": ["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"],
        "kualifikasi_pelaksana": ["Memahami tugas pokok dan fungsi"],
        "keterkaitan": ["SOP Pengarsipan"],
        "peralatan_perlengkapan": ["Komputer, printer, ATK"],
        "peringatan": "Jika SOP tidak dilaksanakan, pelayanan terhambat",
        "pencatatan_pendataan": ["Dicatat dalam register"],
        "pelaksana": {"camat": "Camat", "sekcam": "Sekcam", "pengelola": "Pengelola"},
        "kegiatan": [
            {"aktivitas": "Mulai", "pelaksana": "pengelola", "waktu": "5 menit"},
            {"aktivitas": "Proses", "pelaksana": "sekcam", "waktu": "1 jam"},
            {"aktivitas": "Selesai", "pelaksana": "camat", "waktu": "1 hari"},
        ],
    }
    data.update(extra)
    return data


def long_sop(kertas: str = "A4") -> Sop:
    """25 steps in 6 lanes, two decisions, long activity texts: runs over several pages."""
    lanes = list(LANES)
    order = [5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 3, 2, 1, 0, 4, 4, 3, 1, 2, 5, 0, 2, 3, 4]
    steps = []
    for i, lane in enumerate(order):
        step: dict[str, Any] = {
            "aktivitas": f"Langkah {i + 1}: {_LONG if i % 3 != 1 else 'Meneruskan berkas'}",
            "pelaksana": lanes[lane],
            "kelengkapan": f"Berkas permohonan dan lampiran tahap {i + 1}",
            "waktu": "15 menit" if i % 2 else "1 hari kerja",
            "output": f"Berkas tahap {i + 1} yang sudah diperiksa",
        }
        steps.append(step)
    steps[9]["jika_tidak"] = 7  # back on the same page
    steps[9]["keterangan"] = "Jika berkas tidak lengkap, kembali ke langkah 7"
    steps[20]["jika_tidak"] = 4  # back across pages
    steps[20]["keterangan"] = "Jika ditolak, kembali ke langkah 4"
    steps[14]["pelaksana"] = ["camat", "sekcam"]  # done together by two lanes
    return Sop.model_validate(
        base(
            nama="Pelayanan Rekomendasi Izin dengan Pemeriksaan Berkas Berlapis",
            pelaksana=dict(LANES),
            kegiatan=steps,
            kertas=kertas,
        )
    )
