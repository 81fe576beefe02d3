using System.CommandLine;
using Companion.Cli;

var root = new RootCommand("CourseCompanion notebook tools: run, check and clear C# notebooks.")
{
    NotebookVerbs.Run(),
    NotebookVerbs.Check(),
    NotebookVerbs.Clear(),
    BenchExecutorVerb.Create(),
    KernelVerb.Create(),
};
return await root.Parse(args).InvokeAsync();
