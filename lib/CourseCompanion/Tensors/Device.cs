namespace CourseCompanion.Tensors;

/// <summary>Where a tensor lives, shaped like <c>torch.device</c>. Only the CPU exists on these machines.</summary>
public sealed record Device(string Type)
{
    /// <summary>The CPU; all storage is in managed arrays.</summary>
    public static readonly Device Cpu = new("cpu");

    /// <summary>The device new tensors are created on: the best available, which here is always the CPU.</summary>
    public static Device Default { get; set; } = Cpu;

    /// <summary>False on these machines: there is no GPU backend.</summary>
    public static bool IsCudaAvailable => false;

    /// <summary>Parses "cpu" or "cuda"; asking for CUDA explains that only the CPU exists.</summary>
    public static Device Parse(string name) => name.ToLowerInvariant() switch
    {
        "cpu" => Cpu,
        var s when s.StartsWith("cuda", StringComparison.Ordinal) =>
            throw new NotSupportedException($"Device '{name}': no GPU backend exists here; use Device.Cpu (or Device.Default, which picks the CPU)."),
        _ => throw new ArgumentException($"Unknown device '{name}'; expected \"cpu\".", nameof(name)),
    };

    /// <inheritdoc/>
    public override string ToString() => Type;
}
