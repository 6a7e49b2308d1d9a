"""Loading specs and catalogs: YAML -> typed model, every error with file:line:column."""

from __future__ import annotations

import difflib
import functools
import os
import tempfile
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Location, SpecError, SpecLoadError, display_path, format_path
from .i18n import N_, _
from .model import INHERITED_KEYS, PengaturanKatalog, Sop
from .siklus.rekaman import is_rekaman
from .source import Document, SourceMap, parse_yaml, read_yaml

M = TypeVar("M", bound=BaseModel)

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


_NOT_A_DATE = N_("'{input}' is not a date; write YYYY-MM-DD, e.g. 2024-01-09")
_A_MAPPING = N_("expected a mapping (key: value lines), found {found}")

_MESSAGES = {
    "string_type": N_("expected text, found {found}"),
    "list_type": N_("expected a list (lines starting with '- '), found {found}"),
    "dict_type": _A_MAPPING,
    "model_type": _A_MAPPING,
    "model_attributes_type": _A_MAPPING,
    "date_from_datetime_parsing": _NOT_A_DATE,
    "date_parsing": _NOT_A_DATE,
    "date_type": _NOT_A_DATE,
    "date_from_datetime_inexact": _NOT_A_DATE,
    "too_short": N_("'{field}' must not be empty; write at least one entry"),
    "string_too_short": N_("'{field}' must not be empty"),
    "enum": N_("'{input}' is not allowed here; expected {expected}"),
    "string_pattern_mismatch": N_(
        "'{input}' is not a valid {field}: letters, digits, '-', '_', '.'"
    ),
}
"""pydantic's error types said plainly (English msgids, translated when raised)."""


def _describe(value: Any) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    return f"'{value}'"


_MISSING = object()


def _strip_union_tags(loc: tuple[Any, ...], data: Any) -> tuple[tuple[Any, ...], bool]:
    """Drop the union member names pydantic puts into ``loc``; say if the member fits.

    A value failing every member of ``str | list[str]`` is reported once per member;
    only the member that matches what was written (a list, or a scalar) is relevant.
    """
    out: list[Any] = []
    current = data
    fits = True
    for part in loc:
        is_key = isinstance(current, dict) and part in current
        if isinstance(part, str) and not is_key and _is_union_tag(part):
            if part.startswith("list["):
                fits = fits and isinstance(current, list)
            elif part in _SCALAR_TAGS:
                fits = fits and not isinstance(current, (list, dict))
            continue
        out.append(part)
        in_list = isinstance(current, list) and isinstance(part, int) and part < len(current)
        current = current[part] if is_key or in_list else _MISSING
    return tuple(out), fits


_SCALAR_TAGS = {"str", "int", "float", "constrained-str"}


def _is_union_tag(part: str) -> bool:
    """pydantic names the union member in the loc ('str', 'list[str]', 'function-after[...]')."""
    return part in _SCALAR_TAGS or part == "Waktu" or ("[" in part and "]" in part)


