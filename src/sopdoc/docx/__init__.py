"""The official DOCX of an SOP: identity page from the template, procedure pages from the layout.

``build_docx(sop, path)`` fills the docxtpl template (``templates/sop-ap.docx``,
which a secretariat may restyle in Word) with the identity values, replaces
its ``{{ prosedur }}`` paragraph by the procedure pages painted from
:func:`sopdoc.layout.layout_prosedur`, and writes the file atomically and
reproducibly (same spec, same bytes).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from ..errors import Location, SopdocError, SpecError, SpecLoadError, format_path
from ..fileio import read_limited, shown, write_atomic
from ..i18n import _
from ..layout import ProcedureLayout, layout_prosedur
from ..logo import read_logo
from ..model import Sop
from .prosedur import END_PARAGRAPH, procedure_xml, section_properties
from .riwayat import insert_riwayat, riwayat_context, template_places_riwayat
from .shapes import ShapeWriter

PROSEDUR_MARKER = "\u2063SOPDOC-PROSEDUR\u2063"
"""What ``{{ prosedur }}`` renders to: found after rendering and replaced by the procedure."""

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def default_template() -> Path:
    """The template shipped with sopdoc (``templates/sop-ap.docx``)."""
    return Path(str(resources.files("sopdoc") / "data" / "sop-ap.docx"))


def tanggal_indonesia(value: date | None) -> str:
    """'9 Januari 2024'; an empty date prints as a dash."""
    if value is None:
        return "-"
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def _strings(
    value: Any, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, (*path, i))


def check_text(sop: Sop) -> None:
    """Refuse characters that XML cannot hold, naming each field and where it was written."""
    errors = []
    for path, text in _strings(sop.model_dump(mode="json"), ()):
        m = _BAD_XML.search(text)
        if m:
            where = sop.posisi(*path) or Location(str(sop.sumber or "<spec>"))
            errors.append(
                SpecError(
                    where,
                    _(
                        "character U+{code:04X} cannot be written into a DOCX (control "
                        "character); remove it"
                    ).format(code=ord(m.group())),
                    format_path(path),
                )
            )
    if errors:
        raise SpecLoadError(errors)


def _context(sop: Sop, tpl: Any) -> dict[str, Any]:
    from docx.shared import Mm
    from docxtpl import InlineImage

    ttd = sop.disahkan_oleh
    image = read_logo(sop)
    logo: Any = InlineImage(tpl, image, height=Mm(22)) if image is not None else ""
    kop = sop.kop or [sop.instansi.upper(), sop.unit.upper()]
    return {
        "nomor": sop.nomor,
        "nama": sop.nama,
        "nama_kapital": sop.nama.upper(),
        "instansi": sop.instansi,
        "unit": sop.unit,
        "kop": kop,
        "logo": logo,
        "tanggal_pembuatan": tanggal_indonesia(sop.tanggal.pembuatan),
        "tanggal_revisi": tanggal_indonesia(sop.tanggal.revisi),
        "tanggal_efektif": tanggal_indonesia(sop.tanggal.efektif),
        "disahkan": {
            "jabatan": ttd.jabatan,
            "jabatan_kapital": ttd.jabatan.upper(),
            "nama": ttd.nama,
            "pangkat": ttd.pangkat or "",
            "nip": ttd.nip or "",
        },
        "dasar_hukum": sop.dasar_hukum,
        "kualifikasi_pelaksana": sop.kualifikasi_pelaksana,
        "keterkaitan": sop.keterkaitan,
        "peralatan_perlengkapan": sop.peralatan_perlengkapan,
        "peringatan": sop.peringatan or "-",
        "pencatatan_pendataan": sop.pencatatan_pendataan,
        "prosedur": PROSEDUR_MARKER,
        "riwayat_revisi": riwayat_context(sop, tanggal_indonesia),
    }


def document_date(sop: Sop) -> datetime:
    """The date written into the document properties: SOURCE_DATE_EPOCH, else the spec's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    t = sop.tanggal
    day = t.revisi or t.pembuatan or t.efektif or date(1980, 1, 1)
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def _insert_procedure(tpl: Any, layout: ProcedureLayout) -> None:
    from docx.oxml import parse_xml

    body = tpl.docx.element.body
    marker = None
    for t in body.iter(f"{{{_W}}}t"):  # docxtpl renders the tag into one text run
        if t.text and PROSEDUR_MARKER in t.text:
            marker = next(t.iterancestors(f"{{{_W}}}p"), None)
            break
    if marker is None:
        raise SopdocError(
            "the template has no {{ prosedur }} paragraph: sopdoc cannot place the procedure"
        )
    body_sect = body.find(f"{{{_W}}}sectPr")
    # the identity pages keep the template's section, on the catalog's paper
    ident = (
        parse_xml(body_sect.xml)
        if body_sect is not None
        else parse_xml(f'<w:sectPr xmlns:w="{_W}"/>')
    )
    _set_paper(ident, layout, landscape=None)
    ns = f'xmlns:w="{_W}"'
    closing = parse_xml(
        f'<w:p {ns}><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" '
        'w:lineRule="exact"/></w:pPr></w:p>'
    )
    closing.find(f"{{{_W}}}pPr").append(ident)
    wrapper = parse_xml(
        f"<w:body {ns} "
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        + procedure_xml(layout, ShapeWriter(line_width=layout.style.line_width))
        + "</w:body>"
    )
    parent = marker.getparent()
    index = parent.index(marker)
    parent.remove(marker)
    parent.insert(index, closing)
    for offset, child in enumerate(list(wrapper)):
        parent.insert(index + 1 + offset, child)
    # the procedure section: landscape, the layout's paper and margins
    if body_sect is None:
        body_sect = parse_xml(f"<w:sectPr {ns}/>")
        body.append(body_sect)
    for tag in ("pgSz", "pgMar"):
        old = body_sect.find(f"{{{_W}}}{tag}")
        if old is not None:
            body_sect.remove(old)
    # the body never ends in a table: Word would add an empty paragraph of its own
    last = body_sect.getprevious()
    if last is not None and last.tag == f"{{{_W}}}tbl":
        last.addnext(parse_xml(END_PARAGRAPH.replace("<w:p>", f"<w:p {ns}>")))
    props = parse_xml(f"<w:x {ns}>{section_properties(layout)}</w:x>")
    refs = [c for c in body_sect if c.tag.endswith("Reference")]
    at = len(refs)
    for offset, child in enumerate(list(props)):
        body_sect.insert(at + offset, child)


