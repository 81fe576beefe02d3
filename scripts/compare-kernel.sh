#!/usr/bin/env bash
# Runs each notebook twice, with `companion run` and with `jupyter nbconvert --execute` on the CourseCompanion kernel, and
# compares the outputs cell by cell. Usage: scripts/compare-kernel.sh [notebook-or-folder ...] (default: every notebook under notebooks/).
# COMPANION may name the companion command to test (default: a Release build of lib/Companion.Cli, built here).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${COMPANION:-}" ]; then
    dotnet build "$root/lib/Companion.Cli" -c Release -v q -nologo >/dev/null
    COMPANION="dotnet $root/lib/Companion.Cli/bin/Release/net10.0/companion.dll"
fi
[ $# -gt 0 ] || set -- "$root/notebooks"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A private kernelspec, so the build under test is what nbconvert starts, whatever the user has installed.
$COMPANION kernel install --prefix "$work/prefix" --name coursecompanion-compare >/dev/null
export JUPYTER_PATH="$work/prefix/share/jupyter"
mapfile -t notebooks < <(for p in "$@"; do if [ -d "$p" ]; then find "$p" -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | sort; else echo "$p"; fi; done)
[ ${#notebooks[@]} -gt 0 ] || { echo "compare-kernel: no notebooks found in $*" >&2; exit 2; }
failed=0
for notebook in "${notebooks[@]}"; do
    folder="$(dirname "$notebook")"
    name="$(basename "$notebook" .ipynb)"
    # Both copies run in the notebook's own folder (relative paths, #r), under names that cannot clash.
    run_copy="$folder/.compare-run-$$-$name.ipynb"
    kernel_copy="$folder/.compare-kernel-$$-$name.ipynb"
    cp "$notebook" "$run_copy"
    cp "$notebook" "$kernel_copy"
    status=0
    $COMPANION run "$run_copy" >/dev/null 2>"$work/run.err" || true
    /usr/bin/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.kernel_name=coursecompanion-compare \
        --ExecutePreprocessor.timeout=600 "$kernel_copy" 2>"$work/nbconvert.err" || { echo "$notebook: nbconvert failed:"; tail -5 "$work/nbconvert.err"; status=1; }
    [ $status -ne 0 ] || /usr/bin/python3 "$root/scripts/compare_kernel_outputs.py" "$run_copy" "$kernel_copy" | sed "s|$kernel_copy|$notebook|" || status=1
    rm -f "$run_copy" "$kernel_copy"
    [ $status -eq 0 ] || failed=$((failed + 1))
done
echo "compare-kernel: ${#notebooks[@]} notebooks, $failed differing"
[ $failed -eq 0 ]
