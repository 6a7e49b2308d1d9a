"""`sopdoc schema` validates the specs the way an editor sees them (yaml-language-server)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "specs" / "kecamatan-kebasen"
SPECS = sorted(p for p in CATALOG.glob("*.yaml") if p.name != "sopdoc.yaml")


class EditorLoader(yaml.SafeLoader):
    """YAML as yaml-language-server reads it (YAML 1.2 core): dates stay strings."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def editor_view(text: str) -> Any:
    return yaml.load(text, Loader=EditorLoader)  # a SafeLoader subclass: safe


def run_schema(*args: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "sopdoc.cli", "schema", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stderr == ""
    schema: dict[str, Any] = json.loads(proc.stdout)
    return schema


@pytest.fixture(scope="module")
def spec_schema() -> dict[str, Any]:
    schema = run_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return schema


@pytest.fixture(scope="module")
def settings_schema() -> dict[str, Any]:
    schema = run_schema("--settings")
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_editor_view_keeps_dates_as_text() -> None:
    assert editor_view("a: 2024-01-09\nb: 5\n") == {"a": "2024-01-09", "b": 5}


@pytest.mark.parametrize("path", SPECS, ids=[p.name for p in SPECS])
def test_kebasen_specs_validate_as_written(spec_schema: dict[str, Any], path: Path) -> None:
    data = editor_view(path.read_text(encoding="utf-8"))
    errors = [e.message for e in validator(spec_schema).iter_errors(data)]
    assert errors == []
    # the file relies on the catalog for what the schema marks optional
    assert "instansi" not in data and "unit" not in data


def test_settings_file_validates(settings_schema: dict[str, Any]) -> None:
    data = editor_view((CATALOG / "sopdoc.yaml").read_text(encoding="utf-8"))
    assert [e.message for e in validator(settings_schema).iter_errors(data)] == []


def test_specs_point_at_the_committed_schemas() -> None:
    for path in SPECS:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../docs/sopdoc.schema.json"
    first = (CATALOG / "sopdoc.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../docs/sopdoc-settings.schema.json"


def test_committed_schemas_are_current(
    spec_schema: dict[str, Any], settings_schema: dict[str, Any]
) -> None:
    """docs/*.schema.json are what `sopdoc schema` prints (run `make demo` to refresh)."""
    committed = json.loads((ROOT / "docs" / "sopdoc.schema.json").read_text(encoding="utf-8"))
    assert committed == spec_schema
    committed = json.loads(
        (ROOT / "docs" / "sopdoc-settings.schema.json").read_text(encoding="utf-8")
    )
    assert committed == settings_schema


def _kebasen_010() -> dict[str, Any]:
    data: dict[str, Any] = editor_view(SPECS[0].read_text(encoding="utf-8"))
    return data


NEGATIVE: list[tuple[str, Any, str]] = [
    ("unknown key", lambda d: d.update(nma="x"), "Additional properties are not allowed"),
    (
        "unknown key in a step",
        lambda d: d["kegiatan"][0].update(aktivitass="x"),
        "Additional properties are not allowed",
    ),
    ("missing nomor", lambda d: d.pop("nomor"), "'nomor' is a required property"),
    ("no steps", lambda d: d.update(kegiatan=[]), "should be non-empty"),
    ("bad waktu", lambda d: d["kegiatan"][0].update(waktu="5 detik"), "is not valid under any"),
    ("waktu without unit", lambda d: d["kegiatan"][0].update(waktu="5"), "is not valid under any"),
    ("jika_tidak 0", lambda d: d["kegiatan"][5].update(jika_tidak=0), "is not valid under any"),
    ("empty pelaksana", lambda d: d["kegiatan"][0].update(pelaksana=[]), "is not valid under any"),
    ("bad date", lambda d: d["tanggal"].update(pembuatan="2024-02-30"), "is not valid under any"),
    ("kertas", lambda d: d.update(kertas="A3"), "'A3' is not one of ['A4', 'F4']"),
]


@pytest.mark.parametrize(
    ("change", "message"), [n[1:] for n in NEGATIVE], ids=[n[0] for n in NEGATIVE]
)
def test_schema_refuses(spec_schema: dict[str, Any], change: Any, message: str) -> None:
    data = _kebasen_010()
    assert list(validator(spec_schema).iter_errors(data)) == []
    change(data)
    errors = [e.message for e in validator(spec_schema).iter_errors(data)]
    assert errors, "the change must make the spec invalid"
    assert any(message in e for e in errors), errors


def test_settings_schema_refuses_unknown_key(settings_schema: dict[str, Any]) -> None:
    data = editor_view((CATALOG / "sopdoc.yaml").read_text(encoding="utf-8"))
    data["unitt"] = "x"
    errors = [e.message for e in validator(settings_schema).iter_errors(data)]
    assert any("'unitt' was unexpected" in e for e in errors), errors


def test_schema_output_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "s.json"
    proc = subprocess.run(
        [sys.executable, "-m", "sopdoc.cli", "schema", "-o", str(target)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0 and proc.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8")) == run_schema()
    assert [p.name for p in target.parent.iterdir()] == ["s.json"]
