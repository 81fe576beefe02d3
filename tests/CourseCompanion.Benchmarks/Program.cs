using CourseCompanion.Benchmarks;

var verbs = new Dictionary<string, Func<string[], int>>
{
    ["gemm"] = GemmBenchmark.Run,
    ["train"] = TrainingBenchmark.Run,
    ["lenet-fashion"] = LeNetFashion.Run,
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out var verb))
{
    Console.Error.WriteLine($"usage: CourseCompanion.Benchmarks <{string.Join('|', verbs.Keys)}> [options]");
    return 2;
}
return verb(args[1..]);
