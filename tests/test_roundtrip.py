"""Property: any valid SOP survives ``sopdoc.dumps`` -> file -> ``sopdoc.load`` unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sopdoc
from sopdoc import Kegiatan, Kertas, Penandatangan, Revisi, Sop, Tanggal, Waktu
from sopdoc.model import ID_PATTERN

# Any text a person could type: every Unicode letter, mark, symbol, space, line
# break and control character; surrogates cannot be written to a UTF-8 file.
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
TEKS = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)
WORDS = st.text(st.characters(categories=["L", "Nd", "Zs", "P"]), min_size=1, max_size=60)
STEP_ID = st.from_regex(ID_PATTERN, fullmatch=True).filter(lambda s: len(s) <= 20)
# a jika_tidak written as text is an id; digits alone are a step number
STEP_ID_REF = STEP_ID.filter(lambda s: not s.isdigit() and not s.lstrip("+-").isdigit())

UNITS = [
    "menit", "mnt", "mnt.", "mn", "min", "minute", "minutes",
    "jam", "jm", "jm.", "j",
    "hari", "hr", "hr.", "h",
    "hari kerja", "hk", "HK", "hr kerja", "hr. kerja", "h.k.", "h.k", "Hari Kerja",
    "minggu", "mgg", "mg", "pekan",
    "bulan", "bln", "bln.", "Bulan",
]  # fmt: skip
RANGE_WORDS = ["-", " - ", "–", " s.d. ", " s/d ", " sd ", " sampai ", " sampai dengan "]


@st.composite
def numbers(draw: st.DrawFn) -> tuple[str, float]:
    whole = draw(st.integers(0, 999))
    if draw(st.booleans()):
        frac = draw(st.integers(0, 99))
        sep = draw(st.sampled_from([",", "."]))
        return f"{whole}{sep}{frac}", float(f"{whole}.{frac}")
    return str(whole), float(whole)


@st.composite
def waktu(draw: st.DrawFn) -> Waktu:
    a_text, a = draw(numbers())
    text = a_text
    if draw(st.booleans()):
        b_text, b = draw(numbers())
        if b < a:
            a_text, b_text = b_text, a_text
        text = a_text + draw(st.sampled_from(RANGE_WORDS)) + b_text
    text += draw(st.sampled_from(["", " ", "  "])) + draw(st.sampled_from(UNITS))
    return Waktu.model_validate(text)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def kegiatan(draw: st.DrawFn, lanes: list[str], n_steps: int) -> Kegiatan:
    if draw(st.booleans()):
        pelaksana: str | list[str] = draw(st.sampled_from(lanes))
    else:
        pelaksana = draw(st.lists(st.sampled_from(lanes), min_size=1, max_size=3))
    return Kegiatan(
        id=draw(optional(STEP_ID)),
        aktivitas=draw(TEKS),
        pelaksana=pelaksana,
        kelengkapan=draw(optional(TEXT)),
        waktu=draw(optional(waktu())),
        output=draw(optional(TEXT)),
        keterangan=draw(optional(TEXT)),
        jika_tidak=draw(optional(st.integers(1, n_steps) | STEP_ID_REF)),
    )


@st.composite
def sops(draw: st.DrawFn) -> Sop:
    lane_ids = draw(st.lists(TEKS.filter(str.strip), min_size=1, max_size=6, unique=True))
    lanes = {lane: draw(TEKS) for lane in lane_ids}
    n_steps = draw(st.integers(1, 8))
    return Sop(
        nomor=draw(TEKS),
        nama=draw(TEKS),
        instansi=draw(TEKS),
        unit=draw(TEKS),
        tanggal=Tanggal(
            pembuatan=draw(optional(st.dates())),
            revisi=draw(optional(st.dates())),
            efektif=draw(optional(st.dates())),
        ),
        disahkan_oleh=Penandatangan(
            jabatan=draw(TEKS),
            nama=draw(TEKS),
            pangkat=draw(optional(TEXT)),
            nip=draw(optional(st.from_regex(r"\d{8} \d{6} [12] \d{3}", fullmatch=True) | TEXT)),
        ),
        kop=draw(st.lists(TEXT, max_size=3)),
        logo=draw(optional(st.from_regex(r"/[a-z]{1,8}/[a-z]{1,8}\.png", fullmatch=True))),
        kertas=draw(st.sampled_from(list(Kertas))),
        dasar_hukum=draw(st.lists(WORDS, max_size=4)),
        kualifikasi_pelaksana=draw(st.lists(TEXT, max_size=3)),
        keterkaitan=draw(st.lists(TEXT, max_size=3)),
        peralatan_perlengkapan=draw(st.lists(TEXT, max_size=3)),
        peringatan=draw(optional(TEXT)),
        pencatatan_pendataan=draw(st.lists(TEXT, max_size=3)),
        pelaksana=lanes,
        kegiatan=[draw(kegiatan(lane_ids, n_steps)) for _ in range(n_steps)],
        riwayat_revisi=draw(
            st.lists(
                st.builds(
                    Revisi,
                    tanggal=st.dates(),
                    catatan=TEKS,
                    nomor=optional(TEXT),
                ),
                max_size=3,
            )
        ),
    )


def _assert_same(loaded: Sop, sop: Sop) -> None:
    # model_dump compares every field (a Waktu as its text) ...
    assert loaded.model_dump() == sop.model_dump()
    # ... and the parts compare whole, parsed Waktu values included
    assert loaded.kegiatan == sop.kegiatan
    assert [k.waktu for k in loaded.kegiatan] == [k.waktu for k in sop.kegiatan]
    assert loaded.tanggal == sop.tanggal
    assert loaded.disahkan_oleh == sop.disahkan_oleh
    assert loaded.riwayat_revisi == sop.riwayat_revisi
    assert list(loaded.pelaksana) == list(sop.pelaksana), "lane order is column order"


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(sop=sops())
def test_dump_load_roundtrip(sop: Sop) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sop.yaml"
        path.write_text(sopdoc.dumps(sop), encoding="utf-8")
        loaded = sopdoc.load(path, settings=False)
        _assert_same(loaded, sop)
        # dump() writes the same text, atomically (no temporary file left behind)
        out = Path(tmp) / "out.yaml"
        sopdoc.dump(loaded, out)
        assert out.read_text(encoding="utf-8") == sopdoc.dumps(sop)
        assert sorted(p.name for p in Path(tmp).iterdir()) == ["out.yaml", "sop.yaml"]


def test_roundtrip_of_the_kebasen_specs(tmp_path: Path) -> None:
    """The real specs too: dumped with their inherited settings, they load back equal."""
    root = Path(__file__).resolve().parents[1] / "specs" / "kecamatan-kebasen"
    for sop in sopdoc.load_catalog(root):
        path = tmp_path / "sop.yaml"
        path.write_text(sopdoc.dumps(sop), encoding="utf-8")
        _assert_same(sopdoc.load(path, settings=False), sop)
