#!/usr/bin/env bash
# The test command (CI runs exactly this): unit tests of every project, then every notebook executed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh

log=$(mktemp)
status=0
dotnet test CourseCompanion.sln -c Release 2>&1 | tee "$log" || status=$?
# One plain closing line summing every test project's counts.
awk '/(Passed|Failed)!  -/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "Unit tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
[ $status -eq 0 ] || exit $status

# Every notebook (chapters and exercise sources) runs without error; the index and syllabus copy are current;
# exercise releases are current and autograde to full marks (source) and zero (release).
dotnet build/companion/companion.dll check notebooks
dotnet build/companion/companion.dll index --check
if [ -f ../shared/syllabus/syllabus.json ]; then
  cmp -s ../shared/syllabus/syllabus.json notebooks/syllabus.json || { echo "notebooks/syllabus.json differs from ../shared/syllabus/syllabus.json"; exit 1; }
fi
bash scripts/check-exercises.sh
