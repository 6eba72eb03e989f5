# Two commands do all the set-up: `make demo` (venv, install, run on the example corpus)
# and `make test` (the whole test suite; .ci/run calls exactly this). `make test` also installs the
# spark extra (PySpark) so the Spark tests run; they need Java 17+ too (.ci/run installs it if missing).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/detente demo --export demo-export

$(VENV)/.spark: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,spark]'
	touch $(VENV)/.spark

test: $(VENV)/.spark
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) detente-demo.db* demo-export test-output

$(VENV)/.eval: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,eval]'
	touch $(VENV)/.eval

# precision/recall/F1 of every stage and of cross-document linking beside baselines
eval: $(VENV)/.eval
	$(BIN)/python eval/run.py
	$(BIN)/python eval/crossdoc.py

# throughput, memory and how linking scales, as ratios measured in one run (about 20 minutes)
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
