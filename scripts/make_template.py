#!/usr/bin/env python3
"""Write templates/sop-ap.docx, the identity page template of an SOP AP document.

The .docx is committed and is what a secretariat restyles in Word (fonts,
borders, shading, the named paragraph styles "Kop", "Label Identitas", "Isi
Identitas", "Judul Bagian", "Daftar", "Tanda Tangan"); this script only makes
it reproducible. Jinja tags (docxtpl) mark where the SOP's values go:
``{{ nomor }}``, ``{{ tanggal_pembuatan }}``, ``{%p for item in dasar_hukum %}``, ...
``{{ prosedur }}`` marks where sopdoc puts the procedure pages (table and
flowchart, computed from the layout); keep that paragraph.

Run: python scripts/make_template.py [OUT]
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'mc:Ignorable="w14"'
)

# A4 landscape, 1.5 cm margins; sopdoc sets the paper size (A4/F4) from the catalog.
SECT = (
    '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
    '<w:pgMar w:top="850" w:right="850" w:bottom="850" w:left="850" w:header="425" '
    'w:footer="425" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>'
)

BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


def p(text: str = "", style: str | None = None, bold: bool = False, extra: str = "") -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{ppr}{extra}</w:pPr>{run}</w:p>"


def tag(text: str) -> str:
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %})."""
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def cell(content: str, pct: int, extra: str = "", shade: str | None = None) -> str:
    fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>' if shade else ""
    tcpr = f'<w:tcW w:w="{pct}" w:type="pct"/>{extra}{fill}'
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{content}</w:tc>"


def table(rows: list[str], grid: list[int], borders: bool = True) -> str:
    cols = "".join(f'<w:gridCol w:w="{g}"/>' for g in grid)
    b = BORDERS if borders else ""
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>{b}'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000"/></w:tblPr>'
        f"<w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def row(cells: str, cant_split: bool = True) -> str:
    trpr = "<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""
    return f"<w:tr>{trpr}{cells}</w:tr>"


def listing(name: str, numbered: bool = True) -> str:
    """A list section: one 'Daftar' paragraph per item, '-' when the list is empty."""
    marker = "{{ loop.index }}." if numbered else "•"
    return (
        tag(f"{{%p for item in {name} %}}")
        + f'<w:p><w:pPr><w:pStyle w:val="Daftar"/></w:pPr><w:r><w:t xml:space="preserve">'
        f"{marker}\t{{{{ item }}}}</w:t></w:r></w:p>"
        + tag("{%p else %}")
        + p("-", "Isi")
        + tag("{%p endfor %}")
    )


def identity() -> str:
    kop = (
        '<w:p><w:pPr><w:pStyle w:val="Kop"/><w:spacing w:after="120"/></w:pPr>'
        "<w:r><w:t>{{ logo }}</w:t></w:r></w:p>"
        + tag("{%p for baris in kop %}")
        + p("{{ baris }}", "Kop")
        + tag("{%p endfor %}")
    )
    labels = [
        ("Nomor SOP", p("{{ nomor }}", "IsiIdentitas")),
        ("Tanggal Pembuatan", p("{{ tanggal_pembuatan }}", "IsiIdentitas")),
        ("Tanggal Revisi", p("{{ tanggal_revisi }}", "IsiIdentitas")),
        ("Tanggal Efektif", p("{{ tanggal_efektif }}", "IsiIdentitas")),
        (
            "Disahkan oleh",
            p("{{ disahkan.jabatan_kapital }}", "IsiIdentitas", bold=True)
            + p("", "IsiIdentitas")
            + p("", "IsiIdentitas")
            + p("", "IsiIdentitas")
            + p(
                "",
                "IsiIdentitas",
                extra="",
            ).replace(
                "</w:pPr>",
                '</w:pPr><w:r><w:rPr><w:b/><w:u w:val="single"/></w:rPr>'
                "<w:t>{{ disahkan.nama }}</w:t></w:r>",
            )
            + tag("{%p if disahkan.pangkat %}")
            + p("{{ disahkan.pangkat }}", "IsiIdentitas")
            + tag("{%p endif %}")
            + tag("{%p if disahkan.nip %}")
            + p("NIP. {{ disahkan.nip }}", "IsiIdentitas")
            + tag("{%p endif %}"),
        ),
        ("Nama SOP", p("{{ nama_kapital }}", "IsiIdentitas", bold=True)),
    ]
    rows = []
    for i, (label, value) in enumerate(labels):
        merge = '<w:vMerge w:val="restart"/>' if i == 0 else "<w:vMerge/>"
        first = cell(kop if i == 0 else p(), 2000, merge + '<w:vAlign w:val="center"/>')
        rows.append(
            row(
                first
                + cell(p(label, "LabelIdentitas"), 900, '<w:vAlign w:val="center"/>')
                + cell(value, 2100, '<w:vAlign w:val="center"/>')
            )
        )
    return table(rows, [6055, 2725, 6358])


