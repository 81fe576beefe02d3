using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Format;
using CourseCompanion.Notebooks.Grading;

namespace CourseCompanion.Notebooks.Tests.Grading;

/// <summary>
/// The sample assignment released, handed in by three ordinary students and one student per hostile submission,
/// and autograded once in parallel; the tests read the verdicts.
/// </summary>
public sealed class GradingCourseFixture : IAsyncLifetime
{
    public const string SoftmaxGood = "Tensor Softmax(Tensor z)\n{\n    var e = (z - z.Amax(1, keepDim: true)).Exp();\n    return e / e.Sum(1, keepDim: true);\n}";
    public const string SoftmaxNaive = "Tensor Softmax(Tensor z)\n{\n    var e = z.Exp();\n    return e / e.Sum(1, keepDim: true);\n}";
    public const string FocalGood = "double FocalLossValue(double p, double gamma)\n{\n    return -Math.Pow(1 - p, gamma) * Math.Log(p);\n}";
    public const string FocalCrossEntropy = "double FocalLossValue(double p, double gamma) => -Math.Log(p);";

    internal CourseFolder Course { get; private set; } = null!;
    internal Autograder Grader { get; private set; } = null!;
    internal IReadOnlyDictionary<string, SubmissionGrade> Grades { get; private set; } = null!;
    internal TimeSpan Elapsed { get; private set; }
    public string Outside { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Course = SampleCourse.Create();
        AssignmentRelease.Release(Course, SampleCourse.Assignment);
        Outside = Path.Combine(Course.Root, "pwned.txt");

        Student("alice", SoftmaxGood, FocalGood);
        Student("bob", SoftmaxNaive, FocalGood);
        Student("carol", SoftmaxGood, FocalCrossEntropy, timestamp: "2026-05-02 01:29:00.000000 UTC");
        Student("compile-error", "Tensor Softmax(Tensor z)\n{\n    return z +;\n}", FocalGood);
        Student("exception", "Tensor Softmax(Tensor z) => throw new InvalidOperationException(\"boom\");", FocalGood);
        Student("infinite-loop", SoftmaxGood + "\nwhile (true) { }", FocalGood);
        Student("stack-overflow", SoftmaxGood + "\nint Down(int n) => Down(n + 1) + 1;\nDown(0);", FocalGood);
        Student("memory", SoftmaxGood, FocalGood, nb => SampleCourse.InsertCode(nb, "softmax",
            "{\n    var hog = new List<byte[]>();\n    while (true) hog.Add(new byte[1 << 24]);\n}"));
        Student("exit", SoftmaxGood + "\nEnvironment.Exit(0);", FocalGood);
        Student("deleted-test", SoftmaxNaive, FocalGood, nb => SampleCourse.Cells(nb).Remove(SampleCourse.Cell(nb, "softmax_values")));
        Student("renamed-test", SoftmaxNaive, FocalGood, nb =>
        {
            var cell = SampleCourse.Cell(nb, "softmax_values");
            cell["metadata"]!["nbgrader"]!["grade_id"] = "my_values";
            cell["source"] = "// nothing to see";
        });
        Student("edited-test", SoftmaxNaive, FocalGood, nb => SampleCourse.SetSource(nb, "softmax_values", "// trust me"));
        Student("edited-locked", SoftmaxGood, FocalGood, nb => SampleCourse.SetSource(nb, "setup", "// I removed the setup"));
        Student("duplicate-id", SoftmaxGood, FocalGood, nb => SampleCourse.Cells(nb).Add(SampleCourse.Cell(nb, "focal_cases").DeepClone()));
        Student("fake-check", "Tensor Softmax(Tensor z) => z;", "double FocalLossValue(double p, double gamma) => 0;", nb => SampleCourse.InsertCode(nb, "softmax",
            "static class Check\n{\n    public static void Close(object a, object b, double t = 0, string? hint = null) { }\n    public static void Shape(object a, object b, string? hint = null) { }\n}"));
        Student("outside", SoftmaxGood, FocalGood, nb => SampleCourse.InsertCode(nb, "softmax",
            $"try {{ File.WriteAllText(@\"{Outside}\", \"x\"); Console.WriteLine(\"wrote outside\"); }} catch (Exception e) {{ Console.WriteLine(\"write refused: \" + e.GetType().Name); }}\n"
            + $"Console.WriteLine(File.Exists(@\"{Path.Combine(Course.Source(SampleCourse.Assignment), SampleCourse.Notebook)}\") ? \"source visible\" : \"source hidden\");\n"
            + $"try {{ File.WriteAllText(@\"{Path.Combine(Course.Gradebook, SampleCourse.Assignment, "alice.json")}\", \"{{}}\"); }} catch (Exception) {{ }}"));
        Student("huge-output", SoftmaxGood, FocalGood, nb => SampleCourse.InsertCode(nb, "softmax", "for (int i = 0; i < 200_000; i++) Console.WriteLine(i);"));
        SampleCourse.HandInText(Course, "malformed", "{ \"cells\": [ this is not json");
        var other = SampleCourse.Released(Course);
        foreach (var cell in SampleCourse.Cells(other).OfType<JsonObject>())
            if (cell["metadata"]?["nbgrader"] is JsonObject m) m["grade_id"] = "other_" + (string)m["grade_id"]!;
        SampleCourse.HandIn(Course, "other-assignment", other);

        var options = new GradingOptions
        {
            CellTimeout = TimeSpan.FromSeconds(40),
            MemoryLimitBytes = 384L << 20,
            Late = LatePolicy.ForAssignment(Course, SampleCourse.Assignment),
        };
        Grader = new Autograder(Course, options);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Grades = (await Grader.GradeAsync(SampleCourse.Assignment)).ToDictionary(g => g.Student);
        Elapsed = watch.Elapsed;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private void Student(string name, string softmax, string focal, Action<JsonObject>? edit = null, string? timestamp = null)
    {
        var notebook = SampleCourse.Released(Course);
        SampleCourse.SetSource(notebook, "softmax", softmax);
        SampleCourse.SetSource(notebook, "focal", focal);
        edit?.Invoke(notebook);
        SampleCourse.HandIn(Course, name, notebook, timestamp);
    }

    internal Notebook Autograded(string student) => Notebook.Load(Path.Combine(Course.Autograded(student, SampleCourse.Assignment), SampleCourse.Notebook));
}
