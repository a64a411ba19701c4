#!/usr/bin/env bash
# Run every benchmark (not part of the default test run) and print the figures.
# The first run builds a 1,000,000-row demo database in ~/.cache/frontdesk-bench (a few minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash .ci/setup
exec .venv/bin/python -m pytest tests/benchmarks -m benchmark -s -o addopts="" -o python_files="bench_*.py" "$@"
