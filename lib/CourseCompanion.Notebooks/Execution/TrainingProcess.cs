namespace CourseCompanion.Notebooks.Execution;

/// <summary>
/// Runtime settings for a process that trains models, which the runtime reads only from its environment at start-up: the
/// notebook worker and the benchmarks start with them. A training step allocates megabytes of short-lived tensors; the
/// default young generation of a few megabytes fills several times a step, and each collection stops the step and promotes
/// the autograd graph still in use, until full collections follow (LSTM benchmark: 88 young and 22 full collections in
/// 23 steps). In interleaved runs a 32 MB young generation cut the LeNet and LSTM steps by a third; 64 MB cut them a little
/// more but slowed the MLP, whose tensors then stop fitting in cache. Settings the runtime also takes from
/// runtimeconfig.json live in lib/TrainingHost.props.
/// </summary>
public static class TrainingProcess
{
    /// <summary>Environment variables to start a training process with.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["DOTNET_GCgen0size"] = "0x2000000", // a 32 MB young generation
    };

    /// <summary>True when this process already runs with <see cref="Environment"/>.</summary>
    public static bool IsConfigured => Environment.All(e => System.Environment.GetEnvironmentVariable(e.Key) == e.Value);
}
