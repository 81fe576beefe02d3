#!/usr/bin/env python3
"""Writes notebooks/exercises/source/00-sample/sample.ipynb, the instructor's example assignment for `companion release/autograde`.

Plain stdlib: the cells below are the content; nbgrader metadata (schema version 3) is attached as an instructor would in
Jupyter's "Create Assignment" toolbar. Run it from the repository root; `companion clear` leaves the result unchanged.
"""
import json, uuid

def code(source, **nbgrader):
    cell = {"cell_type": "code", "execution_count": None, "id": uuid.uuid4().hex[:8],
            "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}},
            "outputs": [], "source": source}
    tags = nbgrader.pop("tags", None)
    if tags: cell["metadata"]["tags"] = tags
    if nbgrader: cell["metadata"]["nbgrader"] = meta(**nbgrader)
    return cell

def markdown(source, **nbgrader):
    cell = {"cell_type": "markdown", "id": uuid.uuid4().hex[:8], "metadata": {}, "source": source}
    if nbgrader: cell["metadata"]["nbgrader"] = meta(**nbgrader)
    return cell

def meta(grade_id, grade=False, solution=False, locked=False, task=False, points=None):
    m = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution, "task": task}
    if grade: m["points"] = points
    return m

cells = [
    markdown("# Sample assignment: softmax and focal loss\n\nAn instructor's example of the grading conventions (see `docs/grading.md`). "
             "Fill in the cells marked `// YOUR CODE HERE`, then run `companion validate` on this notebook.", grade_id="intro", locked=True),
    code('#r "../../../../build/CourseCompanion/CourseCompanion.dll"\nusing CourseCompanion.Tensors;\nusing CourseCompanion.Losses;\nusing CourseCompanion.Checks;',
         grade_id="setup", locked=True),
    markdown("## Exercise 1: softmax over rows\n\n$\\mathrm{softmax}(z)_j = \\dfrac{e^{z_j - \\max_k z_k}}{\\sum_i e^{z_i - \\max_k z_k}}$. "
             "Use tensor operations only, so autograd can differentiate your function.", grade_id="softmax_task", locked=True),
    code("Tensor Softmax(Tensor z)\n{\n    // BEGIN SOLUTION\n    var e = (z - z.Amax(1, keepDim: true)).Exp();\n    return e / e.Sum(1, keepDim: true);\n    // END SOLUTION\n}",
         grade_id="softmax", solution=True),
    code('var z = Tensor.FromArray(new double[] { 1, 2, 3, 0, 0, 0 }, 2, 3);\nvar p = Softmax(z);\nCheck.Shape(p, [2, 3], hint: "softmax keeps the shape of its input");\n'
         'Check.Close(p.Sum(1), Tensor.FromArray(new double[] { 1, 1 }, 2), 1e-9, hint: "each row must sum to one: divide by the row sum");',
         grade_id="softmax_rows", grade=True, points=1, tags=["group:softmax"]),
    code('Check.Close(Softmax(z), z.Softmax(1), 1e-9, hint: "exponentiate, then divide by the sum over the row");\n'
         '// BEGIN HIDDEN TESTS\nvar big = Tensor.FromArray(new double[] { 1000, 1001, 1002 }, 1, 3);\n'
         'Check.Close(Softmax(big), big.Softmax(1), 1e-9, hint: "subtract the row maximum before exponentiating, or large logits overflow");\n// END HIDDEN TESTS',
         grade_id="softmax_values", grade=True, points=2, tags=["group:softmax"]),
    code('GradientCheck.Assert(x => Softmax(x[0]), [Tensor.FromArray(new double[] { 0.5, -1, 2, 0.1, 0.2, 0.3 }, 2, 3)], hint: "use tensor operations so autograd can follow");',
         grade_id="softmax_gradient", grade=True, points=1, tags=["group:softmax"]),
    markdown("## Exercise 2: focal loss of one prediction\n\nFor the probability $p$ of the true class, $\\mathrm{FL}(p) = -(1-p)^\\gamma \\log p$ "
             "(Lin et al. 2017); $\\gamma = 0$ gives cross-entropy.", grade_id="focal_task", locked=True),
    code("double FocalLossValue(double p, double gamma)\n{\n    // BEGIN SOLUTION\n    return -Math.Pow(1 - p, gamma) * Math.Log(p);\n    // END SOLUTION\n}",
         grade_id="focal", solution=True),
    code('double logit = 0.3, pTrue = 1 / (1 + Math.Exp(-logit));\n'
         'var reference = new FocalLoss(gamma: 2, alpha: null).Forward(Tensor.FromArray(new double[] { logit }, 1), Tensor.FromArray(new double[] { 1.0 }, 1)).Item();\n'
         'Check.Close(FocalLossValue(pTrue, 2), reference, 1e-9, hint: "the factor (1 - p)^γ down-weights easy examples");',
         grade_id="focal_value", grade=True, points=2, tags=["group:focal"]),
    code('// Partial credit: half a point per case; the cell\'s last value is the score.\ndouble score = 0;\n'
         'foreach (var (q, g) in new[] { (0.9, 2.0), (0.5, 1.0), (0.1, 3.0), (0.7, 0.0) })\n'
         '{\n    try { if (Math.Abs(FocalLossValue(q, g) + Math.Pow(1 - q, g) * Math.Log(q)) < 1e-9) score += 0.5; }\n    catch (Exception) { }\n}\nscore',
         grade_id="focal_cases", grade=True, points=2, tags=["group:focal"]),
]
notebook = {"cells": cells, "metadata": {
    "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
    "language_info": {"name": "polyglot-notebook"},
    "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "languageName": "csharp", "name": "csharp"}]}}},
    "nbformat": 4, "nbformat_minor": 5}
for cell in cells:
    cell["source"] = cell["source"].splitlines(True)
with open("notebooks/exercises/source/00-sample/sample.ipynb", "w", encoding="utf-8") as f:
    f.write(json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
