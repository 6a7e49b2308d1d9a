"""``sopdoc site``: the static site of a catalog, served by any web server or opened from disk.

Layout of the output folder::

    index.html            every SOP (nomor, nama, unit, status, tanggal efektif), search, filters
    sop/<nomor>.html      one page per SOP (sopdoc.web.halaman)
    unduh/<nomor>.docx    its DOCX (``sopdoc build`` into this folder, its cache kept), .pdf
    aset/                 stylesheet, scripts, the search index (cari.js), fonts
    .sopdoc-site.json     the manifest: input hash per spec, digest per page

Incremental: a spec whose bytes, settings files and template are those of the last
build is not even loaded (its index entry comes from the manifest), and a page is
written only when what it shows changed: its spec, the pages its keterkaitan link
to, its downloads, its git history or (internal edition) its findings.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from ..build import (
    BuildResult,
    build_paths,
    default_template,
    expand_paths,
    file_digest,
    input_key,
    output_name,
)
from ..docx import tanggal_indonesia
from ..errors import SopdocError, SpecLoadError
from ..fileio import write_atomic
from ..i18n import _, current_language, ngettext
from ..model import Sop
from ..pdf.build import convert_built, pdf_for
from ..pdf.convert import PdfResult
from ..pemeriksaan.rules.keterkaitan import IndeksKeterkaitan
from ..spec import load
from .cari import STOPWORDS, build_index, fields_of, index_script
from .halaman import Konteks, Tautan, Temuan, e, jenis_kaitan, render_page, status_of
from .riwayat_git import Commit, history, perubahan, signature

MANIFEST = ".sopdoc-site.json"
SITE_VERSION = "1"
"""Bump when the pages change in a way the package version does not show."""

FONTS = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf")
_FONT_RANGES = "U+0020-007E,U+00A0-017F,U+2010-2027,U+2190-2193,U+2212"


@dataclass
class Entri:
    """One SOP in the index: what the index page and the links need, kept in the manifest
    so that an unchanged spec need not be loaded again."""

    sumber: str  # the spec file, resolved
    key: str  # input hash of the spec (bytes, settings, template, sopdoc)
    nomor: str
    nama: str
    unit: str
    status: str
    efektif: str  # ISO date or ''
    halaman: str  # 'sop/<name>.html'
    keterkaitan: list[str] = field(default_factory=list)
    jenis_kaitan: list[str] = field(default_factory=list)  # prasyarat, lanjutan, ... or ''
    kata: dict[str, int] = field(default_factory=dict)  # search words and their weights


@dataclass
class HasilSitus:
    """What a site build did."""

    out: Path
    written: list[Path]
    unchanged: int
    entries: list[Entri]
    docx: list[BuildResult] = field(default_factory=list)
    pdf: list[PdfResult] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.entries)


def _entry(sop: Sop, source: Path, key: str, page: str) -> Entri:
    t = sop.tanggal
    return Entri(
        sumber=str(source),
        key=key,
        nomor=sop.nomor,
        nama=sop.nama,
        unit=sop.unit,
        status=status_of(sop),
        efektif=t.efektif.isoformat() if t.efektif else "",
        halaman=page,
        keterkaitan=[str(k) for k in sop.keterkaitan],
        jenis_kaitan=[jenis_kaitan(k) for k in sop.keterkaitan],
        kata=fields_of(
            {
                "nama": [sop.nama],
                "nomor": [sop.nomor],
                "aktivitas": [k.aktivitas for k in sop.kegiatan],
                "output": [k.output or "" for k in sop.kegiatan],
                "dasar_hukum": list(sop.dasar_hukum),
            }
        ),
    )


def _read_manifest(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"specs": {}, "pages": {}}
    if not isinstance(data, dict) or data.get("version") != SITE_VERSION:
        return {"specs": {}, "pages": {}}
    for key in ("specs", "pages"):
        if not isinstance(data.get(key), dict):
            data[key] = {}
    return data


def _write_if_changed(path: Path, data: str | bytes) -> bool:
    """Write ``path`` atomically unless it already holds ``data``; whether it wrote."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.read_bytes() == payload:
            return False
    except OSError:
        pass
    write_atomic(path, payload)
    return True


