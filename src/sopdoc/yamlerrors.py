"""The mistakes people make typing YAML, said in plain words at the line of the mistake.

PyYAML reports where it gave up, in parser terms ("mapping values are not
allowed here", "did not find expected key"), often a line after the real
mistake. :func:`explain_syntax_error` looks at the lines around that place
and names the usual causes instead, with what to do:

- a key indented more or less than the keys above it (a key under a list item);
- a missing space after the colon (``nama:Contoh``);
- a value holding ``': '`` or starting with a quote and going on after it;
- a quote opened and never closed;
- a ``[`` or ``{`` never closed; a value starting with ``@``, `````, ``%`` or ``*``;
- list items (``-``) not one under the other.

A tab in the indentation and a key typed twice are found before and after
parsing (:mod:`sopdoc.source`). The parser's own words are kept only in
parentheses after the advice, for the case nobody foresaw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .i18n import _

_KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[^\s:#'\"\[{][^:#]*?):(?=\s|$)")
_NO_SPACE = re.compile(r"^\s*(?:-\s+)?(?P<key>[A-Za-z_][\w.-]*):(?P<rest>[^\s/:].*)$")
_DASH = re.compile(r"^(?P<indent>\s*)-(\s|$)")
_QUOTED_THEN_MORE = re.compile(
    r"""^\s*(?:-\s+)?[^\s:#]+:\s+(?P<q>["'])(?:(?!(?P=q)).)*(?P=q)\s*[^\s#]"""
)


@dataclass(frozen=True)
class Diagnosis:
    """What went wrong, where: 1-based line and column, and the message with the advice."""

    line: int
    column: int
    message: str


def _content_lines(lines: list[str], before: int) -> list[int]:
    """0-based indexes of the non-blank, non-comment lines before line ``before`` (0-based),
    nearest first."""
    return [
        i
        for i in range(min(before, len(lines)) - 1, -1, -1)
        if lines[i].strip() and not lines[i].lstrip().startswith("#")
    ]


def _key_column(line: str) -> tuple[int, str] | None:
    """The 1-based column where the key of ``line`` starts (after ``- ``), and the key."""
    m = _KEY.match(line)
    if not m:
        return None
    return m.start("key") + 1, m["key"].strip()


def explain_syntax_error(text: str, exc: yaml.MarkedYAMLError) -> Diagnosis:
    """The plain-words diagnosis of a YAML syntax error in ``text``."""
    lines = text.splitlines()
    mark = exc.problem_mark or exc.context_mark
    line0 = mark.line if mark is not None else 0
    col0 = mark.column if mark is not None else 0
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    start = exc.context_mark

    found = (
        _unclosed_quote(context, start, lines)
        or _missing_space(lines, line0)
        or _value_with_colon(problem, lines, line0, col0)
        or _quoted_then_more(lines, line0)
        or _indentation(lines, line0)
        or _unclosed_flow(context, start, lines, line0, col0)
        or _bad_first_character(problem, lines, line0, col0)
    )
    if found is not None:
        return found
    if "another document" in problem:
        return Diagnosis(
            line0 + 1,
            col0 + 1,
            _(
                "a spec holds one document, but '---' starts another here; remove it, or put "
                "the second SOP in a file of its own"
            ),
        )
    return Diagnosis(
        line0 + 1,
        col0 + 1,
        _(
            "this line cannot be read as YAML ({problem}); check its indentation and the "
            "line above it, and put a value with special characters in quotes"
        ).format(problem=" ".join(p for p in (problem, context) if p) or "?"),
    )


def _unclosed_quote(context: str, start: yaml.Mark | None, lines: list[str]) -> Diagnosis | None:
    if "quoted scalar" not in context or start is None:
        return None
    quote = lines[start.line][start.column] if start.line < len(lines) else '"'
    return Diagnosis(
        start.line + 1,
        start.column + 1,
        _(
            "the quote {quote} opened here is never closed; end the text with {quote} on "
            "this line (a text that contains {quote} goes between the other quotes)"
        ).format(quote=quote),
    )


def _missing_space(lines: list[str], line0: int) -> Diagnosis | None:
    """``nama:Contoh``: the parser stumbles on the line or the one after it."""
    for i in [line0, *_content_lines(lines, line0)[:2]]:
        if i >= len(lines):
            continue
        m = _NO_SPACE.match(lines[i])
        if m and not re.fullmatch(r"\d+", m["key"]):
            return Diagnosis(
                i + 1,
                m.end("key") + 2,
                _(
                    "no space after the colon of '{key}:'; write a space between the key and "
                    "its value: '{key}: {value}'"
                ).format(key=m["key"], value=m["rest"].strip()),
            )
    return None


def _value_with_colon(problem: str, lines: list[str], line0: int, col0: int) -> Diagnosis | None:
    """``aktivitas: Catatan: lihat lampiran``: a second ': ' on the line of a key."""
    if "mapping values" not in problem or line0 >= len(lines):
        return None
    line = lines[line0]
    m = _KEY.match(line)
    if m is None or col0 <= m.end("key"):
        return None
    value = line[m.end() :].strip()
    return Diagnosis(
        line0 + 1,
        col0 + 1,
        _(
            "the value of '{key}' contains ': ', which YAML reads as a new key; put the whole "
            'value in quotes: {key}: "{value}"'
        ).format(key=m["key"].strip(), value=value.replace('"', "'")),
    )


