"""SOP pages and documents from a Django view: three lines each (see README, "Library").

Every ``render_*`` call is a pure function of the spec: no file is written or left,
and several requests may call them at once from their threads.
"""

from django.http import HttpRequest, HttpResponse

import sopdoc

KATALOG = {sop.nomor: sop for sop in sopdoc.load_catalog("specs/").sops}


def sop_html(request: HttpRequest, nomor: str) -> HttpResponse:
    return HttpResponse(sopdoc.render_html(KATALOG[nomor]))


def sop_svg(request: HttpRequest, nomor: str) -> HttpResponse:
    return HttpResponse(sopdoc.render_svg(KATALOG[nomor]), content_type="image/svg+xml")


def sop_docx(request: HttpRequest, nomor: str) -> HttpResponse:
    data = sopdoc.render_docx(KATALOG[nomor])
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return HttpResponse(data, content_type=kind)
