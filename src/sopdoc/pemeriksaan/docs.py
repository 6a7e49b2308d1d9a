"""Write the rules page from the rule docstrings.

``python -m sopdoc.pemeriksaan.docs > docs/rules.md``
"""

from __future__ import annotations

import re
import sys

from ..i18n import N_, translate
from .core import FAMILIES, Rule, all_rules
from .examples import examples

_EXAMPLE_HEAD = re.compile(r"^(PASS|FAIL):\s*$")
_HEADS = {"PASS:": N_("PASS:"), "FAIL:": N_("FAIL:")}


def doc_parts(doc: str) -> tuple[str, str, str]:
    """A rule docstring split into its summary line, its prose and its PASS/FAIL examples.

    The summary and the prose are English msgids of the message catalog (the
    rule's documentation in other languages); the examples are YAML, the same
    in every language.
    """
    lines = doc.splitlines()
    rest = lines[1:]
    cut = next((i for i, line in enumerate(rest) if _EXAMPLE_HEAD.match(line.strip())), len(rest))
    return lines[0].strip(), "\n".join(rest[:cut]).strip(), "\n".join(rest[cut:]).strip("\n")


def rule_summary(r: Rule, lang: str | None = None) -> str:
    """The rule's one-line summary in ``lang`` (default: the current language)."""
    return translate(r.summary, lang)


def rule_doc(r: Rule, lang: str | None = None) -> str:
    """The rule's docstring in ``lang``: summary and prose translated, examples as written."""
    summary, prose, examples = doc_parts(r.doc)
    shown = "\n".join(
        translate(_HEADS[line.strip()], lang) if line.strip() in _HEADS else line
        for line in examples.splitlines()
    )
    return "\n\n".join(
        p for p in (translate(summary, lang), translate(prose, lang) if prose else "", shown) if p
    )


def explain(r: Rule, lang: str | None = None) -> str:
    """The plain-text explanation of one rule (``sopdoc lint --explain CODE``)."""
    head = translate("{code} {name} ({severity}, scope {scope})", lang).format(
        code=r.code, name=r.name, severity=r.severity.value, scope=r.scope
    )
    opts = ""
    if r.options:
        opts = "\n\n" + translate("Options (defaults): {options}", lang).format(
            options=", ".join(f"{k} = {v!r}" for k, v in r.options.items())
        )
    return f"{head}\n\n{rule_doc(r, lang)}{opts}\n"


def markdown_doc(r: Rule, lang: str | None = None) -> str:
    """The rule's doc (in ``lang``) as Markdown: each PASS/FAIL block becomes a YAML fence."""
    out: list[str] = []
    code: list[str] | None = None
    passes, fails = translate(_PASSES, lang), translate(_FAILS, lang)

    def close() -> None:
        nonlocal code
        if code is not None:
            while code and not code[-1].strip():
                code.pop()
            out.extend(["```yaml", *code, "```", ""])
            code = None

    _summary, prose, examples = doc_parts(r.doc)
    text = translate(prose, lang) if prose else ""
    for line in [*text.splitlines(), "", *examples.splitlines()]:
        head = _EXAMPLE_HEAD.match(line.strip())
        if head:
            close()
            out += [passes if head[1] == "PASS" else fails, ""]
            code = []
        elif code is not None and (line.startswith("    ") or not line.strip()):
            if code or line.strip():
                code.append(line[4:])
        else:
            close()
            out.append(line)
    close()
    return "\n".join(out).strip()


_PASSES = N_("This example **passes**:")
_FAILS = N_("This example **fails**:")

_PAGE_HEAD = N_(
    """# Rules of `sopdoc lint`

Generated from the rule docstrings (and their translations in the message
catalog) by `python -m sopdoc.pemeriksaan.docs > docs/rules.md`; do not edit
by hand. `sopdoc lint --explain CODE` prints one rule.

Examples show only the keys that matter; the rest of the spec is a clean SOP
(`sopdoc.pemeriksaan.examples.BASE`). Several SOPs of one catalog are separated by `---`."""
)


def rules_markdown(lang: str = "id") -> str:
    """The whole rules page, in ``lang`` (Indonesian: the page users read)."""
    t = lambda text: translate(text, lang)  # noqa: E731
    rules = all_rules()
    out = [
        t(_PAGE_HEAD),
        "",
        translate("| code | name | severity | scope | what |", lang),
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rules.values():
        out.append(
            f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity.value} | {r.scope} "
            f"| {rule_summary(r, lang)} |"
        )
    family = ""
    for r in rules.values():
        if r.family != family:
            family = r.family
            out += ["", f"## {family}: {t(FAMILIES.get(family, family))}"]
        out += ["", f"### {r.code}", "", f"**{r.name}** — {rule_summary(r, lang)}", ""]
        out.append(
            translate(
                "Severity: `{severity}`; scope: `{scope}`; examples tested: {n}.", lang
            ).format(severity=r.severity.value, scope=r.scope, n=len(examples(r)))
        )
        if r.options:
            out.append(
                translate("Options (defaults): {options}.", lang).format(
                    options=", ".join(f"`{k}` = `{v!r}`" for k, v in r.options.items())
                )
            )
        out += ["", markdown_doc(r, lang)]
    return "\n".join(out) + "\n"


def main() -> int:
    sys.stdout.write(rules_markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
