"""Bad input: every case names the exact line:column and says what to fix.

Each case is a small spec written to a real file and loaded with
``sopdoc.load``; the test asserts the whole list of errors of the file: the
position of each and a part of its message. Positions count from 1, the way
editors show them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import sopdoc
from sopdoc import SpecLoadError
from sopdoc.i18n import set_language


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """These cases check the English messages (``--lang en``); Indonesian, the default, is
    checked by the cases in both languages (test_yaml_mistakes, test_waktu's *_id tests)."""
    set_language("en")
    yield
    set_language(None)


BASE = textwrap.dedent(
    """\
    nomor: PK / 001 / I / 2024
    nama: Contoh
    instansi: Pemerintah Kabupaten Contoh
    unit: Kecamatan Contoh
    tanggal:
      pembuatan: 2024-01-09
    disahkan_oleh:
      jabatan: Camat Contoh
      nama: Budi
    pelaksana:
      camat: Camat
      sekcam: Sekcam
    kegiatan:
      - aktivitas: Menerima surat
        pelaksana: camat
        waktu: 5 menit
      - aktivitas: Memeriksa
        pelaksana: [camat, sekcam]
        waktu: 1 hari
        jika_tidak: 1
    """
)
"""A valid spec; its line numbers are the ones the cases below refer to."""


def edit(*pairs: str) -> str:
    """BASE with each ``old`` replaced by ``new`` (``old`` must occur exactly once)."""
    text = BASE
    for old, new in zip(pairs[::2], pairs[1::2], strict=True):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@dataclass
class Case:
    id: str
    content: str | bytes
    # every error of the file, in order: (line, column, part of the message)
    expected: list[tuple[int, int, str]]


ALIAS_BOMB = "\n".join(
    [
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]"
            for i in range(6)
        ),
    ]
)

