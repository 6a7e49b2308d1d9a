"""The two Kebasen specs say exactly what the signed SOPs say, field by field.

The expected values come from the seed text (``tests/data/seeds``, a copy of the
text extracted from the signed documents): every list is rebuilt as the seed
prints it and must occur there verbatim, every row of the procedure table is
read from the seed and compared column by column. Only what the seed cannot
show (the lane of each step and the 'panah balik' targets, drawn as symbols
the extraction lost) is written out here.

Normalisations the transcription makes on purpose, and the only ones:
capitals of headings and labels ("PENGUKURAN DATA KINERJA", "CAMAT") are
typography, compared case-insensitively; the list numbers "1." and bullets
"•"/"-" are the document's numbering, not part of an item.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import sopdoc
from sopdoc import SatuanWaktu, Sop

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "specs" / "kecamatan-kebasen"
SEED = Path(__file__).parent / "data" / "seeds" / "000_fdfcac648b470b66.txt"

OL = '<ol style="list-style-type: none">'
UL = '<ul style="list-style-type: none">'

BULAN = {"januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7}


def _seed_docs() -> dict[str, str]:
    text = SEED.read_text(encoding="utf-8")
    parts = text.split("KECAMATAN KEBASEN KABUPATEN BANYUMAS")
    assert len(parts) == 3, "the seed holds two SOPs, each under the unit header"
    return {"010": parts[1], "011": parts[2]}


SEEDS = _seed_docs()
FILES = {
    "010": CATALOG / "010-pengukuran-data-kinerja.yaml",
    "011": CATALOG / "011-pengumpulan-data-kinerja.yaml",
}


@pytest.fixture(scope="module")
def sops() -> dict[str, Sop]:
    katalog = sopdoc.load_catalog(CATALOG)
    by_file = {s.sumber.name: s for s in katalog if s.sumber is not None}
    assert sorted(by_file) == sorted(p.name for p in FILES.values())
    return {key: by_file[path.name] for key, path in FILES.items()}


def _cell(seed: str, label: str) -> str:
    """The value beside a label of the identity table ("Nomor SOP\\t...")."""
    m = re.search(rf"^{re.escape(label)}\t(.*)$", seed, re.MULTILINE)
    assert m, f"no '{label}' row in the seed"
    return m.group(1)


def _tanggal(text: str) -> date | None:
    if not text.strip():
        return None
    day, month, year = text.split()
    return date(int(year), BULAN[month.lower()], int(day))


def _numbered_lines(items: list[str]) -> str:
    """SOP 010 prints a list as lines '1. item'."""
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))


def _html_cell(items: list[str], opener: str, marker: str) -> str:
    """SOP 011 stored each list as one HTML cell: the opening tag kept on the first item."""
    assert items[0].startswith(opener), "the HTML residue sits on the first item, as in the seed"
    plain = [items[0].removeprefix(opener), *items[1:]]
    if marker == "number":
        body = "".join(f"{i}. {item}" for i, item in enumerate(plain, 1))
    else:
        body = "".join(f"{marker}{item}" for item in plain)
    return opener + body


def _procedure(seed: str) -> tuple[list[str], list[list[str]]]:
    """Lane labels and the rows (No, Aktivitas, 4 lanes, Kelengkapan, Waktu, Output, Ket.)."""
    lines = seed.splitlines()
    header = next(i for i, ln in enumerate(lines) if ln.startswith("NO\tAKTIVITAS\tPELAKSANA"))
    lanes = lines[header + 1].split("\t")[2:6]
    assert lines[header + 2].split("\t") == [str(n) for n in range(1, 11)]
    rows = []
    for ln in lines[header + 3 :]:
        if not re.match(r"^\d+\t", ln):
            break
        rows.append(ln.split("\t"))
    return lanes, rows


# -- what the seed cannot show: lanes of each step and the decisions -------------

EXPECTED_LANES = {
    "010": "camat sekcam kasi_kasubag kasi_kasubag pengelola sekcam camat pengelola pengelola",
    "011": "camat sekcam kasubag_perencanaan kepala_seksi kasubag_perencanaan sekcam camat "
    "kasubag_perencanaan",
}
EXPECTED_LANE_IDS = {
    "010": ["camat", "sekcam", "kasi_kasubag", "pengelola"],
    "011": ["camat", "sekcam", "kasubag_perencanaan", "kepala_seksi"],
}
EXPECTED_JIKA_TIDAK = {
    "010": [None, None, None, None, None, 5, 5, None, None],
    "011": [None, None, None, None, None, 5, 5, None],
}

# The seeds' Waktu texts and what they mean, written out independently of the parser.
WAKTU = {
    "5 menit": (5.0, SatuanWaktu.MENIT),
    "1 hari": (1.0, SatuanWaktu.HARI),
    "3 hari": (3.0, SatuanWaktu.HARI),
    "5 hari": (5.0, SatuanWaktu.HARI),
}


KEYS = ["010", "011"]


@pytest.mark.parametrize("key", KEYS)
def test_identity(sops: dict[str, Sop], key: str) -> None:
    sop, seed = sops[key], SEEDS[key]
    assert sop.nomor == _cell(seed, "Nomor SOP")
    assert sop.nama.upper() == _cell(seed, "Nama SOP")
    assert sop.tanggal.pembuatan == _tanggal(_cell(seed, "Tanggal Pembuatan")) == date(2024, 1, 9)
    assert sop.tanggal.efektif is None and _cell(seed, "Tanggal Efektif") == ""
    assert sop.tanggal.revisi is None and _cell(seed, "Tanggal Revisi") == ""
    # The unit header "KECAMATAN KEBASEN KABUPATEN BANYUMAS": unit and instansi
    # (from the catalog settings).
    assert sop.unit == "Kecamatan Kebasen"
    assert sop.instansi == "Pemerintah Kabupaten Banyumas"
    assert f"{sop.unit} {sop.instansi.removeprefix('Pemerintah ')}".upper() == (
        "KECAMATAN KEBASEN KABUPATEN BANYUMAS"
    )
    assert sop.kop == ["PEMERINTAH KABUPATEN BANYUMAS", "KECAMATAN KEBASEN"]
    assert sop.kertas is sopdoc.Kertas.A4
    assert sop.logo is None
    assert sop.riwayat_revisi == []


@pytest.mark.parametrize("key", KEYS)
def test_disahkan_oleh(sops: dict[str, Sop], key: str) -> None:
    ttd = sops[key].disahkan_oleh
    row = _cell(SEEDS[key], "Disahkan oleh")
    assert f"{ttd.jabatan}  {ttd.nama} {ttd.pangkat} NIP. {ttd.nip}".lower() == row.lower()
    expected = {
        "010": (
            "Camat Kebasen",
            "WAHYU ADHI FIBRIANTO, S.STP., M.A.P",
            "Pembina Tk. I",
            "19780220 199612 1 001",
        ),
        "011": (
            "<p>Camat Kebasen</p>",
            "<p>WAHYU ADHI FIBRIANTO, S.STP., M.A.P",
            "Pembina Tk. I",
            "19780220 199612 1 001</p>",
        ),
    }[key]
    assert (ttd.jabatan, ttd.nama, ttd.pangkat, ttd.nip) == expected


@pytest.mark.parametrize("key", KEYS)
def test_signature_block_names_the_same_official(sops: dict[str, Sop], key: str) -> None:
    """The block under the table prints 'Pembina Tingkat I' and the NIP without spaces."""
    ttd = sops[key].disahkan_oleh
    block = SEEDS[key].split("\n\n\n")[-1] if key == "011" else SEEDS[key]
    tail = block[block.rindex(" CAMAT KEBASEN") :]
    assert re.sub(r"<[^>]+>", "", ttd.nama) in tail
    assert "Pembina Tingkat I" in tail and ttd.pangkat == "Pembina Tk. I"
    nip = re.sub(r"\D", "", ttd.nip or "")
    assert f"NIP. {nip}" in tail


def test_sections_010(sops: dict[str, Sop]) -> None:
    sop, seed = sops["010"], SEEDS["010"]
    assert f"Dasar Hukum :\n\n{_numbered_lines(sop.dasar_hukum)}\n\n" in seed
    assert f"Keterkaitan :\n\n{_numbered_lines(sop.keterkaitan)}\n\n" in seed
    assert f"Kualifikasi Pelaksana :\n\n{_numbered_lines(sop.kualifikasi_pelaksana)}\n\n" in seed
    assert re.search(
        r"Peralatan/Kelengkapan :\n(?:[ ]*\n)*"
        + re.escape(_numbered_lines(sop.peralatan_perlengkapan))
        + r"\n\n",
        seed,
    )
    bullets = "\n".join(f"- {item}" for item in sop.pencatatan_pendataan)
    assert f"Pencatatan dan Pendataan :\n\n{sop.peringatan}\n\n{bullets}\n\n" in seed
    assert [len(x) for x in (sop.dasar_hukum, sop.keterkaitan)] == [4, 1]
    assert [len(x) for x in (sop.kualifikasi_pelaksana, sop.peralatan_perlengkapan)] == [3, 4]
    assert len(sop.pencatatan_pendataan) == 2


def test_sections_011(sops: dict[str, Sop]) -> None:
    sop, seed = sops["011"], SEEDS["011"]
    lines = seed.splitlines()
    dasar_kualifikasi = lines[lines.index("Dasar Hukum :\tKualifikasi Pelaksana :") + 1]
    assert dasar_kualifikasi == (
        _html_cell(sop.dasar_hukum, OL, "number")
        + "\t"
        + _html_cell(sop.kualifikasi_pelaksana, OL, "number")
    )
    keterkaitan_peralatan = lines[lines.index("Keterkaitan :\tPeralatan/Kelengkapan :") + 1]
    assert keterkaitan_peralatan == (
        _html_cell(sop.keterkaitan, OL, "number")
        + "\t"
        + _html_cell(sop.peralatan_perlengkapan, OL, "number")
    )
    peringatan_pencatatan = next(ln for ln in lines if ln.startswith("Jika SOP"))
    assert peringatan_pencatatan == (
        f"{sop.peringatan}\tPencatatan dan Pendataan : "
        + _html_cell(sop.pencatatan_pendataan, UL, "• ")
    )
    assert [len(x) for x in (sop.dasar_hukum, sop.keterkaitan)] == [4, 1]
    assert [len(x) for x in (sop.kualifikasi_pelaksana, sop.peralatan_perlengkapan)] == [3, 4]
    assert len(sop.pencatatan_pendataan) == 2


def test_the_copy_slips_of_011_are_kept(sops: dict[str, Sop]) -> None:
    """011 was copied from 010 and not fully edited: the spec keeps what was signed."""
    sop = sops["011"]
    assert sop.kegiatan[3].output == "Draft Pengukuran Data Kinerja"
    assert sop.keterkaitan == [f"{OL}SOP Pengukuran Data Kinerja"]
    assert "Kodifikasi" in sop.dasar_hukum[3] and "Kodefikasi" in sops["010"].dasar_hukum[3]
    assert sop.nomor.startswith("PK . KEC . KBS")


@pytest.mark.parametrize("key", KEYS)
def test_lanes(sops: dict[str, Sop], key: str) -> None:
    sop = sops[key]
    labels, _rows = _procedure(SEEDS[key])
    assert list(sop.pelaksana) == EXPECTED_LANE_IDS[key]
    assert [label.upper() for label in sop.pelaksana.values()] == labels


@pytest.mark.parametrize("key", KEYS)
def test_every_step_every_column(sops: dict[str, Sop], key: str) -> None:
    sop = sops[key]
    _labels, rows = _procedure(SEEDS[key])
    assert len(sop.kegiatan) == len(rows) == len(EXPECTED_LANES[key].split())
    for n, (step, row) in enumerate(zip(sop.kegiatan, rows, strict=True), 1):
        no, aktivitas, *lane_cells, kelengkapan, waktu, output, keterangan = row
        assert int(no) == n
        assert lane_cells == ["", "", "", ""], "the seed text carries no symbols"
        assert step.aktivitas == aktivitas, f"step {n}"
        assert step.pelaksana == EXPECTED_LANES[key].split()[n - 1], f"step {n}"
        assert step.kelengkapan == kelengkapan, f"step {n}"
        assert step.waktu is not None
        assert step.waktu.teks == waktu, f"step {n}"
        assert (step.waktu.nilai, step.waktu.satuan) == WAKTU[waktu], f"step {n}"
        assert step.waktu.nilai_maks is None
        assert step.output == output, f"step {n}"
        assert step.keterangan == (keterangan or None), f"step {n}"
        assert step.jika_tidak == EXPECTED_JIKA_TIDAK[key][n - 1], f"step {n}"
        assert step.id is None


@pytest.mark.parametrize("key", KEYS)
def test_decisions_carry_the_panah_balik_keterangan(sops: dict[str, Sop], key: str) -> None:
    for step in sops[key].kegiatan:
        assert step.is_keputusan == (step.keterangan is not None)
        if step.is_keputusan:
            assert "anah balik" in (step.keterangan or "")


@pytest.mark.parametrize("key", KEYS)
def test_positions_point_into_the_spec_file(sops: dict[str, Sop], key: str) -> None:
    """Every step's output is located on the line that writes it."""
    sop = sops[key]
    lines = FILES[key].read_text(encoding="utf-8").splitlines()
    for i, step in enumerate(sop.kegiatan):
        loc = sop.posisi("kegiatan", i, "output")
        assert loc is not None and loc.file.endswith(FILES[key].name)
        assert lines[loc.line - 1][loc.column - 1 :] == step.output
    # inherited values point into the catalog settings
    if key == "010":
        loc = sop.posisi("disahkan_oleh", "nip")
        assert loc is not None and loc.file.endswith("sopdoc.yaml")
