"""JSON Schema of a spec and of the catalog settings, generated from the models."""

from __future__ import annotations

from typing import Any

from .model import PengaturanKatalog, Sop

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _with_header(schema: dict[str, Any], title: str) -> dict[str, Any]:
    return {"$schema": SCHEMA_DIALECT, **schema, "title": title}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of one SOP spec file, for editors and other tools.

    Keys that a spec may inherit from the catalog settings (instansi, unit,
    disahkan_oleh) are optional here, since the file alone need not hold them.
    """
    schema = Sop.model_json_schema(mode="validation")
    schema["required"] = [
        k for k in schema.get("required", []) if k not in {"instansi", "unit", "disahkan_oleh"}
    ]
    return _with_header(schema, "SOP Administrasi Pemerintahan (sopdoc spec)")


def settings_json_schema() -> dict[str, Any]:
    """The JSON Schema of the catalog settings file (``sopdoc.yaml``)."""
    return _with_header(
        PengaturanKatalog.model_json_schema(mode="validation"), "sopdoc catalog settings"
    )


def rekaman_json_schema(jenis: str) -> dict[str, Any]:
    """The JSON Schema of a monitoring or evaluation record (``jenis``: the kind)."""
    from .siklus.rekaman import Evaluasi, Monitoring

    model: type[Monitoring] | type[Evaluasi] = Evaluasi if jenis == "evaluasi" else Monitoring
    return _with_header(
        model.model_json_schema(mode="validation"), f"sopdoc {jenis} record (Permenpan RB 35/2012)"
    )