CASES = [
    # -- unknown keys, with "did you mean" ----------------------------------------
    Case(
        "unknown key, close match",
        edit("nama: Contoh", "nma: Contoh"),
        [(2, 1, "unknown key 'nma'; did you mean 'nama'?")],
    ),
    Case(
        "unknown key in a step",
        edit("  - aktivitas: Memeriksa", "  - aktivitass: Memeriksa"),
        [(17, 5, "unknown key 'aktivitass'; did you mean 'aktivitas'?")],
    ),
    Case(
        "unknown key in tanggal",
        edit("  pembuatan: 2024-01-09", "  pembuatan: 2024-01-09\n  berlaku: 2024-02-01"),
        [(7, 3, "unknown key 'berlaku'; allowed here: efektif, pembuatan, revisi")],
    ),
    Case(
        "unknown key in disahkan_oleh",
        edit("  nama: Budi", "  nama: Budi\n  golongan: IV/b"),
        [(10, 3, "unknown key 'golongan'; allowed here: jabatan, nama, nip, pangkat")],
    ),
    Case(
        "English key for an Indonesian one",
        edit("kegiatan:", "steps: []\nkegiatan:"),
        [(13, 1, "unknown key 'steps'; allowed here: dasar_hukum")],
    ),
    # -- missing required fields ----------------------------------------------------
    Case(
        "missing nomor",
        edit("nomor: PK / 001 / I / 2024\n", ""),
        [(1, 1, "required field 'nomor' is missing")],
    ),
    Case(
        "missing instansi names the catalog settings",
        edit("instansi: Pemerintah Kabupaten Contoh\n", ""),
        [
            (
                1,
                1,
                "required field 'instansi' is missing; write it here or once for the whole "
                "catalog in sopdoc.yaml",
            )
        ],
    ),
    Case(
        "missing aktivitas points at the step",
        edit(
            "  - aktivitas: Memeriksa\n    pelaksana: [camat, sekcam]",
            "  - pelaksana: [camat, sekcam]",
        ),
        [(17, 5, "required field 'aktivitas' is missing")],
    ),
    Case(
        "missing jabatan of disahkan_oleh",
        edit("  jabatan: Camat Contoh\n", ""),
        [(8, 3, "required field 'jabatan' is missing")],
    ),
    # -- wrong types ----------------------------------------------------------------
    Case(
        "a list for text",
        edit("nama: Contoh", "nama: [Contoh]"),
        [(2, 7, "expected text, found a list")],
    ),
    Case(
        "text for a list",
        edit("kegiatan:", "dasar_hukum: UU 23/2014\nkegiatan:"),
        [(13, 14, "expected a list (lines starting with '- '), found 'UU 23/2014'")],
    ),
    Case(
        "a list where a mapping belongs (tanggal)",
        edit("tanggal:\n  pembuatan: 2024-01-09", "tanggal:\n  - 2024-01-09"),
        [(6, 3, "expected a mapping (key: value lines), found a list")],
    ),
    Case(
        "a list where a mapping belongs (the lanes)",
        edit("  camat: Camat\n  sekcam: Sekcam", "  - camat\n  - sekcam"),
        [(11, 3, "expected a mapping (key: value lines), found a list")],
    ),
    Case(
        "a mapping where the list of steps belongs",
        edit(BASE[BASE.index("kegiatan:") :], "kegiatan:\n  aktivitas: Menerima surat\n"),
        [(14, 3, "expected a list (lines starting with '- '), found a mapping")],
    ),
    Case(
        "a step written as plain text",
        edit("  - aktivitas: Memeriksa\n", "  - Memeriksa\n  - aktivitas: Memeriksa\n"),
        [(17, 5, "expected a mapping (key: value lines), found 'Memeriksa'")],
    ),
    Case(
        "empty text", edit("nama: Contoh", "nama: ''"), [(2, 7, "'nama' is empty; write a value")]
    ),
    Case("empty value", edit("nama: Contoh", "nama:"), [(2, 6, "'nama' is empty; write a value")]),
    Case(
        "an empty item of a list",
        edit("kegiatan:", "dasar_hukum:\n  - UU 23/2014\n  -\nkegiatan:"),
        [(15, 4, "item 2 of 'dasar_hukum' is empty")],
    ),
    Case(
        "kertas A3",
        edit("kegiatan:", "kertas: A3\nkegiatan:"),
        [(13, 9, "'A3' is not allowed here; expected 'A4' or 'F4'")],
    ),
    Case(
        "step id with a space",
        edit("  - aktivitas: Memeriksa", "  - id: periksa sekcam\n    aktivitas: Memeriksa"),
        [(17, 9, "'periksa sekcam' is not a valid id")],
    ),
    # -- dates ----------------------------------------------------------------------
    Case(
        "no such day",
        edit("2024-01-09", "2024-02-30"),
        [(6, 14, "'2024-02-30' is not a date; write YYYY-MM-DD")],
    ),
    Case(
        "date as words",
        edit("2024-01-09", "9 Januari 2024"),
        [(6, 14, "'9 Januari 2024' is not a date")],
    ),
    Case(
        "date with a time",
        edit("2024-01-09", "2024-01-09T08:00:00"),
        [(6, 14, "'2024-01-09T08:00:00' is not a date")],
    ),
    Case("day first", edit("2024-01-09", "09-01-2024"), [(6, 14, "'09-01-2024' is not a date")]),
    Case(
        "bad date in riwayat_revisi",
        BASE + "riwayat_revisi:\n  - tanggal: 2024-13-01\n    catatan: Perubahan\n",
        [(22, 14, "'2024-13-01' is not a date")],
    ),
    Case(
        "riwayat_revisi without catatan",
        BASE + "riwayat_revisi:\n  - tanggal: 2024-03-01\n",
        [(22, 5, "required field 'catatan' is missing")],
    ),
    # -- waktu ------------------------------------------------------------------------
    Case(
        "waktu with an unknown unit",
        edit("5 menit", "5 detik"),
        [(16, 12, "unknown unit 'detik' in waktu '5 detik'; use menit, jam")],
    ),
    Case(
        "waktu number without unit",
        edit("5 menit", "5"),
        [(16, 12, "waktu '5' has no unit; write e.g. '5 menit' or '5 hari'")],
    ),
    Case(
        "waktu unparsable",
        edit("5 menit", "sebentar"),
        [(16, 12, "waktu 'sebentar' is not a number followed by a unit")],
    ),
    Case(
        "waktu range backwards",
        edit("1 hari", "3-2 hari"),
        [(19, 12, "the range in waktu '3-2 hari' runs backwards")],
    ),
    Case(
        "waktu as a mapping",
        edit("waktu: 5 menit", "waktu: {nilai: 5, satuan: menit}"),
        [(16, 12, "waktu must be text like '5 menit'")],
    ),
    # -- pelaksana of a step ----------------------------------------------------------
    Case(
        "empty pelaksana list",
        edit("[camat, sekcam]", "[]"),
        [(18, 16, "pelaksana lists no lane; name at least one lane id")],
    ),
    Case(
        "pelaksana left empty",
        edit("    pelaksana: camat\n", "    pelaksana:\n"),
        [(15, 15, "pelaksana is empty")],
    ),
    Case(
        "pelaksana item not text",
        edit("[camat, sekcam]", "[camat, {sekcam: 1}]"),
        [(18, 24, "item 2 of 'pelaksana' must be text, found a mapping")],
    ),
    Case(
        "pelaksana as a mapping",
        edit("    pelaksana: camat\n", "    pelaksana: {camat: 1}\n"),
        [(15, 16, "pelaksana must be one lane id")],
    ),
    Case(
        "no lanes",
        edit("pelaksana:\n  camat: Camat\n  sekcam: Sekcam", "pelaksana: {}"),
        [(10, 12, "'pelaksana' must not be empty")],
    ),
    Case(
        "a lane without label",
        edit("  sekcam: Sekcam", "  sekcam:"),
        [(12, 10, "'sekcam' is empty; write a value")],
    ),
    Case(
        "tanggal left empty",
        edit("tanggal:\n  pembuatan: 2024-01-09\n", "tanggal:\n"),
        [(5, 9, "'tanggal' is empty; write its keys under it, indented")],
    ),
    Case(
        "steps left empty",
        edit(BASE[BASE.index("kegiatan:") :], "kegiatan:\n"),
        [(13, 10, "'kegiatan' is empty; write its items under it, each on a line starting")],
    ),
    Case(
        "an optional list left empty",
        BASE + "dasar_hukum:\n",
        [
            (
                21,
                13,
                "'dasar_hukum' is empty; write its items under it, each on a line "
                "starting with '- ', or remove the key",
            )
        ],
    ),
    Case(
        "an inherited mapping left empty",
        edit("disahkan_oleh:\n  jabatan: Camat Contoh\n  nama: Budi\n", "disahkan_oleh:\n"),
        [
            (
                7,
                15,
                "'disahkan_oleh' is empty; write its keys under it, indented, or remove "
                "the key to use the catalog's (sopdoc.yaml)",
            )
        ],
    ),
    Case(
        "an empty revision",
        BASE + "riwayat_revisi:\n  -\n",
        [(22, 4, "item 1 of 'riwayat_revisi' is empty; write its keys under it")],
    ),
    Case(
        "no steps",
        edit(BASE[BASE.index("kegiatan:") :], "kegiatan: []\n"),
        [(13, 11, "'kegiatan' must not be empty; write at least one entry")],
    ),
    # -- jika_tidak -------------------------------------------------------------------
    Case(
        "jika_tidak: 0",
        edit("jika_tidak: 1", "jika_tidak: 0"),
        [(20, 17, "jika_tidak must name a step number from 1, or a step id")],
    ),
    Case(
        "jika_tidak negative",
        edit("jika_tidak: 1", "jika_tidak: -2"),
        [(20, 17, "jika_tidak must name a step number from 1")],
    ),
    Case(
        "jika_tidak a list",
        edit("jika_tidak: 1", "jika_tidak: [1, 2]"),
        [
            (
                20,
                17,
                "jika_tidak must be one step number (e.g. jika_tidak: 5) or one step id, "
                "found a list",
            )
        ],
    ),
    Case(
        "jika_tidak as words",
        edit("jika_tidak: 1", "jika_tidak: kembali ke 1"),
        [(20, 17, "jika_tidak 'kembali ke 1' is neither a step number nor a step id")],
    ),
    # -- YAML structure -------------------------------------------------------------
    Case(
        "duplicate key",
        edit("unit: Kecamatan Contoh", "unit: Kecamatan Contoh\nnama: Lain"),
        [
            (
                5,
                1,
                "duplicate key 'nama' (first written at line 2); "
                "one of the two values would be lost",
            )
        ],
    ),
    Case(
        "duplicate key in a step",
        edit("    waktu: 5 menit", "    waktu: 5 menit\n    waktu: 10 menit"),
        [(17, 5, "duplicate key 'waktu' (first written at line 16)")],
    ),
    Case(
        "tab in indentation",
        edit("  pembuatan: 2024-01-09", "\tpembuatan: 2024-01-09"),
        [(6, 1, "tab character in indentation; YAML indents with spaces only")],
    ),
    Case(
        "BOM",
        b"\xef\xbb\xbf" + BASE.encode(),
        [(1, 1, "byte-order mark (BOM); save it as UTF-8 without BOM")],
    ),
    Case("UTF-16", BASE.encode("utf-16"), [(1, 1, "file is UTF-16 encoded; save it as UTF-8")]),
    Case(
        "non-UTF-8 byte",
        edit("nama: Contoh", "nama: Caf\udce9").encode("utf-8", "surrogateescape"),
        [(2, 10, "byte 0xe9 is not UTF-8; save the file as UTF-8")],
    ),
    Case(
        "alias bomb",
        ALIAS_BOMB,
        [(6, 1, "the value of 'f' expands to more than 100,000 values once aliases are expanded")],
    ),
    Case(
        "recursive alias",
        "nomor: &a [1, *a]\n",
        [(1, 8, "recursive alias: a value contains itself")],
    ),
    Case(
        "merge key",
        edit(
            "  - aktivitas: Memeriksa\n    pelaksana: [camat, sekcam]",
            "  - &langkah\n    aktivitas: Memeriksa\n    pelaksana: [camat, sekcam]",
        )
        + "  - <<: *langkah\n    waktu: 2 hari\n",
        [
            (22, 5, "merge keys ('<<') are not supported in a spec"),
            (22, 5, "required field 'aktivitas' is missing"),
            (22, 5, "required field 'pelaksana' is missing"),
        ],
    ),
    Case(
        "nested 60 lists deep",
        "nomor: " + "[" * 60 + "]" * 60 + "\n",
        [(1, 57, "values nested more than 50 levels deep")],
    ),
    Case(
        "nested 600 block levels deep",
        "".join("  " * i + "-\n" for i in range(600)),
        [(51, 101, "values nested more than 50 levels deep")],
    ),
    Case("empty file", "", [(1, 1, "file is empty")]),
    Case("comments only", "# nothing yet\n\n", [(1, 1, "file is empty")]),
    Case(
        "a list at the top",
        "- nomor: 1\n- nama: x\n",
        [(1, 1, "a spec must be a mapping of keys (nomor:, nama:, ...), found a list")],
    ),
    Case(
        "plain text",
        "Pengukuran Data Kinerja\n",
        [(1, 1, "a spec must be a mapping of keys (nomor:, nama:, ...), found the text")],
    ),
    Case(
        "unclosed bracket",
        edit("[camat, sekcam]", "[camat, sekcam"),
        [(18, 16, "the [ here opens a list that is never closed with ]; close it")],
    ),
    Case(
        "bad indentation",
        edit("  camat: Camat", " camat: Camat"),
        [(12, 3, "'sekcam:' is indented more than 'camat:' on line 11")],
    ),
    Case(
        "two documents",
        BASE + "---\nnomor: x\n",
        [(21, 1, "a spec holds one document, but '---' starts another here")],
    ),
    Case(
        "a python tag",
        edit("nama: Contoh", "nama: !!python/object:os.system x"),
        [(2, 7, "YAML tag '!!python/object:os.system' is not allowed in a spec")],
    ),
    Case(
        "a list as a key",
        edit("nama: Contoh", "nama: Contoh\n[a, b]: c"),
        [(3, 1, "a key must be plain text")],
    ),
    Case(
        "10 MB file",
        BASE + "# " + "x" * 10_000_000 + "\n",
        [(1, 1, "file is 10.0 MB; an SOP spec is at most 1 MB")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(tmp_path: Path, case: Case) -> None:
    path = tmp_path / "spec.yaml"
    if isinstance(case.content, bytes):
        path.write_bytes(case.content)
    else:
        path.write_text(case.content, encoding="utf-8")
    with pytest.raises(SpecLoadError) as info:
        sopdoc.load(path, settings=False)
    got = [(e.location.line, e.location.column, e.message) for e in info.value.errors]
    assert [(line, col) for line, col, _ in got] == [(ln, c) for ln, c, _ in case.expected], got
    for (_l, _c, message), (_el, _ec, part) in zip(got, case.expected, strict=True):
        assert part in message
    assert all(e.location.file == str(path) for e in info.value.errors)
    assert str(info.value).startswith(f"{path}:{case.expected[0][0]}:{case.expected[0][1]}: ")


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30


def test_base_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(BASE, encoding="utf-8")
    sop = sopdoc.load(path, settings=False)
    assert len(sop.kegiatan) == 2


def test_all_errors_of_a_file_together(tmp_path: Path) -> None:
    """Three distinct mistakes in one file give three errors, in file order."""
    path = tmp_path / "spec.yaml"
    path.write_text(
        edit("nama: Contoh", "nma: Contoh", "2024-01-09", "2024-02-30", "5 menit", "5 detik"),
        encoding="utf-8",
    )
    with pytest.raises(SpecLoadError) as info:
        sopdoc.load(path, settings=False)
    assert [(e.location.line, e.location.column, e.path) for e in info.value.errors] == [
        (2, 1, "nma"),
        (6, 14, "tanggal.pembuatan"),
        (16, 12, "kegiatan[1].waktu"),
    ]


def test_yaml_level_and_schema_errors_together(tmp_path: Path) -> None:
    """A duplicate key does not hide the schema errors of the same file."""
    path = tmp_path / "spec.yaml"
    path.write_text(
        edit("unit: Kecamatan Contoh", "unit: Kecamatan Contoh\nunit: Lain", "5 menit", "5"),
        encoding="utf-8",
    )
    with pytest.raises(SpecLoadError) as info:
        sopdoc.load(path, settings=False)
    assert [(e.location.line, e.message.split(";")[0]) for e in info.value.errors] == [
        (5, "duplicate key 'unit' (first written at line 4)"),
        (17, "waktu '5' has no unit"),
    ]


def test_nonexistent_path(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    with pytest.raises(SpecLoadError, match="cannot read file: No such file or directory"):
        sopdoc.load(tmp_path / "nope.yaml")
    with pytest.raises(SpecLoadError, match="no such folder"):
        sopdoc.load_catalog(tmp_path / "nope")


# -- the catalog settings file (sopdoc.yaml) -------------------------------------------

GOOD_SETTINGS = "instansi: Pemerintah Kabupaten Contoh\nunit: Kecamatan Contoh\n"
SPEC_WITHOUT_INHERITED = edit(
    "instansi: Pemerintah Kabupaten Contoh\n", "", "unit: Kecamatan Contoh\n", ""
)


def _catalog(tmp_path: Path, settings: str, specs: dict[str, str]) -> Path:
    (tmp_path / ".git").mkdir()  # settings are looked up to here, not in folders above
    root = tmp_path / "katalog"
    root.mkdir()
    (root / "sopdoc.yaml").write_text(settings, encoding="utf-8")
    for name, text in specs.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


SETTINGS_CASES: list[tuple[str, str, list[tuple[int, int, str]]]] = [
    (
        "misspelt key",
        GOOD_SETTINGS + "kertass: F4\n",
        [(3, 1, "unknown key 'kertass'; did you mean 'kertas'?")],
    ),
    ("spec-only key", GOOD_SETTINGS + "nomor: 1\n", [(3, 1, "unknown key 'nomor'")]),
    (
        "kertas A3",
        GOOD_SETTINGS + "kertas: A3\n",
        [(3, 9, "'A3' is not allowed here; expected 'A4' or 'F4'")],
    ),
    ("kop as text", GOOD_SETTINGS + "kop: PEMERINTAH\n", [(3, 6, "expected a list")]),
    (
        "signatory without nama",
        GOOD_SETTINGS + "disahkan_oleh:\n  jabatan: Camat\n",
        [(4, 3, "required field 'nama' is missing")],
    ),
    (
        "a list",
        "- instansi: X\n",
        [
            (
                1,
                1,
                "the settings file must be a mapping of keys (instansi:, unit:, ...), found a list",
            )
        ],
    ),
    (
        "duplicate key",
        GOOD_SETTINGS + "unit: Lain\n",
        [(3, 1, "duplicate key 'unit' (first written at line 2)")],
    ),
]


@pytest.mark.parametrize(
    ("settings", "expected"),
    [(s, e) for _id, s, e in SETTINGS_CASES],
    ids=[c[0] for c in SETTINGS_CASES],
)
def test_bad_settings_file(
    tmp_path: Path, settings: str, expected: list[tuple[int, int, str]]
) -> None:
    """Errors name sopdoc.yaml:line:col, once, and do not blame the specs for it."""
    root = _catalog(tmp_path, settings, {"a.yaml": BASE, "b.yaml": BASE})
    loaders: list[Callable[[], object]] = [
        lambda: sopdoc.load_catalog(root),
        lambda: sopdoc.load(root / "a.yaml"),
    ]
    for loader in loaders:
        with pytest.raises(SpecLoadError) as info:
            loader()
        got = [(e.location.file, e.location.line, e.location.column) for e in info.value.errors]
        assert got == [(str(root / "sopdoc.yaml"), line, col) for line, col, _ in expected]
        for err, (_l, _c, part) in zip(info.value.errors, expected, strict=True):
            assert part in err.message


def test_broken_settings_do_not_make_specs_report_missing_keys(tmp_path: Path) -> None:
    """Specs relying on a broken sopdoc.yaml are still checked, for their own mistakes."""
    root = _catalog(
        tmp_path,
        GOOD_SETTINGS + "kertass: F4\n",
        {"a.yaml": SPEC_WITHOUT_INHERITED, "b.yaml": edit("5 menit", "5 detik")},
    )
    with pytest.raises(SpecLoadError) as info:
        sopdoc.load_catalog(root)
    assert [(Path(e.location.file).name, e.location.line) for e in info.value.errors] == [
        ("b.yaml", 16),
        ("sopdoc.yaml", 3),
    ]


def test_settings_in_a_subfolder(tmp_path: Path) -> None:
    root = _catalog(tmp_path, GOOD_SETTINGS, {"sub/a.yaml": SPEC_WITHOUT_INHERITED})
    (root / "sub" / "sopdoc.yaml").write_text("unitt: X\n", encoding="utf-8")
    with pytest.raises(SpecLoadError) as info:
        sopdoc.load_catalog(root)
    assert [str(e) for e in info.value.errors] == [
        f"{root / 'sub' / 'sopdoc.yaml'}:1:1: unknown key 'unitt'; did you mean 'unit'? (unitt)"
    ]


def test_folder_with_one_good_and_two_bad_files(tmp_path: Path) -> None:
    root = _catalog(
        tmp_path,
        GOOD_SETTINGS,
        {
            "1-good.yaml": SPEC_WITHOUT_INHERITED,
            "2-bad.yaml": edit("nama: Contoh", "nama: [Contoh]"),
            "sub/3-bad.yaml": edit("jika_tidak: 1", "jika_tidak: 0"),
        },
    )
    with pytest.raises(SpecLoadError) as info:
        sopdoc.load_catalog(root)
    assert [
        (Path(e.location.file).name, e.location.line, e.location.column) for e in info.value.errors
    ] == [
        ("2-bad.yaml", 2, 7),
        ("3-bad.yaml", 20, 17),
    ]
    # without the bad files the good one loads, with the settings merged in
    (root / "2-bad.yaml").unlink()
    (root / "sub" / "3-bad.yaml").unlink()
    katalog = sopdoc.load_catalog(root)
    assert [s.unit for s in katalog] == ["Kecamatan Contoh"]


def test_settings_are_looked_up_to_the_repository_root(tmp_path: Path) -> None:
    """sopdoc.yaml files above the spec apply, nested; none above the .git folder does."""
    (tmp_path / "sopdoc.yaml").write_text("unit: Di luar repositori\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sopdoc.yaml").write_text(GOOD_SETTINGS + "kertas: F4\n", encoding="utf-8")
    (repo / "unit" / "sub").mkdir(parents=True)
    (repo / "unit" / "sopdoc.yaml").write_text("unit: Kecamatan Lain\n", encoding="utf-8")
    spec = repo / "unit" / "sub" / "a.yaml"
    spec.write_text(SPEC_WITHOUT_INHERITED, encoding="utf-8")
    sop = sopdoc.load(spec)
    assert (sop.instansi, sop.unit, sop.kertas) == (
        "Pemerintah Kabupaten Contoh",
        "Kecamatan Lain",
        sopdoc.Kertas.F4,
    )
    loc = sop.posisi("unit")
    assert loc is not None and (loc.file, loc.line) == (str(repo / "unit" / "sopdoc.yaml"), 1)
    assert [s.unit for s in sopdoc.load_catalog(repo)] == ["Kecamatan Lain"]
    with pytest.raises(SpecLoadError, match="required field 'instansi' is missing"):
        sopdoc.load(spec, settings=False)


def test_windows_line_endings_are_fine(tmp_path: Path) -> None:
    """A spec saved with CRLF (Notepad) loads, and positions are the same."""
    path = tmp_path / "spec.yaml"
    path.write_bytes(edit("5 menit", "5 detik").replace("\n", "\r\n").encode("utf-8"))
    with pytest.raises(SpecLoadError) as info:
        sopdoc.load(path, settings=False)
    assert [(e.location.line, e.location.column) for e in info.value.errors] == [(16, 12)]
    path.write_bytes(BASE.replace("\n", "\r\n").encode("utf-8"))
    sop = sopdoc.load(path, settings=False)
    assert sop.nama == "Contoh" and str(sop.kegiatan[1].waktu) == "1 hari"