def translate_errors(
    exc: ValidationError,
    model: type[BaseModel],
    source: SourceMap,
    display: str,
    data: Any = None,
) -> list[SpecError]:
    errors: list[SpecError] = []
    seen: set[tuple[tuple[Any, ...], str]] = set()
    suggested: set[tuple[tuple[Any, ...], str]] = set()  # (mapping, key) a 'did you mean' names
    for err in exc.errors(include_url=False):
        loc, fits = _strip_union_tags(tuple(err["loc"]), data)
        if not fits:
            continue
        kind = err["type"]
        field_name = next((p for p in reversed(loc) if isinstance(p, str)), "value")
        if kind == "extra_forbidden":
            parent = _model_at(model, loc[:-1])
            allowed = sorted(parent.model_fields) if parent else []
            message = _("unknown key '{key}'").format(key=loc[-1])
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
            if close:
                message += _("; did you mean '{key}'?").format(key=close[0])
                suggested.add((loc[:-1], close[0]))
            elif allowed:
                message += _("; allowed here: {keys}").format(keys=", ".join(allowed))
            where = source.locate_key(loc)
        elif kind == "missing":
            message = _("required field '{field}' is missing").format(field=field_name)
            if model is Sop and loc in _INHERITABLE:
                message += _("; write it here or once for the whole catalog in {file}").format(
                    file=SETTINGS_FILE
                )
            where = source.locate(loc[:-1])
        elif kind == "value_error":
            message = str(err.get("ctx", {}).get("error") or err["msg"])
            where = source.locate(loc)
        elif kind in ("string_type", "string_too_short") and isinstance(loc[-1], int):
            item = _("item {n} of '{field}'").format(n=loc[-1] + 1, field=field_name)
            if err.get("input") in (None, ""):
                message = _("{item} is empty").format(item=item)
            else:
                message = _("{item} must be text").format(item=item)
            if kind == "string_type" and err.get("input") is not None:
                message += _(", found {found}").format(found=_describe(err.get("input")))
            where = source.locate(loc)
        elif kind in ("list_type", "too_short") and err.get("input") is None:
            message = _(
                "'{field}' is empty; write its items under it, each on a line starting with '- '"
            ).format(field=field_name)
            if not _required(model, loc):
                message += _(", or remove the key")
            where = source.locate(loc)
        elif kind in _MAPPING_TYPES and err.get("input") is None:
            what = (
                _("item {n} of '{field}'").format(n=loc[-1] + 1, field=field_name)
                if isinstance(loc[-1], int)
                else f"'{field_name}'"
            )
            message = _("{what} is empty; write its keys under it, indented").format(what=what)
            if model is Sop and loc in _INHERITABLE:
                message += _(", or remove the key to use the catalog's (sopdoc.yaml)")
            elif not _required(model, loc):
                message += _(", or remove the key")
            where = source.locate(loc)
        elif kind in ("string_type", "string_too_short") and err.get("input") in (None, ""):
            message = _("'{field}' is empty; write a value").format(field=field_name)
            if model is Sop and loc in _INHERITABLE:
                message += _(" or remove the key to use the catalog's (sopdoc.yaml)")
            where = source.locate(loc)
        elif kind in _MESSAGES:
            message = _(_MESSAGES[kind]).format(
                field=field_name,
                input=err.get("input"),
                found=_describe(err.get("input")),
                expected=err.get("ctx", {}).get("expected", ""),
            )
            where = source.locate(loc)
        else:
            message = _("{problem} (found {found})").format(
                problem=err["msg"], found=_describe(err.get("input"))
            )
            where = source.locate(loc)
        key = (loc, message)
        if key in seen:
            continue
        seen.add(key)
        errors.append(
            SpecError(where or _nowhere(display), message, format_path(loc), kind=kind, parts=loc)
        )
    # a misspelt key ('nma') already says "did you mean 'nama'?": drop 'nama is missing'
    return [
        e for e in errors if not (e.kind == "missing" and (e.parts[:-1], e.parts[-1]) in suggested)
    ]


def _nowhere(display: str) -> Location:
    """The location of an error with no position: a file's top, or none for ``<Sop>``."""
    return Location(display, 0, 0) if display.startswith("<") else Location(display)


_INHERITABLE = {(k,) for k in INHERITED_KEYS}
_MAPPING_TYPES = ("dict_type", "model_type", "model_attributes_type")


def _required(model: type[BaseModel], loc: tuple[Any, ...]) -> bool:
    """Whether the key at ``loc`` must be written (a list item counts as required)."""
    if not loc or isinstance(loc[-1], int):
        return True
    parent = _model_at(model, loc[:-1])
    info = parent.model_fields.get(str(loc[-1])) if parent else None
    return info is None or info.is_required()


