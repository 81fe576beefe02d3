namespace CourseCompanion.Tensors;

/// <summary>How <see cref="Tensor.Pad"/> fills the new border, as PyTorch's <c>F.pad</c> modes.</summary>
public enum PadMode
{
    /// <summary>A constant value (default 0): zero padding of convolutions.</summary>
    Constant,
    /// <summary>Mirror without repeating the edge: [1 2 3] padded by 2 → [3 2 1 2 3 2 1].</summary>
    Reflect,
    /// <summary>Repeat the edge value: [1 2 3] padded by 2 → [1 1 1 2 3 3 3].</summary>
    Replicate,
    /// <summary>Wrap around: [1 2 3] padded by 2 → [2 3 1 2 3 1 2].</summary>
    Circular,
}

public sealed partial class Tensor
{
    /// <summary>
    /// Pads (or, with negative amounts, crops) the last dimensions, like <c>F.pad(x, pads, mode, value)</c>:
    /// pads lists (left, right) pairs starting with the <em>last</em> dimension, so (1, 1, 2, 2) pads the last
    /// dimension by 1 on each side and the one before by 2. Constant padding writes the tensor into a filled
    /// block and its backward narrows the gradient back; the other modes are an <see cref="IndexSelect"/> per
    /// dimension, so border elements that copy the same input element add up their gradients.
    /// </summary>
    public Tensor Pad(int[] pads, PadMode mode = PadMode.Constant, double value = 0)
    {
        if (pads.Length % 2 != 0 || pads.Length / 2 > Dim)
            throw new ArgumentException($"Pad: expected (left, right) pairs for at most {Dim} dimensions, got {pads.Length} values [{string.Join(", ", pads)}].");
        if (mode == PadMode.Constant) return PadConstant(pads, value);
        var x = this;
        for (int k = 0; k < pads.Length / 2; k++)
        {
            int d = Dim - 1 - k, left = pads[2 * k], right = pads[2 * k + 1];
            if (left == 0 && right == 0) continue;
            x = x.IndexSelect(d, PadSource(ShapeArray[d], left, right, mode, d));
        }
        return x;
    }

    /// <summary>For padded positions −left … n + right − 1 of a dimension of size n, the input position each copies.</summary>
    private static Tensor PadSource(int n, int left, int right, PadMode mode, int dim)
    {
        int count = n + left + right;
        if (count < 0) throw new ArgumentException($"Pad: padding ({left}, {right}) leaves a negative size for dimension {dim} of size {n}.");
        bool ok = mode switch
        {
            PadMode.Reflect => left < n && right < n,
            PadMode.Circular => left <= n && right <= n,
            _ => n > 0,
        };
        if (!ok)
            throw new ArgumentException($"Pad: {mode} padding ({left}, {right}) is too large for dimension {dim} of size {n}" +
                (mode == PadMode.Reflect ? " (each side must be smaller than the size)." : mode == PadMode.Circular ? " (each side must be at most the size)." : "."));
        var source = new long[count];
        for (int j = 0; j < count; j++)
        {
            int i = j - left;
            source[j] = mode switch
            {
                PadMode.Reflect => i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i,
                PadMode.Replicate => Math.Clamp(i, 0, n - 1),
                _ => ((i % n) + n) % n,
            };
        }
        return FromArray(source);
    }

    private Tensor PadConstant(int[] pads, double value)
    {
        var x = this;
        var shape = Shape;
        var lefts = new int[Dim];
        for (int k = 0; k < pads.Length / 2; k++)
        {
            int d = Dim - 1 - k, left = pads[2 * k], right = pads[2 * k + 1];
            int cropLeft = Math.Max(-left, 0), cropRight = Math.Max(-right, 0);
            if (cropLeft + cropRight > x.ShapeArray[d])
                throw new ArgumentException($"Pad: padding ({left}, {right}) leaves a negative size for dimension {d} of size {x.ShapeArray[d]}.");
            if (cropLeft + cropRight > 0) x = x.Narrow(d, cropLeft, x.ShapeArray[d] - cropLeft - cropRight);
            lefts[d] = Math.Max(left, 0);
            shape[d] = x.ShapeArray[d] + lefts[d] + Math.Max(right, 0);
        }
        var result = Full(shape, value, DType);
        int offset = 0;
        for (int d = 0; d < Dim; d++) offset += lefts[d] * result.StridesArray[d];
        IndexKernels.Put(result, StridedCopy.Offsets(offset, x.ShapeArray, result.StridesArray), x);
        var inner = x.ShapeArray;
        return Autograd.Record(result, "Pad", [x], g =>
        {
            for (int d = 0; d < inner.Length; d++)
                if (inner[d] != g.ShapeArray[d]) g = g.Narrow(d, lefts[d], inner[d]);
            return [g];
        });
    }
}
