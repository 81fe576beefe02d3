using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Execution;
using CourseCompanion.Notebooks.Grading;

namespace CourseCompanion.Notebooks.Tests.Grading;

/// <summary>One autograde run over the sample assignment's students (<see cref="GradingCourseFixture"/>); each test checks one verdict.</summary>
public class AutogradeTests(GradingCourseFixture course) : IClassFixture<GradingCourseFixture>
{
    private SubmissionGrade Grade(string student) => course.Grades[student];

    private TestResult Test(string student, string id) => Grade(student).Notebooks.Single().Tests.Single(t => t.GradeId == id);

    private IReadOnlyList<string> Flags(string student) => Grade(student).Notebooks.Single().Flags;

    [Fact]
    public void A_correct_solution_gets_full_marks()
    {
        Assert.Equal(8, Grade("alice").Total);
        Assert.All(Grade("alice").Notebooks.Single().Tests, t => Assert.Equal(TestStatus.Passed, t.Status));
        Assert.Empty(Flags("alice"));
    }

    [Fact]
    public void A_wrong_solution_fails_the_hidden_test_it_breaks()
    {
        Assert.Equal(6, Grade("bob").Total);
        var hidden = Test("bob", "softmax_values");
        Assert.True(hidden.Hidden);
        Assert.Equal(TestStatus.Failed, hidden.Status);
        Assert.Contains("Softmax(big)", hidden.Message);
        Assert.Equal("subtract the row maximum before exponentiating, or large logits overflow", hidden.Hint);
    }

    [Fact]
    public void Partial_credit_comes_from_a_test_cells_last_value_and_lateness_costs_per_started_hour()
    {
        Assert.Equal(0.5, Test("carol", "focal_cases").Points);
        Assert.Equal(TestStatus.Partial, Test("carol", "focal_cases").Status);
        Assert.Equal(4.5, Grade("carol").Score);
        Assert.Equal(4, Grade("carol").LatePenalty);
        Assert.Equal(0.5, Grade("carol").Total);
    }

    [Fact]
    public void A_compile_error_fails_the_tests_that_need_the_code_and_no_others()
    {
        Assert.Equal(4, Grade("compile-error").Total);
        Assert.Equal(TestStatus.Failed, Test("compile-error", "softmax_rows").Status);
        Assert.Equal(TestStatus.Passed, Test("compile-error", "focal_value").Status);
    }

    [Fact]
    public void An_exception_fails_the_tests_that_call_it()
    {
        Assert.Equal(4, Grade("exception").Total);
        Assert.Contains("boom", Test("exception", "softmax_rows").Message);
    }

    [Fact]
    public void An_infinite_loop_times_out_and_the_tests_after_it_score_zero()
    {
        Assert.Equal(0, Grade("infinite-loop").Total);
        Assert.All(Grade("infinite-loop").Notebooks.Single().Tests, t => Assert.Equal(TestStatus.NotRun, t.Status));
        Assert.Contains("time limit", Test("infinite-loop", "softmax_rows").Message);
    }

    [Fact]
    public void A_stack_overflow_kills_only_its_worker_and_scores_zero()
    {
        Assert.Equal(0, Grade("stack-overflow").Total);
        Assert.All(Grade("stack-overflow").Notebooks.Single().Tests, t => Assert.Equal(TestStatus.NotRun, t.Status));
        Assert.Contains("worker process ended", Test("stack-overflow", "focal_cases").Message);
    }

    [Fact]
    public void A_memory_blow_up_fails_its_own_cell_under_the_heap_cap_and_grading_goes_on()
    {
        Assert.Equal(8, Grade("memory").Total);
        var hog = course.Autograded("memory").Cells.First(c => c.Source.Contains("hog"));
        Assert.Equal("System.OutOfMemoryException", (string)hog.Outputs.OfType<JsonObject>().Single(o => (string?)o["output_type"] == "error")["ename"]!);
    }

    [Fact]
    public void Environment_exit_before_the_tests_scores_zero_not_full_marks()
    {
        Assert.Equal(0, Grade("exit").Total);
        Assert.All(Grade("exit").Notebooks.Single().Tests, t => Assert.Equal(TestStatus.NotRun, t.Status));
    }

    [Fact]
    public void A_deleted_test_cell_is_restored_with_its_hidden_tests()
    {
        Assert.Equal(6, Grade("deleted-test").Total);
        Assert.Equal(TestStatus.Failed, Test("deleted-test", "softmax_values").Status);
        Assert.Contains(Flags("deleted-test"), f => f.Contains("'softmax_values' (test) was missing and has been restored"));
    }

    [Fact]
    public void A_renamed_test_cell_runs_as_student_code_and_the_original_is_restored()
    {
        Assert.Equal(6, Grade("renamed-test").Total);
        Assert.Contains(Flags("renamed-test"), f => f.Contains("unknown grade id 'my_values'"));
        Assert.Contains(Flags("renamed-test"), f => f.Contains("'softmax_values' (test) was missing"));
    }

    [Fact]
    public void An_edited_test_cell_is_flagged_and_the_source_version_graded()
    {
        Assert.Equal(6, Grade("edited-test").Total);
        Assert.Contains(Flags("edited-test"), f => f.Contains("'softmax_values' (test) was changed"));
    }

    [Fact]
    public void An_edited_locked_cell_is_flagged_and_restored()
    {
        Assert.Equal(8, Grade("edited-locked").Total);
        Assert.Contains(Flags("edited-locked"), f => f.Contains("'setup' (locked) was changed"));
    }