def _set_paper(sect: Any, layout: ProcedureLayout, landscape: bool | None) -> None:
    """Set the paper size of a section, keeping its orientation."""
    pg = sect.find(f"{{{_W}}}pgSz")
    if pg is None:
        from docx.oxml import parse_xml

        pg = parse_xml(f'<w:pgSz xmlns:w="{_W}"/>')
        sect.insert(0, pg)
    orient = pg.get(f"{{{_W}}}orient")
    is_land = orient == "landscape" if landscape is None else landscape
    long, short = round(layout.page_width * 20), round(layout.page_height * 20)
    pg.set(f"{{{_W}}}w", str(long if is_land else short))
    pg.set(f"{{{_W}}}h", str(short if is_land else long))


CORE_PROPERTY_MAX = 255
"""OOXML core properties (title, subject, creator) hold at most 255 characters."""


def core_text(text: str, limit: int = CORE_PROPERTY_MAX) -> str:
    """``text`` cut to ``limit`` characters at a word where possible, '…' marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip() + "…"


def _core_properties(tpl: Any, sop: Sop) -> None:
    props = tpl.docx.core_properties
    when = document_date(sop).replace(tzinfo=None)
    props.title = core_text(f"SOP {sop.nama}")
    props.subject = core_text(sop.nomor)
    props.author = core_text(sop.unit)
    props.last_modified_by = "sopdoc"
    props.created = when
    props.modified = when
    props.revision = 1
    props.keywords = "SOP AP"


MAX_TEMPLATE_BYTES = 50_000_000
"""A template is the form with its styles (tens of kilobytes); past this it is not one."""


def check_template(template: str | os.PathLike[str]) -> None:
    """Refuse a template that is not a readable Word document, saying why (SopdocError)."""
    data = read_limited(template, MAX_TEMPLATE_BYTES)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        names = set()
    if not {"[Content_Types].xml", "word/document.xml"} <= names:
        raise SopdocError(
            _(
                "the template {path} is not a Word document (.docx); give a restyled copy "
                "of sop-ap.docx"
            ).format(path=shown(template))
        )


def reproducible_zip(data: bytes) -> bytes:
    """The same package with fixed member dates and attributes: same content, same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zout.writestr(info, zin.read(item.filename), compresslevel=6)
    return out.getvalue()


def render_docx(sop: Sop, template: str | os.PathLike[str] | None = None) -> bytes:
    """The DOCX of ``sop`` as bytes (see :func:`build_docx`)."""
    from docxtpl import DocxTemplate

    check_text(sop)
    layout = layout_prosedur(sop)
    if template is not None:
        check_template(template)
    tpl = DocxTemplate(str(template or default_template()))
    own_riwayat = template_places_riwayat(tpl)
    context = _context(sop, tpl)
    try:
        tpl.render(context, autoescape=True)
    except jinja2.TemplateError as exc:  # a restyled template with a broken {{ field }}
        raise SopdocError(
            _("the template {path} has a broken field: {error}").format(
                path=shown(template or default_template()), error=exc
            )
        ) from None
    if not own_riwayat:
        insert_riwayat(tpl, context["riwayat_revisi"], PROSEDUR_MARKER)
    _insert_procedure(tpl, layout)
    _core_properties(tpl, sop)
    buf = io.BytesIO()
    tpl.save(buf)
    return reproducible_zip(buf.getvalue())


def build_docx(
    sop: Sop,
    path: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None = None,
) -> Path:
    """Write the official DOCX of ``sop`` to ``path`` (atomically); returns the path.

    Raises :class:`sopdoc.SpecLoadError` (with file:line:column) when a value
    cannot be written (a control character) or the flowchart cannot be drawn
    (an unknown lane, a ``jika_tidak`` to a step that does not exist).
    """
    data = render_docx(sop, template)
    target = Path(path)
    write_atomic(target, data)
    return target


__all__ = [
    "BULAN",
    "PROSEDUR_MARKER",
    "build_docx",
    "check_text",
    "default_template",
    "render_docx",
    "reproducible_zip",
    "tanggal_indonesia",
]
