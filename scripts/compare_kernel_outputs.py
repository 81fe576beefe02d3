"""Compares two executed copies of a notebook cell by cell: `companion run` against nbconvert with the CourseCompanion kernel.

Usage: compare_kernel_outputs.py RUN.ipynb KERNEL.ipynb. Stream outputs of the same name in a row are merged and the transient
display ids dropped (storage details, not content); everything else (output types, text, MIME data, errors, execution counts of
results) must be equal. Prints one line per differing cell and exits 1 if any differ.
"""
import json
import sys

import nbformat


def normalized(outputs):
    result = []
    for output in outputs:
        output = json.loads(json.dumps(output))
        output.pop("transient", None)
        if output.get("output_type") == "stream" and result and result[-1].get("output_type") == "stream" and result[-1]["name"] == output["name"]:
            result[-1]["text"] += output["text"]
            continue
        result.append(output)
    return result


def main(run_path, kernel_path):
    run, kernel = nbformat.read(run_path, 4), nbformat.read(kernel_path, 4)
    if len(run.cells) != len(kernel.cells):
        print(f"{kernel_path}: {len(kernel.cells)} cells, but {len(run.cells)} in {run_path}")
        return 1
    differing = 0
    for index, (a, b) in enumerate(zip(run.cells, kernel.cells)):
        if a.cell_type != "code":
            continue
        left, right = normalized(a.get("outputs", [])), normalized(b.get("outputs", []))
        if left != right:
            differing += 1
            print(f"cell {index}: companion run gave {json.dumps(left)[:400]}\n        kernel gave       {json.dumps(right)[:400]}")
    code_cells = sum(1 for c in run.cells if c.cell_type == "code")
    outputs = sum(len(normalized(c.get("outputs", []))) for c in run.cells if c.cell_type == "code")
    print(f"{kernel_path}: {code_cells - differing} of {code_cells} code cells have the same outputs ({outputs} outputs)")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