    [Fact]
    public void A_duplicated_grade_id_counts_once()
    {
        Assert.Equal(8, Grade("duplicate-id").Total);
        Assert.Equal(8, Grade("duplicate-id").MaxScore);
        Assert.Contains(Flags("duplicate-id"), f => f.Contains("'focal_cases' appears more than once"));
    }

    [Fact]
    public void A_student_defined_check_type_does_not_fake_passing()
    {
        foreach (var id in new[] { "softmax_rows", "softmax_values", "focal_value" })
            Assert.Equal(TestStatus.Tampered, Test("fake-check", id).Status);
        // Left: the gradient check of the identity (true for any differentiable function), nothing from the Check-based tests.
        Assert.Equal(1, Grade("fake-check").Total);
        Assert.Contains(Flags("fake-check"), f => f.Contains("defines its own"));
    }

    [Fact]
    public void Writes_outside_the_working_folder_do_not_reach_the_course()
    {
        Assert.Equal(8, Grade("outside").Total);
        Assert.Equal(8, course.Grader.Gradebook.Load(SampleCourse.Assignment, "alice")!.Total);
        string output = string.Concat(course.Autograded("outside").Cells.First(c => c.Source.Contains("pwned")).Outputs
            .OfType<JsonObject>().Select(o => (string?)o["text"]));
        if (!Sandbox.BubblewrapWorks) return; // process isolation only: documented as not covering this
        Assert.False(File.Exists(course.Outside));
        Assert.Contains("source hidden", output);
        Assert.StartsWith("bubblewrap", Grade("outside").Isolation);
    }

    [Fact]
    public void Huge_output_is_cut_at_1000_lines()
    {
        Assert.Equal(8, Grade("huge-output").Total);
        var printer = course.Autograded("huge-output").Cells.First(c => c.Source.Contains("200_000"));
        string text = string.Concat(printer.Outputs.OfType<JsonObject>().Select(o => (string?)o["text"]));
        Assert.Contains("output truncated", text);
        Assert.InRange(text.Count(c => c == '\n'), 1000, 1001);
    }

    [Fact]
    public void Malformed_json_scores_zero_with_the_reason()
    {
        Assert.Equal(0, Grade("malformed").Total);
        Assert.Equal(8, Grade("malformed").MaxScore);
        Assert.Contains(Flags("malformed"), f => f.Contains("could not be read"));
    }

    [Fact]
    public void A_notebook_of_another_assignment_scores_zero()
    {
        Assert.Equal(0, Grade("other-assignment").Total);
        Assert.Contains(Flags("other-assignment"), f => f.Contains("another assignment"));
    }

    [Fact]
    public async Task Feedback_export_regrading_and_resuming_work_end_to_end()
    {
        var files = Feedback.WriteAll(course.Course, course.Grader.Gradebook.All(SampleCourse.Assignment));
        Assert.Equal(course.Grades.Count, files.Count);
        string bob = File.ReadAllText(Path.Combine(course.Course.Feedback("bob", SampleCourse.Assignment), "00-sample.html"));
        Assert.Contains("softmax_values (hidden)", bob);
        Assert.DoesNotContain("subtract the row maximum", bob);
        string carol = File.ReadAllText(Path.Combine(course.Course.Feedback("carol", SampleCourse.Assignment), "00-sample.html"));
        Assert.Contains("FocalLossValue(pTrue, 2): expected", carol);
        Assert.Contains("the factor (1 - p)^γ down-weights easy examples", System.Net.WebUtility.HtmlDecode(carol));

        var csv = course.Grader.Gradebook.ExportCsv(SampleCourse.Assignment).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("student,assignment,softmax_rows,softmax_values,softmax_gradient,focal_value,focal_cases,group:focal,group:softmax,score,max_score,late_penalty,total", csv[0]);
        Assert.Contains("alice,00-sample,1,2,1,2,2,4,4,8,8,0,8", csv);
        Assert.Contains("bob,00-sample,1,0,1,2,2,4,2,6,8,0,6", csv);
        Assert.Contains("carol,00-sample,1,2,1,0,0.5,0.5,4,4.5,8,4,0.5", csv);

        // Re-grading one student leaves every other gradebook file untouched; a second run reuses all of them.
        string folder = Path.Combine(course.Course.Gradebook, SampleCourse.Assignment);
        var before = Directory.GetFiles(folder).Where(f => !f.EndsWith("carol.json")).ToDictionary(f => f, File.ReadAllText);
        var forced = new Autograder(course.Course, new GradingOptions { Force = true, Late = LatePolicy.ForAssignment(course.Course, SampleCourse.Assignment) });
        var regraded = Assert.Single(await forced.GradeAsync(SampleCourse.Assignment, ["carol"]));
        Assert.Equal(0.5, regraded.Total);
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllText(kv.Key)));
        var reused = new List<bool>();
        await new Autograder(course.Course, new GradingOptions()).GradeAsync(SampleCourse.Assignment, finished: (_, r) => { lock (reused) reused.Add(r); });
        Assert.Equal(course.Grades.Count, reused.Count(r => r));
    }

    [Fact]
    public async Task Validate_reports_each_visible_test_of_a_student_notebook()
    {
        string release = Path.Combine(course.Course.Release(SampleCourse.Assignment), SampleCourse.Notebook);
        var (tests, _) = await Validator.ValidateAsync(release, new RunOptions { CellTimeout = TimeSpan.FromSeconds(40) });
        Assert.Equal(["softmax_rows", "softmax_values", "softmax_gradient", "focal_value", "focal_cases"], tests.Select(t => t.GradeId));
        Assert.Contains("NotImplementedException", tests[0].Message);
        Assert.Equal(0, tests.Sum(t => t.Points));
        Assert.Equal(8, tests.Sum(t => t.MaxPoints));
    }
}