def _quoted_then_more(lines: list[str], line0: int) -> Diagnosis | None:
    """``nama: "Surat" Keterangan``: a value that starts with a quote ends at that quote."""
    for i in [line0, *_content_lines(lines, line0)[:1]]:
        if i < len(lines) and _QUOTED_THEN_MORE.match(lines[i]):
            m = _KEY.match(lines[i])
            if m is None:
                continue
            value = lines[i][m.end() :].strip()
            return Diagnosis(
                i + 1,
                m.end() + len(lines[i][m.end() :]) - len(lines[i][m.end() :].lstrip()) + 1,
                _(
                    "the value of '{key}' starts with a quote but goes on after the closing "
                    "quote; put the whole value in the other quotes: {key}: {fixed}"
                ).format(
                    key=m["key"].strip(),
                    fixed=("'" + value + "'") if value[0] == '"' else ('"' + value + '"'),
                ),
            )
    return None


def _indentation(lines: list[str], line0: int) -> Diagnosis | None:
    """A key or a list item not in the column of the ones above it."""
    if line0 >= len(lines) or not lines[line0].strip():
        return None
    line = lines[line0]
    above = _content_lines(lines, line0)
    if not above:
        return None
    prev = lines[above[0]]
    here_dash, prev_dash = _DASH.match(line), _DASH.match(prev)
    if here_dash and line.strip() != "-":
        # an item whose '-' is not under the '-' of the items above it
        for i in above:
            other = _DASH.match(lines[i])
            if other and len(other["indent"]) != len(here_dash["indent"]):
                if len(lines[i]) - len(lines[i].lstrip()) < len(here_dash["indent"]):
                    break
                return Diagnosis(
                    line0 + 1,
                    len(here_dash["indent"]) + 1,
                    _(
                        "this list item's '-' is in column {col}, the one on line {other} in "
                        "column {other_col}; write the items of one list one under the other"
                    ).format(
                        col=len(here_dash["indent"]) + 1,
                        other=i + 1,
                        other_col=len(other["indent"]) + 1,
                    ),
                )
        return None
    here = _key_column(line)
    there = _key_column(prev)
    if here is None or there is None:
        return None
    col, key = here
    prev_col, prev_key = there
    if col > prev_col:
        if not prev.rstrip().endswith(":"):
            return Diagnosis(
                line0 + 1,
                col,
                _(
                    "'{key}:' is indented more than '{prev}:' on line {line}; write the keys "
                    "of one item in the same column ({col})"
                ).format(key=key, prev=prev_key, line=above[0] + 1, col=prev_col),
            )
        return None
    if col < prev_col:
        # less indented: fine when it lines up with a key further up (the item ended)
        columns = {c for i in above if (k := _key_column(lines[i])) for c in (k[0],)}
        dashes = {len(d["indent"]) + 1 for i in above if (d := _DASH.match(lines[i]))}
        if col in columns - {prev_col} and col not in dashes:
            return None
        item = (
            " " + _("(under '- ')")
            if prev_dash or any(_DASH.match(lines[i]) for i in above[:3])
            else ""
        )
        return Diagnosis(
            line0 + 1,
            col,
            _(
                "'{key}:' is indented less than '{prev}:' on line {line}{item}; write the keys "
                "of one item in the same column ({col})"
            ).format(key=key, prev=prev_key, line=above[0] + 1, item=item, col=prev_col),
        )
    return None


def _unclosed_flow(
    context: str, start: yaml.Mark | None, lines: list[str], line0: int, col0: int
) -> Diagnosis | None:
    if "flow" not in context:
        return None
    if start is None or _char(lines, start.line, start.column) not in ("[", "{"):
        start = _last_opening(lines, line0, col0)  # libyaml marks the node, not the bracket
        if start is None:
            return None
    if _char(lines, start.line, start.column) == "[":
        message = _(
            "the [ here opens a list that is never closed with ]; close it, or put the value "
            "in quotes if [ is part of the text"
        )
    else:
        message = _(
            "the {{ here opens a mapping that is never closed with }}; close it, or put the "
            "value in quotes if {{ is part of the text"
        ).format()
    return Diagnosis(start.line + 1, start.column + 1, message)


def _char(lines: list[str], line: int, column: int) -> str:
    """The character at 0-based ``line``, ``column``, or "" past the end of the text."""
    return lines[line][column : column + 1] if 0 <= line < len(lines) else ""


def _last_opening(lines: list[str], line0: int, col0: int) -> yaml.Mark | None:
    """The last '[' or '{' before line ``line0``, column ``col0``."""
    for i in range(min(line0, len(lines) - 1), -1, -1):
        text = lines[i][:col0] if i == line0 else lines[i]
        at = max(text.rfind("["), text.rfind("{"))
        if at >= 0:
            return yaml.Mark("", 0, i, at, "", 0)
    return None


def _bad_first_character(problem: str, lines: list[str], line0: int, col0: int) -> Diagnosis | None:
    if line0 >= len(lines) or col0 >= len(lines[line0]):
        return None
    char = lines[line0][col0]
    if char not in "@`%*&!|>" or not ("cannot start any token" in problem or "alias" in problem):
        return None
    return Diagnosis(
        line0 + 1,
        col0 + 1,
        _(
            "a value cannot start with {char} in YAML; put the whole value in quotes, e.g. "
            "'{char}...'"
        ).format(char=char),
    )