def _findings(paths: Sequence[str | os.PathLike[str]]) -> dict[str, list[Temuan]]:
    """The checker's findings per spec file (resolved path), for the internal edition."""
    from ..pemeriksaan import lint

    result = lint(list(paths))
    out: dict[str, list[Temuan]] = {}
    for f in result.findings:
        where = str(Path(f.location.file).resolve())
        out.setdefault(where, []).append(
            Temuan(f.code, f.severity.value, f.message, f.location.line or None)
        )
    return out


def _fonts(aset: Path) -> list[Path]:
    """The bundled Liberation Sans, cut to the Latin letters a catalog uses (~10 % of it)."""
    import logging

    from fontTools import subset

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "FFTM NOT subset" notes
    written = []
    for name in FONTS:
        target = aset / name
        if target.is_file():
            continue
        ref = resources.files("sopdoc") / "data" / "fonts" / name
        with resources.as_file(ref) as src:
            options = subset.Options()
            options.layout_features = ["kern", "liga"]
            font = subset.load_font(str(src), options)
            sub = subset.Subsetter(options)
            sub.populate(unicodes=subset.parse_unicodes(_FONT_RANGES))
            sub.subset(font)
            tmp = aset / f".{name}.part"
            subset.save_font(font, str(tmp), options)
            os.replace(tmp, target)
        written.append(target)
    return written


def _assets(out: Path) -> list[Path]:
    aset = out / "aset"
    aset.mkdir(parents=True, exist_ok=True)
    written = []
    folder = resources.files("sopdoc.web") / "aset"
    for name in ("sopdoc.css", "katalog.js"):
        if _write_if_changed(aset / name, (folder / name).read_bytes()):
            written.append(aset / name)
    lic = resources.files("sopdoc") / "data" / "fonts" / "LICENSE-Liberation.txt"
    _write_if_changed(aset / "LICENSE-Liberation.txt", lic.read_bytes())
    return written + _fonts(aset)


def _digest(parts: dict[str, Any]) -> str:
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def site_title(entries: Sequence[Entri]) -> str:
    units = sorted({en.unit for en in entries})
    base = _("SOP catalog")
    return f"{base} {units[0]}" if len(units) == 1 else base


