"""The message catalogs: complete, compiled, and used by the CLI in both languages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sopdoc import i18n

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import messages  # noqa: E402


def test_every_message_is_translated_and_compiled() -> None:
    assert messages.problems() == []


@pytest.fixture
def lang():
    yield i18n.set_language
    i18n.set_language(None)


def test_language_choice(lang, monkeypatch) -> None:
    msg = "{n} spec loaded without errors"
    monkeypatch.delenv("SOPDOC_LANG", raising=False)
    assert i18n.current_language() == "id"
    assert i18n.ngettext(msg, "{n} specs loaded without errors", 2) != msg
    monkeypatch.setenv("SOPDOC_LANG", "en_US.UTF-8")
    assert i18n.current_language() == "en"
    assert i18n.ngettext(msg, "{n} specs loaded without errors", 1) == msg
    lang("id")
    assert i18n.current_language() == "id"


def test_cli_speaks_indonesian_by_default_and_english_on_request() -> None:
    spec = str(ROOT / "specs")
    env = {"PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "sopdoc"]
    out_id = subprocess.run([*run, "validate", spec], capture_output=True, text=True, env=env)
    out_en = subprocess.run(
        [*run, "--lang", "en", "validate", spec], capture_output=True, text=True, env=env
    )
    assert out_id.returncode == out_en.returncode == 0, out_id.stderr + out_en.stderr
    assert "2 spec dimuat tanpa kesalahan" in out_id.stdout
    assert "2 specs loaded without errors" in out_en.stdout
