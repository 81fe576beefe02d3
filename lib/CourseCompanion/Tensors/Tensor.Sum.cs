using System.Numerics.Tensors;

namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>Sum of all elements (a 0-dimensional tensor).</summary>
    public Tensor Sum() => Sum(null, keepDim: false);

    /// <summary>Sum over one dimension.</summary>
    public Tensor Sum(int dim, bool keepDim = false) => Sum([dim], keepDim);

    /// <summary>Sum over several dimensions (all when null).</summary>
    public Tensor Sum(int[]? dims, bool keepDim = false)
    {
        var d = DimReduction.Dims(this, dims, "Sum");
        var result = GroupedSum.TrySum(this, d, DimReduction.ReducedShape(ShapeArray, d, keepDim)) ?? DimReduction.Apply(this, d, keepDim,
            static r => TensorPrimitives.Sum(r), static r => TensorPrimitives.Sum(r), static r => TensorPrimitives.Sum(r));
        var shape = ShapeArray;
        return Autograd.Record(result, "Sum", [this], g => [DimReduction.KeepDims(g, d, keepDim).Expand(shape)]);
    }

    /// <summary>Mean of all elements.</summary>
    public Tensor Mean() => Mean(null, keepDim: false);

    /// <summary>Mean over one dimension.</summary>
    public Tensor Mean(int dim, bool keepDim = false) => Mean([dim], keepDim);

    /// <summary>Mean over several dimensions (all when null).</summary>
    public Tensor Mean(int[]? dims, bool keepDim = false)
    {
        RequireFloatingPoint("Mean");
        var d = DimReduction.Dims(this, dims, "Mean");
        int count = Shapes.Product(d.Select(i => ShapeArray[i]).ToArray());
        return Sum(d, keepDim) / count;
    }
}
