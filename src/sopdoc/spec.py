"""Loading specs and catalogs: YAML -> typed model, every error with file:line:column."""

from __future__ import annotations

import difflib
import os
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import Location, SpecError, SpecLoadError, display_path, format_path
from .model import INHERITED_KEYS, PengaturanKatalog, Sop
from .source import Document, SourceMap, read_yaml

SETTINGS_FILE = "sopdoc.yaml"
"""Name of the catalog settings file; it applies to its folder and every folder below."""

SPEC_SUFFIXES = (".yaml", ".yml")


@dataclass
class Katalog:
    """A folder tree of specs with its settings already merged into each SOP."""

    root: Path
    pengaturan: PengaturanKatalog
    sops: list[Sop] = field(default_factory=list)

    def __iter__(self) -> Iterator[Sop]:
        return iter(self.sops)

    def __len__(self) -> int:
        return len(self.sops)


# -- pydantic errors -> SpecError -------------------------------------------------


def _model_at(model: type[BaseModel], path: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path`` (for 'did you mean')."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _find_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _find_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _find_model(arg)
        if found is not None:
            return found
    return None


_MESSAGES = {
    "missing": "required field '{field}' is missing",
    "string_type": "expected text, found {found}",
    "list_type": "expected a list (lines starting with '- '), found {found}",
    "dict_type": "expected a mapping (key: value lines), found {found}",
    "model_type": "expected a mapping (key: value lines), found {found}",
    "model_attributes_type": "expected a mapping (key: value lines), found {found}",
    "date_from_datetime_parsing": "'{input}' is not a date; write YYYY-MM-DD, e.g. 2024-01-09",
    "date_parsing": "'{input}' is not a date; write YYYY-MM-DD, e.g. 2024-01-09",
    "date_type": "'{input}' is not a date; write YYYY-MM-DD, e.g. 2024-01-09",
    "date_from_datetime_inexact": "'{input}' is not a date; write YYYY-MM-DD, e.g. 2024-01-09",
    "too_short": "'{field}' must not be empty",
    "string_too_short": "'{field}' must not be empty",
    "enum": "'{input}' is not allowed here; expected {expected}",
    "string_pattern_mismatch": "'{input}' is not a valid {field}: letters, digits, '-', '_', '.'",
}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


def _translate(
    exc: ValidationError, model: type[BaseModel], source: SourceMap, display: str
) -> list[SpecError]:
    errors: list[SpecError] = []
    seen: set[tuple[tuple[Any, ...], str]] = set()
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and _is_union_tag(p)))
        kind = err["type"]
        field_name = next((p for p in reversed(loc) if isinstance(p, str)), "value")
        if kind == "extra_forbidden":
            parent = _model_at(model, loc[:-1])
            allowed = sorted(parent.model_fields) if parent else []
            message = f"unknown key '{loc[-1]}'"
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
            if close:
                message += f"; did you mean '{close[0]}'?"
            elif allowed:
                message += f"; allowed here: {', '.join(allowed)}"
            where = source.locate_key(loc)
        elif kind == "missing":
            message = _MESSAGES[kind].format(field=field_name)
            where = source.locate(loc[:-1])
        elif kind == "value_error":
            message = str(err.get("ctx", {}).get("error") or err["msg"])
            where = source.locate(loc)
        elif kind in _MESSAGES:
            message = _MESSAGES[kind].format(
                field=field_name,
                input=err.get("input"),
                found=_describe(err.get("input")),
                expected=err.get("ctx", {}).get("expected", ""),
            )
            where = source.locate(loc)
        else:
            message = f"{err['msg']} (found {_describe(err.get('input'))})"
            where = source.locate(loc)
        key = (loc, message)
        if key in seen:
            continue
        seen.add(key)
        errors.append(SpecError(where or Location(display), message, format_path(loc)))
    return _drop_union_noise(errors)


def _is_union_tag(part: str) -> bool:
    """pydantic inserts the union member's name into the loc ('str', 'list[str]', ...)."""
    return part in {"str", "int", "list[str]", "Waktu", "function-after[_positive(), int]"} or (
        "[" in part and "]" in part
    )


def _drop_union_noise(errors: list[SpecError]) -> list[SpecError]:
    """A value failing every member of a union yields one error per member; keep one per path."""
    out: list[SpecError] = []
    paths: set[tuple[str, Location]] = set()
    for e in errors:
        key = (e.path, e.location)
        if key in paths:
            continue
        paths.add(key)
        out.append(e)
    return out


def _validate(model: type[BaseModel], doc: Document) -> Any:
    if not isinstance(doc.data, dict):
        raise SpecLoadError(
            [
                SpecError(
                    doc.source.locate(()) or Location(doc.file),
                    "a spec must be a mapping of keys (nomor:, nama:, ...), "
                    f"found {_describe_kind(doc.data)}",
                )
            ]
        )
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise SpecLoadError(_translate(exc, model, doc.source, doc.file)) from None


def _describe_kind(value: Any) -> str:
    return "a list" if isinstance(value, list) else f"the text '{value}'"


# -- settings ---------------------------------------------------------------------


