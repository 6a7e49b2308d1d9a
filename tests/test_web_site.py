"""`sopdoc site` in a real browser: Debian's Chromium driven by Playwright.

The site is built once per module by the CLI (a real subprocess) from the Kebasen
specs and a long generated SOP (several paper pages); one browser serves every
test. The checks read the DOM: no console errors, no request leaves the site, the
search finds an activity and leads to its SOP, keterkaitan links work, and every
symbol of the flowchart sits in its lane and its row while every arrow ends on its
target (bounding boxes as the browser lays them out).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import sopdoc
from sopdoc.web.cari import words
from sopgen import long_sop

ROOT = Path(__file__).resolve().parents[1]


def _long_spec(path: Path) -> None:
    """The long generated SOP as a draft, with a typed keterkaitan to 010 and one to an SOP
    not in the catalog."""
    data = yaml.safe_load(sopdoc.dumps(long_sop()))
    data["status"] = "draf"
    data["keterkaitan"] = [
        {"sop": "SOP Pengukuran Data Kinerja", "jenis": "prasyarat"},
        "SOP Pengarsipan",
    ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new",  # plain --headless hangs Page.screenshot with Chromium 156
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

playwright_api = pytest.importorskip("playwright.sync_api")


def _sopdoc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sopdoc", *args], capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def katalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("katalog") / "kebasen"
    shutil.copytree(ROOT / "specs" / "kecamatan-kebasen", folder)
    _long_spec(folder / "099-pelayanan-uji-coba.yaml")
    return folder


@pytest.fixture(scope="module")
def site(katalog: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("situs")
    done = _sopdoc("site", str(katalog), "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # `make test` installs Debian's chromium (scripts/system-deps.sh); never a downloaded one
    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} is missing: run scripts/system-deps.sh"
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page whose console errors and requests are recorded."""

    def __init__(self, browser: Any, width: int = 1280, height: int = 900):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def check_clean(self) -> None:
        assert self.errors == []
        outside = [u for u in self.requests if not u.startswith(("file://", "data:"))]
        assert outside == []


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.page.close()


def _index(site: Path) -> str:
    return (site / "index.html").as_uri()


def test_index_lists_every_sop_in_indonesian(site: Path, watched: Watched) -> None:
    page = watched.page
    page.goto(_index(site))
    rows = page.locator("table.daftar tbody tr")
    assert rows.count() == 3
    assert page.locator("#jumlah").inner_text() == "3 SOP dalam katalog"
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("#cari").is_visible()  # the script ran and showed the search
    nama = page.locator("table.daftar tbody tr td:nth-child(2) a").all_inner_texts()
    assert "Pengukuran Data Kinerja" in nama
    watched.check_clean()


def test_search_finds_an_activity_and_reaches_its_sop(
    site: Path, katalog: Path, watched: Watched
) -> None:
    sops = {s.nama: s for s in sopdoc.load_catalog(katalog).sops}
    target = sops["Pengumpulan Data Kinerja"]
    others = [s for s in sops.values() if s is not target]
    # a word of one of its activities that no other SOP has
    word = next(
        w
        for k in target.kegiatan
        for w in words(k.aktivitas)
        if len(w) > 5
        and not any(
            w in words(" ".join([o.nama, *[x.aktivitas for x in o.kegiatan], *o.dasar_hukum]))
            or w in words(" ".join(x.output or "" for x in o.kegiatan))
            for o in others
        )
    )
    page = watched.page
    page.goto(_index(site))
    page.locator("#q").fill(word[:-1])  # a prefix is enough
    visible = page.locator("table.daftar tbody tr:not([hidden])")
    assert visible.count() == 1
    assert page.locator("#jumlah").inner_text() == "1 SOP ditemukan"
    visible.locator("a").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith(target.nama)
    assert word in page.locator("table.langkah").inner_text().lower()
    # nothing found: said so
    page.go_back()
    page.locator("#q").fill("zzzzqqq")
    assert page.locator("table.daftar tbody tr:not([hidden])").count() == 0
    assert "Tidak ada SOP" in page.locator("#jumlah").inner_text()
    watched.check_clean()


def test_filter_by_unit_and_search_from_the_address(site: Path, watched: Watched) -> None:
    page = watched.page
    page.goto(_index(site) + "?q=kinerja&unit=Kecamatan%20Kebasen")
    assert page.locator("#q").input_value() == "kinerja"
    assert page.locator("table.daftar tbody tr:not([hidden])").count() == 2
    watched.check_clean()


def test_keterkaitan_links_to_the_related_sop(site: Path, watched: Watched) -> None:
    page = watched.page
    page.goto((site / "sop" / "PK-KEC-KBS-010-I-2024.html").as_uri())
    link = page.get_by_role("link", name="SOP Pengumpulan Data Kinerja")
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Pengumpulan Data Kinerja")
    # the download is offered and exists
    href = page.locator("ul.unduh a").first.get_attribute("href")
    assert href is not None and href.endswith(".docx")
    assert (site / "sop" / href).resolve().is_file()
    # the public edition shows no findings
    assert page.locator(".periksa").count() == 0
    watched.check_clean()


