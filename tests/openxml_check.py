"""Validate DOCX files with Microsoft's Open XML SDK (``OpenXmlValidator``), in one process.

Run: ``python tests/openxml_check.py RUNTIME_DIR FILE...``; prints one JSON object
mapping each file to its errors (description, XPath, part) and exits 0.

No .NET is packaged for Debian, but the PyPI wheel ``python-redlines-docxodus``
ships a self-contained .NET runtime (``linux-x64.tar.gz``: CoreCLR, the base
library, ``DocumentFormat.OpenXml.dll``). :func:`unpack` extracts it once into
RUNTIME_DIR; pythonnet hosts it through clr_loader's command-line hosting API
(``entry_dll``): a self-contained app's ``runtimeconfig.json`` lists
``includedFrameworks``, which ``hostfxr_initialize_for_runtime_config`` refuses
(``InvalidConfigFile``), while the command-line initialisation of its entry
assembly accepts it. The runtime cannot be unloaded, hence a process of its own,
started once for every document of a test run.
"""

from __future__ import annotations

import json
import sys
import tarfile
from importlib import resources
from pathlib import Path

FILE_FORMAT = "Microsoft365"
"""The rules validated against: Office 2019 and later, Microsoft 365 (the SDK's newest)."""


def unpack(target: Path) -> Path:
    """Extract the wheel's .NET runtime into ``target`` (once); returns the folder."""
    marker = target / "DocumentFormat.OpenXml.dll"
    if marker.is_file():
        return target
    archive = resources.files("python_redlines_docxodus") / "_binaries" / "linux-x64.tar.gz"
    target.mkdir(parents=True, exist_ok=True)
    with resources.as_file(archive) as path, tarfile.open(path) as tar:
        tar.extractall(target, filter="data")
    return target


def validate(runtime: Path, files: list[str]) -> dict[str, list[dict[str, str]]]:
    import pythonnet

    pythonnet.load("coreclr", entry_dll=str(runtime / "redline.dll"), dotnet_root=str(runtime))
    import clr

    clr.AddReference(str(runtime / "DocumentFormat.OpenXml.Framework.dll"))
    clr.AddReference(str(runtime / "DocumentFormat.OpenXml.dll"))
    from DocumentFormat.OpenXml import FileFormatVersions
    from DocumentFormat.OpenXml.Packaging import WordprocessingDocument
    from DocumentFormat.OpenXml.Validation import OpenXmlValidator

    validator = OpenXmlValidator(getattr(FileFormatVersions, FILE_FORMAT))
    out: dict[str, list[dict[str, str]]] = {}
    for name in files:
        document = WordprocessingDocument.Open(name, False)
        try:
            out[name] = [
                {
                    "description": str(e.Description),
                    "path": str(e.Path.XPath) if e.Path is not None else "",
                    "part": str(e.Part.Uri) if e.Part is not None else "",
                }
                for e in validator.Validate(document)
            ]
        finally:
            document.Dispose()
    return out


def main(argv: list[str]) -> int:
    runtime = unpack(Path(argv[0]))
    json.dump(validate(runtime, argv[1:]), sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
