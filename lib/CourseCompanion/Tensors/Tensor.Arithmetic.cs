using System.Numerics.Tensors;

namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>Element-wise sum with broadcasting.</summary>
    public Tensor Add(Tensor other)
    {
        var result = Elementwise.Zip(this, other, "Add",
            static (x, y, r) => TensorPrimitives.Add(x, y, r),
            static (x, y, r) => TensorPrimitives.Add(x, y, r),
            static (x, y, r) => TensorPrimitives.Add(x, y, r));
        return Autograd.Record(result, "Add", [this, other], g => [g.SumTo(ShapeArray), g.SumTo(other.ShapeArray)]);
    }

    /// <summary>Element-wise difference with broadcasting.</summary>
    public Tensor Sub(Tensor other)
    {
        var result = Elementwise.Zip(this, other, "Sub",
            static (x, y, r) => TensorPrimitives.Subtract(x, y, r),
            static (x, y, r) => TensorPrimitives.Subtract(x, y, r),
            static (x, y, r) => TensorPrimitives.Subtract(x, y, r));
        return Autograd.Record(result, "Sub", [this, other], g => [g.SumTo(ShapeArray), (-g).SumTo(other.ShapeArray)]);
    }

    /// <summary>Element-wise product with broadcasting.</summary>
    public Tensor Mul(Tensor other)
    {
        var result = Elementwise.Zip(this, other, "Mul",
            static (x, y, r) => TensorPrimitives.Multiply(x, y, r),
            static (x, y, r) => TensorPrimitives.Multiply(x, y, r),
            static (x, y, r) => TensorPrimitives.Multiply(x, y, r));
        return Autograd.Record(result, "Mul", [this, other], g => [(g * other).SumTo(ShapeArray), (g * this).SumTo(other.ShapeArray)]);
    }

    /// <summary>Element-wise true division with broadcasting (integers divide as floats).</summary>
    public Tensor Div(Tensor other)
    {
        var result = Elementwise.Zip(this, other, "Div",
            static (x, y, r) => TensorPrimitives.Divide(x, y, r),
            static (x, y, r) => TensorPrimitives.Divide(x, y, r));
        return Autograd.Record(result, "Div", [this, other], g => [(g / other).SumTo(ShapeArray), (-g * this / (other * other)).SumTo(other.ShapeArray)]);
    }

    /// <summary>x · s for a scalar s.</summary>
    public Tensor Mul(double s)
    {
        var result = Elementwise.Map(this, (x, r) => TensorPrimitives.Multiply(x, (float)s, r), (x, r) => TensorPrimitives.Multiply(x, s, r));
        return Autograd.Record(result, "MulScalar", [this], g => [g * s]);
    }

    /// <summary>x + s for a scalar s.</summary>
    public Tensor Add(double s)
    {
        var result = Elementwise.Map(this, (x, r) => TensorPrimitives.Add(x, (float)s, r), (x, r) => TensorPrimitives.Add(x, s, r));
        return Autograd.Record(result, "AddScalar", [this], g => [g]);
    }

    /// <summary>x / s for a scalar s.</summary>
    public Tensor Div(double s)
    {
        var result = Elementwise.Map(this, (x, r) => TensorPrimitives.Divide(x, (float)s, r), (x, r) => TensorPrimitives.Divide(x, s, r));
        return Autograd.Record(result, "DivScalar", [this], g => [g / s]);
    }

    /// <summary>s / x for a scalar s.</summary>
    public Tensor RDiv(double s)
    {
        var result = Elementwise.Map(this, (x, r) => TensorPrimitives.Divide((float)s, x, r), (x, r) => TensorPrimitives.Divide(s, x, r));
        return Autograd.Record(result, "RDivScalar", [this], g => [-g * s / (this * this)]);
    }

    /// <summary>Element-wise negation.</summary>
    public Tensor Neg()
    {
        var result = Elementwise.Map(this, static (x, r) => TensorPrimitives.Negate(x, r), static (x, r) => TensorPrimitives.Negate(x, r));
        return Autograd.Record(result, "Neg", [this], g => [-g]);
    }

    /// <summary>Sums a broadcast gradient back to <paramref name="shape"/>: the backward of broadcasting.</summary>
    public Tensor SumTo(int[] shape)
    {
        if (Shapes.Equal(ShapeArray, shape)) return this;
        int lead = Dim - shape.Length;
        if (lead < 0) throw new ArgumentException($"SumTo: cannot sum shape {Shapes.Format(ShapeArray)} to the larger rank of {Shapes.Format(shape)}.");
        var dims = new List<int>();
        for (int d = 0; d < Dim; d++)
            if (d < lead || (shape[d - lead] == 1 && ShapeArray[d] != 1)) dims.Add(d);
        return Sum(dims.ToArray(), keepDim: true).Reshape(shape);
    }

    /// <summary>Element-wise sum.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => a.Add(b);
    /// <summary>Element-wise difference.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => a.Sub(b);
    /// <summary>Element-wise product (not matrix product: see <see cref="MatMul"/>).</summary>
    public static Tensor operator *(Tensor a, Tensor b) => a.Mul(b);
    /// <summary>Element-wise division.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => a.Div(b);
    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor a) => a.Neg();
    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(Tensor a, double s) => a.Add(s);
    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(double s, Tensor a) => a.Add(s);
    /// <summary>Subtracts a scalar.</summary>
    public static Tensor operator -(Tensor a, double s) => a.Add(-s);
    /// <summary>Scalar minus tensor.</summary>
    public static Tensor operator -(double s, Tensor a) => a.Neg().Add(s);
    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(Tensor a, double s) => a.Mul(s);
    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(double s, Tensor a) => a.Mul(s);
    /// <summary>Divides by a scalar.</summary>
    public static Tensor operator /(Tensor a, double s) => a.Div(s);
    /// <summary>Scalar divided by tensor.</summary>
    public static Tensor operator /(double s, Tensor a) => a.RDiv(s);
}
