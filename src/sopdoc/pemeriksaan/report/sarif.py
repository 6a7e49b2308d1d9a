"""SARIF 2.1.0, as GitHub code scanning accepts it (upload with codeql-action/upload-sarif).

``tool.driver.rules`` describes every rule that ran (the docstring as
``fullDescription``/``help``, a ``helpUri`` into docs/rules.md); each result
points at the file, line and column, with the spec path as logical location
and a line-independent ``partialFingerprints`` entry.
"""

from __future__ import annotations

import json
from pathlib import PurePath

from ... import __version__
from ..baseline import fingerprint
from ..core import Severity
from ..docs import markdown_doc, rule_doc, rule_summary
from ..runner import LintResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/sopdoc/sopdoc"
RULES_URI = INFO_URI + "/blob/main/docs/rules.md"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def to_data(result: LintResult) -> dict[str, object]:
    rules = sorted(result.rules, key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    driver_rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": rule_summary(r)},
            "fullDescription": {"text": rule_doc(r)},
            "help": {
                "text": rule_doc(r),
                "markdown": f"**{rule_summary(r)}**\n\n{markdown_doc(r)}",
            },
            "helpUri": f"{RULES_URI}#{r.code.lower()}",
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
        }
        for r in rules
    ]
    results = []
    for f in result.findings:
        uri = PurePath(f.location.file).as_posix()
        res: dict[str, object] = {
            "ruleId": f.code,
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {
                            "startLine": f.location.line,
                            "startColumn": f.location.column,
                        },
                    },
                    **(
                        {"logicalLocations": [{"fullyQualifiedName": f.path, "kind": "member"}]}
                        if f.path
                        else {}
                    ),
                }
            ],
            "partialFingerprints": {
                "sopdocFinding/v1": fingerprint(
                    f"{uri}|{f.code}|{f.path}|{f.baseline_text or f.message}"
                )
            },
        }
        if f.code in index:
            res["ruleIndex"] = index[f.code]
        results.append(res)
    notifications = [
        {
            "level": "error",
            "message": {"text": e.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": PurePath(e.location.file).as_posix()},
                        "region": {"startLine": e.location.line, "startColumn": e.location.column},
                    }
                }
            ],
        }
        for e in result.load_errors
    ]
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "sopdoc",
                "informationUri": INFO_URI,
                "version": __version__,
                "rules": driver_rules,
            }
        },
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    if notifications:
        run["invocations"] = [
            {"executionSuccessful": False, "toolExecutionNotifications": notifications}
        ]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(result: LintResult) -> str:
    return json.dumps(to_data(result), indent=2, ensure_ascii=False) + "\n"
