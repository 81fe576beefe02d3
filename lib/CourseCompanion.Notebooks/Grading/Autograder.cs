using System.Security.Cryptography;
using System.Text;
using CourseCompanion.Notebooks.Execution;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>Limits and choices for autograding.</summary>
public sealed record GradingOptions
{
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan NotebookTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public long MemoryLimitBytes { get; init; } = 1L << 30;
    /// <summary>Output lines one cell keeps (nbgrader's LimitOutput default).</summary>
    public int MaxOutputLines { get; init; } = 1000;
    public SandboxMode Sandbox { get; init; } = SandboxMode.Auto;
    /// <summary>Submissions graded at once; by default the core count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>Re-grade submissions the gradebook already holds unchanged.</summary>
    public bool Force { get; init; }
    public LatePolicy Late { get; init; } = LatePolicy.Never;
    public string? WorkerAssembly { get; init; }
}

/// <summary>
/// nbgrader's <c>autograde</c>: for each submission, restore the locked and test cells from the source (<see cref="SubmissionMerge"/>),
/// check for faked assertions (<see cref="NameShadowing"/>), run the notebook in a fresh worker in a temporary working folder under
/// the <see cref="Sandbox"/>, score the test cells (<see cref="TestScoring"/>), apply the late penalty, and keep the result in the
/// <see cref="Gradebook"/> and the executed notebook under <c>autograded/</c>.
/// </summary>
public sealed class Autograder(CourseFolder course, GradingOptions options)
{
    /// <summary>The gradebook this grader writes to.</summary>
    public Gradebook Gradebook { get; } = new(course.Gradebook);

    /// <summary>
    /// Grades the submissions of <paramref name="assignment"/> (all students, or <paramref name="students"/>), up to
    /// <see cref="GradingOptions.Parallelism"/> at once; a submission whose gradebook entry matches its files is skipped unless forced.
    /// <paramref name="finished"/> is told after each student (the grade, and whether it was reused).
    /// </summary>
    public async Task<IReadOnlyList<SubmissionGrade>> GradeAsync(string assignment, IReadOnlyList<string>? students = null,
        Action<SubmissionGrade, bool>? finished = null, CancellationToken cancellationToken = default)
    {
        var sources = course.SourceNotebooks(assignment).Select(Notebook.Load).ToList();
        foreach (var s in sources) AssignmentRelease.CheckMetadata(s);
        string sourceHash = Hash(course.Source(assignment));
        var who = students ?? course.Students(assignment);
        var grades = new SubmissionGrade[who.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, who.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
            async (i, cancel) =>
            {
                string student = who[i];
                string folder = course.Submitted(student, assignment);
                if (!Directory.Exists(folder)) throw new GradingException($"no submission of '{assignment}' by '{student}' ({folder})");
                string hash = sourceHash + ":" + Hash(folder);
                var previous = options.Force ? null : Gradebook.Load(assignment, student);
                bool reused = previous is not null && previous.SubmissionHash == hash;
                var grade = reused ? previous! : await GradeIsolatedAsync(assignment, student, sources, hash, cancel);
                if (!reused) Gradebook.Save(grade);
                grades[i] = grade;
                finished?.Invoke(grade, reused);
            });
        return grades;
    }

    /// <summary>Grades one submission; whatever goes wrong with it (an unreadable folder, a worker that cannot start) is its grade alone.</summary>
    private async Task<SubmissionGrade> GradeIsolatedAsync(string assignment, string student, IReadOnlyList<Notebook> sources, string hash, CancellationToken cancel)
    {
        try { return await GradeSubmissionAsync(assignment, student, sources, hash, cancel); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            string flag = $"grading failed: {e.GetType().Name}: {e.Message}";
            var notebooks = sources.Select(s => new NotebookGrade(Path.GetFileName(s.SourceName),
                s.Cells.Where(NbgraderCell.IsTest).Select(t => TestScoring.Score(t, ran: false, flag, SourceMarkers.HasHiddenTests(t.Source))).ToList(), [flag])).ToList();
            // An empty hash: the next run tries again.
            return new SubmissionGrade(student, assignment, null, "", "", notebooks, 0, DateTimeOffset.UtcNow);
        }
    }

    private async Task<SubmissionGrade> GradeSubmissionAsync(string assignment, string student, IReadOnlyList<Notebook> sources, string hash, CancellationToken cancel)
    {
        string folder = course.Submitted(student, assignment);
        DateTimeOffset? timestamp;
        var notebooks = new List<NotebookGrade>();
        string isolation = "";
        try { timestamp = LatePolicy.ReadTimestamp(folder); }
        catch (GradingException) { timestamp = null; }
        foreach (var source in sources)
        {
            var (grade, how) = await GradeNotebookAsync(source, student, assignment, cancel);
            notebooks.Add(grade);
            if (how.Length > 0) isolation = how;
        }
        var found = Directory.EnumerateFiles(folder, "*.ipynb").Select(Path.GetFileName).OfType<string>()
            .Except(sources.Select(s => Path.GetFileName(s.SourceName))).ToList();
        if (found.Count > 0 && notebooks.Count > 0)
            notebooks[0] = notebooks[0] with { Flags = [.. notebooks[0].Flags, $"notebooks not part of this assignment were ignored: {string.Join(", ", found)}"] };
        double score = notebooks.Sum(n => n.Tests.Sum(t => t.Points));
        return new SubmissionGrade(student, assignment, timestamp, hash, isolation, notebooks, options.Late.Penalty(score, timestamp), DateTimeOffset.UtcNow);
    }