@dataclass
class _Settings:
    data: dict[str, Any]
    source: SourceMap
    base: Path  # folder the relative paths (logo) are resolved against


def _read_settings(path: Path, parent: _Settings | None) -> _Settings:
    doc = read_yaml(path, display_path(path))
    settings: PengaturanKatalog = _validate(PengaturanKatalog, doc)
    data = settings.model_dump(exclude_unset=True)
    if settings.logo:
        data["logo"] = str((path.parent / settings.logo).resolve())
    if parent is None:
        return _Settings(data, doc.source, path.parent)
    merged = {**parent.data, **data}
    source = SourceMap()
    source.update(parent.source)
    source.update(doc.source)
    return _Settings(merged, source, path.parent)


def _merge(
    doc: Document, settings: _Settings | None, spec_path: Path
) -> tuple[Document, str | None]:
    """Put inherited settings under the spec's own values; returns the doc and its logo."""
    if not isinstance(doc.data, dict):
        return doc, None
    data = dict(doc.data)
    source = SourceMap()
    logo: str | None = None
    if settings is not None:
        for key in INHERITED_KEYS:
            if key not in data and key in settings.data:
                data[key] = settings.data[key]
                for p, loc in settings.source.values.items():
                    if p[:1] == (key,):
                        source.values[p] = loc
                for p, loc in settings.source.keys.items():
                    if p[:1] == (key,):
                        source.keys[p] = loc
        if "logo" not in doc.data:
            logo = settings.data.get("logo")
    source.update(doc.source)
    if isinstance(doc.data.get("logo"), str):
        logo = str((spec_path.parent / doc.data["logo"]).resolve())
    if logo is not None:
        data["logo"] = logo
    return Document(data, source, doc.file), logo


def _finish(sop: Sop, doc: Document, path: Path) -> Sop:
    sop._source = doc.source
    sop._path = path
    return sop


# -- public loaders -----------------------------------------------------------------


def load(path: str | os.PathLike[str], *, settings: bool = True) -> Sop:
    """Load one spec file into an :class:`Sop`.

    With ``settings=True`` the catalog settings (``sopdoc.yaml`` in the spec's
    folder or any folder above it, up to the filesystem root or the first
    folder holding ``.git``) are merged under the spec. Raises
    :class:`SpecLoadError` listing every problem with its file:line:column.
    """
    p = Path(path)
    merged = _settings_for(p.parent) if settings else None
    return _load_one(p, merged)


def _load_one(path: Path, settings: _Settings | None) -> Sop:
    doc = read_yaml(path, display_path(path))
    doc, _logo = _merge(doc, settings, path)
    sop: Sop = _validate(Sop, doc)
    return _finish(sop, doc, path)


def _settings_for(folder: Path) -> _Settings | None:
    chain: list[Path] = []
    current = folder.resolve()
    while True:
        candidate = current / SETTINGS_FILE
        if candidate.is_file():
            chain.append(candidate)
        if (current / ".git").exists() or current.parent == current:
            break
        current = current.parent
    merged: _Settings | None = None
    for settings_path in reversed(chain):
        merged = _read_settings(settings_path, merged)
    return merged


def spec_files(folder: Path) -> list[Path]:
    """Every spec file under ``folder``, sorted, hidden folders and the settings file skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(SPEC_SUFFIXES) and name != SETTINGS_FILE and not name.startswith("."):
                found.append(Path(dirpath) / name)
    return found


def load_catalog(folder: str | os.PathLike[str]) -> Katalog:
    """Load every spec under ``folder`` with the catalog settings merged under each.

    Every file is read even when an earlier one fails; the problems of all
    files are raised together as one :class:`SpecLoadError`.
    """
    root = Path(folder)
    if not root.is_dir():
        raise SpecLoadError(
            [SpecError(Location(display_path(root)), "not a folder (expected a catalog of specs)")]
        )
    errors: list[SpecError] = []
    sops: list[Sop] = []
    settings_by_dir: dict[Path, _Settings | None] = {}
    root_settings: _Settings | None = None
    try:
        root_settings = _settings_for(root)
    except SpecLoadError as exc:
        errors.extend(exc.errors)
    settings_by_dir[root.resolve()] = root_settings
    for path in spec_files(root):
        try:
            settings = _settings_in(path.parent.resolve(), settings_by_dir)
            sops.append(_load_one(path, settings))
        except SpecLoadError as exc:
            errors.extend(exc.errors)
    if errors:
        raise SpecLoadError(errors)
    pengaturan = PengaturanKatalog.model_validate(
        {k: v for k, v in (root_settings.data if root_settings else {}).items()}
    )
    return Katalog(root, pengaturan, sops)


def _settings_in(folder: Path, cache: dict[Path, _Settings | None]) -> _Settings | None:
    """Settings for a folder below the root: the parent's, overlaid by its own file."""
    if folder in cache:
        return cache[folder]
    parent = _settings_in(folder.parent, cache)
    own = folder / SETTINGS_FILE
    result = _read_settings(own, parent) if own.is_file() else parent
    cache[folder] = result
    return result
