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


CORPUS_LANES = [
    "Camat",
    "Sekretaris Camat",
    "Kasubag Umum dan Kepegawaian",
    "Kasubag Perencanaan dan Keuangan",
    "Kasi Pemerintahan/Trantib",
    "Kasi Kesejahteraan Sosial",
    "Kasi Pemberdayaan Masyarakat dan Desa",
    "Kasi Ekonomi dan Pembangunan",
    "Pengelola Data",
    "Petugas PATEN",
    "Kepala Desa",
    "Pemohon",
]
_WORDS = [
    "memeriksa",
    "berkas",
    "permohonan",
    "sesuai",
    "ketentuan",
    "yang",
    "berlaku",
    "dan",
    "data",
    "pendukung",
]


def corpus_sop(seed: int, lanes: int | None = None) -> Sop:
    """One generated SOP: 1-12 lanes (long and slashed labels among them), 4-24 steps of
    varied length, decisions with back arrows (near and far), a few steps shared by lanes."""
    import random

    rng = random.Random(seed)
    n_lanes = lanes if lanes is not None else rng.randint(1, 12)
    labels = rng.sample(CORPUS_LANES, n_lanes)
    ids = [f"p{i}" for i in range(n_lanes)]
    n_steps = rng.randint(4, 24)
    steps: list[dict[str, Any]] = []
    lane = 0
    for s in range(n_steps):
        lane = max(0, min(n_lanes - 1, lane + rng.choice([-2, -1, 0, 1, 1, 2, 3])))
        words = rng.randint(2, 30 - 2 * n_lanes)  # the text columns narrow as lanes grow
        text = " ".join(rng.choice(_WORDS) for _ in range(words))
        step: dict[str, Any] = {
            "aktivitas": f"Langkah {s + 1}: {text}",
            "pelaksana": ids[lane],
            "kelengkapan": f"Berkas tahap {s}",
            "waktu": rng.choice(["5 menit", "15 menit", "1 jam", "1 hari", "3 hari kerja"]),
            "output": f"Berkas tahap {s + 1}",
        }
        if 2 <= s < n_steps - 1 and rng.random() < 0.25:
            step["jika_tidak"] = rng.randint(max(1, s - 6), s)  # back to an earlier step
            step["keterangan"] = "Jika belum sesuai, dikembalikan untuk diperbaiki"
        elif n_lanes > 2 and 0 < s < n_steps - 1 and rng.random() < 0.08:
            step["pelaksana"] = sorted({ids[lane], ids[rng.randrange(n_lanes)]})
        steps.append(step)
    return Sop.model_validate(
        base(
            nomor=f"PK. KEC. GEN / {seed:03d} / I / 2025",
            nama=f"Uji Korpus {seed}",
            pelaksana=dict(zip(ids, labels, strict=True)),
            kegiatan=steps,
        )
    )


def corpus(n: int = 60, seed: int = 0) -> list[Sop]:
    """``n`` generated SOPs, every lane count from 1 to 12 among them."""
    return [corpus_sop(seed + i, lanes=1 + i % 12) for i in range(n)]
