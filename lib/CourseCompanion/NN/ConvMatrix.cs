using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// The lecture's view of convolution as a matrix product: a convolution (cross-correlation, as <see cref="Tensor.Conv2d"/>)
/// of a [C_in, H, W] input with a weight [C_out, C_in, kh, kw] is the product W·vec(x) with a sparse, Toeplitz-structured
/// matrix W of shape [C_out·H_out·W_out, C_in·H·W]. Its transpose maps an output error back to the input (the backward pass).
/// </summary>
public static class ConvMatrix
{
    /// <summary>
    /// Builds W (float64) for <paramref name="weight"/> ([C_out, C_in, kh, kw], or a single [kh, kw] kernel) applied to a
    /// [C_in, <paramref name="height"/>, <paramref name="width"/>] input with zero padding, stride and dilation.
    /// Row r = (o, i, j) in row-major order holds the weights that output pixel (i, j) of filter o puts on each input pixel.
    /// </summary>
    public static Tensor Build(Tensor weight, int height, int width, Pair? stride = null, Pair padding = default, Pair? dilation = null)
    {
        var w = weight.Dim == 2 ? weight.Reshape(1, 1, weight.Size(0), weight.Size(1)) : weight;
        if (w.Dim != 4)
            throw new ArgumentException($"ConvMatrix: the weight needs shape [kh, kw] or [Cout, Cin, kh, kw], got {Shapes.Format(weight.ShapeArray)}.");
        var (s, d) = (stride ?? 1, dilation ?? 1);
        int cout = w.Size(0), cin = w.Size(1), kh = w.Size(2), kw = w.Size(3);
        int ho = ConvArithmetic.OutputSize(height, kh, s.Height, padding.Height, d.Height);
        int wo = ConvArithmetic.OutputSize(width, kw, s.Width, padding.Width, d.Width);
        var k = w.Detach().Contiguous().ToArray<double>();
        var m = new double[cout * ho * wo, cin * height * width];
        for (int o = 0; o < cout; o++)
            for (int i = 0; i < ho; i++)
                for (int j = 0; j < wo; j++)
                    for (int c = 0; c < cin; c++)
                        for (int u = 0; u < kh; u++)
                            for (int v = 0; v < kw; v++)
                            {
                                int y = i * s.Height - padding.Height + u * d.Height, x = j * s.Width - padding.Width + v * d.Width;
                                if (y < 0 || y >= height || x < 0 || x >= width) continue; // a zero of the padding
                                m[(o * ho + i) * wo + j, (c * height + y) * width + x] += k[((o * cin + c) * kh + u) * kw + v];
                            }
        return Tensor.FromArray(m);
    }
}
