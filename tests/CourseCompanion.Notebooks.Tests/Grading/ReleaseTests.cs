using CourseCompanion.Notebooks.Format;
using CourseCompanion.Notebooks.Grading;

namespace CourseCompanion.Notebooks.Tests.Grading;

public class ReleaseTests
{
    [Fact]
    public void Solution_regions_become_the_stub_at_their_indent_and_hidden_tests_vanish()
    {
        string source = "int F()\n{\n    // BEGIN SOLUTION\n    return 42;\n    // END SOLUTION\n}";
        Assert.Equal("int F()\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException();\n}", SourceMarkers.ClearSolutions(source, code: true, "t"));
        Assert.Equal("a\nc", SourceMarkers.RemoveHiddenTests("a\n// BEGIN HIDDEN TESTS\nb\n// END HIDDEN TESTS\nc", "t"));
        Assert.Equal("a\nb\nc", SourceMarkers.StripMarkers("a\n// BEGIN HIDDEN TESTS\nb\n// END HIDDEN TESTS\nc"));
        Assert.Throws<GradingException>(() => SourceMarkers.ClearSolutions("// BEGIN SOLUTION\nx", true, "t"));
    }

    [Fact]
    public void Release_stubs_solutions_removes_hidden_tests_locks_and_stamps_checksums()
    {
        var course = SampleCourse.Create();
        var released = Notebook.Load(Assert.Single(AssignmentRelease.Release(course, SampleCourse.Assignment)));
        Assert.DoesNotContain(released.Cells, c => c.Source.Contains("SOLUTION") || c.Source.Contains("HIDDEN") || c.Source.Contains("1000, 1001"));
        var softmax = released.Cells.Single(c => NbgraderCell.Of(c)?.GradeId == "softmax");
        Assert.Contains("// YOUR CODE HERE\n    throw new NotImplementedException();", softmax.Source);
        foreach (var cell in released.Cells.Where(c => NbgraderCell.Of(c) is not null))
        {
            var m = NbgraderCell.Of(cell)!;
            Assert.Equal(NbgraderChecksum.Compute(cell), m.Checksum);
            Assert.Equal(3, (int)cell.Metadata["nbgrader"]!["schema_version"]!);
            Assert.False((bool)cell.Metadata["deletable"]!);
            Assert.Equal(m.IsLocked ? false : null, (bool?)cell.Metadata["editable"]);
        }
        Assert.Equal(8, released.Cells.Select(NbgraderCell.Of).Where(m => m is { Grade: true }).Sum(m => m!.Points));
        Assert.All(released.Cells.Where(c => c.IsCode), c => Assert.Empty(c.Outputs));

        var solution = Notebook.Load(Assert.Single(AssignmentRelease.GenerateSolution(course, SampleCourse.Assignment)));
        Assert.Contains(solution.Cells, c => c.Source.Contains("1000, 1001"));
        Assert.DoesNotContain(solution.Cells, c => c.Source.Contains("BEGIN"));
    }

    [Fact]
    public void Run_and_check_skip_the_release_folder_of_a_course_but_take_its_sources()
    {
        var course = SampleCourse.Create();
        AssignmentRelease.Release(course, SampleCourse.Assignment);
        var found = NotebookFiles.Find([course.Root]);
        Assert.Contains(Path.Combine(course.Source(SampleCourse.Assignment), "sample.ipynb"), found);
        Assert.DoesNotContain(found, f => f.Contains($"{Path.DirectorySeparatorChar}release{Path.DirectorySeparatorChar}"));
    }

    [Fact]
    public void A_name_the_tests_take_from_the_library_redeclared_by_a_student_is_caught()
    {
        var found = NameShadowing.Find(
            instructorCells: ["using CourseCompanion.Checks;", "double F(double x) => x;"],
            studentCells: ["double F(double x) => 2 * x;\nstatic class Check { public static void Close(double a, double b) { } }", "using GradientCheck = Fake;"],
            tests: [("t1", "Check.Close(F(1), 1, hint: \"h\");"), ("t2", "var y = F(2); Math.Abs(y).ToString();"), ("t3", "GradientCheck.Assert(null!, []);")]);
        Assert.Equal(["Check"], found["t1"]);
        Assert.False(found.ContainsKey("t2"));
        Assert.Equal(["GradientCheck"], found["t3"]);
    }

    [Fact]
    public void Late_penalties_follow_none_zero_and_per_started_hour()
    {
        var due = LatePolicy.ParseTime("2026-05-01T23:59:00+02:00");
        var late = LatePolicy.ParseTime("2026-05-02 01:29:00.000000 UTC"); // 3.5 h after
        Assert.Equal(0, new LatePolicy(due).Penalty(8, late));
        Assert.Equal(8, new LatePolicy(due, LatePenaltyKind.Zero).Penalty(8, late));
        Assert.Equal(4, new LatePolicy(due, LatePenaltyKind.PerHour, 1).Penalty(8, late));
        Assert.Equal(3, new LatePolicy(due, LatePenaltyKind.PerHour, 1).Penalty(3, late));
        Assert.Equal(0, new LatePolicy(due, LatePenaltyKind.PerHour, 1).Penalty(8, due));
        Assert.Equal(0, new LatePolicy(due, LatePenaltyKind.Zero).Penalty(8, null));
    }
}
