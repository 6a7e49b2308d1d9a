"""The static site (``sopdoc site``) of a generated catalog of 1,000 SOPs.

Measured in the same run on the same catalog:

- ``docx``: ``sopdoc build --force`` of the catalog (load, layout, DOCX, cache): the
  baseline;
- ``site``: ``sopdoc site --no-docx --force`` (load, two layouts per SOP, the SVG and
  HTML of every page, the index, the search index, the fonts): the ratio ``site/docx``
  (target ≤ 1);
- ``site+docx``: the site with its DOCX downloads (what ``sopdoc site`` does by
  default), for the record;
- ``rebuild``: the site again after one spec changed (one spec loaded, one page and
  the search index written);
- page weight: every SOP page with its SVG, uncompressed (target: all < 100 KB), and
  the index and search index;
- search latency in the browser (Debian's Chromium through Playwright): the time
  ``katalog.js`` takes from a keystroke to the filtered, ranked table, for words of
  activities and names, read from the page (``body.dataset.waktuCari``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_build import best_of
from bench.catalog import generate_catalog
from sopdoc.build import build_paths
from sopdoc.web.situs import build_site

OUT = Path(__file__).parent / "out" / "site.json"
QUERIES = [
    "kinerja",
    "menandatangani",
    "arsip",
    "bantuan sosial",
    "pengaduan masyarakat",
    "undang",
    "memverifikasi dokumen",
    "legalisasi",
    "draft tahap",
    "musrenbang",
]


def search_latency(site: Path) -> dict[str, float]:
    """Milliseconds per query in Chromium, as katalog.js measures it (median, max)."""
    from playwright.sync_api import sync_playwright

    args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"]
    times: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto((site / "index.html").as_uri())
        page.wait_for_selector("#cari:not([hidden])")
        load_ms = (time.perf_counter() - start) * 1000
        for _round in range(3):
            for q in QUERIES:
                page.fill("#q", "")
                page.fill("#q", q)
                times.append(float(page.evaluate("document.body.dataset.waktuCari")))
        browser.close()
    return {
        "index_load_ms": load_ms,
        "search_median_ms": statistics.median(times),
        "search_max_ms": max(times),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench site", description=__doc__)
    parser.add_argument("-n", type=int, default=1000, help="SOPs in the catalog (1000)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-browser", action="store_true", help="skip the search latency")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sopdoc-bench-site-") as tmp:
        folder = Path(tmp) / "katalog"
        paths = generate_catalog(folder, args.n)
        docx_out, site_out, full_out = Path(tmp) / "docx", Path(tmp) / "site", Path(tmp) / "full"
        t_docx = best_of(args.repeat, lambda: build_paths([folder], docx_out, force=True))
        t_site = best_of(
            args.repeat, lambda: build_site([folder], site_out, docx=False, force=True)
        )
        t_full = best_of(1, lambda: build_site([folder], full_out, force=True))
        shutil.rmtree(full_out, ignore_errors=True)

        changed = paths[len(paths) // 2]
        original = changed.read_text(encoding="utf-8")
        counter = iter(range(10_000))

        def change_one() -> None:
            text = original.replace("aktivitas: ", f"aktivitas: (rev {next(counter)}) ", 1)
            changed.write_text(text, encoding="utf-8")

        def rebuild() -> None:
            result = build_site([folder], site_out, docx=False)
            pages = [p for p in result.written if p.parent.name == "sop"]
            assert len(pages) == 1, f"{len(pages)} pages rewritten, expected 1"

        t_rebuild = best_of(args.repeat, rebuild, before=change_one)
        sizes = sorted(p.stat().st_size for p in (site_out / "sop").glob("*.html"))
        index_kib = (site_out / "index.html").stat().st_size / 1024
        search_kib = (site_out / "aset" / "cari.js").stat().st_size / 1024
        browser = {} if args.no_browser else search_latency(site_out)

    n = args.n
    ratio = t_site / t_docx
    heaviest = sizes[-1] / 1024
    rows = {
        "n": n,
        "docx_build_s": t_docx,
        "site_s": t_site,
        "site_per_docx": ratio,
        "site_with_docx_s": t_full,
        "rebuild_one_changed_s": t_rebuild,
        "page_kib_median": statistics.median(sizes) / 1024,
        "page_kib_max": heaviest,
        "index_kib": index_kib,
        "search_index_kib": search_kib,
        **browser,
    }
    print(f"{n} SOPs: DOCX build {t_docx:.1f} s; site (pages, index, search) {t_site:.1f} s")
    print(f"site/docx = {ratio:.2f} (target ≤ 1: {'ok' if ratio <= 1 else 'MISSED'})")
    print(f"site with its DOCX downloads {t_full:.1f} s; one change rebuilt in {t_rebuild:.2f} s")
    print(
        f"SOP page with SVG: median {rows['page_kib_median']:.1f} KiB, max {heaviest:.1f} KiB "
        f"(target < 100: {'ok' if heaviest < 100 else 'MISSED'}); index {index_kib:.0f} KiB, "
        f"search index {search_kib:.0f} KiB"
    )
    if browser:
        print(
            f"browser: index ready in {browser['index_load_ms']:.0f} ms; search "
            f"{browser['search_median_ms']:.1f} ms median, {browser['search_max_ms']:.1f} ms max"
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return int(ratio > 1 or heaviest >= 100)


if __name__ == "__main__":
    sys.exit(main())
