"""The Waktu column: every way people write a duration, and what is refused."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from pydantic import ValidationError

from sopdoc import Kegiatan, SatuanWaktu, Waktu
from sopdoc.i18n import set_language
from sopdoc.waktu import WAKTU_JSON_PATTERN, parse_waktu


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """These cases check the English messages (``--lang en``); Indonesian, the default, is
    checked by the cases in both languages (test_yaml_mistakes, test_waktu's *_id tests)."""
    set_language("en")
    yield
    set_language(None)


M, J, H, HK, MG, B = (
    SatuanWaktu.MENIT,
    SatuanWaktu.JAM,
    SatuanWaktu.HARI,
    SatuanWaktu.HARI_KERJA,
    SatuanWaktu.MINGGU,
    SatuanWaktu.BULAN,
)

GOOD: list[tuple[str, float, float | None, SatuanWaktu]] = [
    # the full unit names of the format
    ("5 menit", 5, None, M),
    ("2 jam", 2, None, J),
    ("3 hari", 3, None, H),
    ("14 hari kerja", 14, None, HK),
    ("1 minggu", 1, None, MG),
    ("6 bulan", 6, None, B),
    # the abbreviations people type
    ("15 mnt", 15, None, M),
    ("15 mnt.", 15, None, M),
    ("10 mn", 10, None, M),
    ("10 min", 10, None, M),
    ("30 minutes", 30, None, M),
    ("1 jm", 1, None, J),
    ("1 jm.", 1, None, J),
    ("1 j", 1, None, J),
    ("2 hr", 2, None, H),
    ("2 hr.", 2, None, H),
    ("2 h", 2, None, H),
    ("1 HK", 1, None, HK),
    ("1 hk", 1, None, HK),
    ("3 hr kerja", 3, None, HK),
    ("3 hr. kerja", 3, None, HK),
    ("3 h.k.", 3, None, HK),
    ("2 mgg", 2, None, MG),
    ("2 mg", 2, None, MG),
    ("1 pekan", 1, None, MG),
    ("3 bln", 3, None, B),
    ("3 bln.", 3, None, B),
    # capitals, spacing as typed
    ("5 Menit", 5, None, M),
    ("5 MENIT", 5, None, M),
    ("1 Hari Kerja", 1, None, HK),
    ("5menit", 5, None, M),
    ("  5 menit  ", 5, None, M),
    ("3 hari  kerja", 3, None, HK),
    # decimals, with the Indonesian comma or a point
    ("1,5 jam", 1.5, None, J),
    ("0,5 hari", 0.5, None, H),
    ("2.5 jam", 2.5, None, J),
    # ranges
    ("1-2 hari", 1, 2, H),
    ("1 - 2 hari", 1, 2, H),
    ("1–2 hari", 1, 2, H),
    ("1 s.d. 3 hari", 1, 3, H),
    ("1 s.d 3 hari", 1, 3, H),
    ("1 s/d 3 HK", 1, 3, HK),
    ("1 sd 3 jam", 1, 3, J),
    ("1 sampai 2 minggu", 1, 2, MG),
    ("1 sampai dengan 2 bulan", 1, 2, B),
    ("1,5-2,5 jam", 1.5, 2.5, J),
    ("2-2 hari", 2, 2, H),
    # a count times a length, the usual service promise
    ("1 x 24 jam", 24, None, J),
    ("1x24 Jam", 24, None, J),
    ("2 × 7 hari", 14, None, H),
    ("3 x 1-2 hari", 3, 6, H),
]


@pytest.mark.parametrize(("text", "nilai", "maks", "satuan"), GOOD)
def test_good(text: str, nilai: float, maks: float | None, satuan: SatuanWaktu) -> None:
    assert parse_waktu(text) == (nilai, maks, satuan)
    waktu = Waktu.model_validate(text)
    assert waktu.teks == text, "the text is kept exactly as written"
    assert (waktu.nilai, waktu.nilai_maks, waktu.satuan) == (nilai, maks, satuan)
    assert str(waktu) == text
    assert re.search(WAKTU_JSON_PATTERN, text), "the JSON Schema accepts what the loader accepts"


BAD: list[tuple[str, str]] = [
    ("5", "waktu '5' has no unit; write e.g. '5 menit' or '5 hari'"),
    ("1-2", "waktu '1-2' has no unit"),
    ("1,5", "waktu '1,5' has no unit"),
    ("5 detik", "unknown unit 'detik' in waktu '5 detik'; use menit, jam, hari"),
    ("1 tahun", "unknown unit 'tahun'"),
    ("5 menitan", "unknown unit 'menitan'"),
    ("lima menit", "waktu 'lima menit' is not a number followed by a unit"),
    ("menit", "is not a number followed by a unit"),
    ("", "waktu '' is not a number followed by a unit"),
    ("-5 menit", "is not a number followed by a unit"),
    ("5 menit 3 jam", "is not a number followed by a unit"),
    ("5,5,5 menit", "is not a number followed by a unit"),
    ("± 5 menit", "is not a number followed by a unit"),
    ("2-1 hari", "the range in waktu '2-1 hari' runs backwards; write the smaller number first"),
    ("3 hr.kerja", "unknown unit 'hr.kerja'"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_waktu(text)
    with pytest.raises(ValidationError, match=re.escape(message)):
        Waktu.model_validate(text)


@pytest.mark.parametrize(("text", "_message"), BAD)
def test_json_pattern_refuses_what_the_loader_refuses(text: str, _message: str) -> None:
    if text == "2-1 hari":  # a backwards range is well-formed; only the loader sees it
        assert re.search(WAKTU_JSON_PATTERN, text)
    else:
        assert not re.search(WAKTU_JSON_PATTERN, text)


def test_json_pattern_is_a_valid_ecma_regex_with_unicode_flag() -> None:
    """Editors (yaml-language-server) compile the pattern as a JavaScript RegExp."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: cannot check the pattern as a JavaScript RegExp")
    texts = [g[0] for g in GOOD] + [b[0] for b in BAD]
    script = (
        "const re = new RegExp(process.argv[1], 'u');"
        "console.log(JSON.stringify(JSON.parse(process.argv[2]).map(t => re.test(t))));"
    )
    out = subprocess.run(
        [node, "-e", script, WAKTU_JSON_PATTERN, json.dumps(texts)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out) == [bool(re.search(WAKTU_JSON_PATTERN, t)) for t in texts]


def test_number_without_unit_from_python() -> None:
    with pytest.raises(ValidationError, match="waktu '5' has no unit"):
        Waktu.model_validate(5)


@pytest.mark.parametrize("value", [{"teks": "5 menit"}, ["5 menit"]])
def test_step_waktu_must_be_text(value: object) -> None:
    with pytest.raises(ValidationError, match="waktu must be text like '5 menit'"):
        Kegiatan.model_validate({"aktivitas": "a", "pelaksana": "x", "waktu": value})


def test_menit_uses_the_upper_end_of_a_range() -> None:
    assert Waktu.model_validate("5 menit").menit == 5
    assert Waktu.model_validate("1-2 jam").menit == 120
    assert Waktu.model_validate("1 HK").menit == Waktu.model_validate("1 hari").menit == 450
    assert Waktu.model_validate("1 minggu").menit == 5 * 450
    assert Waktu.model_validate("1 bulan").menit == 22 * 450


def test_serialises_as_written() -> None:
    step = Kegiatan.model_validate({"aktivitas": "a", "pelaksana": "x", "waktu": "1 s/d 2 HK"})
    assert step.model_dump(mode="json")["waktu"] == "1 s/d 2 HK"


COMPOUND: list[tuple[str, float, SatuanWaktu, float]] = [
    ("2 jam 30 menit", 150, M, 150),
    ("1 hari 4 jam", 11.5, J, 690),
    ("1 Jam 15 Mnt", 75, M, 75),
    ("5 Menit.", 5, M, 5),
    ("2 jam 30 menit.", 150, M, 150),
    ("1 minggu 2 hari", 7, H, 3150),
]


@pytest.mark.parametrize(("text", "nilai", "satuan", "menit"), COMPOUND)
def test_compound_and_trailing_dot(
    text: str, nilai: float, satuan: SatuanWaktu, menit: float
) -> None:
    assert parse_waktu(text) == (nilai, None, satuan)
    waktu = Waktu.model_validate(text)
    assert (waktu.teks, waktu.menit) == (text, menit)
    assert re.search(WAKTU_JSON_PATTERN, text)
    # the model stores the text: dump and load give the same value back
    assert Waktu.model_validate(waktu.model_dump()) == waktu


HINTS: list[tuple[str, str, str]] = [
    # (typed, a part of the English hint, the same in Indonesian)
    ("2 setengah jam", "write e.g. '2,5 jam' or '2 jam 30 menit' or '150 menit'",
     "tulis mis. '2,5 jam' atau '2 jam 30 menit' atau '150 menit'"),
    ("dua setengah jam", "'2,5 jam' or '2 jam 30 menit' or '150 menit'",
     "'2,5 jam' atau '2 jam 30 menit' atau '150 menit'"),
    ("2½ jam", "'2,5 jam'", "'2,5 jam'"),
    ("setengah jam", "write e.g. '0,5 jam' or '30 menit'", "tulis mis. '0,5 jam' atau '30 menit'"),
    ("lima menit", "write e.g. '5 menit'", "tulis mis. '5 menit'"),
    ("5 menit 3 jam", "the larger first, e.g. '3 jam 5 menit'",
     "yang lebih besar lebih dulu, mis. '3 jam 5 menit'"),
    ("sebentar", "write a number and a unit, e.g. '5 menit', '2 jam 30 menit'",
     "tulis angka dan satuan, mis. '5 menit', '2 jam 30 menit'"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "en", "id_"), HINTS)
def test_hint_shows_the_accepted_forms_of_what_was_typed(text: str, en: str, id_: str) -> None:
    for lang, part in (("en", en), ("id", id_)):
        set_language(lang)
        with pytest.raises(ValueError) as info:
            parse_waktu(text)
        assert part in str(info.value), (lang, str(info.value))
