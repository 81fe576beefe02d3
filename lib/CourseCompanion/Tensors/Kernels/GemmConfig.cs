namespace CourseCompanion.Tensors.Kernels;

/// <summary>Which micro-kernel a GEMM uses and how many threads it may take.</summary>
/// <param name="Isa">The micro-kernel's instruction set; must be supported by this CPU.</param>
/// <param name="Threads">Upper bound on threads; results are bit-identical for every value.</param>
internal readonly record struct GemmConfig(GemmIsa Isa, int Threads)
{
    /// <summary>The fastest kernel and one thread per processor.</summary>
    public static GemmConfig Default => new(GemmIsas.Best, Environment.ProcessorCount);
}