GEOMETRY_JS = """
(svg) => {
  const boxes = (sel) => Array.from(svg.querySelectorAll(sel));
  const rect = (el) => { const r = el.getBoundingClientRect();
    return {x: r.left, y: r.top, r: r.right, b: r.bottom}; };
  const ctm = svg.getScreenCTM();
  const screen = (x, y) => { const p = svg.createSVGPoint(); p.x = x; p.y = y;
    const q = p.matrixTransform(ctm); return [q.x, q.y]; };
  const lanes = {}, rows = {};
  boxes("rect.lajur").forEach(el => lanes[el.dataset.lane] = rect(el));
  boxes("rect.baris").forEach(el => rows[el.dataset.step] = rect(el));
  const symbols = boxes("g.simbol").map(g => ({
    step: g.dataset.step, lane: g.dataset.lane, kind: g.dataset.kind,
    box: rect(g.children[1]), title: g.querySelector("title").textContent}));
  const arrows = boxes("g.panah").map(g => {
    const d = g.querySelector("path").getAttribute("d").slice(1).split("L")
      .map(s => s.trim().split(/\\s+/).map(Number));
    const end = g.dataset.end ? g.dataset.end.split(",").map(Number) : d[d.length - 1];
    return {kind: g.dataset.kind, source: g.dataset.source, target: g.dataset.target,
      start: screen(d[0][0], d[0][1]), end: screen(end[0], end[1])};
  });
  return {lanes, rows, symbols, arrows};
}
"""


def _on_edge(point: list[float], box: dict[str, float], tol: float = 1.0) -> bool:
    """Whether an arrow's end touches a symbol: on its box, at most ``tol`` px outside it
    (a diamond or a capsule is met inside its bounding box, on its outline)."""
    x, y = point
    return box["x"] - tol <= x <= box["r"] + tol and box["y"] - tol <= y <= box["b"] + tol


@pytest.mark.parametrize("width", [1280, 390])
def test_flowchart_geometry_in_the_browser(site: Path, browser: Any, width: int) -> None:
    """Every symbol inside its lane and row; every arrow ends on its target symbol."""
    w = Watched(browser, width=width)
    try:
        for html in sorted((site / "sop").glob("*.html")):
            w.page.goto(html.as_uri())
            svg = w.page.locator("figure.alur svg")
            data = svg.evaluate(GEOMETRY_JS)
            assert data["symbols"] and data["arrows"]
            for s in data["symbols"]:
                lane, row, box = data["lanes"][s["lane"]], data["rows"][s["step"]], s["box"]
                assert lane["x"] - 0.5 <= box["x"] and box["r"] <= lane["r"] + 0.5, s
                assert row["y"] - 0.5 <= box["y"] and box["b"] <= row["b"] + 0.5, s
                assert s["title"].startswith(f"Langkah {s['step']}.")
            by_step: dict[str, list[dict[str, float]]] = {}
            for s in data["symbols"]:
                by_step.setdefault(s["step"], []).append(s["box"])
            for a in data["arrows"]:
                targets = by_step[a["target"]]
                assert any(_on_edge(a["end"], b) for b in targets), a
                assert any(_on_edge(a["start"], b) for b in by_step[a["source"]]), a
            # usable on a phone: nothing wider than the screen
            overflow = w.page.evaluate("document.documentElement.scrollWidth")
            assert overflow <= width + 1
        w.check_clean()
    finally:
        w.page.close()


def test_print_gives_the_official_pages(site: Path, browser: Any) -> None:
    """Printed, an SOP page is its identity and sections, then the procedure pages as on
    paper (landscape, one SVG page each); the screen table and flowchart are hidden."""
    from pypdf import PdfReader

    page = browser.new_page()
    try:
        page.goto((site / "sop" / "PK-KEC-KBS-099-II-2025.html").as_uri())
        page.emulate_media(media="print")
        assert page.locator("section.prosedur").is_hidden()
        printed = page.locator("section.cetak svg")
        expected = len(sopdoc.layout.layout_prosedur(long_sop()).pages)
        assert printed.count() == expected > 1
        assert printed.first.is_visible()
        reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
        landscape = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
        assert len(landscape) == expected
        assert reader.pages[0].mediabox.width < reader.pages[0].mediabox.height  # identity
    finally:
        page.close()


def test_internal_edition_shows_findings(katalog: Path, tmp_path: Path, browser: Any) -> None:
    out = tmp_path / "internal"
    done = _sopdoc("site", str(katalog), "-o", str(out), "--internal", "--no-docx")
    assert done.returncode == 0, done.stderr
    w = Watched(browser)
    try:
        w.page.goto((out / "index.html").as_uri())
        assert w.page.locator("table.daftar thead th").last.inner_text() == "Pemeriksaan"
        # 099 names 010 as prasyarat, 010 does not name 099 back: K102 on 010's page
        w.page.goto((out / "sop" / "PK-KEC-KBS-010-I-2024.html").as_uri())
        k102 = w.page.locator(".periksa li", has_text="K102")
        assert k102.count() == 1
        assert "peringatan" in k102.inner_text()  # the severity in words, not colour only
        assert "Pelayanan Rekomendasi Izin" in k102.inner_text()
        assert w.page.locator("ul.unduh").count() == 0  # --no-docx
        w.check_clean()
    finally:
        w.page.close()


def test_status_filter_and_typed_keterkaitan(site: Path, watched: Watched) -> None:
    page = watched.page
    page.goto(_index(site))
    options = page.locator("#status option").all_inner_texts()
    assert options[0] == "Semua status" and "draf" in options
    page.select_option("#status", "draf")
    visible = page.locator("table.daftar tbody tr:not([hidden])")
    assert visible.count() == 1
    assert "Pelayanan Rekomendasi Izin" in visible.inner_text()
    visible.locator("a").click()
    page.wait_for_load_state()
    item = page.locator("h3:text('Keterkaitan') + ol li").first
    assert item.locator("a").inner_text() == "SOP Pengukuran Data Kinerja"
    assert "prasyarat" in item.inner_text()
    page.locator("h3:text('Keterkaitan') + ol li a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Pengukuran Data Kinerja")
    watched.check_clean()
