using System.Numerics;
using System.Runtime.InteropServices;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// The per-channel loops of batch normalisation over <see cref="ChannelLayout"/> data, float32 or float64: the statistics
/// in one pass, the map y = (x − center_c)·scale_c + shift_c, and the two sums its backward needs. Sums are kept in double.
/// Channels run in parallel when there is enough work, each whole on one thread in a fixed order,
/// so results do not depend on the thread count.
/// </summary>
public static class BatchNormKernel
{
    /// <summary>
    /// Mean and biased variance of each channel in one pass: sums of d = x − K and d² in double around the channel's
    /// first value K (the shifted-data algorithm, which avoids the cancellation of Σx² − (Σx)²/n when |μ| ≫ σ).
    /// </summary>
    public static void Statistics<T>(ChannelLayout l, ReadOnlyMemory<T> x, double[] mean, double[] variance)
        where T : unmanaged, INumber<T>
    {
        Check(l, [x.Length], [mean.Length, variance.Length]);
        if (l.PerChannel == 0) throw new ArgumentException($"Statistics of empty channels: {l}.");
        ParallelItems.For(l.Channels, l.PerChannel, c =>
        {
            var data = x.Span;
            double shift = double.CreateTruncating(data[l.RowStart(0, c)]), sum = 0, squares = 0;
            for (int n = 0; n < l.Batch; n++)
            {
                var (s, q) = ShiftedSums(data.Slice(l.RowStart(n, c), l.Plane), shift);
                sum += s;
                squares += q;
            }
            double d = sum / l.PerChannel;
            mean[c] = shift + d;
            variance[c] = Math.Max(squares / l.PerChannel - d * d, 0);
        });
    }

    /// <summary>y = (x − center_c)·scale_c + shift_c in every row of channel c.</summary>
    public static void Affine<T>(ChannelLayout l, ReadOnlyMemory<T> x, T[] center, T[] scale, T[] shift, Memory<T> y)
        where T : unmanaged, INumber<T>
    {
        Check(l, [x.Length, y.Length], [center.Length, scale.Length, shift.Length]);
        ParallelItems.For(l.Channels, l.PerChannel, c =>
        {
            for (int n = 0; n < l.Batch; n++)
            {
                int start = l.RowStart(n, c);
                AffineRow(x.Span.Slice(start, l.Plane), center[c], scale[c], shift[c], y.Span.Slice(start, l.Plane));
            }
        });
    }

    /// <summary>Σ dy and Σ dy·(x − center_c) over each channel, in double: the sums behind ∂L/∂β, ∂L/∂γ and ∂L/∂x.</summary>
    public static void GradientSums<T>(ChannelLayout l, ReadOnlyMemory<T> dy, ReadOnlyMemory<T> x, double[] center,
        double[] sumDy, double[] sumDyCentered) where T : unmanaged, INumber<T>
    {
        Check(l, [dy.Length, x.Length], [center.Length, sumDy.Length, sumDyCentered.Length]);
        ParallelItems.For(l.Channels, 2L * l.PerChannel, c =>
        {
            double s = 0, p = 0;
            for (int n = 0; n < l.Batch; n++)
            {
                int start = l.RowStart(n, c);
                var (rowSum, rowProduct) = CenteredDot(dy.Span.Slice(start, l.Plane), x.Span.Slice(start, l.Plane), center[c]);
                s += rowSum;
                p += rowProduct;
            }
            sumDy[c] = s;
            sumDyCentered[c] = p;
        });
    }

    /// <summary>
    /// dx = k_c·dy + p_c·(x − center_c) + q_c in every row of channel c: the training-mode input gradient with
    /// k = γ/σ, p = −k·Σdy·(x − μ)/(M·σ²) and q = −k·Σdy/M over the M values of the channel.
    /// </summary>
    public static void InputGradient<T>(ChannelLayout l, ReadOnlyMemory<T> dy, T[] k, ReadOnlyMemory<T> x, T[] center, T[] p, T[] q, Memory<T> dx)
        where T : unmanaged, INumber<T>
    {
        Check(l, [dy.Length, x.Length, dx.Length], [k.Length, center.Length, p.Length, q.Length]);
        ParallelItems.For(l.Channels, 2L * l.PerChannel, c =>
        {
            for (int n = 0; n < l.Batch; n++)
            {
                int start = l.RowStart(n, c);
                InputGradientRow(dy.Span.Slice(start, l.Plane), k[c], x.Span.Slice(start, l.Plane), center[c], p[c], q[c], dx.Span.Slice(start, l.Plane));
            }
        });
    }

    private static (double Sum, double Squares) ShiftedSums<T>(ReadOnlySpan<T> row, double shift) where T : unmanaged =>
        typeof(T) == typeof(float) ? ShiftedSums(MemoryMarshal.Cast<T, float>(row), shift) : ShiftedSums(MemoryMarshal.Cast<T, double>(row), shift);

