"""sopdoc on the web: SVG and HTML painted from the same layout as the DOCX, and the
static catalog site (``sopdoc site``)."""

from __future__ import annotations

from .halaman import render_html
from .svg import describe_flow, render_svg, svg_pages

__all__ = ["describe_flow", "render_html", "render_svg", "svg_pages"]
