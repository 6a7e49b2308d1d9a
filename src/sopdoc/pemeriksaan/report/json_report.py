"""JSON: every finding, load error and per-SOP total, for other tools."""

from __future__ import annotations

import json

from ..core import Severity
from ..runner import LintResult


def to_data(result: LintResult) -> dict[str, object]:
    return {
        "findings": [f.to_dict() for f in result.findings],
        "load_errors": [
            {
                "file": e.location.file,
                "line": e.location.line,
                "column": e.location.column,
                "message": e.message,
                "path": e.path,
            }
            for e in result.load_errors
        ],
        "sops": [
            {
                "file": r.file,
                "nomor": r.nomor,
                "nama": r.nama,
                "langkah": r.langkah,
                "total_waktu_menit": r.total_menit,
                "total_waktu": r.total_waktu,
            }
            for r in result.ringkasan
        ],
        "summary": {
            "findings": len(result.findings),
            **{s.value: result.count(s) for s in Severity},
            "suppressed": result.suppressed,
            "baselined": result.baselined,
            "fail_level": result.fail_level.value,
            "exit_code": result.exit_code(),
        },
    }


def render(result: LintResult) -> str:
    return json.dumps(to_data(result), indent=2, ensure_ascii=False) + "\n"
