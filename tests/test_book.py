"""The bound SOP book, built once for the module and read back with pypdf."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import Destination

import sopdoc
from sopdoc import Sop
from sopdoc.layout import layout_prosedur
from sopdoc.pdf import Book, build_book
from sopdoc.pdf.book import sort_key
from sopdoc.pdf.stamp import FOOTER_Y
from test_pdf import catalog

SOPDOC = str(Path(sys.executable).with_name("sopdoc"))


@dataclass
class Fragment:
    text: str
    x: float
    y: float


def fragments(reader: PdfReader, index: int) -> list[Fragment]:
    """Every piece of text on a page with its position in page space."""
    found: list[Fragment] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(Fragment(text.strip(), x, y))

    reader.pages[index].extract_text(visitor_text=visit)
    return found


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Sop], Book, PdfReader]:
    sops = list(reversed(catalog()))  # bound in nomor order whatever the input order
    dest = tmp_path_factory.mktemp("book") / "buku-sop.pdf"
    made = build_book(sops, dest, docx_builder=sopdoc.build_docx)
    return sops, made, PdfReader(dest)


def test_sops_in_nomor_order_and_page_counts(book: tuple[list[Sop], Book, PdfReader]) -> None:
    sops, made, reader = book
    assert [p.sop.nomor for p in made.parts] == [s.nomor for s in sorted(sops, key=sort_key)]
    assert [p.sop.nomor[-16:-10] for p in made.parts] == ["/ 010 ", "/ 011 ", "/ 012 "]
    assert len(reader.pages) == made.pages == made.front_pages + sum(p.pages for p in made.parts)
    assert made.front_pages == 2
    for part in made.parts:  # each SOP starts where the book says, its nomor on that page
        first = " ".join(reader.pages[part.first_page].extract_text().split())
        assert " ".join(part.sop.nomor.split()) in first


def test_page_labels_and_footer_numbers(book: tuple[list[Sop], Book, PdfReader]) -> None:
    _, made, reader = book
    arabic = [str(n) for n in range(1, made.pages - made.front_pages + 1)]
    assert reader.page_labels == ["i", "ii", *arabic]
    for index in range(1, made.pages):
        footer = [f.text for f in fragments(reader, index) if abs(f.y - FOOTER_Y) < 1]
        assert footer == [reader.page_labels[index]], f"page {index}"
    assert not [f for f in fragments(reader, 0) if abs(f.y - FOOTER_Y) < 1]  # cover unnumbered


def test_bookmarks_per_sop_and_per_page(book: tuple[list[Sop], Book, PdfReader]) -> None:
    _, made, reader = book
    outline = reader.outline
    tops = [item for item in outline if isinstance(item, Destination)]
    assert [t.title for t in tops[:2]] == ["Sampul", "Daftar Isi"]
    sop_items = tops[2:]
    assert len(sop_items) == len(made.parts)
    for number, (item, part) in enumerate(zip(sop_items, made.parts, strict=True), start=1):
        assert item.title == f"{number}. {part.sop.nama} ({part.sop.nomor})"
        assert reader.get_destination_page_number(item) == part.first_page
        children = outline[outline.index(item) + 1]
        assert isinstance(children, list)
        pages = [reader.get_destination_page_number(c) for c in children]
        assert pages == list(range(part.first_page, part.first_page + part.pages))
        titles = [c.title for c in children]
        # one identity page, then the procedure pages with the steps the layout put there
        layout = layout_prosedur(part.sop)
        expected = ["Identitas SOP"]
        for number, page in enumerate(layout.pages, start=1):
            first, last = page.steps[0] + 1, page.steps[-1] + 1
            span = f"langkah {first}" if first == last else f"langkah {first}–{last}"
            expected.append(f"Prosedur {number}: {span}")
        if layout.closing_new_page:
            expected.append("Pengesahan")
        assert titles == expected


def test_contents_rows_link_to_their_sop(book: tuple[list[Sop], Book, PdfReader]) -> None:
    _, made, reader = book
    links = []
    for index in range(made.front_pages):
        for annot in reader.pages[index].get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link":
                target = reader.get_page_number(annot["/Dest"][0].get_object())
                links.append((index, [float(v) for v in annot["/Rect"]], target))
    assert [target for _, _, target in links] == [p.first_page for p in made.parts]
    labels = reader.page_labels
    for row, (page, rect, target) in enumerate(links):
        frags = fragments(reader, page)
        number = next(f for f in frags if f.text == f"{row + 1}.")
        assert rect[1] < number.y < rect[3], f"row {row + 1} lies outside its link"
        # the printed page number of the row is the label of the page the link opens
        same_line = [f.text for f in frags if abs(f.y - number.y) < 1 and f.x > number.x]
        assert same_line[-1] == labels[target]
        assert made.parts[row].label == int(labels[target])


def test_cover_and_metadata(book: tuple[list[Sop], Book, PdfReader]) -> None:
    sops, _, reader = book
    cover = " ".join(reader.pages[0].extract_text().split())
    for words in (
        "PEMERINTAH KABUPATEN BANYUMAS",
        "KECAMATAN KEBASEN",
        "BUKU",
        "STANDAR OPERASIONAL PROSEDUR",
        f"{len(sops)} SOP",
        "TAHUN 2024",
    ):
        assert words in cover
    contents = " ".join(reader.pages[1].extract_text().split())
    assert "DAFTAR ISI" in contents
    for sop in sops:
        assert sop.nama in contents
    info = reader.metadata
    assert info is not None
    assert info.title == "Buku Standar Operasional Prosedur Kecamatan Kebasen"
    assert info.author == "Kecamatan Kebasen"
    assert info.subject and info.subject.startswith("3 SOP")
    assert info["/CreationDate"] == "D:20240109"


def test_every_page_renders(book: tuple[list[Sop], Book, PdfReader], tmp_path: Path) -> None:
    _, made, _ = book
    subprocess.run(
        ["pdftoppm", "-r", "20", "-png", str(made.path), str(tmp_path / "page")], check=True
    )
    assert len(list(tmp_path.glob("page-*.png"))) == made.pages


def test_cli_without_libreoffice_says_how_to_install(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items() if k != "SOPDOC_SOFFICE"}
    env["PATH"] = str(tmp_path)  # no soffice anywhere
    done = subprocess.run(
        [SOPDOC, "book", str(root / "specs"), "-o", str(tmp_path / "b.pdf")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 4
    assert "apt-get install libreoffice-writer-nogui fonts-liberation" in done.stderr
    assert not (tmp_path / "b.pdf").exists()
