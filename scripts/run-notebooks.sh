#!/usr/bin/env bash
# The main job: install what the notebooks need, build, and execute every notebook, storing its outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
dotnet build/companion/companion.dll run notebooks "$@"
