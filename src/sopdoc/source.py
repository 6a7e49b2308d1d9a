"""Read a YAML file into plain data plus the position of every value.

PyYAML (with libyaml when available) composes the node graph, which carries
line and column marks; we build the Python values ourselves so that we can
refuse duplicate keys, bound alias expansion and keep every scalar exactly as
written (as text: typing is the model's job, not YAML's).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Location, SpecError, SpecLoadError
from .i18n import _
from .yamlerrors import explain_syntax_error

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_NULLS = frozenset(["", "~", "null", "Null", "NULL"])


class _TextResolver:
    """Resolves an untagged plain scalar to null, a merge key or text, nothing else.

    Every scalar is kept as the text written (numbers, dates and booleans are the
    model's business), so YAML 1.1's regex-based resolution of ints, floats,
    timestamps and booleans is wasted work: skipping it roughly halves composing.
    """

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:  # plain (unquoted) scalar
                if value in _NULLS:
                    return _NULL
                if value == "<<":
                    return _MERGE
            return _STR
        if kind is yaml.SequenceNode:
            return "tag:yaml.org,2002:seq"
        return "tag:yaml.org,2002:map"


try:  # libyaml is several times faster; the pure-Python loader is the fallback
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Base = yaml.SafeLoader
_Loader: type = type("_Loader", (_TextResolver, _Base), {})

MAX_FILE_BYTES = 1_000_000
"""A spec is a few kilobytes; anything past this is not an SOP spec."""

MAX_NODES = 100_000
"""Bound on values built from one file, aliases expanded (defuses alias bombs)."""

MAX_DEPTH = 50
"""Bound on nesting (a spec nests four levels: kegiatan, a step, a list of lanes, a lane)."""

Path_ = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Where each value and each key of a spec was written."""

    values: dict[Path_, Location] = field(default_factory=dict)
    keys: dict[Path_, Location] = field(default_factory=dict)

    def locate(self, path: Path_) -> Location | None:
        """The value at ``path``, or failing that its closest written ancestor."""
        for n in range(len(path), -1, -1):
            loc = self.values.get(path[:n])
            if loc is not None:
                return loc
        return None

    def locate_key(self, path: Path_) -> Location | None:
        """The key that introduces ``path`` (falls back to the value's place)."""
        return self.keys.get(path) or self.locate(path)

    def update(self, other: SourceMap) -> None:
        self.values.update(other.values)
        self.keys.update(other.keys)


@dataclass
class Document:
    """A parsed YAML file: its data, the positions, and the file it came from."""

    data: Any
    source: SourceMap
    file: str
    problems: list[SpecError] = field(default_factory=list)
    """Problems that leave the data usable (a duplicate key, a merge key, a tag):
    the loader reports them together with the validation errors of the file."""


def read_text(path: Path, display: str) -> str:
    """The file's text, or a SpecLoadError for what makes it unreadable."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SpecLoadError(
            [
                SpecError(
                    Location(display), _("cannot read file: {reason}").format(reason=exc.strerror)
                )
            ]
        ) from None
    return decode_text(raw, display)


def decode_text(raw: bytes, display: str) -> str:
    """A spec's bytes as text (from a file or a git revision), or a SpecLoadError."""
    start = Location(display, 1, 1)
    if len(raw) > MAX_FILE_BYTES:
        raise SpecLoadError(
            [
                SpecError(
                    start,
                    _("file is {size:.1f} MB; an SOP spec is at most {limit:.0f} MB").format(
                        size=len(raw) / 1e6, limit=MAX_FILE_BYTES / 1e6
                    ),
                )
            ]
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SpecLoadError(
            [SpecError(start, _("file is UTF-16 encoded; save it as UTF-8 (without BOM)"))]
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise SpecLoadError(
            [
                SpecError(
                    start,
                    _("file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"),
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise SpecLoadError(
            [
                SpecError(
                    Location(display, line, col),
                    _("byte 0x{byte:02x} is not UTF-8; save the file as UTF-8").format(
                        byte=raw[exc.start]
                    ),
                )
            ]
        ) from None
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise SpecLoadError([SpecError(start, _("file is empty"))])
    return text


def _tab_errors(text: str, display: str) -> list[SpecError]:
    errors: list[SpecError] = []
    if "\t" not in text:
        return errors
    for n, line in enumerate(text.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            col = line.index("\t") + 1
            errors.append(
                SpecError(
                    Location(display, n, col),
                    _(
                        "tab character in indentation; YAML indents with spaces only: replace it "
                        "with spaces"
                    ),
                    source_line=line,
                )
            )
    return errors


class _Builder:
    """Turns a composed node graph into dicts, lists, strings and None."""

    def __init__(self, display: str, text: str = ""):
        self.display = display
        self.text = text
        self.source = SourceMap()
        self.errors: list[SpecError] = []
        self.count = 0
        self._active: set[int] = set()

    def line(self, number: int) -> str | None:
        """The text of line ``number`` (1-based) of the file, for an error to show."""
        lines = self.text.splitlines()
        return lines[number - 1] if 0 < number <= len(lines) else None

    def loc(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.display, mark.line + 1, mark.column + 1)

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(self.source.keys.get(path[:1]) or self.loc(node), path)
        loc = self.loc(node)
        values = self.source.values
        if path not in values:
            values[path] = loc
        tag = node.tag
        if tag not in _PLAIN_TAGS:
            self.errors.append(
                SpecError(
                    loc,
                    _(
                        "YAML tag '{tag}' is not allowed in a spec; write the value without it"
                    ).format(tag=_short_tag(tag)),
                )
            )  # then read on as if untagged, to report the rest of the file too
        if isinstance(node, yaml.ScalarNode):
            return None if tag == _NULL else node.value
        if id(node) in self._active:  # a recursive alias
            raise _Recursive(loc)
        if len(path) >= MAX_DEPTH:
            raise _TooDeep(loc)
        self._active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.child(item, (*path, i)) for i, item in enumerate(node.value)]
            assert isinstance(node, yaml.MappingNode)
            return self.mapping(node, path)
        finally:
            self._active.discard(id(node))

    def child(self, node: yaml.Node, path: Path_) -> Any:
        """``build`` with the common case (an untagged scalar) inline: most nodes are."""
        tag = node.tag
        if tag in (_STR, _NULL) and type(node) is yaml.ScalarNode:
            self.count += 1
            if self.count > MAX_NODES:
                raise _TooBig(self.source.keys.get(path[:1]) or self.loc(node), path)
            if path not in self.source.values:
                mark = node.start_mark
                self.source.values[path] = Location(self.display, mark.line + 1, mark.column + 1)
            return None if tag == _NULL else node.value
        return self.build(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        out: dict[str, Any] = {}
        keys = self.source.keys
        for key_node, value_node in node.value:
            key_loc = self.loc(key_node)
            if key_node.tag == _MERGE:
                self.errors.append(
                    SpecError(key_loc, _("merge keys ('<<') are not supported in a spec"))
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.errors.append(SpecError(key_loc, _("a key must be plain text")))
                continue
            key = key_node.value
            if key in out:
                first = keys[(*path, key)]
                self.errors.append(
                    SpecError(
                        key_loc,
                        _(
                            "duplicate key '{key}' (first written at line {line}); one of the two "
                            "values would be lost: remove one, or merge them"
                        ).format(key=key, line=first.line),
                        source_line=self.line(key_loc.line),
                    )
                )
                continue
            keys[(*path, key)] = key_loc
            out[key] = self.child(value_node, (*path, key))
        return out


_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
"""The tags YAML gives plain values by itself; an explicit other tag is refused."""


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml") else tag


class _TooBig(Exception):
    def __init__(self, loc: Location, path: Path_):
        self.loc = loc
        self.path = path


class _TooDeep(Exception):
    def __init__(self, loc: Location):
        self.loc = loc


class _Recursive(Exception):
    def __init__(self, loc: Location):
        self.loc = loc


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, display: str) -> SpecError:
    """PyYAML's parse error, said plainly, at the line of the mistake, with that line."""
    found = explain_syntax_error(text, exc)
    lines = text.splitlines()
    shown = lines[found.line - 1] if 0 < found.line <= len(lines) else None
    return SpecError(Location(display, found.line, found.column), found.message, source_line=shown)


def parse_yaml(text: str, display: str) -> Document:
    """Parse one YAML document; every problem is raised together as SpecLoadError."""
    tab_errors = _tab_errors(text, display)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        if tab_errors:  # the tab is almost always the real cause
            raise SpecLoadError(tab_errors) from None
        raise SpecLoadError([_syntax_error(exc, text, display)]) from None
    except yaml.YAMLError as exc:
        raise SpecLoadError(
            [SpecError(Location(display), _("not readable as YAML: {reason}").format(reason=exc))]
        ) from None
    except RecursionError:  # the pure-Python composer on absurd nesting
        raise SpecLoadError(
            [SpecError(Location(display), _("values nested too deep to read; is this a spec?"))]
        ) from None
    if node is None:
        raise SpecLoadError([SpecError(Location(display), _("file is empty"))])
    builder = _Builder(display, text)
    try:
        data = builder.build(node, ())
    except _TooBig as exc:
        what = _("the value of '{key}'").format(key=exc.path[0]) if exc.path else _("the file")
        raise SpecLoadError(
            [
                SpecError(
                    exc.loc,
                    _(
                        "{what} expands to more than {limit:,} values once aliases are "
                        "expanded (an alias bomb?); write the values out instead"
                    ).format(what=what, limit=MAX_NODES),
                )
            ]
        ) from None
    except _TooDeep as exc:
        raise SpecLoadError(
            [
                SpecError(
                    exc.loc,
                    _(
                        "values nested more than {limit} levels deep; a spec nests only a few "
                        "levels (kegiatan, a step, its keys)"
                    ).format(limit=MAX_DEPTH),
                )
            ]
        ) from None
    except _Recursive as exc:
        raise SpecLoadError(
            [SpecError(exc.loc, _("recursive alias: a value contains itself"))]
        ) from None
    return Document(data, builder.source, display, tab_errors + builder.errors)


def read_yaml(path: Path, display: str | None = None) -> Document:
    """Read and parse ``path``; errors name ``display`` (defaults to the path)."""
    display = display or str(path)
    return parse_yaml(read_text(path, display), display)
