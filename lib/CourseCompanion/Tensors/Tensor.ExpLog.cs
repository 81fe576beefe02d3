using System.Numerics.Tensors;

namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>eˣ element-wise; d/dx eˣ = eˣ.</summary>
    public Tensor Exp()
    {
        var result = Elementwise.Map(this, static (x, r) => TensorPrimitives.Exp(x, r), static (x, r) => TensorPrimitives.Exp(x, r));
        return Autograd.Record(result, "Exp", [this], g => [g * result]);
    }

    /// <summary>Natural logarithm element-wise; d/dx ln x = 1/x.</summary>
    public Tensor Log()
    {
        var result = Elementwise.Map(this, static (x, r) => TensorPrimitives.Log(x, r), static (x, r) => TensorPrimitives.Log(x, r));
        return Autograd.Record(result, "Log", [this], g => [g / this]);
    }
}
