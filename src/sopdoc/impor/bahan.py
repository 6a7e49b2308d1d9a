"""What a reader takes out of one document, before any SOP meaning: the *bahan*.

Every reader (DOCX, PDF, HTML/text) turns its file into one :class:`Bahan`:
tables of cells, free paragraphs, flowchart symbols, arrows and free labels,
each with its box in points on its page (origin top-left, y grows downward),
plus notes about what could not be read. The assembler (``rakit``) alone gives
it meaning: which table is the identity table, which rows are steps, which
lane a symbol sits in, where a decision's "Tidak" arrow goes.

The contract between readers and the assembler:

- A box is in page points (1/72 in) of its own page; pages count from 0.
  Where a reader cannot know a position (HTML), boxes are ``None``.
- A table lists its rows top to bottom and, in each row, the cells left to
  right as the grid has them: a horizontally merged cell appears once with
  ``span > 1``; a vertically merged continuation cell appears with
  ``lanjutan=True`` (and the text of the cell that opens the merge, if any,
  only there).
- A cell's ``paragraf`` are its paragraphs as printed, line breaks inside a
  paragraph kept as ``\\n``; list markers the author typed stay in the text,
  markers Word numbering generated are given in ``penomoran`` per paragraph.
  A PDF does not say which line end is a wrap: in a ``format="pdf"`` Bahan
  every printed line end inside a paragraph is a ``\\n`` (a word split by a
  hyphen or mid-word stays split as printed), and the reader starts a new
  paragraph where the page shows one: a larger gap, a list marker ("1.", "a)",
  "•") at a line's start, or a line ending early although the next line's first
  word would have fitted (a typed line break). List markers are always text
  there (``penomoran`` stays empty).
- Symbols are classified by geometry (:class:`JenisSimbol`); ``bentuk`` keeps
  what the reader saw (e.g. ``"prstGeom:flowChartDecision"``, ``"vml:diamond-path"``,
  ``"pdf:path-4-points"``) for the report.
- ``urutan`` of a table or a paragraph is its place in the reading order of
  the whole document (0, 1, 2, ... across tables and paragraphs together), so
  the assembler can tell which paragraphs come between which tables (one file
  may hold several SOPs). Where a reader leaves it ``None``, the assembler
  orders by page and box.
- ``sel`` of a symbol, an arrow, a label or a picture names the table cell
  its drawing was anchored in, as ``(table, row, cell)`` indexes into
  ``Bahan.tabel[table].baris[row][cell]`` (DOCX shapes anchored in a cell);
  a reader's box of such a drawing is an estimate from the cell's estimated
  place, so the assembler may prefer the anchoring row when the box is doubtful.
- A reader that cannot read the file at all (corrupt, encrypted, not of its
  format) raises :class:`BahanTidakTerbaca` with a message for the user.
- An arrow is a polyline from tail to head; ``kepala`` says at which ends an
  arrowhead was drawn. A line with no arrowhead is still recorded (a lane
  border or a connector without heads is for the assembler to judge).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

from ..errors import SopdocError

Titik = tuple[float, float]
"""A point (x, y) in page points."""

AcuanSel = tuple[int, int, int]
"""A cell a drawing is anchored in: (table index in ``Bahan.tabel``, row, cell index in the row)."""


class BahanTidakTerbaca(SopdocError):
    """The file cannot be read at all: corrupt, encrypted, or not of the reader's format."""


@dataclass(frozen=True)
class Kotak:
    """A box on one page: left, top, right, bottom in points."""

    x0: float
    y0: float
    x1: float
    y1: float
    halaman: int = 0

    @property
    def tengah(self) -> Titik:
        return ((self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2)

    @property
    def lebar(self) -> float:
        return self.x1 - self.x0

    @property
    def tinggi(self) -> float:
        return self.y1 - self.y0


class JenisSimbol(str, Enum):
    """The flowchart symbols of the format, told apart by their geometry."""

    TERMINATOR = "terminator"  # capsule / rounded rectangle: start and end
    PROSES = "proses"  # rectangle: an activity
    KEPUTUSAN = "keputusan"  # diamond: a decision
    PENGHUBUNG = "penghubung"  # off-page connector (pentagon / home plate) or on-page circle
    TIDAK_DIKENAL = "tidak_dikenal"  # a shape the reader could not classify


@dataclass
class Sel:
    """One cell of a table as printed."""

    paragraf: list[str]
    kotak: Kotak | None = None
    span: int = 1  # grid columns covered (horizontal merge)
    lanjutan: bool = False  # continues a vertical merge from the row above
    penomoran: list[str | None] = field(default_factory=list)  # generated list marker per paragraph
    tabel: list[Tabel] = field(default_factory=list)  # tables nested in this cell

    @property
    def teks(self) -> str:
        return "\n".join(self.paragraf)


@dataclass
class Tabel:
    """A table as printed: rows top to bottom, cells left to right."""

    baris: list[list[Sel]]
    kotak: Kotak | None = None
    urutan: int | None = None  # place in the document's reading order (tables and paragraphs)


@dataclass
class Paragraf:
    """A paragraph outside any table (headings, section text, signature block)."""

    teks: str
    kotak: Kotak | None = None
    penomoran: str | None = None  # generated list marker, if any
    urutan: int | None = None  # place in the document's reading order (tables and paragraphs)


@dataclass
class Simbol:
    """A flowchart symbol: its kind, where it is, the text written in it."""

    jenis: JenisSimbol
    kotak: Kotak
    teks: str = ""
    bentuk: str = ""  # what the reader saw, for the report
    yakin: float = 1.0  # confidence in ``jenis``, 0..1
    sel: AcuanSel | None = None  # the table cell the shape was anchored in


@dataclass
class Panah:
    """A drawn line or arrow: a polyline from tail to head."""

    titik: list[Titik]
    halaman: int = 0
    kepala: Literal["akhir", "awal", "keduanya", "tidak_ada"] = "akhir"
    sel: AcuanSel | None = None  # the table cell the line was anchored in


@dataclass
class Label:
    """Free text near the flowchart ("Ya", "Tidak", "Belum valid", a connector number)."""

    teks: str
    kotak: Kotak
    sel: AcuanSel | None = None  # the table cell the text box was anchored in


@dataclass
class Gambar:
    """A picture (a logo, a flowchart pasted as an image): where it is, what it is called."""

    kotak: Kotak | None
    nama: str = ""  # the name or description the author gave it, else the part name
    sel: AcuanSel | None = None  # the table cell it was anchored in


@dataclass
class Catatan:
    """Something the reader could not read, or read with doubt, for the import report."""

    pesan: str  # already translated (sopdoc.i18n), read by the user
    halaman: int | None = None


@dataclass
class Bahan:
    """Everything a reader took out of one document, in reading order."""

    sumber: str  # the file, as the user named it
    format: Literal["docx", "pdf", "html", "teks"]
    tabel: list[Tabel] = field(default_factory=list)
    paragraf: list[Paragraf] = field(default_factory=list)
    simbol: list[Simbol] = field(default_factory=list)
    panah: list[Panah] = field(default_factory=list)
    label: list[Label] = field(default_factory=list)
    catatan: list[Catatan] = field(default_factory=list)
    gambar: list[Gambar] = field(default_factory=list)
    kepala_kaki: list[Paragraf] = field(default_factory=list)  # page header/footer text, not body
    ukuran_halaman: list[tuple[float, float]] = field(default_factory=list)  # (w, h) per page
