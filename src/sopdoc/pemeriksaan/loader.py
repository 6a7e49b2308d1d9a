"""Loading for the checker: every file that loads is linted, the others reported.

Unlike :func:`sopdoc.load_catalog`, which is all-or-nothing, the checker keeps
the SOPs that load and returns the load errors of the rest beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location, SpecError, SpecLoadError, display_path
from ..model import PengaturanKatalog, Sop
from ..spec import _load_one, _Settings, _settings_for, _settings_in, spec_files


@dataclass
class Dimuat:
    """What loading the PATH arguments gave: SOPs, load errors, catalog settings."""

    sops: list[Sop] = field(default_factory=list)
    errors: list[SpecError] = field(default_factory=list)
    pengaturan: list[PengaturanKatalog] = field(default_factory=list)
    katalog_lengkap: bool = True  # False when a spec file was named on its own


def load_for_lint(paths: Sequence[str | Path]) -> Dimuat:
    """Load spec files and catalog folders, keeping the SOPs that load."""
    out = Dimuat()
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _load_folder(path, out, seen)
        elif path.is_file():
            out.katalog_lengkap = False
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            settings = _settings_for(path.parent, out.errors)
            _add_pengaturan(settings, out)
            try:
                out.sops.append(_load_one(path, settings))
            except SpecLoadError as exc:
                out.errors.extend(exc.errors)
        else:
            out.errors.append(SpecError(Location(display_path(path)), "no such file or folder"))
    return out


def _load_folder(root: Path, out: Dimuat, seen: set[Path]) -> None:
    cache: dict[Path, _Settings | None] = {}
    root_settings = _settings_for(root, out.errors)
    cache[root.resolve()] = root_settings
    _add_pengaturan(root_settings, out)
    for path in spec_files(root):
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        settings = _settings_in(path.parent.resolve(), cache, out.errors)
        try:
            out.sops.append(_load_one(path, settings))
        except SpecLoadError as exc:
            out.errors.extend(exc.errors)


def _add_pengaturan(settings: _Settings | None, out: Dimuat) -> None:
    """Keep the catalog settings (once each) for the lint configuration they hold."""
    if settings is None:
        return
    pengaturan = PengaturanKatalog.model_validate(settings.data)
    if pengaturan not in out.pengaturan:
        out.pengaturan.append(pengaturan)