    private async Task<(NotebookGrade Grade, string Isolation)> GradeNotebookAsync(Notebook source, string student, string assignment, CancellationToken cancel)
    {
        string name = Path.GetFileName(source.SourceName);
        var tests = source.Cells.Where(NbgraderCell.IsTest).ToList();
        var hidden = tests.Where(t => SourceMarkers.HasHiddenTests(t.Source)).Select(t => NbgraderCell.Of(t)!.GradeId).ToHashSet();
        NotebookGrade Zero(string flag) => new(name, tests.Select(t => TestScoring.Score(t, ran: false, flag, hidden.Contains(NbgraderCell.Of(t)!.GradeId))).ToList(), [flag]);

        string submittedPath = Path.Combine(course.Submitted(student, assignment), name);
        if (!File.Exists(submittedPath)) return (Zero($"{name} was not handed in"), "");
        Notebook submitted;
        try { submitted = Notebook.Load(submittedPath); }
        catch (NotebookFormatException e) { return (Zero($"{name} could not be read: {e.Message}"), ""); }

        string work = Path.Combine(Path.GetTempPath(), "companion-grading", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            CopyOtherFiles(course.Submitted(student, assignment), work);
            var (graded, flags, _) = SubmissionMerge.Merge(source, submitted, Path.Combine(work, name));
            var flagList = flags.ToList();

            var studentCells = graded.Cells.Where(c => c.IsCode && NbgraderCell.Of(c) is not { IsLocked: true }).Select(c => c.Source);
            var instructorCells = source.Cells.Where(c => c.IsCode).Select(c => SourceMarkers.StripMarkers(c.Source));
            var tampered = NameShadowing.Find(instructorCells, studentCells,
                graded.Cells.Where(NbgraderCell.IsTest).Select(c => (NbgraderCell.Of(c)!.GradeId, c.Source)));
            foreach (var (id, names) in tampered)
                flagList.Add($"test '{id}' uses {string.Join(", ", names)} from the library, but the submission defines its own: the test scores zero");

            var isolation = Sandbox.For(options.Sandbox, work,
                hidden: [course.Root],
                readOnly: SubmissionMerge.References(graded).Select(Path.GetDirectoryName).OfType<string>()
                    .Append(Path.GetDirectoryName(new WorkerOptions(work, 0, options.WorkerAssembly).ResolvedWorkerAssembly)!));
            var runOptions = new RunOptions
            {
                CellTimeout = options.CellTimeout,
                NotebookTimeout = options.NotebookTimeout,
                MemoryLimitBytes = options.MemoryLimitBytes,
                WorkerAssembly = options.WorkerAssembly,
                ContinueAfterErrors = true,
                MaxOutputLines = options.MaxOutputLines,
                WorkerWrapper = isolation.Wrapper,
                WorkerEnvironment = new Dictionary<string, string> { ["DOTNET_EnableDiagnostics"] = "0" },
            };
            NotebookRun run;
            string? stopReason = null;
            try
            {
                run = await new NotebookRunner(runOptions).RunAsync(graded, cancellationToken: cancel);
                var stop = run.Failures.LastOrDefault(f => graded.Cells[f.CellIndex].Outputs.OfType<System.Text.Json.Nodes.JsonObject>()
                    .Any(o => (string?)o["ename"] is "CellTimeout" or "WorkerLost"));
                if (stop is not null) stopReason = $"not run: the notebook stopped at cell {stop.CellIndex}: {stop.Error}";
            }
            catch (InvalidOperationException e)
            {
                run = new NotebookRun([], []);
                stopReason = $"not run: {e.Message}";
                flagList.Add(stopReason);
            }

            var executed = run.ExecutedCells.ToHashSet();
            var results = new List<TestResult>();
            foreach (var cell in graded.Cells.Where(NbgraderCell.IsTest))
            {
                var id = NbgraderCell.Of(cell)!.GradeId;
                var result = TestScoring.Score(cell, executed.Contains(cell.Index) && cell.ExecutionCount is not null, stopReason, hidden.Contains(id));
                if (tampered.TryGetValue(id, out var names))
                    result = result with { Points = 0, Status = TestStatus.Tampered, Message = $"the submission redefines {string.Join(", ", names)}, which this test takes from the library" };
                results.Add(result);
            }
            // Keep the source's order of tests, and a test the run could not even place still counts as not run.
            var order = tests.Select(t => NbgraderCell.Of(t)!.GradeId).ToList();
            results = [.. results.OrderBy(r => order.IndexOf(r.GradeId))];

            string target = course.Autograded(student, assignment);
            Directory.CreateDirectory(target);
            graded.Save(Path.Combine(target, name));
            return (new NotebookGrade(name, results, flagList), isolation.Description);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Data files the student handed in beside the notebook (not notebooks, not the timestamp), up to 50 MB in all.</summary>
    private static void CopyOtherFiles(string from, string to)
    {
        long budget = 50L << 20;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || relative == "timestamp.txt") continue;
            long size = new FileInfo(file).Length;
            if ((budget -= size) < 0) break;
            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>SHA-256 over the relative paths and contents of a folder's files.</summary>
    private static string Hash(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\0"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
