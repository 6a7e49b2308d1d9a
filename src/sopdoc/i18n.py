"""The message catalog: every text a user of the CLI reads passes through :func:`_`.

Messages are written in English in the code (the gettext *msgid*) and
translated in standard gettext catalogs under ``sopdoc/locale``::

    locale/id/LC_MESSAGES/<area>.po   the translation, edited by people (Poedit, any editor)
    locale/id/LC_MESSAGES/<area>.mo   compiled by ``make messages`` (Babel), read at run time

One catalog per area of the code (``core``, ``lint``, ``impor``, ...) so that
areas are translated independently; at run time all catalogs of a language
are chained into one. Indonesian (``id``) is the default language; English,
the msgids themselves, is chosen with ``SOPDOC_LANG=en`` or the CLI's
``--lang en``. The format's terms (Nomor SOP, Dasar Hukum, Mutu Baku, ...)
stay as the regulation writes them in both languages.

Usage::

    from sopdoc.i18n import _, ngettext

    raise SopdocError(_("cannot read {path}: {reason}").format(path=p, reason=r))
    print(ngettext("{n} spec loaded", "{n} specs loaded", n).format(n=n))

Placeholders are ``str.format`` names, never positional ``%s``, so a
translation may reorder them. Mark a module-level constant with :func:`N_`
and translate it where it is shown.

A message made before the language is known, or kept to be shown later in
another language (lint findings), is a :class:`Message` made by :func:`L_`:
the msgid and its values, translated each time it is rendered::

    msg = L_("Nomor {nomor} is already used", nomor="PK / 020")
    msg.render()      # the current language;  msg.render("en"): English
    str(msg)          # the same as msg.render()

A value of a :class:`Message` may itself be a :class:`Message` (rendered in
the same language).
"""

from __future__ import annotations

import gettext
import os
import threading
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT_LANGUAGE = "id"
LANGUAGES = ("id", "en")
"""The languages sopdoc speaks: Indonesian (default) and English (the msgids)."""

_lock = threading.Lock()
_language: str | None = None  # explicitly chosen; None: SOPDOC_LANG or the default
_catalogs: dict[str, gettext.NullTranslations] = {}


def _normalise(lang: str | None) -> str:
    """``id_ID.UTF-8`` -> ``id``; unknown or empty -> the default language."""
    code = (lang or "").strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def set_language(lang: str | None) -> None:
    """Choose the language of every later message (``None``: back to ``SOPDOC_LANG``)."""
    global _language
    _language = _normalise(lang) if lang else None


def current_language() -> str:
    """The language messages are given in now: ``id`` or ``en``."""
    return _language or _normalise(os.environ.get("SOPDOC_LANG"))


def _catalog(lang: str) -> gettext.NullTranslations:
    """Every compiled catalog of ``lang`` chained into one (loaded once, on first use)."""
    cat = _catalogs.get(lang)
    if cat is not None:
        return cat
    with _lock:
        if lang in _catalogs:
            return _catalogs[lang]
        cat = gettext.NullTranslations()
        folder = LOCALE_DIR / lang / "LC_MESSAGES"
        for mo in sorted(folder.glob("*.mo")) if lang != "en" else []:
            with mo.open("rb") as fp:
                area = gettext.GNUTranslations(fp)
            if isinstance(cat, gettext.GNUTranslations):
                # one dictionary for the language: a lookup is one dict access, not one
                # per area (findings are rendered per finding)
                cat._catalog.update(area._catalog)  # type: ignore[attr-defined]
            else:
                cat = area
        _catalogs[lang] = cat
        return cat


def _(message: str) -> str:
    """``message`` in the current language (the English msgid when untranslated)."""
    return _catalog(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the current language."""
    return _catalog(current_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` translated within ``context`` (for one English word with two meanings)."""
    return _catalog(current_language()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it yet (module constants)."""
    return message


def translate(message: str, lang: str | None = None) -> str:
    """``message`` in ``lang`` (default: the current language)."""
    return _catalog(_normalise(lang) if lang else current_language()).gettext(message)


class Message:
    """A message translated when it is rendered: an English msgid and its named values.

    Equal (and hashed) by msgid and values (which must be hashable), so
    findings made of messages compare the same whatever the language.
    """

    __slots__ = ("args", "msgid")

    def __init__(self, msgid: str, args: dict[str, object]):
        self.msgid = msgid
        self.args = args

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        lang = _normalise(lang) if lang else current_language()
        text = _catalog(lang).gettext(self.msgid)
        if not self.args:
            return text
        values = {k: v.render(lang) if isinstance(v, Message) else v for k, v in self.args.items()}
        return text.format(**values)

    def __str__(self) -> str:
        return self.render()

    def __format__(self, spec: str) -> str:
        return format(self.render(), spec)

    def __repr__(self) -> str:
        return f"L_({self.msgid!r}, **{self.args!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return self.msgid == other.msgid and self.args == other.args

    def __hash__(self) -> int:
        return hash((self.msgid, frozenset(self.args.items())))


def L_(msgid: str, /, **args: object) -> Message:
    """A :class:`Message`: ``msgid`` with its values, translated when rendered (lazily)."""
    return Message(msgid, args)


def render(message: str | Message, lang: str | None = None) -> str:
    """A text that may be a :class:`Message`, as a string in ``lang`` (default: current)."""
    return message.render(lang) if isinstance(message, Message) else message