def build_site(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    internal: bool = False,
    docx: bool = True,
    pdf: bool = False,
    jobs: int = 1,
    force: bool = False,
    title: str | None = None,
    progress: TextIO | None = None,
) -> HasilSitus:
    """Build the static site of the SOPs under ``paths`` into ``out``.

    ``internal``: the edition for the office, with the checker's findings per SOP
    (hidden in the public edition). ``docx``/``pdf``: build the downloads into
    ``out/unduh`` (PDF through LibreOffice; see :func:`sopdoc.build_pdf`). Only what
    changed since the last build into ``out`` is written again. Load errors of all
    specs are raised together (:class:`~sopdoc.SpecLoadError`); nothing is written then.
    """
    out_dir = Path(out)
    files, errors = expand_paths(paths)
    if errors:
        raise SpecLoadError(errors)
    if not files:
        raise SopdocError(
            _("no spec files found in {paths}").format(paths=", ".join(map(str, paths)))
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SopdocError(
            _("cannot create {path}: {reason}").format(path=out_dir, reason=exc.strerror or exc)
        ) from None
    manifest = {} if force else _read_manifest(out_dir)
    old_specs: dict[str, Any] = manifest.get("specs", {})
    old_pages: dict[str, Any] = manifest.get("pages", {})
    tpl_digest = file_digest(default_template())

    # 1. the index entries: from the manifest when the spec did not change, else loaded
    sops: dict[str, Sop] = {}
    entries: list[Entri] = []
    load_errors = []
    for f in sorted(files, key=lambda p: str(p.resolve())):
        source = str(f.resolve())
        key = input_key(f, tpl_digest)
        old = old_specs.get(source)
        if isinstance(old, dict) and old.get("key") == key:
            try:
                entries.append(Entri(**old))
                continue
            except TypeError:  # a manifest of another shape: load the spec
                pass
        try:
            sop = load(f)
        except SpecLoadError as exc:
            load_errors.extend(exc.errors)
            continue
        sops[source] = sop
        entries.append(_entry(sop, Path(source), key, ""))
    if load_errors:
        raise SpecLoadError(load_errors)
    # page names from the nomor, in the order of the spec files (duplicates get -2, -3)
    taken: set[str] = set()
    for entry in entries:
        entry.halaman = "sop/" + output_name(entry.nomor, taken).removesuffix(".docx") + ".html"

    # 2. downloads, through the build and its cache
    built: list[BuildResult] = []
    pdfs: list[PdfResult] = []
    downloads: dict[str, list[tuple[str, str]]] = {}
    if docx:
        built = build_paths(files, out_dir / "unduh", jobs=jobs, force=force, progress=progress)
        if pdf:
            pdfs = convert_built(built, force=force, workers=jobs)
        for r in built:
            if r.source is None:
                continue
            offered = [("DOCX", f"../unduh/{r.path.name}")]
            if pdf and pdf_for(r.path).is_file():
                offered.append(("PDF", f"../unduh/{pdf_for(r.path).name}"))
            downloads[str(r.source.resolve())] = offered

    # 3. what else the pages show: links between SOPs, git history, findings
    indeks = IndeksKeterkaitan(entries)
    commits: dict[Path, list[Commit]] = history([Path(p) for p in paths])
    findings = _findings(paths) if internal else {}
    judul = title or site_title(entries)
    lang = current_language()

    written: list[Path] = []
    pages: dict[str, str] = {}
    unchanged = 0
    for entry in entries:
        links = []
        jenis = entry.jenis_kaitan or [""] * len(entry.keterkaitan)
        for ref, how in zip(entry.keterkaitan, jenis, strict=False):
            target = indeks.find(ref)
            href = target.halaman.removeprefix("sop/") if target is not None else None
            links.append(Tautan(ref, href, how))
        source_commits = commits.get(Path(entry.sumber), [])
        temuan = findings.get(entry.sumber, []) if internal else None
        digest = _digest(
            {
                "key": entry.key,
                "links": [asdict(t) for t in links],
                "downloads": downloads.get(entry.sumber, []),
                "git": signature(source_commits),
                "temuan": [asdict(t) for t in temuan] if temuan is not None else None,
                "judul": judul,
                "lang": lang,
                "sopdoc": __version__,
                "site": SITE_VERSION,
            }
        )
        pages[entry.halaman] = digest
        target_path = out_dir / entry.halaman
        if old_pages.get(entry.halaman) == digest and target_path.is_file():
            unchanged += 1
            continue
        sop = sops.get(entry.sumber) or load(entry.sumber)
        ctx = Konteks(
            css="../aset/sopdoc.css",
            beranda="../index.html",
            keterkaitan=links,
            unduhan=[Tautan(k, h) for k, h in downloads.get(entry.sumber, [])],
            perubahan=perubahan(Path(entry.sumber), source_commits),
            temuan=temuan,
            judul_situs=judul,
        )
        write_atomic(target_path, render_page(sop, ctx))
        written.append(target_path)
    for stale in set(old_pages) - set(pages):  # an SOP removed or renamed
        (out_dir / stale).unlink(missing_ok=True)

    # 4. the index, its search index and the assets
    ordered = sorted(entries, key=lambda en: (en.unit, en.nomor))
    position = {id(en): i for i, en in enumerate(ordered)}
    script = index_script(build_index(en.kata for en in ordered))
    if _write_if_changed(out_dir / "aset" / "cari.js", script):
        written.append(out_dir / "aset" / "cari.js")
    written += _assets(out_dir)
    index_html = _index_page(ordered, judul, findings if internal else None, position)
    if _write_if_changed(out_dir / "index.html", index_html):
        written.append(out_dir / "index.html")
    payload = {
        "version": SITE_VERSION,
        "specs": {en.sumber: asdict(en) for en in entries},
        "pages": pages,
    }
    write_atomic(
        out_dir / MANIFEST,
        json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
    )
    return HasilSitus(out_dir, written, unchanged, entries, built, pdfs)


def _index_page(
    entries: list[Entri],
    judul: str,
    findings: dict[str, list[Temuan]] | None,
    position: dict[int, int],
) -> str:
    """The catalog's front page: the table of every SOP, the search box and the filters."""
    units = sorted({en.unit for en in entries})
    statuses = sorted({en.status for en in entries if en.status})
    heads = [_("Nomor SOP"), _("Nama SOP"), _("Unit"), _("Status"), _("Tanggal Efektif")]
    if findings is not None:
        heads.append(_("Checker"))
    thead = "".join(f'<th scope="col">{e(h)}</th>' for h in heads)
    rows: list[str] = []
    for en in entries:
        assert position[id(en)] == len(rows)
        efektif = tanggal_indonesia(date.fromisoformat(en.efektif)) if en.efektif else "-"
        cells = [
            (heads[0], e(en.nomor)),
            (heads[1], f'<a href="{e(en.halaman)}">{e(en.nama)}</a>'),
            (heads[2], e(en.unit)),
            (heads[3], e(en.status or "-")),
            (heads[4], e(efektif)),
        ]
        if findings is not None:
            cells.append((heads[5], e(_lint_summary(findings.get(en.sumber, [])))))
        tds = "".join(f'<td data-label="{e(k)}">{v}</td>' for k, v in cells)
        rows.append(f'<tr data-unit="{e(en.unit)}" data-status="{e(en.status)}">{tds}</tr>')

    def options(values: list[str], everything: str) -> str:
        first = f'<option value="">{e(everything)}</option>'
        return first + "".join(f'<option value="{e(v)}">{e(v)}</option>' for v in values)

    status_filter = ""
    if statuses:
        all_statuses = options(statuses, _("All statuses"))
        status_filter = (
            f'<label>{e(heads[3])}<select id="status" name="status">{all_statuses}</select></label>'
        )
    all_units = options(units, _("All units"))
    made_with = e(_("Made with sopdoc {version}.").format(version=__version__))
    teks = {
        "semua": _("{n} SOPs in the catalog"),
        "ditemukan": _("{n} SOPs found"),
        "kosong": _("No SOP matches the search."),
        "stop": sorted(STOPWORDS),
    }
    count = ngettext("{n} SOP in the catalog", "{n} SOPs in the catalog", len(entries)).format(
        n=len(entries)
    )
    edition = (
        '<span class="edisi">' + e(_("Internal edition")) + "</span>"
        if findings is not None
        else ""
    )
    search_label = e(_("Search names, activities, outputs and dasar hukum"))
    return (
        f'<!DOCTYPE html><html lang="{current_language()}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{e(judul)}</title><link rel="stylesheet" href="aset/sopdoc.css">'
        f"<script>window.SOPDOC_TEKS={json.dumps(teks, ensure_ascii=False)};</script>"
        '<script src="aset/cari.js" defer></script><script src="aset/katalog.js" defer></script>'
        f'</head><body><header class="atas"><a href="index.html">{e(judul)}</a>{edition}</header>'
        f"<main><h1>{e(judul)}</h1>"
        f'<form id="cari" class="cari" role="search" hidden>'
        f'<label>{search_label}<input type="search" id="q" name="q" autocomplete="off"></label>'
        f'<label>{e(heads[2])}<select id="unit" name="unit">'
        f"{all_units}</select></label>{status_filter}</form>"
        f'<p id="jumlah" role="status" aria-live="polite">{e(count)}</p>'
        f'<table class="daftar kartu"><caption class="sr">{e(judul)}</caption>'
        f"<thead><tr>{thead}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<p class="kaki">{made_with}</p>'
        "</main></body></html>\n"
    )


def _lint_summary(items: list[Temuan]) -> str:
    if not items:
        return _("passes")
    errors = sum(1 for t in items if t.tingkat == "error")
    warnings = sum(1 for t in items if t.tingkat == "warning")
    parts = []
    if errors:
        parts.append(ngettext("{n} error", "{n} errors", errors).format(n=errors))
    if warnings:
        parts.append(ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings))
    rest = len(items) - errors - warnings
    if rest:
        parts.append(ngettext("{n} note", "{n} notes", rest).format(n=rest))
    return ", ".join(parts)


__all__ = ["MANIFEST", "Entri", "HasilSitus", "build_site", "site_title"]