def _validate(model: type[BaseModel], doc: Document) -> Any:
    """Validate ``doc`` against ``model``; raise every problem of the file together."""
    errors = list(doc.problems)
    if not isinstance(doc.data, dict):
        what = _("a spec") if model is Sop else _("the settings file")
        keys = "nomor:, nama:, ..." if model is Sop else "instansi:, unit:, ..."
        errors.append(
            SpecError(
                doc.source.locate(()) or Location(doc.file),
                _("{what} must be a mapping of keys ({keys}), found {found}").format(
                    what=what, keys=keys, found=_describe_kind(doc.data)
                ),
            )
        )
        raise SpecLoadError(errors)
    try:
        result = model.model_validate(doc.data)
    except ValidationError as exc:
        errors.extend(translate_errors(exc, model, doc.source, doc.file, doc.data))
        raise SpecLoadError(errors) from None
    if errors:
        raise SpecLoadError(errors)
    return result


def validate_document(model: type[M], doc: Document) -> M:
    """Validate a parsed YAML document against any sopdoc model, errors at file:line:col."""
    result: M = _validate(model, doc)
    return result


def _describe_kind(value: Any) -> str:
    return _("a list") if isinstance(value, list) else _("the text '{text}'").format(text=value)


# -- settings ---------------------------------------------------------------------


@dataclass
class _Settings:
    """The settings in force in one folder: its own file merged over its parents'."""

    data: dict[str, Any]
    source: SourceMap
    complete: bool = True  # False when a settings file on the way failed to load
    # positions of each inherited key's values and keys, split once per settings
    by_key: dict[str, SourceMap] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in INHERITED_KEYS:
            self.by_key[key] = SourceMap()
        for p, loc in self.source.values.items():
            if p and p[0] in self.by_key:
                self.by_key[p[0]].values[p] = loc
        for p, loc in self.source.keys.items():
            if p and p[0] in self.by_key:
                self.by_key[p[0]].keys[p] = loc


def _read_settings(
    path: Path, parent: _Settings | None, errors: list[SpecError], doc: Document | None = None
) -> _Settings | None:
    """The settings of ``path`` (or its parsed ``doc``) over ``parent``; problems to ``errors``."""
    try:
        doc = doc or read_yaml(path, display_path(path))
        settings: PengaturanKatalog = _validate(PengaturanKatalog, doc)
    except SpecLoadError as exc:
        errors.extend(exc.errors)
        if parent is None:
            return _Settings({}, SourceMap(), complete=False)
        return _Settings(parent.data, parent.source, complete=False)
    data = settings.model_dump(exclude_unset=True)
    if settings.logo:
        data["logo"] = str((path.parent / settings.logo).resolve())
    if parent is None:
        return _Settings(data, doc.source)
    source = SourceMap()
    source.update(parent.source)
    source.update(doc.source)
    return _Settings({**parent.data, **data}, source, complete=parent.complete)


def _merge(doc: Document, settings: _Settings | None, spec_path: Path) -> Document:
    """Put inherited settings under the spec's own values (a spec's own key wins)."""
    if not isinstance(doc.data, dict):
        return doc
    data = dict(doc.data)
    source = doc.source  # the spec's own positions; inherited keys are not among them
    logo: str | None = None
    if settings is not None:
        for key in INHERITED_KEYS:
            if key not in data and key in settings.data:
                data[key] = settings.data[key]
                source.update(settings.by_key[key])
        if "logo" not in doc.data:
            logo = settings.data.get("logo")
    if isinstance(doc.data.get("logo"), str):
        logo = str((spec_path.parent / doc.data["logo"]).resolve())
    if logo is not None:
        data["logo"] = logo
    return Document(data, source, doc.file, doc.problems)


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
    :class:`SpecLoadError` listing every problem with its file:line:column,
    those of a broken settings file included.
    """
    p = Path(path)
    errors: list[SpecError] = []
    merged = _settings_for(p.parent, errors) if settings else None
    try:
        sop = _load_one(p, merged)
    except SpecLoadError as exc:
        errors.extend(exc.errors)
    if errors:
        raise SpecLoadError(errors)
    return sop


def _load_one(path: Path, settings: _Settings | None) -> Sop:
    doc = _merge(read_yaml(path, display_path(path)), settings, path)
    try:
        sop: Sop = _validate(Sop, doc)
    except SpecLoadError as exc:
        if settings is None or settings.complete:
            raise
        # a settings file failed: keys it would have given are not the spec's fault
        raise SpecLoadError(e for e in exc.errors if not _inherited_missing(e)) from None
    return _finish(sop, doc, path)


def _inherited_missing(error: SpecError) -> bool:
    return error.path in INHERITED_KEYS and error.kind == "missing"


def folders_up(folder: Path) -> Iterator[Path]:
    """``folder`` and the folders above it whose settings may apply to it, nearest first.

    The walk stops at the first folder holding ``.git`` (a repository root),
    at the filesystem root, and below the system's temporary folder: a
    settings file lying in the shared temp folder (or above it) belongs to no
    catalog and must not change an SOP loaded from a temp folder (an upload).
    A settings file with ``root: true`` also ends the walk (see
    :func:`settings_files`).
    """
    stop = _temp_root()
    current = folder.resolve()
    while current != stop:
        yield current
        if (current / ".git").exists() or current.parent == current:
            return
        current = current.parent


@functools.lru_cache(maxsize=1)
def _temp_root() -> Path:
    return Path(tempfile.gettempdir()).resolve()


def marks_root(data: Any) -> bool:
    """Whether parsed settings say ``root: true``: the catalog's top, nothing above applies."""
    return isinstance(data, dict) and str(data.get("root", "")).strip().lower() == "true"