    private static (double Sum, double Squares) ShiftedSums(ReadOnlySpan<float> row, double shift)
    {
        var k = new Vector<double>(shift);
        Vector<double> sum = Vector<double>.Zero, squares = Vector<double>.Zero;
        int i = 0;
        for (; i <= row.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            Vector.Widen(new Vector<float>(row[i..]), out var low, out var high);
            low -= k;
            high -= k;
            sum += low + high;
            squares += low * low + high * high;
        }
        double s = Vector.Sum(sum), q = Vector.Sum(squares);
        for (; i < row.Length; i++) { double d = row[i] - shift; s += d; q += d * d; }
        return (s, q);
    }

    private static (double Sum, double Squares) ShiftedSums(ReadOnlySpan<double> row, double shift)
    {
        var k = new Vector<double>(shift);
        Vector<double> sum = Vector<double>.Zero, squares = Vector<double>.Zero;
        int i = 0;
        for (; i <= row.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            var d = new Vector<double>(row[i..]) - k;
            sum += d;
            squares += d * d;
        }
        double s = Vector.Sum(sum), q = Vector.Sum(squares);
        for (; i < row.Length; i++) { double d = row[i] - shift; s += d; q += d * d; }
        return (s, q);
    }

    private static (double Sum, double Product) CenteredDot<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, double center) where T : unmanaged =>
        typeof(T) == typeof(float)
            ? CenteredDot(MemoryMarshal.Cast<T, float>(dy), MemoryMarshal.Cast<T, float>(x), center)
            : CenteredDot(MemoryMarshal.Cast<T, double>(dy), MemoryMarshal.Cast<T, double>(x), center);

    /// <summary>(Σ dy, Σ dy·(x − center)) of one row.</summary>
    private static (double Sum, double Product) CenteredDot(ReadOnlySpan<float> dy, ReadOnlySpan<float> x, double center)
    {
        var k = new Vector<double>(center);
        Vector<double> sum = Vector<double>.Zero, product = Vector<double>.Zero;
        int i = 0;
        for (; i <= dy.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            Vector.Widen(new Vector<float>(dy[i..]), out var gLow, out var gHigh);
            Vector.Widen(new Vector<float>(x[i..]), out var xLow, out var xHigh);
            sum += gLow + gHigh;
            product += gLow * (xLow - k) + gHigh * (xHigh - k);
        }
        double s = Vector.Sum(sum), p = Vector.Sum(product);
        for (; i < dy.Length; i++) { s += dy[i]; p += dy[i] * (x[i] - center); }
        return (s, p);
    }

    /// <summary>(Σ dy, Σ dy·(x − center)) of one row.</summary>
    private static (double Sum, double Product) CenteredDot(ReadOnlySpan<double> dy, ReadOnlySpan<double> x, double center)
    {
        var k = new Vector<double>(center);
        Vector<double> sum = Vector<double>.Zero, product = Vector<double>.Zero;
        int i = 0;
        for (; i <= dy.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            var g = new Vector<double>(dy[i..]);
            sum += g;
            product += g * (new Vector<double>(x[i..]) - k);
        }
        double s = Vector.Sum(sum), p = Vector.Sum(product);
        for (; i < dy.Length; i++) { s += dy[i]; p += dy[i] * (x[i] - center); }
        return (s, p);
    }

    private static void AffineRow<T>(ReadOnlySpan<T> x, T center, T scale, T shift, Span<T> y) where T : unmanaged, INumber<T>
    {
        var (c, a, b) = (new Vector<T>(center), new Vector<T>(scale), new Vector<T>(shift));
        int i = 0;
        for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            ((new Vector<T>(x[i..]) - c) * a + b).CopyTo(y[i..]);
        for (; i < x.Length; i++) y[i] = (x[i] - center) * scale + shift;
    }

    private static void InputGradientRow<T>(ReadOnlySpan<T> dy, T k, ReadOnlySpan<T> x, T center, T p, T q, Span<T> dx)
        where T : unmanaged, INumber<T>
    {
        var (vk, vc, vp, vq) = (new Vector<T>(k), new Vector<T>(center), new Vector<T>(p), new Vector<T>(q));
        int i = 0;
        for (; i <= dy.Length - Vector<T>.Count; i += Vector<T>.Count)
            (new Vector<T>(dy[i..]) * vk + (new Vector<T>(x[i..]) - vc) * vp + vq).CopyTo(dx[i..]);
        for (; i < dy.Length; i++) dx[i] = dy[i] * k + (x[i] - center) * p + q;
    }

    /// <summary>Throws unless every data buffer holds the layout and every per-channel array one value per channel.</summary>
    private static void Check(ChannelLayout l, int[] dataLengths, int[] channelLengths)
    {
        if (l.Batch < 0 || l.Channels < 0 || l.Plane < 0)
            throw new ArgumentException($"Sizes must be non-negative: {l}.");
        if (dataLengths.Min() < l.Size || channelLengths.Min() < l.Channels)
            throw new ArgumentException($"Buffers too short for {l}: data [{string.Join(", ", dataLengths)}], per channel [{string.Join(", ", channelLengths)}].");
    }
}
