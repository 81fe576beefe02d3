using CourseCompanion.Data;
using CourseCompanion.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace CourseCompanion.Tests.Data;

public class MathNetConversionsTests
{
    [Fact]
    public void MatrixRoundTripKeepsRowMajorLayout()
    {
        var x = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var m = x.ToMatrix();
        Assert.Equal(2, m.RowCount);
        Assert.Equal(3, m.ColumnCount);
        Assert.Equal(6, m[1, 2]);
        Assert.Equal(2, m[0, 1]);
        var back = m.ToTensor();
        Assert.Equal([2, 3], back.Shape);
        Assert.Equal(DType.Float64, back.DType);
        Assert.Equal(x.ToArray<double>(), back.ToArray<double>());
    }

    [Fact]
    public void TransposedViewsAndFloat32AreConverted()
    {
        var x = Tensor.FromArray(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3).T; // a strided view [3, 2]
        var m = x.ToMatrix();
        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 4 }, { 2, 5 }, { 3, 6 } }), m);
        var back = (m * m.Transpose()).ToTensor(DType.Float32);
        Assert.Equal(DType.Float32, back.DType);
        Assert.Equal(17f, back.ToArray<float>()[0]); // 1·1 + 4·4
    }

    [Fact]
    public void VectorRoundTripAndShapeChecks()
    {
        var v = Tensor.FromArray(new long[] { 3, -1, 7 }).ToVector();
        Assert.Equal(9, v.Sum());
        Assert.Equal(new double[] { 3, -1, 7 }, v.ToTensor().ToArray<double>());
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 2).ToVector());
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(4).ToMatrix());
    }
}
