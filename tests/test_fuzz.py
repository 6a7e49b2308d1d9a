"""The fuzzer in the test suite: random mutated catalogs must end ok or in a clear error.

Each case (see ``bench/fuzz.py``) runs load -> lint -> dump -> layout -> render (the
DOCX in memory, no LibreOffice). A crash (an exception other than sopdoc's own
errors, exit 3 in the CLI) or a case over the time limit fails the test, with the
case as JSON to add to ``tests/data/fuzz-corpus``. The corpus replays every case
found so far, the seven crash classes of the first outside fuzzing among them.

Bounded for ``make test``: ``SOPDOC_FUZZ_EXAMPLES`` Hypothesis examples (default
200, under a minute on two cores); ``python -m bench fuzz`` runs longer.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from bench import fuzz
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("SOPDOC_FUZZ_EXAMPLES", "200"))
LIMIT = 10.0  # seconds a case may take here (the bench's 5 s, with room for a busy machine)
CORPUS = sorted(fuzz.CORPUS.glob("*.json"))


def _fail(case: list[fuzz.Op], outcome: fuzz.Outcome) -> str:
    return (
        f"{outcome.kind} in {outcome.stage} at {outcome.where}: {outcome.detail}\n"
        f"case (add it to tests/data/fuzz-corpus): {json.dumps(case)[:2000]}"
    )


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_case(path: Path, tmp_path: Path) -> None:
    case = fuzz.load_case(path)
    outcome = fuzz.run(case, limit=LIMIT, workdir=tmp_path)
    assert not outcome.bad, _fail(case, outcome)


CLEAR_ERRORS = {
    "logo-not-image": "render",
    "logo-empty": "render",
    "logo-truncated-png": "render",
    "logo-fifo": "render",
    "logo-dev-zero": "render",
    "logo-huge": "render",
    "logo-nul-byte": "render",
    "logo-name-256": "render",
    "waktu-1e309": "load",
    "waktu-0-times-1e309": "load",
    "lint-option-list": "lint",
    "lint-option-text": "lint",
    "list-100k": "load",
    "control-character": "load",
    "deep-nesting": "load",
}
"""Corpus cases that must end in a clear error, and the stage that reports it."""


@pytest.mark.parametrize("name", sorted(CLEAR_ERRORS))
def test_the_crash_classes_end_in_a_clear_error(name: str, tmp_path: Path) -> None:
    outcome = fuzz.run(fuzz.load_case(fuzz.CORPUS / f"{name}.json"), workdir=tmp_path)
    assert outcome.kind == "error", outcome
    assert outcome.stage == CLEAR_ERRORS[name], outcome


def test_the_base_catalog_is_valid(tmp_path: Path) -> None:
    outcome = fuzz.run([], workdir=tmp_path)
    assert outcome.kind == "ok", outcome


def test_cases_replay_the_same(tmp_path: Path) -> None:
    rng = random.Random(5)
    case = fuzz.random_case(rng)
    again = fuzz.random_case(random.Random(5))
    assert case == again
    assert fuzz.apply(case) == fuzz.apply(json.loads(json.dumps(case)))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same cases on every run of make test; bench fuzz explores
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.randoms(use_true_random=False), st.integers(min_value=1, max_value=4))
def test_random_cases(rng: random.Random, count: int) -> None:
    case = fuzz.expand([fuzz.random_op(rng) for _ in range(count)])
    outcome = fuzz.run(case, limit=LIMIT)
    assert not outcome.bad, _fail(case, outcome)
