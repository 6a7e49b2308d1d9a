# The two set-up commands of the README: `make demo` and `make test`.
# Each creates the virtualenv, installs sopdoc and the system packages it needs.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= build

.PHONY: demo test lint-code system venv clean bench docs messages

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

venv: $(BIN)/.installed

system:
	./scripts/system-deps.sh

# The main job on the bundled specs.
demo: venv system
	$(BIN)/sopdoc validate specs/
	$(BIN)/sopdoc build specs/ -o $(OUT) --pdf
	$(BIN)/sopdoc book specs/ -o $(OUT)/buku-sop.pdf
	$(BIN)/sopdoc site specs/ -o $(OUT)/site --pdf
	# The seeds have findings (exit 1, fine); a load or usage error (exit 2) fails the demo.
	$(BIN)/sopdoc lint specs/ --output $(OUT)/lint-report.txt || test $$? -eq 1
	$(BIN)/sopdoc schema -o docs/sopdoc.schema.json
	$(BIN)/sopdoc schema --settings -o docs/sopdoc-settings.schema.json
	$(BIN)/sopdoc schema --rekaman monitoring -o docs/sopdoc-monitoring.schema.json
	$(BIN)/sopdoc schema --rekaman evaluasi -o docs/sopdoc-evaluasi.schema.json

# Code checks, then the whole test suite.
test: venv system lint-code
	$(BIN)/python -m pytest -q

lint-code: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# Message catalogs: compile every locale/*/LC_MESSAGES/*.po (see sopdoc/i18n.py).
messages: venv
	$(BIN)/python scripts/messages.py compile
	$(BIN)/python scripts/messages.py check

bench: venv system
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
