"""Keep the gettext catalogs of sopdoc in step with the code (Babel does the work).

    python scripts/messages.py add AREA     add every msgid of the code that no catalog has
                                            to locale/id/LC_MESSAGES/AREA.po (msgstr empty)
    python scripts/messages.py compile      compile every .po to its .mo
    python scripts/messages.py check        fail when a msgid is untranslated, a translation
                                            is unused or drops a {placeholder}, or a .mo is stale
    python scripts/messages.py prune        drop the entries no code uses any more

The rule docstrings of the checker are messages too (:func:`rule_docs`).
Messages are found by Babel's extractor in ``src/sopdoc`` under the keywords
``_``, ``N_``, ``L_``, ``translate``, ``ngettext`` and ``pgettext`` (see ``sopdoc.i18n``).
"""

from __future__ import annotations

import gettext
import inspect
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "sopdoc"
LOCALE = SRC / "locale"
KEYWORDS = {
    "_": None,
    "N_": None,
    "L_": (1,),
    "translate": (1,),
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")

Key = tuple[str, str | None]  # (msgid, msgctxt)


def rule_docs() -> Iterator[tuple[str, str, int]]:
    """The summary and the prose of every lint rule's docstring: (msgid, file, line).

    A rule's docstring is its documentation; ``sopdoc lint --explain`` and
    docs/rules.md show its summary line and prose translated (the PASS/FAIL
    examples are YAML, the same in every language).
    """
    sys.path.insert(0, str(SRC.parent))
    from sopdoc.pemeriksaan.core import all_rules
    from sopdoc.pemeriksaan.docs import doc_parts

    for r in all_rules().values():
        file = Path(inspect.getsourcefile(r.check) or "").resolve()
        line = inspect.getsourcelines(r.check)[1]
        summary, prose, _examples = doc_parts(r.doc)
        for text in (summary, prose):
            if text:
                yield text, f"src/sopdoc/{file.relative_to(SRC).as_posix()}", line


def code_messages() -> dict[Key, tuple[str | tuple[str, str], list[tuple[str, int]]]]:
    """Every message the code marks: (msgid, context) -> (id or (singular, plural), places)."""
    found: dict[Key, tuple[str | tuple[str, str], list[tuple[str, int]]]] = {}
    for text, file, line in rule_docs():
        found.setdefault((text, None), (text, []))[1].append((file, line))
    method_map = [("**.py", "python")]
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(SRC), method_map, keywords=KEYWORDS
    ):
        first = message if isinstance(message, str) else message[0]
        if not first:
            continue
        entry = found.setdefault((first, context), (message, []))
        entry[1].append((f"src/sopdoc/{filename}", lineno))
    return found


def catalogs(lang: str = "id") -> Iterator[tuple[Path, Catalog]]:
    for po in sorted((LOCALE / lang / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as fp:
            yield po, read_po(fp, locale=lang)


def _keys(cat: Catalog) -> set[Key]:
    return {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in cat if m.id}


def _write_po(path: Path, cat: Catalog) -> None:
    buf = io.BytesIO()
    write_po(buf, cat, width=100, omit_header=False, sort_output=False)
    path.write_bytes(buf.getvalue())


def add(area: str, lang: str = "id") -> int:
    path = LOCALE / lang / "LC_MESSAGES" / f"{area}.po"
    known: set[Key] = set()
    for po, cat in catalogs(lang):
        if po != path:
            known |= _keys(cat)
    if path.exists():
        with path.open("rb") as fp:
            target = read_po(fp, locale=lang)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        target = Catalog(
            locale=lang,
            domain=area,
            project="sopdoc",
            copyright_holder="the sopdoc authors",
            header_comment=f"# sopdoc messages, area {area}, in {lang}.",
            fuzzy=False,
        )
    added = 0
    for (msgid, ctx), (message, places) in code_messages().items():
        if (msgid, ctx) in known or target.get(msgid, ctx) is not None:
            continue
        target.add(message, "" if isinstance(message, str) else ("", ""), places, context=ctx)
        added += 1
    _write_po(path, target)
    print(f"{path.relative_to(ROOT)}: {added} new message(s) to translate")
    return 0


def compile_all(lang: str = "id") -> int:
    for po, cat in catalogs(lang):
        buf = io.BytesIO()
        write_mo(buf, cat, use_fuzzy=False)
        po.with_suffix(".mo").write_bytes(buf.getvalue())
    return 0


def _translations(cat: Catalog) -> dict[Key, list[str]]:
    out: dict[Key, list[str]] = {}
    for m in cat:
        if not m.id:
            continue
        key = (m.id if isinstance(m.id, str) else m.id[0], m.context)
        out[key] = [m.string] if isinstance(m.string, str) else list(m.string)
    return out


def problems(lang: str = "id") -> list[str]:
    """Everything ``check`` reports, one line each."""
    out: list[str] = []
    code = code_messages()
    translated: dict[Key, Path] = {}
    for po, cat in catalogs(lang):
        rel = po.relative_to(ROOT)
        for key, strings in _translations(cat).items():
            msg = cat.get(*key)
            if not all(strings) or (msg is not None and msg.fuzzy):
                out.append(f"{rel}: untranslated or fuzzy: {key[0]!r}")
                continue
            if key not in code:
                out.append(f"{rel}: unused (python scripts/messages.py prune): {key[0]!r}")
            wanted = set(PLACEHOLDER.findall(key[0]))
            for s in strings:
                if set(PLACEHOLDER.findall(s)) != wanted:
                    out.append(f"{rel}: placeholders differ from the msgid: {key[0]!r} -> {s!r}")
            translated[key] = po
        mo = po.with_suffix(".mo")
        if not mo.exists():
            out.append(f"{rel}: not compiled (python scripts/messages.py compile)")
            continue
        with mo.open("rb") as fp:
            compiled = gettext.GNUTranslations(fp)
        for key, strings in _translations(cat).items():
            if not all(strings):
                continue
            got = compiled.pgettext(key[1], key[0]) if key[1] else compiled.gettext(key[0])
            if got != strings[0]:
                out.append(f"{mo.relative_to(ROOT)}: stale (python scripts/messages.py compile)")
                break
    for key, (_message, places) in sorted(code.items(), key=lambda kv: kv[1][1][0]):
        if key not in translated:
            file, line = places[0]
            out.append(f"{file}:{line}: no {lang} translation: {key[0]!r}")
    return out


def prune(lang: str = "id") -> int:
    code = code_messages()
    for po, cat in catalogs(lang):
        for m in list(cat):
            if m.id and (m.id if isinstance(m.id, str) else m.id[0], m.context) not in code:
                cat.delete(m.id, m.context)
        _write_po(po, cat)
    return compile_all(lang)


def main(argv: list[str]) -> int:
    if argv[:1] == ["add"] and len(argv) == 2:
        return add(argv[1])
    if argv == ["compile"]:
        return compile_all()
    if argv == ["prune"]:
        return prune()
    if argv == ["check"]:
        found = problems()
        print("\n".join(found) or "message catalogs: complete")
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
