# The two commands: `make run` (serve the API with everything it needs) and `make test`.
# `make check` runs what CI runs (.ci/run).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: run serve test check lint format typecheck openapi sdk openapi-drift sdk-drift model bench \
	bench-scoring bench-load bench-profile bench-webhooks bench-bind bench-events clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e .
	touch $@

$(DEV): $(RUNTIME) sdk/pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]' -e ./sdk
	touch $@

run: $(RUNTIME)
	$(BIN)/marketplace migrate
	$(BIN)/marketplace demo
	$(BIN)/marketplace serve

test: $(DEV)
	$(BIN)/pytest

check:
	bash .ci/run

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(DEV)
	$(BIN)/mypy
	$(BIN)/mypy --strict $(SDK_HAND_WRITTEN) examples

openapi: $(RUNTIME)
	$(BIN)/marketplace openapi --out openapi/openapi.json

# The hand-written parts of the SDK live in openapi/sdk_extras and are copied over the generated
# package each time: the Marketplace client (marketplace_sdk.facade), marketplace_sdk.webhooks,
# the package's __init__ (the generated exports and the client's) and its README.
SDK_EXTRAS := openapi/sdk_extras
SDK_HAND_WRITTEN := sdk/marketplace_sdk/__init__.py sdk/marketplace_sdk/webhooks.py \
	sdk/marketplace_sdk/facade

sdk: $(DEV) openapi
	rm -rf sdk
	$(BIN)/openapi-python-client generate --path openapi/openapi.json \
		--config openapi/sdk-config.yaml --meta setup --output-path sdk
	cp -R $(SDK_EXTRAS)/. sdk/

# Drift: regenerate into a scratch folder and compare with what is committed.
openapi-drift: $(RUNTIME)
	@tmp=$$(mktemp -d) && $(BIN)/marketplace openapi --out $$tmp/openapi.json >/dev/null && \
	if diff -u openapi/openapi.json $$tmp/openapi.json; then echo "openapi/openapi.json is up to date"; \
	else echo "openapi/openapi.json is stale: run make openapi"; exit 1; fi

sdk-drift: $(DEV)
	@tmp=$$(mktemp -d) && $(BIN)/openapi-python-client generate --path openapi/openapi.json \
		--config openapi/sdk-config.yaml --meta setup --output-path $$tmp/sdk >/dev/null && \
	cp -R $(SDK_EXTRAS)/. $$tmp/sdk/ && \
	if diff -ru -x __pycache__ -x '*.egg-info' -x .ruff_cache sdk $$tmp/sdk; then echo "sdk/ is up to date"; \
	else echo "sdk/ is stale: run make sdk"; exit 1; fi

# The shipped model: a 200,000-row synthetic book (seed 7), trained reproducibly (about 5 s).
MODEL_BOOK := var/underwriting/synthetic-book-200k-seed7.parquet
model: $(RUNTIME)
	$(BIN)/marketplace underwriting synth --rows 200000 --seed 7 --out $(MODEL_BOOK)
	$(BIN)/marketplace underwriting train --data $(MODEL_BOOK) \
		--out marketplace/underwriting/artifacts/default --seed 7

bench: bench-scoring bench-load bench-profile bench-webhooks bench-bind bench-events

bench-scoring: $(DEV)
	$(BIN)/python bench/bench_scoring.py

bench-load: $(DEV)
	$(BIN)/python bench/load.py

bench-profile: $(DEV)
	$(BIN)/python bench/profile_quote.py

bench-webhooks: $(DEV)
	$(BIN)/python bench/webhooks.py

bench-bind: $(DEV)
	$(BIN)/python bench/bind.py

bench-events: $(DEV)
	$(BIN)/python bench/events.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
