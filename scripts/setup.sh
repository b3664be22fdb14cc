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
command -v chromium >/dev/null || { [ "$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium is not installed: the HTML report's browser tests will skip (CI: fail); run as root or apt-get install chromium" >&2
.venv/bin/python -c "import newsaudit.nlp as n; print('spaCy model:', n.choose_model())"