def settings_files(folder: Path) -> list[Path]:
    """The settings files that apply to ``folder``, nearest first.

    The walk goes up from ``folder`` (see :func:`folders_up`) and ends at a
    settings file with ``root: true``, the catalog's root marker.
    """
    chain: list[Path] = []
    for current in folders_up(folder):
        candidate = current / SETTINGS_FILE
        if candidate.is_file():
            chain.append(candidate)
            if _file_marks_root(candidate):
                break
    return chain


def _file_marks_root(path: Path) -> bool:
    try:
        return marks_root(read_yaml(path, display_path(path)).data)
    except SpecLoadError:
        return False  # reported when the file is loaded


def _settings_for(folder: Path, errors: list[SpecError]) -> _Settings | None:
    merged: _Settings | None = None
    for settings_path in reversed(settings_files(folder)):
        merged = _read_settings(settings_path, merged, errors)
    return merged


def spec_files(folder: Path) -> list[Path]:
    """Every spec file under ``folder``, sorted; hidden folders, settings and records skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if (
                name.endswith(SPEC_SUFFIXES)
                and name != SETTINGS_FILE
                and not name.startswith(".")
                and not is_rekaman(name)
            ):
                found.append(Path(dirpath) / name)
    return found


@dataclass
class Dimuat:
    """What loading some paths gave: the SOPs that loaded and the errors of the rest.

    ``pengaturan`` holds each catalog settings file met (a catalog folder's
    own, once each), for the configuration they carry; ``katalog_lengkap`` is
    False when a spec file was named on its own rather than through its folder.
    """

    sops: list[Sop] = field(default_factory=list)
    errors: list[SpecError] = field(default_factory=list)
    pengaturan: list[PengaturanKatalog] = field(default_factory=list)
    katalog_lengkap: bool = True

    def raise_errors(self) -> None:
        """Raise every load error together as one :class:`SpecLoadError`, if any."""
        if self.errors:
            raise SpecLoadError(self.errors)


def load_paths(paths: Iterable[str | os.PathLike[str]]) -> Dimuat:
    """Load spec files and catalog folders, keeping the SOPs that load.

    Unlike :func:`load_catalog`, nothing is raised: every file is read, the
    problems of the files that do not load (settings files included) are
    collected in ``errors`` beside the SOPs that do. A file named twice, or
    both alone and through its folder, is loaded once.
    """
    out = Dimuat()
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _load_folder(path, out, seen)
        elif path.is_file() and is_rekaman(path):
            continue  # a monitoring or evaluation record: sopdoc.siklus reads it
        elif path.is_file():
            out.katalog_lengkap = False
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            settings = _settings_for(path.parent, out.errors)
            _keep_pengaturan(settings, out)
            _load_into(path, settings, out)
        else:
            out.errors.append(SpecError(Location(display_path(path)), _("no such file or folder")))
    return out


def _load_folder(root: Path, out: Dimuat, seen: set[Path]) -> None:
    root_settings = _settings_for(root, out.errors)
    _keep_pengaturan(root_settings, out)
    settings_by_dir: dict[Path, _Settings | None] = {root.resolve(): root_settings}
    for path in spec_files(root):
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        _load_into(path, _settings_in(path.parent.resolve(), settings_by_dir, out.errors), out)


def _load_into(path: Path, settings: _Settings | None, out: Dimuat) -> None:
    try:
        out.sops.append(_load_one(path, settings))
    except SpecLoadError as exc:
        out.errors.extend(exc.errors)


def _keep_pengaturan(settings: _Settings | None, out: Dimuat) -> None:
    if settings is None:
        return
    pengaturan = PengaturanKatalog.model_validate(settings.data)
    if pengaturan not in out.pengaturan:
        out.pengaturan.append(pengaturan)


def load_catalog(folder: str | os.PathLike[str]) -> Katalog:
    """Load every spec under ``folder`` with the catalog settings merged under each.

    Every file is read even when an earlier one fails; the problems of all
    files (settings files included) are raised together as one
    :class:`SpecLoadError`.
    """
    root = Path(folder)
    if not root.is_dir():
        message = (
            _("no such folder (expected a catalog of specs)")
            if not root.exists()
            else _("not a folder (expected a catalog of specs)")
        )
        raise SpecLoadError([SpecError(Location(display_path(root)), message)])
    out = Dimuat()
    _load_folder(root, out, set())
    out.raise_errors()
    pengaturan = out.pengaturan[0] if out.pengaturan else PengaturanKatalog.model_validate({})
    return Katalog(root, pengaturan, out.sops)


def _settings_in(
    folder: Path, cache: dict[Path, _Settings | None], errors: list[SpecError]
) -> _Settings | None:
    """Settings for a folder below the root: the parent's, overlaid by its own file."""
    if folder in cache:
        return cache[folder]
    parent = _settings_in(folder.parent, cache, errors)
    own = folder / SETTINGS_FILE
    result = _read_settings(own, parent, errors) if own.is_file() else parent
    cache[folder] = result
    return result


