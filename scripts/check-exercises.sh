#!/usr/bin/env bash
# Checks the exercise course folder: every released student version is current, and autograding gives the source
# version full marks and the released version zero. Runs in place under notebooks/exercises with two pseudo-students
# (the submitted/, autograded/ and gradebook/ folders there are ignored by git) and removes them afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
companion() { dotnet build/companion/companion.dll "$@"; }
course=notebooks/exercises
cleanup() { rm -rf "$course"/submitted/ci-{solution,blank} "$course"/autograded/ci-{solution,blank} "$course"/gradebook/ci-{solution,blank}*; }
trap cleanup EXIT
status=0
for dir in "$course"/source/*/; do
  a=$(basename "$dir")
  companion release "$a" >/dev/null
  if ! git diff --quiet -- "$course/release/$a" || [ -n "$(git ls-files --others --exclude-standard -- "$course/release/$a")" ]; then
    echo "exercises: $a: release/ is out of date; run \`companion release $a\` and commit it"; status=1
  fi
  mkdir -p "$course/submitted/ci-solution/$a" "$course/submitted/ci-blank/$a"
  cp "$course/source/$a/"*.ipynb "$course/submitted/ci-solution/$a/"
  cp "$course/release/$a/"*.ipynb "$course/submitted/ci-blank/$a/"
  companion autograde "$a" --student ci-solution --force >/dev/null
  companion autograde "$a" --student ci-blank --force >/dev/null
  csv=$(mktemp)
  companion gradebook export --assignment "$a" --out "$csv" >/dev/null
  read -r full blank max < <(/usr/bin/python3 - "$csv" <<'PY'
import csv, sys
rows = {r["student"]: r for r in csv.DictReader(open(sys.argv[1]))}
print(rows["ci-solution"]["total"], rows["ci-blank"]["total"], rows["ci-solution"]["max_score"])
PY
)
  echo "exercises: $a: source scores $full / $max, released version scores $blank"
  python3 -c "import sys; f, b, m = map(float, sys.argv[1:]); sys.exit(0 if f == m and b == 0 else 1)" "$full" "$blank" "$max" \
    || { echo "exercises: $a: expected full marks for the source and zero for the release"; status=1; }
done
exit $status