def sections() -> str:
    shade = "E7E6E6"

    def head(left: str, right: str) -> str:
        return row(
            cell(p(left, "JudulBagian"), 2500, shade=shade)
            + cell(p(right, "JudulBagian"), 2500, shade=shade)
        )

    def body(left: str, right: str) -> str:
        return row(cell(left, 2500) + cell(right, 2500), cant_split=False)

    rows = [
        head("Dasar Hukum:", "Kualifikasi Pelaksana:"),
        body(listing("dasar_hukum"), listing("kualifikasi_pelaksana")),
        head("Keterkaitan:", "Peralatan/Perlengkapan:"),
        body(listing("keterkaitan"), listing("peralatan_perlengkapan")),
        head("Peringatan:", "Pencatatan dan Pendataan:"),
        body(p("{{ peringatan }}", "Isi"), listing("pencatatan_pendataan", numbered=False)),
    ]
    return table(rows, [7569, 7569])


def signature() -> str:
    """The signature block under the procedure table, right of the page."""
    sig = (
        p("{{ disahkan.jabatan_kapital }}", "TandaTangan", bold=True)
        + p("", "TandaTangan")
        + p("", "TandaTangan")
        + p("", "TandaTangan")
        + p("", "TandaTangan").replace(
            "</w:pPr>",
            '</w:pPr><w:r><w:rPr><w:b/><w:u w:val="single"/></w:rPr>'
            "<w:t>{{ disahkan.nama }}</w:t></w:r>",
        )
        + tag("{%p if disahkan.pangkat %}")
        + p("{{ disahkan.pangkat }}", "TandaTangan")
        + tag("{%p endif %}")
        + tag("{%p if disahkan.nip %}")
        + p("NIP. {{ disahkan.nip }}", "TandaTangan")
        + tag("{%p endif %}")
    )
    return table([row(cell(p(), 3200) + cell(sig, 1800))], [9683, 5455], borders=False)


# Exact heights under the procedure (sopdoc.layout.Style.signature_*): the spacing
# paragraph (6 pt), the signature lines (12 pt each) and the 1 pt paragraph that ends
# the body (a body ending in a table gets an empty paragraph from Word, which can push
# a blank page); with them Word and LibreOffice break the pages at the same places.
EXACT = '<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'


def document() -> str:
    body = (
        identity()
        + p("", extra='<w:spacing w:before="0" w:after="0" w:line="160" w:lineRule="exact"/>')
        + sections()
        + p("{{ prosedur }}")
        + p("", extra=EXACT.format(line=120))
        + signature()
        + p("", extra=EXACT.format(line=20))
        + SECT
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {W_NS}><w:body>{body}</w:body></w:document>"
    )


def style(sid: str, name: str, ppr: str = "", rpr: str = "", based: str = "Normal") -> str:
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="{based}"/><w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
    '<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="id-ID"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style>"
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
    '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    "</w:tblPr></w:style>"
    + style("Kop", "Kop", '<w:jc w:val="center"/>', '<w:b/><w:caps/><w:sz w:val="26"/>')
    + style("LabelIdentitas", "Label Identitas", "", "<w:b/>")
    + style("IsiIdentitas", "Isi Identitas")
    + style("JudulBagian", "Judul Bagian", "", "<w:b/>")
    + style("Isi", "Isi", '<w:jc w:val="both"/>')
    + style(
        "Daftar",
        "Daftar",
        '<w:tabs><w:tab w:val="left" w:pos="340"/></w:tabs>'
        '<w:ind w:left="340" w:hanging="340"/><w:jc w:val="both"/>',
    )
    + style("TandaTangan", "Tanda Tangan", EXACT.format(line=240) + '<w:jc w:val="center"/>')
    + "</w:styles>"
)

SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="id-ID"/></w:settings>'
)

FONTS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/>'
    '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>'
)

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Default Extension="jpeg" ContentType="image/jpeg"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.extended-properties+xml"/></Types>'
)

RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/extended-properties" Target="docProps/app.xml"/></Relationships>'
)

DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/settings" Target="settings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/fontTable" Target="fontTable.xml"/></Relationships>'
)

CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>SOP Administrasi Pemerintahan</dc:title><dc:creator>sopdoc</dc:creator>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>'
    "</cp:coreProperties>"
)

APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>sopdoc</Application></Properties>"
)


def write(out: Path) -> None:
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("docProps/core.xml", CORE),
        ("docProps/app.xml", APP),
        ("word/document.xml", document()),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/styles.xml", STYLES),
        ("word/settings.xml", SETTINGS),
        ("word/fontTable.xml", FONTS),
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent / "templates" / "sop-ap.docx"
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    write(target)
    print(target)
