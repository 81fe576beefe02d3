using CourseCompanion.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace CourseCompanion.Data;

/// <summary>
/// Copies between tensors and MathNet.Numerics matrices and vectors, so a notebook can hand data to MathNet's linear algebra
/// (SVD, eigenvalues, least squares) and back: <c>x.ToMatrix().Svd()</c>, <c>matrix.ToTensor()</c>.
/// </summary>
public static class MathNetConversions
{
    /// <summary>A dense MathNet matrix holding a copy of a 2-D tensor (any dtype, converted to double).</summary>
    public static Matrix<double> ToMatrix(this Tensor x)
    {
        if (x.Dim != 2) throw new ArgumentException($"ToMatrix: expected a 2-D tensor, got shape [{string.Join(", ", x.Shape)}].");
        return Matrix<double>.Build.DenseOfRowMajor(x.Size(0), x.Size(1), x.ToArray<double>());
    }

    /// <summary>A dense MathNet vector holding a copy of a 1-D tensor (any dtype, converted to double).</summary>
    public static Vector<double> ToVector(this Tensor x)
    {
        if (x.Dim != 1) throw new ArgumentException($"ToVector: expected a 1-D tensor, got shape [{string.Join(", ", x.Shape)}].");
        return Vector<double>.Build.DenseOfArray(x.ToArray<double>());
    }

    /// <summary>A [rows, columns] tensor holding a copy of the matrix, as float64 unless another floating type is asked for.</summary>
    public static Tensor ToTensor(this Matrix<double> matrix, DType dtype = DType.Float64) =>
        Tensor.FromArray(matrix.ToRowMajorArray(), matrix.RowCount, matrix.ColumnCount).To(dtype);

    /// <summary>A 1-D tensor holding a copy of the vector, as float64 unless another floating type is asked for.</summary>
    public static Tensor ToTensor(this Vector<double> vector, DType dtype = DType.Float64) =>
        Tensor.FromArray(vector.ToArray()).To(dtype);
}
