using System.CommandLine;
using Companion.Cli;

var root = new RootCommand("CourseCompanion notebook tools: run, check and clear C# notebooks.")
{
    NotebookVerbs.Run(),
    NotebookVerbs.Check(),
    NotebookVerbs.Clear(),
    ConvertVerb.Create(),
    IndexVerb.Create(),
    BenchExecutorVerb.Create(),
    ReleaseVerb.Create(),
    GenerateSolutionVerb.Create(),
    ValidateVerb.Create(),
    AutogradeVerb.Create(),
    FeedbackVerb.Create(),
    GradebookVerb.Create(),
    BenchGradingVerb.Create(),
    KernelVerb.Create(),
};
return await root.Parse(args).InvokeAsync();
