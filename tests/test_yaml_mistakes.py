"""The mistakes people make typing YAML, in both languages: the line and column of the
mistake, the advice in plain words, the line shown with a caret; never the parser's jargon."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from sopdoc import SpecLoadError
from sopdoc.i18n import set_language
from sopdoc.source import parse_yaml

JARGON = (
    "mapping values",
    "did not find expected",
    "could not find expected",
    "while scanning",
    "while parsing",
    "block end",
    "simple key",
)


@dataclass(frozen=True)
class Mistake:
    id: str
    text: str
    line: int
    column: int
    en: str  # a part of the English advice
    id_: str  # the same part of the Indonesian advice


MISTAKES = [
    Mistake(
        "key indented more than the one above it, under a list item",
        "kegiatan:\n  - aktivitas: Menerima surat\n     pelaksana: camat\n",
        3,
        6,
        "'pelaksana:' is indented more than 'aktivitas:' on line 2; write the keys of one "
        "item in the same column (5)",
        "'pelaksana:' menjorok lebih dalam daripada 'aktivitas:' di baris 2; tulis "
        "kunci-kunci satu butir di kolom yang sama (5)",
    ),
    Mistake(
        "key indented less than the one above it, under a list item",
        "kegiatan:\n  - aktivitas: Menerima surat\n   pelaksana: camat\n",
        3,
        4,
        "'pelaksana:' is indented less than 'aktivitas:' on line 2 (under '- ')",
        "'pelaksana:' kurang menjorok daripada 'aktivitas:' di baris 2 (di bawah '- ')",
    ),
    Mistake(
        "missing space after the colon",
        "nomor: PK / 001\nnama:Contoh\nunit: Kecamatan Contoh\n",
        2,
        6,
        "no space after the colon of 'nama:'; write a space between the key and its value: "
        "'nama: Contoh'",
        "tidak ada spasi sesudah titik dua 'nama:'; tulis spasi di antara kunci dan nilainya: "
        "'nama: Contoh'",
    ),
    Mistake(
        "missing space after the colon in a list item",
        "kegiatan:\n  - aktivitas:Menerima\n    pelaksana: camat\n",
        2,
        15,
        "no space after the colon of 'aktivitas:'",
        "tidak ada spasi sesudah titik dua 'aktivitas:'",
    ),
    Mistake(
        "tab in the indentation",
        "nomor: PK / 001\ntanggal:\n\tpembuatan: 2024-01-09\n",
        3,
        1,
        "tab character in indentation; YAML indents with spaces only: replace it with spaces",
        "karakter tab pada indentasi; YAML hanya memakai spasi untuk indentasi",
    ),
    Mistake(
        "unclosed double quote",
        'nomor: PK / 001\nnama: "Contoh\nunit: Kecamatan Contoh\n',
        2,
        7,
        'the quote " opened here is never closed; end the text with " on this line',
        'tanda kutip " yang dibuka di sini tidak pernah ditutup; akhiri teksnya dengan " pada '
        "baris ini",
    ),
    Mistake(
        "unclosed single quote",
        "nomor: PK / 001\nnama: 'Contoh\nunit: Kecamatan Contoh\n",
        2,
        7,
        "the quote ' opened here is never closed",
        "tanda kutip ' yang dibuka di sini tidak pernah ditutup",
    ),
    Mistake(
        "key typed twice",
        "nomor: PK / 001\nnama: Contoh\nnama: Contoh Lain\n",
        3,
        1,
        "duplicate key 'nama' (first written at line 2); one of the two values would be lost",
        "kunci 'nama' ditulis dua kali (pertama di baris 2); salah satu nilainya akan hilang",
    ),
    Mistake(
        "a value holding ': '",
        "nomor: PK / 001\nnama: Catatan: lihat lampiran\n",
        2,
        14,
        "the value of 'nama' contains ': ', which YAML reads as a new key; put the whole "
        'value in quotes: nama: "Catatan: lihat lampiran"',
        "nilai 'nama' memuat ': ', yang dibaca YAML sebagai kunci baru; apit seluruh nilainya "
        'dengan tanda kutip: nama: "Catatan: lihat lampiran"',
    ),
    Mistake(
        "a value that starts with a quote and goes on",
        'nomor: PK / 001\nnama: "Surat" Keterangan\n',
        2,
        7,
        "the value of 'nama' starts with a quote but goes on after the closing quote",
        "nilai 'nama' diawali tanda kutip tetapi berlanjut sesudah tanda kutip penutup",
    ),
    Mistake(
        "list items not one under the other",
        "dasar_hukum:\n  - UU 25/2009\n - PP 96/2012\n",
        3,
        2,
        "this list item's '-' is in column 2, the one on line 2 in column 3",
        "tanda '-' butir daftar ini ada di kolom 2, yang di baris 2 di kolom 3",
    ),
    Mistake(
        "a list never closed",
        "pelaksana: [camat, sekcam\nnama: Contoh\n",
        1,
        12,
        "the [ here opens a list that is never closed with ]",
        "tanda [ di sini membuka daftar yang tidak pernah ditutup dengan ]",
    ),
    Mistake(
        "a value starting with @",
        "nomor: PK / 001\nnama: @Kecamatan\n",
        2,
        7,
        "a value cannot start with @ in YAML; put the whole value in quotes",
        "dalam YAML nilai tidak boleh diawali @; apit seluruh nilainya dengan tanda kutip",
    ),
]


@pytest.fixture(params=["en", "id"])
def lang(request: pytest.FixtureRequest) -> str:
    set_language(request.param)
    yield request.param
    set_language(None)


@pytest.mark.parametrize("case", MISTAKES, ids=[m.id for m in MISTAKES])
def test_mistake_is_explained_at_its_line(case: Mistake, lang: str) -> None:
    try:
        errors = parse_yaml(case.text, "x.yaml").problems  # read on: a key typed twice
    except SpecLoadError as exc:
        errors = exc.errors
    (err,) = errors
    assert (err.location.line, err.location.column) == (case.line, case.column), err
    assert (case.en if lang == "en" else case.id_) in err.message
    assert not any(j in err.message for j in JARGON), err.message
    # the offending line, and a caret under the column
    shown, caret = err.excerpt().splitlines()
    assert shown.endswith(case.text.splitlines()[case.line - 1])
    bar = shown.index("|")
    assert caret.index("^") - bar - 2 == case.column - 1


def test_the_cli_shows_the_line_and_the_caret(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    spec = tmp_path / "spec.yaml"
    spec.write_text(MISTAKES[0].text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "sopdoc.cli", "validate", "spec.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 2
    first, shown, caret, *_rest = done.stderr.splitlines()
    assert first.startswith("spec.yaml:3:6: error: 'pelaksana:' menjorok lebih dalam")
    assert shown == "  3 |      pelaksana: camat"
    assert caret == "    |      ^"
