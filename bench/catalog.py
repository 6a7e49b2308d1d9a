"""A generated catalog of realistic SOP specs, for benchmarks and scale tests.

Deterministic for a given seed: the same ``n`` and ``seed`` give the same files.
The SOPs vary like real ones (3-6 lanes, 5-25 steps, decisions with a 'panah
balik', long activity texts) and a few carry the defects the checker looks for
(a broken kelengkapan chain, a foreign name, an empty tanggal efektif).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import yaml

ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

SUBJEK = [
    "Pelayanan Surat Keterangan Domisili",
    "Penyusunan Rencana Kerja",
    "Pengukuran Data Kinerja",
    "Pengumpulan Data Kinerja",
    "Pelayanan Izin Keramaian",
    "Penyusunan Laporan Keuangan",
    "Pengelolaan Arsip Dinamis",
    "Pelayanan Legalisasi Dokumen",
    "Penyaluran Bantuan Sosial",
    "Penanganan Pengaduan Masyarakat",
    "Fasilitasi Musrenbang Kecamatan",
    "Pembinaan Administrasi Desa",
    "Penyusunan Rencana Strategis",
    "Pelayanan Rekomendasi Usaha Mikro",
    "Evaluasi Perkembangan Desa",
]

PERAN = [
    ("camat", "Camat"),
    ("sekcam", "Sekcam"),
    ("kasubag_umum", "Kasubag Umum dan Kepegawaian"),
    ("kasubag_perencanaan", "Kasubag Perencanaan dan Keuangan"),
    ("kasi_pemerintahan", "Kasi Pemerintahan"),
    ("kasi_trantib", "Kasi Trantib"),
    ("kasi_kesos", "Kasi Kesos"),
    ("pengelola", "Pengelola"),
    ("petugas_paten", "Petugas PATEN"),
    ("pemohon", "Pemohon"),
]

KATA_KERJA = [
    "Menerima dan memeriksa kelengkapan",
    "Menelaah dan mendisposisikan",
    "Memverifikasi",
    "Menyusun konsep",
    "Mengoreksi dan memaraf",
    "Menandatangani",
    "Mengagendakan dan mengarsipkan",
    "Menyampaikan",
]

DASAR_HUKUM = [
    "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
    "Peraturan Menteri Dalam Negeri Nomor 4 Tahun 2010 tentang Pedoman Pelayanan "
    "Administrasi Terpadu Kecamatan",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun "
    "2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan",
]

WAKTU = [
    "5 menit",
    "10 menit",
    "15 mnt",
    "30 menit",
    "1 jam",
    "2 jam",
    "1 hari",
    "2 hari",
    "3 hari",
    "1 HK",
    "2 hari kerja",
    "1-2 hari",
]


def _nip(rng: random.Random) -> str:
    born = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 30))
    tmt_year = born.year + rng.randrange(20, 30)
    return (
        f"{born:%Y%m%d} {tmt_year}{rng.randrange(1, 13):02d} {rng.choice('12')} "
        f"{rng.randrange(1, 20):03d}"
    )


def _sop(rng: random.Random, i: int, unit: str, kode: str) -> dict[str, object]:
    subjek = f"{rng.choice(SUBJEK)} {i + 1}"
    made = date(2023, 1, 2) + timedelta(days=rng.randrange(0, 700))
    lanes = rng.sample(PERAN, rng.randrange(3, 7))
    lanes.sort(key=PERAN.index)
    n_steps = rng.randrange(5, 26)
    steps: list[dict[str, object]] = []
    previous = "Surat Permohonan"
    for s in range(n_steps):
        lane_id, _label = lanes[min(s * len(lanes) // n_steps, len(lanes) - 1)]
        output = f"{rng.choice(['Draft', 'Konsep', 'Berkas', 'Dokumen'])} {subjek} tahap {s + 1}"
        text = f"{rng.choice(KATA_KERJA)} {previous.lower()} " + " ".join(
            rng.choice(["sesuai", "ketentuan", "yang", "berlaku", "dan", "data", "pendukung"])
            for _ in range(rng.randrange(0, 25))
        )
        step: dict[str, object] = {
            "aktivitas": text.strip(),
            "pelaksana": lane_id,
            "kelengkapan": previous,
            "waktu": rng.choice(WAKTU),
            "output": output,
        }
        if 2 <= s < n_steps - 1 and rng.random() < 0.15:
            step["jika_tidak"] = rng.randrange(1, s + 1)
            step["keterangan"] = "Panah balik menandakan konsep perlu perbaikan"
        if rng.random() < 0.05:  # a copy-paste defect: the chain breaks
            step["kelengkapan"] = f"Bahan {subjek}"
        steps.append(step)
        previous = output
    return {
        "nomor": f"{kode} / {i + 1:03d} / {ROMAWI[made.month - 1]} / {made.year}",
        "nama": subjek,
        "tanggal": {
            "pembuatan": made.isoformat(),
            "revisi": None,
            "efektif": (made + timedelta(days=30)).isoformat() if rng.random() < 0.9 else None,
        },
        "dasar_hukum": rng.sample(DASAR_HUKUM, rng.randrange(2, 6)),
        "kualifikasi_pelaksana": [
            "Memahami tugas pokok dan fungsi",
            "Mampu mengoperasikan komputer",
        ],
        "keterkaitan": [],
        "peralatan_perlengkapan": ["Komputer", "Printer", "ATK"],
        "peringatan": f"Jika SOP tidak dilaksanakan, maka {subjek.lower()} terhambat",
        "pencatatan_pendataan": [f"Dokumen {subjek} disimpan sebagai arsip"],
        "pelaksana": dict(lanes),
        "kegiatan": steps,
    }


def generate_catalog(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` spec files and a ``sopdoc.yaml`` into ``folder``; return the spec paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    unit = "Kecamatan Sukamaju"
    settings = {
        "instansi": "Pemerintah Kabupaten Contoh",
        "unit": unit,
        "kop": ["PEMERINTAH KABUPATEN CONTOH", unit.upper()],
        "disahkan_oleh": {
            "jabatan": "Camat Sukamaju",
            "nama": "BUDI SANTOSO, S.STP., M.Si",
            "pangkat": "Pembina Tk. I",
            "nip": "19780220 199612 1 001",
        },
    }
    (folder / "sopdoc.yaml").write_text(
        yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    paths = []
    for i in range(n):
        path = folder / f"sop-{i + 1:04d}.yaml"
        sop = _sop(rng, i, unit, "PK. KEC. SKM")
        path.write_text(yaml.safe_dump(sop, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":  # pragma: no cover - manual use
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/out/catalog")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 250
    print(f"{len(generate_catalog(target, count))} specs written to {target}")
