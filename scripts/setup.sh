#!/usr/bin/env bash
# Set up a development environment from scratch: a virtualenv in .venv with newsaudit,
# its spaCy model (from PyPI) and the test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
.venv/bin/python -c "import newsaudit.nlp as n; print('spaCy model:', n.choose_model())"
