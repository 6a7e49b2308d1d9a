"""Write the rules page from the rule docstrings.

``python -m sopdoc.pemeriksaan.docs > docs/rules.md``
"""

from __future__ import annotations

import re
import sys

from .core import FAMILIES, Rule, all_rules
from .examples import examples


def explain(r: Rule) -> str:
    """The plain-text explanation of one rule (``sopdoc lint --explain CODE``)."""
    head = f"{r.code} {r.name} ({r.severity.value}, scope {r.scope})"
    opts = ""
    if r.options:
        opts = "\n\nOptions (defaults): " + ", ".join(f"{k} = {v!r}" for k, v in r.options.items())
    return f"{head}\n\n{r.doc}{opts}\n"


def markdown_doc(r: Rule) -> str:
    """The docstring body as Markdown: each PASS/FAIL block becomes a YAML code fence."""
    out: list[str] = []
    code: list[str] | None = None

    def close() -> None:
        nonlocal code
        if code is not None:
            while code and not code[-1].strip():
                code.pop()
            out.extend(["```yaml", *code, "```", ""])
            code = None

    for line in r.doc.splitlines()[1:]:
        head = re.match(r"^(PASS|FAIL):\s*$", line.strip())
        if head:
            close()
            word = "passes" if head[1] == "PASS" else "fails"
            out += [f"This example **{word}**:", ""]
            code = []
        elif code is not None and (line.startswith("    ") or not line.strip()):
            if code or line.strip():
                code.append(line[4:])
        else:
            close()
            out.append(line)
    close()
    return "\n".join(out).strip()


def rules_markdown() -> str:
    """The whole rules page."""
    rules = all_rules()
    out = [
        "# Rules of `sopdoc lint`",
        "",
        "Generated from the rule docstrings by",
        "`python -m sopdoc.pemeriksaan.docs > docs/rules.md`; do not edit by hand.",
        "`sopdoc lint --explain CODE` prints one rule.",
        "",
        "Examples show only the keys that matter; the rest of the spec is a clean SOP",
        "(`sopdoc.pemeriksaan.examples.BASE`). Several SOPs of one catalog are separated by `---`.",
        "",
        "| code | name | severity | scope | what |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rules.values():
        out.append(
            f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity.value} | {r.scope} "
            f"| {r.summary} |"
        )
    family = ""
    for r in rules.values():
        if r.family != family:
            family = r.family
            out += ["", f"## {family}: {FAMILIES.get(family, family)}"]
        out += ["", f"### {r.code}", "", f"**{r.name}** — {r.summary}", ""]
        out.append(
            f"Severity: `{r.severity.value}`; scope: `{r.scope}`; "
            f"examples tested: {len(examples(r))}."
        )
        if r.options:
            out.append(
                "Options (defaults): "
                + ", ".join(f"`{k}` = `{v!r}`" for k, v in r.options.items())
                + "."
            )
        out += ["", markdown_doc(r)]
    return "\n".join(out) + "\n"


def main() -> int:
    sys.stdout.write(rules_markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
