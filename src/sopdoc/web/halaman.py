"""The HTML page of one SOP: identity, the six sections, the procedure, the riwayat revisi.

:func:`render_html` gives a standalone page (its stylesheet inline, no script, no
link out): what a web view returns. The catalog site (:mod:`sopdoc.web.situs`)
builds the same page with a :class:`Konteks` that adds the links of the site:
keterkaitan to the related SOPs, downloads, the changes of each git revision and,
in the internal edition, the checker's findings.

The procedure is an HTML table (a caption, column and row headers, one card per
step on a phone) with the continuous SVG flowchart beside it; for print the page
carries the official procedure pages (:func:`sopdoc.web.svg.svg_pages`), shown by
the print stylesheet only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from importlib import resources

from ..docx import tanggal_indonesia
from ..i18n import _, current_language, pgettext
from ..layout import layout_prosedur
from ..model import Sop
from .svg import svg_pages


@dataclass
class Tautan:
    """A link: its text and where it goes (``href`` None: plain text)."""

    teks: str
    href: str | None = None
    jenis: str = ""  # how the SOPs relate (prasyarat, lanjutan, ...), shown after the link


@dataclass
class Temuan:
    """One finding of the checker, for the internal edition."""

    kode: str
    tingkat: str  # 'error', 'warning', 'info'
    pesan: str
    baris: int | None = None


@dataclass
class Perubahan:
    """One git revision of the spec: when, which commit, and its changes as HTML."""

    tanggal: str
    commit: str
    judul: str
    isi_html: str


@dataclass
class Konteks:
    """What a site adds to an SOP page (all empty for a standalone page)."""

    css: str | None = None  # href of the stylesheet; None: inline it
    beranda: str | None = None  # href of the catalog index
    keterkaitan: list[Tautan] | None = None  # one per entry; None: plain text
    unduhan: list[Tautan] = field(default_factory=list)
    perubahan: list[Perubahan] = field(default_factory=list)
    temuan: list[Temuan] | None = None  # None: the public edition shows no findings
    judul_situs: str = ""
    ident: str = "sop"  # prefix of the SVG element ids


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The site's stylesheet (``aset/sopdoc.css``)."""
    return (resources.files("sopdoc.web") / "aset" / "sopdoc.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def inline_stylesheet() -> str:
    """The stylesheet for a standalone page: without the bundled fonts (no file to load)."""
    return "\n".join(
        line for line in stylesheet().splitlines() if not line.startswith("@font-face")
    )


def status_of(sop: Sop) -> str:
    """The SOP's status (berlaku, draf, ...) when the model has one, else ''."""
    value = getattr(sop, "status", None)
    if value is None:
        return ""
    return str(getattr(value, "value", value))


def jenis_kaitan(kaitan: str) -> str:
    """How a keterkaitan item relates (prasyarat, lanjutan, ...), '' when not said."""
    jenis = getattr(kaitan, "jenis", None)
    return str(getattr(jenis, "value", jenis)) if jenis else ""


def e(text: object) -> str:
    return escape(str(text), quote=True)


def _items(items: list[str]) -> str:
    if not items:
        return "<p>-</p>"
    return "<ol>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ol>"


def _links(items: list[Tautan]) -> str:
    if not items:
        return "<p>-</p>"
    out = []
    for t in items:
        inner = f'<a href="{e(t.href)}">{e(t.teks)}</a>' if t.href else e(t.teks)
        how = f' <span class="status">{e(t.jenis.replace("_", " "))}</span>' if t.jenis else ""
        out.append(f"<li>{inner}{how}</li>")
    return "<ol>" + "".join(out) + "</ol>"


def _identitas(sop: Sop) -> str:
    t = sop.tanggal
    ttd = sop.disahkan_oleh
    signer = [ttd.jabatan, ttd.nama]
    if ttd.pangkat:
        signer.append(ttd.pangkat)
    if ttd.nip:
        signer.append(f"NIP. {ttd.nip}")
    rows = [
        ("Nomor SOP", e(sop.nomor)),
        ("Tanggal Pembuatan", e(tanggal_indonesia(t.pembuatan))),
        ("Tanggal Revisi", e(tanggal_indonesia(t.revisi))),
        ("Tanggal Efektif", e(tanggal_indonesia(t.efektif))),
        ("Disahkan oleh", "<br>".join(e(s) for s in signer)),
        ("Nama SOP", e(sop.nama)),
        (_("Unit"), e(sop.unit)),
        (_("Instansi"), e(sop.instansi)),
    ]
    status = status_of(sop)
    if status:
        rows.append(("Status", f'<span class="status">{e(status)}</span>'))
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="identitas">{body}</dl>'


def _bagian(sop: Sop, ctx: Konteks) -> str:
    keterkaitan = (
        _links(ctx.keterkaitan)
        if ctx.keterkaitan is not None
        else _links([Tautan(str(k), None, jenis_kaitan(k)) for k in sop.keterkaitan])
    )
    parts = [
        ("Dasar Hukum", _items(sop.dasar_hukum)),
        ("Kualifikasi Pelaksana", _items(sop.kualifikasi_pelaksana)),
        ("Keterkaitan", keterkaitan),
        ("Peralatan/Perlengkapan", _items(sop.peralatan_perlengkapan)),
        ("Peringatan", f"<p>{e(sop.peringatan or '-')}</p>"),
        ("Pencatatan dan Pendataan", _items(sop.pencatatan_pendataan)),
    ]
    inner = "".join(f"<section><h3>{title}</h3>{body}</section>" for title, body in parts)
    return f'<div class="bagian">{inner}</div>'


def _langkah(sop: Sop) -> str:
    """The procedure as a table: one row per step, the row header its number."""
    heads = [
        ("no", "No"),
        ("aktivitas", "Aktivitas"),
        ("pelaksana", "Pelaksana"),
        ("kelengkapan", "Kelengkapan"),
        ("waktu", "Waktu"),
        ("output", "Output"),
        ("keterangan", "Keterangan"),
    ]
    thead = "".join(f'<th scope="col" class="{k}">{t}</th>' for k, t in heads)
    rows = []
    last = len(sop.kegiatan) - 1
    for i, step in enumerate(sop.kegiatan):
        who = ", ".join(sop.pelaksana.get(lane, lane) for lane in step.pelaksana_ids)
        aktivitas = e(step.aktivitas)
        if step.jika_tidak is not None:
            target = sop.langkah(step.jika_tidak)
            tno = target + 1 if target is not None else "?"
            if i < last:
                branch = _("Decision: if yes, step {yes}; if not, step {no}").format(
                    yes=i + 2, no=tno
                )
            else:
                branch = _("Decision: if not, step {no}").format(no=tno)
            aktivitas += f'<span class="cabang">{e(branch)}</span>'
        cells = [  # Pelaksana, Kelengkapan, Waktu, Output, Keterangan (phone labels: CSS)
            who,
            step.kelengkapan or "",
            step.waktu.teks if step.waktu else "",
            step.output or "",
            step.keterangan or "",
        ]
        tds = "".join(f"<td>{e(v)}</td>" for v in cells)
        rows.append(
            f'<tr id="langkah-{i + 1}"><th scope="row" class="no">{i + 1}</th>'
            f"<td>{aktivitas}</td>{tds}</tr>"
        )
    caption = _("Procedure steps of SOP {nama}").format(nama=sop.nama)
    return (
        f'<table class="langkah kartu"><caption>{e(caption)}</caption>'
        f"<thead><tr>{thead}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _riwayat(sop: Sop, ctx: Konteks) -> str:
    out = ["<h2>Riwayat Revisi</h2>"]
    if sop.riwayat_revisi:
        rows = "".join(
            f"<tr><td>{e(tanggal_indonesia(r.tanggal))}</td><td>{e(r.nomor or '')}</td>"
            f"<td>{e(r.catatan)}</td></tr>"
            for r in sop.riwayat_revisi
        )
        heads = "".join(
            f'<th scope="col">{e(t)}</th>' for t in (_("Date"), _("Revision"), _("Note"))
        )
        out.append(
            f'<table class="kartu"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>'
        )
    else:
        out.append("<p>" + e(_("This SOP has not been revised.")) + "</p>")
    if ctx.perubahan:
        heading = e(_("Changes per revision (git)"))
        out.append(f'<div class="layar perubahan"><h3>{heading}</h3>')
        for p in ctx.perubahan:
            out.append(
                f"<details><summary>{e(p.tanggal)} — {e(p.judul)} "
                f"<code>{e(p.commit[:10])}</code></summary>{p.isi_html}</details>"
            )
        out.append("</div>")
    return "".join(out)


def _temuan(items: list[Temuan]) -> str:
    head = '<section class="periksa"><h2>' + e(_("Checker findings (internal)")) + "</h2>"
    if not items:
        return head + "<p>" + e(_("No findings: the spec passes every rule.")) + "</p></section>"
    # the severity in words too: colour alone does not reach everyone
    words = {
        "error": pgettext("severity", "error"),
        "warning": pgettext("severity", "warning"),
        "info": pgettext("severity", "note"),
    }
    rows = "".join(
        f'<li class="{e(t.tingkat)}"><code>{e(t.kode)}</code> '
        f"<strong>{e(words.get(t.tingkat, t.tingkat))}</strong> "
        + (e(_("line {line}").format(line=t.baris)) + ": " if t.baris else "")
        + f"{e(t.pesan)}</li>"
        for t in items
    )
    return head + f"<ul>{rows}</ul></section>"


def _print_pages(sop: Sop, ident: str) -> str:
    layout = layout_prosedur(sop, paged=True)
    w_mm, h_mm = sop.kertas.mm
    pages = "".join(
        svg_pages(
            sop, paged=True, full=True, ident=f"{ident}-cetak", layout=layout, accessible=False
        )
    )
    return (
        f'<style media="print">@page prosedur {{ size: {h_mm}mm {w_mm}mm; margin: 0; }}</style>'
        f'<section class="cetak" aria-hidden="true">{pages}</section>'
    )


def render_page(sop: Sop, ctx: Konteks | None = None) -> str:
    """The whole HTML document of one SOP page."""
    ctx = ctx or Konteks()
    css = (
        f'<link rel="stylesheet" href="{e(ctx.css)}">'
        if ctx.css
        else f"<style>{inline_stylesheet()}</style>"
    )
    top = ""
    if ctx.beranda:
        top = (
            f'<header class="atas"><a href="{e(ctx.beranda)}">← {e(ctx.judul_situs)}</a>'
            f"<span>{e(sop.unit)}</span>"
            + (
                '<span class="edisi">' + e(_("Internal edition")) + "</span>"
                if ctx.temuan is not None
                else ""
            )
            + "</header>"
        )
    downloads = ""
    if ctx.unduhan:
        downloads = (
            '<ul class="unduh" aria-label="'
            + e(_("Downloads"))
            + '">'
            + "".join(
                f'<li><a href="{e(t.href)}" download>{e(t.teks)}</a></li>' for t in ctx.unduhan
            )
            + "</ul>"
        )
    # the table beside the figure tells every step: the description only points to it
    summary = _("{steps} steps by {lanes} pelaksana; the table of the procedure describes each.")
    flow = svg_pages(
        sop,
        paged=False,
        full=False,
        ident=ctx.ident,
        desc=summary.format(steps=len(sop.kegiatan), lanes=len(sop.pelaksana)),
    )[0]
    caption = e(_("Flowchart: the numbers on the left are the step numbers of the table."))
    figure = f'<figure class="alur">{flow}<figcaption>{caption}</figcaption></figure>'
    procedure = e(_("Procedure"))
    main = (
        f'<main id="isi"><h1>{e(sop.nama)}<span class="nomor">{e(sop.nomor)}</span></h1>'
        f"{_identitas(sop)}{downloads}{_bagian(sop, ctx)}"
        f'<section class="prosedur layar"><h2>{procedure}</h2>'
        f'<div class="prosedur-isi">{_langkah(sop)}{figure}</div></section>'
        f"{_riwayat(sop, ctx)}"
        + (_temuan(ctx.temuan) if ctx.temuan is not None else "")
        + _print_pages(sop, ctx.ident)
        + "</main>"
    )
    title = f"SOP {sop.nama} — {sop.nomor}"
    return (
        f'<!DOCTYPE html><html lang="{current_language()}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title>{css}</head><body>{top}{main}</body></html>\n"
    )


def render_html(sop: Sop) -> str:
    """The HTML page of ``sop`` as text: standalone (stylesheet inline, no script).

    Identity, the six sections, the procedure as a table with the flowchart (SVG)
    beside it, the riwayat revisi; printed, it gives the official layout. A pure
    function of the spec: thread-safe, writes no file.
    """
    return render_page(sop)


__all__ = ["Konteks", "Perubahan", "Tautan", "Temuan", "render_html", "render_page", "status_of"]
