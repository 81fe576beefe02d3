using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Format;
using CourseCompanion.Notebooks.Grading;

namespace CourseCompanion.Notebooks.Tests.Grading;

public class NbgraderChecksumTests
{
    /// <summary>
    /// Test vectors: the cells and the checksums nbgrader itself stamped into its test fixture
    /// nbgrader/tests/apps/files/submitted-unchanged.ipynb (jupyter/nbgrader). Source, cell type, grade, solution, locked, grade id, points.
    /// </summary>
    public static TheoryData<string, string, bool, bool, bool, string, double?, string> Vectors => new()
    {
        { "# YOUR CODE HERE\nraise NotImplementedError()", "code", false, true, false, "set_a", null, "3d6aac4236f8e1ec85380e692dcc51b1" },
        { "print(\"Success!\")", "code", true, false, false, "foo", 1.0, "8bb5c7c6f388fae724e5ef53dc4deeb2" },
        { "assert a == 1", "code", true, false, false, "bar", 1.0, "75d78cdf605a339809ceaace462c5f33" },
        { "YOUR ANSWER HERE", "markdown", true, true, false, "baz", 2.0, "9e51fd0022c24c4105e38369d2f9d751" },
        { "# YOUR CODE HERE\nraise NotImplementedError()", "code", true, true, false, "quux", 3.0, "5a193c164d7b444efe9a3612bee09f4c" },
        { "print(\"Don't change this cell!\")", "code", false, false, true, "ro1", null, "86f5f877fe95faac003fcd4b8d43d093" },
        { "This cell shouldn't be changed.", "markdown", false, false, true, "ro2", null, "0122b50e5eaf367b9874d07ebaf80521" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Checksums_match_the_values_nbgrader_stamped(string source, string cellType, bool grade, bool solution, bool locked, string id, double? points, string expected)
    {
        var notebook = Notebook.Create();
        var cell = notebook.AddCell(cellType, source);
        var m = new JsonObject { ["grade"] = grade, ["grade_id"] = id, ["locked"] = locked, ["schema_version"] = 3, ["solution"] = solution };
        if (points is double p) m["points"] = p;
        cell.Metadata["nbgrader"] = m;
        Assert.Equal(expected, NbgraderChecksum.Compute(cell));
    }

    [Fact]
    public void Points_are_hashed_as_python_floats_and_locking_follows_is_locked()
    {
        var m = new NbgraderCell("t", Grade: true, Solution: false, Locked: false, Task: false, Points: 2, Checksum: null);
        // A grade cell is locked whatever its flag says; points 2 hash as "2.0", as Python's str(float(2)).
        Assert.Equal(NbgraderChecksum.Compute("x", "code", m), NbgraderChecksum.Compute("x", "code", m with { Locked = true }));
        Assert.NotEqual(NbgraderChecksum.Compute("x", "code", m), NbgraderChecksum.Compute("x", "code", m with { Points = 2.5 }));
        Assert.NotEqual(NbgraderChecksum.Compute("x", "code", m), NbgraderChecksum.Compute("x ", "code", m));
    }
}
