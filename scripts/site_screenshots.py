"""Screenshots of the catalog site for the README (docs/img/site-*.png).

    .venv/bin/python scripts/site_screenshots.py

Builds a site of the bundled Kebasen specs beside a generated catalog of another
unit (so the index has two units to filter), then photographs it in Debian's
Chromium: the index, a search, an SOP page, the same page on a phone and its print
preview (media emulated as print).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.catalog import generate_catalog  # noqa: E402
from sopdoc.web.situs import build_site  # noqa: E402

IMG = ROOT / "docs" / "img"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def main() -> None:
    from playwright.sync_api import sync_playwright

    IMG.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sopdoc-shots-") as tmp:
        kebasen = Path(tmp) / "kebasen"
        shutil.copytree(ROOT / "specs" / "kecamatan-kebasen", kebasen)
        lain = Path(tmp) / "sukamaju"
        generate_catalog(lain, 14, seed=3)
        site = Path(tmp) / "site"
        build_site([kebasen, lain], site, docx=True)
        page_010 = (site / "sop" / "PK-KEC-KBS-010-I-2024.html").as_uri()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 820})
            page.goto((site / "index.html").as_uri())
            page.screenshot(path=str(IMG / "site-index.png"))
            page.fill("#q", "disposisi")
            page.select_option("#unit", "Kecamatan Kebasen")
            page.screenshot(path=str(IMG / "site-cari.png"))
            page.set_viewport_size({"width": 1280, "height": 1500})
            page.goto(page_010)
            page.locator("section.prosedur").scroll_into_view_if_needed()
            page.screenshot(path=str(IMG / "site-sop.png"), full_page=False)
            page.emulate_media(media="print")
            page.locator("section.cetak").scroll_into_view_if_needed()
            page.locator("section.cetak svg").first.screenshot(path=str(IMG / "site-cetak.png"))
            page.close()
            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
            phone.goto(page_010)
            phone.locator("section.prosedur").scroll_into_view_if_needed()
            phone.screenshot(path=str(IMG / "site-ponsel.png"))
            browser.close()
    for name in sorted(IMG.glob("site-*.png")):
        print(f"wrote {name.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