# -- specs from text (e.g. a file at a git revision) ---------------------------------

SettingsReader = Callable[[Path], "Document | None"]
"""Returns the parsed settings file that would stand at a path, or None where there is none."""


def load_text(
    text: str,
    display: str,
    path: str | os.PathLike[str],
    *,
    settings: bool = True,
    read_settings: SettingsReader | None = None,
) -> Sop:
    """Load a spec from its text as if it stood at ``path``; errors name ``display``.

    Used for a spec at a git revision (``display`` like ``HEAD~1:specs/x.yaml``).
    The catalog settings are looked up from ``path``'s folder upwards as by
    :func:`load`; ``read_settings`` reads each candidate settings file (by
    default from the working tree), so the settings can come from the same
    revision as the spec.
    """
    p = Path(path)
    errors: list[SpecError] = []
    merged: _Settings | None = None
    if settings:
        reader = read_settings or _settings_on_disk
        chain: list[tuple[Path, Document]] = []
        for current in folders_up(p.parent):
            try:
                doc = reader(current / SETTINGS_FILE)
            except SpecLoadError as exc:
                errors.extend(exc.errors)
                doc = None
            if doc is not None:
                chain.append((current / SETTINGS_FILE, doc))
                if marks_root(doc.data):
                    break
        for settings_path, doc in reversed(chain):
            merged = _read_settings(settings_path, merged, errors, doc)
    try:
        spec_doc = _merge(parse_yaml(text, display), merged, p)
        sop: Sop = _validate(Sop, spec_doc)
    except SpecLoadError as exc:
        errors.extend(exc.errors)
    if errors:
        raise SpecLoadError(errors)
    return _finish(sop, spec_doc, p)


def _settings_on_disk(path: Path) -> Document | None:
    return read_yaml(path, display_path(path)) if path.is_file() else None
