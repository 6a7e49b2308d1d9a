"""SOP pages and documents from FastAPI: ``uvicorn examples.web.fastapi_app:app``.

``render_pdf`` runs LibreOffice (a few seconds): FastAPI runs a plain ``def``
endpoint in its thread pool, which is safe, since every call converts in its own
temporary folder with its own LibreOffice profile and removes it afterwards.
"""

from fastapi import FastAPI, Response
from fastapi.responses import HTMLResponse

import sopdoc

app = FastAPI()
KATALOG = {sop.nama.lower(): sop for sop in sopdoc.load_catalog("specs/").sops}


@app.get("/sop/{nama}", response_class=HTMLResponse)
def sop_html(nama: str) -> str:
    return sopdoc.render_html(KATALOG[nama])


@app.get("/sop/{nama}.pdf")
def sop_pdf(nama: str) -> Response:
    return Response(sopdoc.render_pdf(KATALOG[nama]), media_type="application/pdf")
